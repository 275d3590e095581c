"""Bad input names its field; results are JSON; dates beyond the data are allowed but flagged."""

from __future__ import annotations

import json
import re

import pytest

from exportctl.errors import InputError
from tests.determination.conftest import Decide


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("5A99", "CN"), "eccn"),
        (("EAR99", "ZZ"), "destination"),
        (("EAR99", "Atlantis"), "destination"),
        (("EAR99", "CN", "shipper=ACME"), "party"),
        (("EAR99", "CN", "ACME Corp"), "party"),
        (("EAR99", "CN", "end_user="), "party"),
    ],
)
def test_bad_input_raises_input_error_naming_the_field(decide: Decide, args: tuple[str, ...], field: str) -> None:
    with pytest.raises(InputError) as info:
        decide(*args)
    assert info.value.field == field


@pytest.mark.parametrize("bad", ["2019-13-01", "yesterday", "01/06/2019"])
def test_unparsable_date_raises_field_date(decide: Decide, bad: str) -> None:
    with pytest.raises(InputError) as info:
        decide("EAR99", "CN", on=bad)
    assert info.value.field == "date"


def test_country_names_accepted_as_destinations(decide: Decide) -> None:
    assert decide("EAR99", "China").transaction.destination == "CN"
    assert decide("EAR99", "Korea, North").transaction.destination == "KP"


def test_date_after_newest_data_needs_review_and_records_versions(decide: Decide) -> None:
    d = decide("4A994", "JP", on="2027-03-01")
    assert d.license_required is False and d.needs_review
    assert any("later than the newest bundled regulation data" in r for r in d.needs_review_reasons)
    assert {v["name"] for v in d.data_versions.regulations} == {"country_chart", "country_groups", "ccl"}


def test_date_before_data_is_reviewed_not_answered_from_later_text(decide: Decide) -> None:
    d = decide("4A994", "JP", on="2019-01-01")
    assert d.needs_review and d.license_required is None
    assert any("no older version" in n for n in d.data_versions.notes)


def test_ear99_past_date_does_not_read_the_chart(decide: Decide) -> None:
    """EAR99 is NLR under General Prohibitions 1-3 on any date (734.3(c)); no chart text is read."""
    d = decide("EAR99", "JP", on="2019-01-01")
    assert d.license_required is False and not d.needs_review


def test_json_has_contract_fields(decide: Decide) -> None:
    d = decide("EAR99", "CN", "purchaser=Huawei Technologies Co., Ltd.", on="2019-06-01")
    data = json.loads(json.dumps(d.to_dict()))
    assert {"license_required", "prohibited", "reasons", "review_policy", "review_policy_reason",
            "license_exceptions", "needs_review", "needs_review_reasons", "data_versions"} <= set(data)  # fmt: skip
    assert data["verdict"] == "license_required"
    reason = next(r for r in data["reasons"] if r["rule"] == "entity_list")
    assert set(reason) >= {"rule", "citation", "summary", "party", "hit"}
    assert reason["hit"]["entry_id"].startswith("entity-list:")


def test_every_rule_family_documents_itself() -> None:
    from exportctl.determination.rules import rule_families

    families = rule_families()
    assert {f["rule"] for f in families} >= {
        "ccl_country_chart", "embargo", "entity_list", "denied_persons", "military_end_user", "unverified_list",
    }  # fmt: skip
    assert all(len(f["doc"]) > 80 and re.search(r"\b7[34]\d\b", f["doc"]) for f in families)  # each cites its part
