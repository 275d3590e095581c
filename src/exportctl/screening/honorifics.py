"""Honorifics and titles written in front of a person's name: a closed class, hand-written.

"Mr. Viktor Bout", "Sheikh Hassan Nasrallah", "Ayatollah Ali Khamenei" and the listed "AL ZAWAHIRI, Dr. Ayman" name
the same people with and without the title, so a title says little about who is meant: the index weighs it at
:data:`HONORIFIC_WEIGHT` of its rarity, on both sides (a rare word such as "Ayatollah" had outweighed the name), and a
title the query writes half that again (:data:`exportctl.screening.index.QUERY_TITLE_SHARE`).
Only words that are titles and nothing else are here, in the spellings the lists and registers use: military ranks
that are also ordinary words (General, Major, Captain) and titles that are also given names (Sayed, Sultan, Emir)
are left out.
"""

from __future__ import annotations

HONORIFIC_WEIGHT = 0.2  # share of its rarity a title keeps as a word of a name

HONORIFICS = frozenset(
    {
        # courtesy and academic titles
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "professor", "sir", "dame",
        "herr", "frau", "monsieur", "madame", "senor", "senora", "gospodin", "gospozha",
        # Islamic religious and honorific titles
        "sheikh", "shaikh", "shaykh", "sheik", "shaik", "cheikh", "sheikha", "shaikha",
        "haji", "hajji", "hadji", "alhaji", "alhadji", "hajj", "hajja", "hajjah",
        "mullah", "mulla", "mollah", "molla", "maulana", "mawlana", "moulana", "maulvi", "mawlawi", "mawlavi",
        "moulvi", "ayatollah", "ayatullah", "ayatolla", "hojatoleslam", "hojjatoleslam",
        # ranks written only as titles
        "colonel", "col", "lieutenant", "lt", "brigadier", "brig", "sergeant", "sgt", "capt", "admiral", "adm",
    }
)  # fmt: skip


def is_honorific(token: str) -> bool:
    """Whether a folded word of a name is a title (:data:`HONORIFICS`)."""
    return token in HONORIFICS
