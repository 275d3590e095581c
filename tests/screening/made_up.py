"""Made-up list entries for small test indexes (no listed party, no evaluation case)."""

from __future__ import annotations

from exportctl.lists.model import EntryType, ListCode, ListEntry


def made_up(
    number: int,
    name: str,
    kind: EntryType = EntryType.ENTITY,
    country: str | None = None,
    aliases: tuple[str, ...] = (),
) -> ListEntry:
    """An SDN entry "test:<number>" of that name, kind, country and aliases."""
    return ListEntry(
        source="test",
        source_id=str(number),
        list=ListCode.SDN,
        primary_name=name,
        entry_type=kind,
        country=country,
        aliases=aliases,
    )
