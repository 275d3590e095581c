"""The EU dual-use regime's data: Annex I of Regulation (EU) 2021/821 and the GEAs of its Annex II.

© European Union, https://eur-lex.europa.eu — reuse permitted provided the source is acknowledged (Commission
Decision 2011/833/EU); :attr:`AnnexI.attribution` carries the notice wherever the data is shown.
"""

from exportctl.regulations.eu.annex import ANNEX_I, AnnexI, ControlEntry, Paragraph, load_annex_i, parse_annex
from exportctl.regulations.eu.codes import MEMBER_STATES, EuCode, is_member_state, parse_eu_code
from exportctl.regulations.eu.gea import CommonExclusions, Condition, Gea, codes_in
from exportctl.regulations.eu.mapping import Correspondence, UsOnlyKind, eu_for_eccn, us_for_eu

__all__ = [
    "ANNEX_I",
    "MEMBER_STATES",
    "AnnexI",
    "CommonExclusions",
    "Condition",
    "ControlEntry",
    "Correspondence",
    "EuCode",
    "Gea",
    "Paragraph",
    "UsOnlyKind",
    "codes_in",
    "eu_for_eccn",
    "is_member_state",
    "load_annex_i",
    "parse_annex",
    "parse_eu_code",
    "us_for_eu",
]
