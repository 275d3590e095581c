from exportctl.lists.model import ListCode, ListEntry


def test_entry_id_is_source_and_source_id() -> None:
    entry = ListEntry(source="dpl", source_id="abc", list=ListCode.DPL, primary_name="X")
    assert entry.entry_id == "dpl:abc"


def test_names_put_primary_first_and_drop_duplicate_aliases() -> None:
    entry = ListEntry(
        source="entity-list",
        source_id="1",
        list=ListCode.ENTITY_LIST,
        primary_name="Huawei Technologies Co., Ltd.",
        aliases=("Huawei", "Huawei Technologies Co., Ltd.", "Huawei"),
    )
    assert entry.names == ("Huawei Technologies Co., Ltd.", "Huawei")
