"""Legal forms (Co., Ltd.; LLC; ООО; JSC; АО; GmbH; S.A.; Pte Ltd; Sdn Bhd; Ltd. Şti. …) across languages.

A legal form says little about *who* a party is: "Huawei Technologies Co., Ltd." and "Huawei Technologies Company
Limited" are the same party, and "Acme LLC" is no closer to "Beta LLC" for sharing "LLC". So the normaliser takes
legal forms out of the name tokens and keeps them as a separate, weak set of canonical codes, compared by the
``legal_form`` feature only.

Matching works on *folded* tokens (see :mod:`exportctl.screening.normalize`): dotted initials are already joined
("S.A." → "sa", "L.L.C." → "llc") and Cyrillic forms already romanised ("ООО" → "ooo", "ПАО" → "pao"). Chinese forms
(有限公司, 股份有限公司 …) are rewritten to "co ltd" by :mod:`exportctl.screening.scripts` before they get here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Sequence

from rapidfuzz.distance import OSA

# canonical code -> spellings (token sequences after folding). Families that users rewrite into one another share a
# code: Russian АО/ОАО/ЗАО/ПАО and JSC/OJSC/CJSC/PJSC are all "jsc"; ООО, LLC, TOV are all "llc".
_FORMS: dict[str, tuple[str, ...]] = {
    "co_ltd": (
        "co ltd",
        "company ltd",
        "co limited",
        "company limited",
        "limited company",
        "ltd co",
        "co ltd co",
        "ko ltd",  # Russian writes Co., Ltd. out: Ко., Лтд.
        "ko limited",
        "youxian gongsi",  # pinyin of 有限公司, 股份有限公司, 有限责任公司
        "youxiangongsi",
        "gufen youxian gongsi",
        "gufenyouxian gongsi",
        "youxian zeren gongsi",
        "youxianzeren gongsi",
        "youxian zerengongsi",
    ),
    "ltd": ("ltd", "limited", "ltd liability co"),
    "co": ("co", "company", "cos", "companies"),
    "corp": ("corp", "corporation", "corpn"),
    "inc": ("inc", "incorporated"),
    "llc": (
        "llc",
        "limited liability company",
        "limited liability co",
        "ooo",
        "tov",
        "mchj",
        "llp",
        "obshchestvo s ogranichennoi otvetstvennostyu",  # ООО written out (808 listed names)
        "tovarystvo z obmezhenoyu vidpovidalnistyu",  # Ukrainian ТОВ written out
        "tovarishchestvo s ogranichennoi otvetstvennostyu",  # Kazakh ТОО (LLP) written out
        "taa",  # Belarusian ТАА
        "tavarystva z abmezhavanay adkaznastsyu",  # ТАА written out
        "too",  # Kazakh ТОО in Latin letters (KBR TEKHNOLOGII TOO)
        "limited liability partnership",
        "wll",  # Gulf "with limited liability"
        "sp z oo",  # Polish sp. z o.o.
        "sp zoo",
        "spzoo",
    ),
    "jsc": (
        "jsc",
        "joint stock company",
        "joint stock co",
        "jointstock company",
        "ao",
        "oao",
        "zao",
        "pao",
        "nao",
        "ojsc",
        "cjsc",
        "pjsc",
        "ojsc",
        "open joint stock company",
        "closed joint stock company",
        "public joint stock company",
        "non public joint stock company",
        # "joint stock" alone is the form too: a bank's (ПАО АКБ, public joint stock commercial bank; АКБ, joint stock
        # commercial bank; COMMERCIAL JOINT-STOCK BANK)
        "joint stock",
        "open joint stock",
        "closed joint stock",
        "public joint stock",
        "publicly traded company",
        "aktsionernoe obshchestvo",
        "otkrytoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo",
        "publichnoe aktsionernoe obshchestvo",
        "nepublichnoe aktsionernoe obshchestvo",
        "aktsionerne tovarystvo",  # Ukrainian АТ, ПАТ, ПрАТ
        "publichne aktsionerne tovarystvo",
        "pryvatne aktsionerne tovarystvo",
        "aat",  # Belarusian ААТ (OJSC), ЗАТ (CJSC), АТ
        "zat",
        "aktsyyanernae tavarystva",
        "adkrytae aktsyyanernae tavarystva",
        "zakrytae aktsyyanernae tavarystva",
    ),
    "unitary_enterprise": (
        "fgup",
        "gup",
        "fsue",
        "federal state unitary enterprise",
        "state unitary enterprise",
        "federalnoe gosudarstvennoe unitarnoe predpriyatie",
        "gosudarstvennoe unitarnoe predpriyatie",
    ),
    # Russian state institutions (ФГБУ, ФГБУН, ФГБОУ ВО …: the form of most research institutes and universities of
    # the Russian state) and treasury enterprises (ФКП), written out in English, romanised or translated word by word
    "state_institution": (
        "fgbu",
        "fgbun",
        "fgbnu",
        "fgbou",
        "fgbou vo",
        "fgbou vpo",
        "fgau",
        "fganu",
        "fgaou",
        "fgaou vo",
        "fku",
        "federal state institution",
        "federal state budgetary institution",
        "federal state budgetary institute",
        "federal state budgetary establishment",
        "federal state financed institution",
        "federal state governmental institution",
        "federal state owned institution",
        "federal state treasury institution",
        "federal state autonomous institution",
        "federal state budgetary institution of science",
        "federal state budgetary institution of sciences",
        "federal state budgetary institution sciences",  # translated word by word: учреждение науки
        "federal state financed institution of science",
        "federal state budgetary scientific institution",
        "federal state autonomous scientific establishment",
        "federal state autonomous scientific institution",
        "federal state budgetary educational institution",
        "federal state budgetary educational institution of higher education",
        "federal state budgetary educational institution higher education",
        "federal state budgetary educational institution of higher professional education",
        "federal state autonomous educational institution",
        "federal state autonomous educational institution of higher education",
        "federal state autonomous educational institution higher education",
        "federalnoe gosudarstvennoe uchrezhdenie",
        "federalnoe kazennoe uchrezhdenie",
        "federalnoe gosudarstvennoe kazennoe uchrezhdenie",
        "federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie",
        "federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie nauki",
        "federalnoe gosudarstvennoe byudzhetnoe nauchnoe uchrezhdenie",
        "federalnoe gosudarstvennoe avtonomnoe uchrezhdenie",
        "federalnoe gosudarstvennoe avtonomnoe nauchnoe uchrezhdenie",
        "federalnoe gosudarstvennoe byudzhetnoe obrazovatelnoe uchrezhdenie",
        "federalnoe gosudarstvennoe byudzhetnoe obrazovatelnoe uchrezhdenie vysshego obrazovaniya",
        "federalnoe gosudarstvennoe byudzhetnoe obrazovatelnoe uchrezhdenie vysshego professionalnogo obrazovaniya",
        "federalnoe gosudarstvennoe avtonomnoe obrazovatelnoe uchrezhdenie",
        "federalnoe gosudarstvennoe avtonomnoe obrazovatelnoe uchrezhdenie vysshego obrazovaniya",
    ),
    "state_enterprise": (
        "fkp",
        "federal treasury enterprise",
        "federal state enterprise",
        "federal state owned enterprise",
        "federal state treasury enterprise",
        "federalnoe kazennoe predpriyatie",
    ),
    "gmbh": ("gmbh", "gesellschaft mit beschrankter haftung", "mbh"),
    "ag": ("ag", "aktiengesellschaft"),
    "kg": ("kg", "kgaa", "co kg", "and co kg", "gmbh co kg", "gmbh and co kg", "kommanditgesellschaft"),
    "sa": (
        "sa",
        "sa de cv",
        "sapi de cv",
        "sab de cv",
        "sas",
        "sarl",
        "sociedad anonima",
        "societe anonyme",
        "sal",  # Lebanese S.A.L. (239 listed names)
    ),
    "srl": ("srl", "s de rl", "s de rl de cv", "sl", "slu", "spa", "sro", "ltda", "eireli"),
    "pte_ltd": ("pte ltd", "pte limited", "private limited", "pvt ltd", "private ltd", "pte"),
    "sdn_bhd": ("sdn bhd", "sendirian berhad", "bhd", "berhad"),
    "ltd_sti": ("ltd sti", "limited sti", "limited sirketi", "ltd sirketi", "sti"),
    "as": ("as", "anonim sirketi", "a s"),
    "bv": (
        "bv",
        "nv",
        "plc",
        "pty ltd",
        "pty",
        "kft",
        "zrt",
        "doo",
        "ood",
        "eood",  # Bulgarian
        "ead",
        "oy",
        "oyj",
        "ab",
        "tbk",
        "aps",  # Danish ApS
        "kabushiki kaisha",  # Japanese K.K. written out (the bare "KK" ends a name only: see _LAST_WORD_FORMS)
        "kabushikigaisha",
        "yugen kaisha",  # Japanese Y.K.
        "yugengaisha",
        "godo kaisha",  # Japanese G.K.
        "godogaisha",
    ),
    "fze": (
        "fze",
        "fzco",
        "fzc",
        "fz llc",
        "fzllc",
        "dmcc",
        "free zone establishment",
        "free zone company",
        "free zone co",
        "free zone llc",
    ),
}

# The words of Russian, Ukrainian, Belarusian and Kazakh legal forms written out, as the lists romanise them (a closed
# class): one spelling each, so that "OBSCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU" and the BGN reading of "Общество с
# ограниченной ответственностью" are the same form. Nominative only: "aktsionernogo obshchestva" (of a JSC) names a
# parent, not the party's own form.
_RUSSIAN_FORM_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), spelling)
    for pattern, spelling in (
        (r"obs\w{0,3}estvo", "obshchestvo"),
        (r"o(?:gr|rg)anichenn\w{1,3}", "ogranichennoi"),
        (r"otvetstvennost\w{0,3}", "otvetstvennostyu"),
        (r"ak?tsionerno(?:e|ye)", "aktsionernoe"),
        (r"(ne)?publichno(?:e|ye)", r"\1publichnoe"),
        (r"(ot|za)kryto(?:e|ye)", r"\1krytoe"),
        (r"(federal|gosudarstven|unitar)'?no(?:e|ye)", r"\1noe"),
        (r"predpri[yi]?ati(?:e|ye)", "predpriyatie"),
        (r"b[yi]?u?dzhetno(?:e|ye)", "byudzhetnoe"),
        (r"uchrezhdeni(?:e|ye)", "uchrezhdenie"),
        (r"(obrazovatel|avtonom|nauch|kazen)'?no(?:e|ye)", r"\1noe"),
        (r"obrazovani(?:ya|ia|a)", "obrazovaniya"),
        (r"professional'?nogo", "professionalnogo"),
        (r"v[yi]ss?hego", "vysshego"),
        (r"budget(?:ary)?", "budgetary"),  # "Federal State Budget Educational Institution"
        (r"obmezheno[yi]?u", "obmezhenoyu"),
        (r"tovar[yi]stvo", "tovarystvo"),
        (r"tovarishc?h?estvo", "tovarishchestvo"),
        (r"vidpovidal'?nist'?[yi]?u", "vidpovidalnistyu"),
        (r"(ad|za)kryta(?:e|ye)", r"\1krytae"),  # Belarusian: adkrytae, adkrytaye
        (r"aktsy[yi]?anerna(?:e|ye)", "aktsyyanernae"),
        (r"abmezhavan\w{1,3}", "abmezhavanay"),
        (r"adkaznas\w{1,6}", "adkaznastsyu"),
    )
)


# a quick look first: most names have none of these words (one search over the name, not a call per word)
_MAY_HAVE_FORM_WORD = re.compile(r"\b(?:" + "|".join(p.pattern for p, _ in _RUSSIAN_FORM_WORDS) + r")\b")


@functools.lru_cache(maxsize=1 << 16)
def _form_word(token: str) -> str:
    """The one spelling of a written-out Russian or Ukrainian legal-form word; any other token as it is."""
    if len(token) >= 6:
        for pattern, spelling in _RUSSIAN_FORM_WORDS:
            match = pattern.fullmatch(token)
            if match:
                return match.expand(spelling)
    return token


_BY_TOKENS: dict[tuple[str, ...], str] = {
    tuple(spelling.split()): code for code, spellings in _FORMS.items() for spelling in spellings
}
_MAX_LEN = max(len(k) for k in _BY_TOKENS)
# forms that are a form only as a name's last word: Japanese K.K., G.K. and Y.K. ("Huawei Technologies Japan K.K.",
# 7 listed names); first or inside a name the letters are the name's own (KK International Traders)
_LAST_WORD_FORMS = {"kk": "bv", "gk": "bv", "yk": "bv"}
_FIRST_WORDS = frozenset(k[0] for k in _BY_TOKENS)
_SHORT_WORD = 2  # letters of a form's word too short to stand in a shortened spelling (and, de, co, s, z)


def _one_word_left_out(spellings: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """Every written-out form of three words or more with one of them left out, as typists and registers shorten
    them ("LIMITED LIABILITY BODOR", "OPEN JOINT COMPANY …"), with the spellings themselves: the same form. Not
    where two short words would be left ("and co", "s de"); a spelling some form has keeps its own code."""
    shortened = dict(spellings)
    for spelling, code in spellings.items():
        if len(spelling) < 3:
            continue
        for left_out in range(len(spelling)):
            rest = spelling[:left_out] + spelling[left_out + 1 :]
            if len(rest) == 2 and min(map(len, rest)) <= _SHORT_WORD:
                continue
            shortened.setdefault(rest, code)
    return shortened


_SHORTENED = _one_word_left_out(_BY_TOKENS)
_SHORTENED_FIRST_WORDS = frozenset(k[0] for k in _SHORTENED)


# every word of a written-out legal form (company, limited, liability, partnership …): the listed names' words do not
# hold them (they are split off), so words run together or cut apart are judged against these too
FORM_WORDS = frozenset(word for spelling in _BY_TOKENS for word in spelling)
FORM_SPELLINGS = tuple(sorted(_BY_TOKENS))  # every legal form's spelling, as its words
_MISSPELT_MIN = 5  # letters of a word that may be a misspelt form word: shorter ones are too often other words
_MIN_RUN_TOGETHER = 2  # letters of each word of two run together (a form's word and another: "CECLIMITED")
_OPENING_FORMS = frozenset({"ooo", "jsc", "ojsc", "cjsc", "pjsc", "llc"})  # abbreviations no word begins with
_FORM_WORDS_BY_INITIAL: dict[str, tuple[str, ...]] = {}
for _word in sorted(FORM_WORDS):
    if len(_word) >= _MISSPELT_MIN - 1:
        _FORM_WORDS_BY_INITIAL[_word[0]] = (*_FORM_WORDS_BY_INITIAL.get(_word[0], ()), _word)
# the words of the Chinese company forms in pinyin (youxian, gongsi, zeren, gufen …), as the lists write them
CO_LTD_WORDS = frozenset(word for spelling in _FORMS["co_ltd"] for word in spelling.split())


def with_form_words_respelt(tokens: Sequence[str], known: Container[str]) -> tuple[str, ...]:
    """The tokens with a misspelt legal-form word written right ("LyMITED", "CMPANY", "LIMIETD": one edit, the
    first letter kept) and two form words run together cut apart ("LIMITEDLIABILITY COMPANY"), when the word is
    unknown to the lists (``known``) and the right spelling makes it part of a form. Left as written, it is an
    unknown word of the name, weighed as the rarest, and the name is not found (the forms it belongs to are split
    off before :mod:`.compounds` could cut it)."""
    respelt, changed = list(tokens), True
    while changed:  # again after a change: a form's word misspelt beside another ("LIMITED LIABlILITY COrMPANY") is
        # part of a form only once the other is respelt
        respelt, changed = _respelt_once(respelt, known)
    return tuple(respelt)


def _respelt_once(tokens: list[str], known: Container[str]) -> tuple[list[str], bool]:
    respelt = list(tokens)
    changed = False
    i = 0
    while i < len(respelt):
        token = respelt[i]
        i += 1
        if len(token) < _MISSPELT_MIN - 1 or token in known or token in FORM_WORDS or not token.isalpha():
            continue
        # a one-word form ends a name; one that opens it has more words ("LIMITEX TRADING" is a name)
        edge = i == len(respelt) or (i >= 2 and respelt[i - 2] in FORM_WORDS) or respelt[i] in FORM_WORDS
        for words, needed in _respellings(token, known, edge):
            trial = [*respelt[: i - 1], *words, *respelt[i:]]
            if _in_forms(trial) - _in_forms(respelt) >= needed:
                respelt, changed = trial, True
                i += len(words) - 1
                break
    return respelt, changed


def _in_forms(tokens: list[str]) -> int:
    """How many of the tokens legal forms take, a form with one word left out counted: the respelt word of
    "LIMITED LIABlILITY COrMPANY" makes a form only with the other's respelling."""
    return len(tokens) - len(split_legal_forms(tokens, shortened=True)[0])


def _respellings(token: str, known: Container[str], edge: bool) -> list[tuple[tuple[str, ...], int]]:
    """A word's possible right spellings as form words, each with how many words of the name it must put in forms:
    two form words run together ("liabilitycompany"), a form word and a listed word ("companypromtekhekspert",
    "nefazpublicly"), a misspelt form word."""
    found: list[tuple[tuple[str, ...], int]] = []
    for at in range(_MIN_RUN_TOGETHER, len(token) - _MIN_RUN_TOGETHER + 1):
        first, second = token[:at], token[at:]
        if first in FORM_WORDS and second in FORM_WORDS and min(len(first), len(second)) >= 3:
            found.append(((first, second), 2))
        elif (first in FORM_WORDS and len(first) >= _MISSPELT_MIN and second in known and len(second) >= 2) or (
            second in FORM_WORDS and len(second) >= _MISSPELT_MIN and first in known and len(first) >= 2
        ):  # a form's word written out: a short form (tov, ltd) may end a name ("MOUSSATOV" is no MOUSSA TOV)
            found.append(((first, second), 1))
        elif first in _OPENING_FORMS and second in known:  # "OOOIAZ", "JSCNPO": no word begins so
            found.append(((first, second), 1))
    if not edge:
        return found
    near = [w for w in _FORM_WORDS_BY_INITIAL.get(token[0], ()) if OSA.distance(token, w, score_cutoff=1) <= 1]
    if len(near) == 1:  # none, or two form words alike: no guess
        # a word of 4 letters only when its neighbours make the form with it ("JOIT STOCK COMPANY")
        found.append(((near[0],), 1 if len(token) >= _MISSPELT_MIN else 2))
    return found


def is_letters_form(letters: str) -> bool:
    """Whether letters written with dots ("a.s." as "as") spell a legal form, together or apart."""
    return (letters,) in _BY_TOKENS or tuple(letters) in _BY_TOKENS


def split_legal_forms(
    tokens: Sequence[str], allowed: Container[str] | None = None, *, shortened: bool = False
) -> tuple[tuple[str, ...], frozenset[str]]:
    """Split folded tokens into (core tokens, canonical legal-form codes), longest spelling first.

    Forms are recognised anywhere in the name (prefix "AO Kronshtadt", suffix "Kronshtadt AO", middle
    "Corporation, Joint Stock Company Plant …"). With ``allowed``, only those codes are forms (the pinyin of a
    Chinese name is no Russian "AO": 奥默 ao mo); other spellings stay words of the name. When a name is nothing
    but legal forms ("Company Limited") or legal forms and numbers ("APS 9"), its tokens are kept as the core, so
    that every non-empty name keeps something to match on, and a number alone is never all a name is matched on.
    ``shortened``: a form written with one of its words left out is a form too (:func:`_one_word_left_out`; a
    query's reading, beside the name as written: the lists' names are split as they are written).
    """
    spellings, first_words = (_SHORTENED, _SHORTENED_FIRST_WORDS) if shortened else (_BY_TOKENS, _FIRST_WORDS)
    core: list[str] = []
    forms: set[str] = set()
    words = [_form_word(token) for token in tokens] if _MAY_HAVE_FORM_WORD.search(" ".join(tokens)) else tokens
    i = 0
    n = len(tokens)
    while i < n:
        if words[i] not in first_words:  # most words start no form: no tuple to build
            core.append(tokens[i])
            i += 1
            continue
        for size in range(min(_MAX_LEN, n - i), 0, -1):
            code = spellings.get(tuple(words[i : i + size]))
            if i == 0 and size < n and all(len(w) == 1 for w in words[:size]) and words[size] not in FORM_WORDS:
                code = None  # letters apart opening a name are initials: "A. S. Morenets", not the form a.s.
            if code is not None and (allowed is None or code in allowed):
                forms.add(code)
                i += size
                break
        else:
            core.append(tokens[i])
            i += 1
    last = _LAST_WORD_FORMS.get(words[-1]) if len(core) >= 2 and core[-1] == tokens[-1] else None
    if last is not None and (allowed is None or last in allowed):
        forms.add(last)
        core.pop()
    if not any(ch.isalpha() for token in core for ch in token):  # nothing, or a number alone ("APS 9"): whole
        return tuple(tokens), frozenset(forms)
    return tuple(core), frozenset(forms)
