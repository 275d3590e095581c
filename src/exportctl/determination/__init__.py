"""Licence determination: does this export need a licence, why, under which policy and exceptions — as of a date.

The engine (:func:`determine`) is pure: a checked :class:`Transaction`, the bundled regulation data and the parties
already screened go in; a :class:`Determination` with cited reasons comes out. :func:`determine_with_screening`
reads the list snapshots in force on the date and screens the parties first; :func:`determine_file` runs a CSV.
"""

from exportctl.determination.engine import determine
from exportctl.determination.facts import Party, Transaction, make_transaction
from exportctl.determination.findings import Effect, ExceptionStatus, Finding, LicenseExceptionResult
from exportctl.determination.parties import PartyMatch, PartyRole, PartyScreening
from exportctl.determination.result import DataVersions, Determination, ListVersion
from exportctl.determination.service import determine_with_screening, screen_parties
from exportctl.screening.party import ExactNameScreener, PartyScreener

__all__ = [
    "DataVersions",
    "Determination",
    "Effect",
    "ExactNameScreener",
    "ExceptionStatus",
    "Finding",
    "LicenseExceptionResult",
    "ListVersion",
    "Party",
    "PartyMatch",
    "PartyScreener",
    "PartyScreening",
    "PartyRole",
    "Transaction",
    "determine",
    "determine_with_screening",
    "make_transaction",
    "screen_parties",
]
