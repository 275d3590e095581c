"""EAR reference data bundled with exportctl: Country Chart, Country Groups, the CCL, and ECCN parsing.

Each dataset carries its provenance and content dates (:mod:`exportctl.regulations.provenance`). Nothing here reads
the network, a database or ``../shared``.
"""

from exportctl.regulations.bundle import DataCoverage, Regulations, load_regulations
from exportctl.regulations.ccl import CclEntry, CommerceControlList, LicenseRequirementRow
from exportctl.regulations.country_chart import COLUMNS, ChartRow, CountryChart
from exportctl.regulations.country_groups import GROUPS, CountryGroups
from exportctl.regulations.destinations import DestinationKind, DestinationRule
from exportctl.regulations.eccn import Eccn, parse_eccn
from exportctl.regulations.provenance import DatasetInfo
from exportctl.regulations.scope import ParagraphScope, ScopeKind
from exportctl.regulations.tristate import Applies

__all__ = [
    "COLUMNS",
    "GROUPS",
    "Applies",
    "CclEntry",
    "ChartRow",
    "CommerceControlList",
    "CountryChart",
    "CountryGroups",
    "DataCoverage",
    "DatasetInfo",
    "DestinationKind",
    "DestinationRule",
    "Eccn",
    "LicenseRequirementRow",
    "ParagraphScope",
    "Regulations",
    "ScopeKind",
    "load_regulations",
    "parse_eccn",
]
