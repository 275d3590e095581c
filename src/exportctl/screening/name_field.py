"""What a name field holds besides one name as written, and the names to read on their own because of it.

Registers and payment messages put more than a name into the name field: look-alike letters of another script
(:mod:`.homoglyphs`), other names after alias markers (:mod:`.alias_markers`), a nickname, a remark or an attention line
(:mod:`.asides`), a date of birth (:mod:`.dates_in_names`), a country's official name or initialism inside the name
(:mod:`.designations`), a web address (:mod:`.domain_names`), a ship's prefix or IMO number (:mod:`.vessel_names`), the
country (:mod:`.trailing_country`), the whole address (:mod:`.address_parts`), or the name once more in another script
(:mod:`.script_parts`). Each gives names that are read on their own too, beside the field as written, and a country
the field names; the result says what was read so.
"""

from __future__ import annotations

from dataclasses import dataclass

from exportctl.screening.address_parts import address_reading
from exportctl.screening.alias_markers import named_parts
from exportctl.screening.asides import quoted_names, without_asides
from exportctl.screening.dates_in_names import without_dates
from exportctl.screening.designations import designation_readings
from exportctl.screening.domain_names import addresses_read
from exportctl.screening.homoglyphs import digits_as_letters, unmixed
from exportctl.screening.script_parts import script_parts
from exportctl.screening.trailing_country import country_after_of, trailing_country
from exportctl.screening.vessel_names import without_ship_words


@dataclass(frozen=True)
class FieldReadings:
    """The names a field holds to read on their own (besides the whole), the country it names, and what was read."""

    parts: tuple[str, ...] = ()
    country: str | None = None
    notes: tuple[str, ...] = ()
    named_country: str | None = None  # the state a name ends with after "of" (.trailing_country.country_after_of)


def field_readings(text: str) -> FieldReadings:
    """What :func:`~exportctl.screening.engine.screen_queries` reads in a name field besides the name as written."""
    parts: list[str] = []
    notes: list[str] = []
    one_script = unmixed(text)
    if one_script:  # "Rоsоbоrоnеxpоrt" with Cyrillic о and е
        parts.append(one_script)
        notes.append("words mixing look-alike letters of two scripts (homoglyphs) read in one script")
        text = one_script
    two_scripts = script_parts(text)
    if two_scripts:  # 中芯国际 (SMIC), Лаборатория Касперского Kaspersky Lab: the name in two scripts, each alone
        parts.extend(two_scripts)
        notes.append("the name is written in two scripts: each script's part screened on its own too")
    lettered = digits_as_letters(text)
    if lettered:  # "R0SNEFT", "HUAWE1 TECHNOLOGIES": the name as it reads
        parts.append(lettered)
        notes.append("digits inside words read as the letters they look like (0 as O, 1 as I)")
    site = addresses_read(text)
    if site:  # "huawei.com", "Rosoboronexport (www.roe.ru)"
        parts.append(site)
        notes.append("a web address in the name field read as its domain's name")
    parts.extend(named_parts(text, one_word_names=True))  # "X a.k.a. Y": each name on its own
    parts.extend(quoted_names(text))  # ООО «Северный Ветер»: the quoted name is the organisation's own
    asides = without_asides(text)
    if asides:  # Viktor "Merchant of Death" BOUT, Igor SECHIN (Rosneft CEO), … ATTN ACCOUNTS PAYABLE, H U A W E I
        parts.extend(asides)
        notes.append(
            "the name field holds words beside the name (quoted, bracketed, an attention line, letters "
            "written apart): the name screened without them too"
        )
    dateless = without_dates(text)
    if dateless:  # "SECHIN, Igor Ivanovich (DOB 07.09.1960)"
        parts.append(dateless)
        notes.append("a date in the name field (a date of birth?) read off: the name screened with and without it")
        text = dateless
    ship = without_ship_words(text)
    if ship:  # "MT MONA", "JANET (IMO 9171565)": the lists name their ships bare
        parts.append(ship)
        notes.append("a ship's prefix or IMO number read off: the name screened without it too")
    country = trailing_country(text)
    if country:  # "X, United Arab Emirates"
        parts.append(country[0])
        notes.append("a country written after the name: the name screened with and without it")
    designations, read_as = designation_readings(country[0] if country else text)  # not the country after it
    if read_as:  # "Foreign Trade Bank of the DPRK": also with North Korea, Democratic People's Republic of Korea
        parts.extend(designations)
        notes.append(read_as)
    leading, address_country = address_reading(text)
    if leading:  # "X, 16 Ivana Babushkina, Moscow 117292, Russia"
        parts.extend(leading)
        notes.append("the name field holds an address: its leading parts screened on their own too")
    return FieldReadings(
        tuple(dict.fromkeys(part for part in parts if part.strip())),
        country[1] if country else address_country,
        tuple(notes),
        None if country or address_country else country_after_of(text),  # "Federal Security Service of Russia"
    )
