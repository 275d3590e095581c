"""Submission screening answers "listed on the submission date?" as ``lists listed`` does (one rule).

ABDUL RAHIM HAMDAN DAGALO (``un:6909527``) is only in the UN file of 2026-02-27, listed 2026-02-24; the file of
2025-11-20 lacks him. A submission on 2026-02-25 must find him; one on 2026-02-23 must not.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from exportctl.determination.list_index import ListIndexes
from exportctl.licensing.checks import make_screener
from exportctl.lists.bundled import DATA_DIR
from exportctl.lists.ingest import import_file
from exportctl.lists.listed import ListedStatus, was_listed

DAGALO = "un:6909527"


def test_submission_screening_uses_the_rule_of_lists_listed_on_the_submission_date(engine: Engine) -> None:
    import_file(engine, "un", DATA_DIR / "UN_consolidated_2025-11-20.xml")
    import_file(engine, "un", DATA_DIR / "UN_consolidated.xml")
    indexes = ListIndexes()
    for day, listed in ((date(2026, 2, 25), True), (date(2026, 2, 23), False)):
        assert (was_listed(engine, DAGALO, day).status is ListedStatus.LISTED) is listed
        record = make_screener(engine, day, indexes=indexes)("Abdul Rahim Hamdan Dagalo", "SD")
        assert record.status == "screened"
        assert (DAGALO in {hit.entry_id for hit in record.hits}) is listed
        assert len(record.snapshot_ids) == 2  # both files were read: the later one dates the listing
