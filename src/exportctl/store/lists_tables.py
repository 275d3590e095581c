"""Tables of the versioned list store.

* ``list_snapshots``: one row per import of one source file. A snapshot is written as ``loading`` first; its
  entries and the switch of ``list_current`` are then committed in a single transaction that also marks it
  ``complete``. A ``loading`` row left behind by a killed process is never current and is removed by the next
  import of that source.
* ``list_current``: which complete snapshot is current, per source (one row per source, flipped atomically).
* ``list_entries``: the entries of a snapshot. ``data`` holds the whole ListEntry (raw record included) as
  pre-serialised JSON text so that reading 20,000 entries is one query plus ``json.loads``; ``content_hash`` is
  a hash of the entry without its raw record, so diffs compare meaning, not file layout.
* ``list_entry_names``: every name of every entry, normalised, for look-ups by name across snapshots.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from exportctl.store.base import Base

SNAPSHOT_LOADING = "loading"
SNAPSHOT_COMPLETE = "complete"


class ListSnapshot(Base):
    __tablename__ = "list_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    effective_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(), nullable=False)
    entry_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    counts_by_list: Mapped[dict[str, int]] = mapped_column(JSON, nullable=False, default=dict)

    __table_args__ = (
        Index("ix_list_snapshots_source_status", "source", "status"),
        Index("ix_list_snapshots_source_hash", "source", "content_hash"),
    )


class ListCurrent(Base):
    __tablename__ = "list_current"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("list_snapshots.id"), nullable=False)


class ListEntryRow(Base):
    __tablename__ = "list_entries"

    snapshot_id: Mapped[int] = mapped_column(ForeignKey("list_snapshots.id"), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(), primary_key=True)
    source_id: Mapped[str] = mapped_column(String(), nullable=False)
    list_code: Mapped[str] = mapped_column(String(20), nullable=False)
    primary_name: Mapped[str] = mapped_column(Text, nullable=False)
    country: Mapped[str | None] = mapped_column(String(), nullable=True)
    listed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    removed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)

    __table_args__ = (Index("ix_list_entries_entry_id", "entry_id"),)


class ListEntryName(Base):
    __tablename__ = "list_entry_names"

    snapshot_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(), primary_key=True)
    normalised: Mapped[str] = mapped_column(String(), primary_key=True)

    __table_args__ = (
        ForeignKeyConstraint(
            ["snapshot_id", "entry_id"],
            ["list_entries.snapshot_id", "list_entries.entry_id"],
            name="fk_list_entry_names_entry",
        ),
        Index("ix_list_entry_names_normalised", "normalised"),
    )


class ListUpdateCheck(Base):
    """One ``lists update`` check of one source: when, from where, what came of it (append-only).

    ``result``: ``changed`` (a new snapshot), ``unchanged`` (the same content), ``not-modified`` (HTTP 304) or
    ``failed`` (nothing changed; ``message`` says why). ``etag`` / ``last_modified`` are the validators the server
    sent for the file, replayed as If-None-Match / If-Modified-Since on the next check of the same address.
    """

    __tablename__ = "list_update_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(40), nullable=False)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    origin: Mapped[str] = mapped_column(Text, nullable=False)
    result: Mapped[str] = mapped_column(String(16), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    snapshot_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    etag: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_modified: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_list_update_checks_source_id", "source", "id"),)
