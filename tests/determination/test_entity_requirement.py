"""Reading the Entity List "License requirement" text (Supp. No. 4 to part 744), on texts from the bundled list."""

from __future__ import annotations

from exportctl.determination.rules.entity_requirement import ScopeKind, parse_entity_requirement


def test_plain_all_items() -> None:
    req = parse_entity_requirement("For all items subject to the EAR. (See § 744.11 of the EAR)")
    assert req.kind is ScopeKind.ALL_ITEMS and req.qualifier is None and req.fdp_sections == ()


def test_huawei_footnotes_1_and_2_with_fdp_734_9_e() -> None:
    req = parse_entity_requirement("For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2")
    assert req.kind is ScopeKind.ALL_ITEMS and req.qualifier is None
    assert req.fdp_sections == ("734.9(e)",) and req.footnote_marks == ("1", "2")


def test_smic_footnote_5_fdp_734_9_e_3() -> None:
    req = parse_entity_requirement(
        "For all items subject to the EAR (See §§ 734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR) 5"
    )
    assert req.fdp_sections == ("734.9(e)(3)",) and req.footnote_marks == ("5",)


def test_russia_military_end_user_fdp_734_9_g_footnote_3() -> None:
    req = parse_entity_requirement(
        "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)"
    )
    assert req.fdp_sections == ("734.9(g)",) and req.footnote_marks == ("3",) and req.qualifier is None


def test_conditions_and_carve_outs_are_kept_for_review() -> None:
    projects = parse_entity_requirement(
        "For all items subject to the EAR when used in projects specified in § 746.8(a)(4) of the EAR"
    )
    assert projects.kind is ScopeKind.ALL_ITEMS and projects.qualifier is not None
    gov = parse_entity_requirement(
        "For all items subject to the EAR. (See § 744.11 of the EAR). This license requirement may be overcome by "
        "License Exception GOV under § 740.11(b)(2) and (e)"
    )
    assert gov.qualifier is not None and "GOV" in gov.qualifier


def test_ccl_only_scopes_are_unparsed_then_treated_as_all_items() -> None:
    req = parse_entity_requirement("For items on the CCL and listed in supplement no. 7 to part 746 of the EAR")
    assert req.kind is ScopeKind.UNPARSED


def test_empty_requirement_is_unparsed() -> None:
    assert parse_entity_requirement(None).kind is ScopeKind.UNPARSED


def test_eccn_limited_scope_form() -> None:
    """Form used by entries limited to named ECCNs (a text form, not a list entry)."""
    req = parse_entity_requirement("For ECCNs 3A001 and 3A090 (See § 744.11 of the EAR)")
    assert req.kind is ScopeKind.LISTED_ECCNS and req.eccns == frozenset({"3A001", "3A090"})
