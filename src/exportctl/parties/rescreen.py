"""Screening the register: a first full run, then delta runs when lists or parties change.

A run reads the register and the list entries in force on its date (the same as-of index as submission and
shipments, :meth:`~exportctl.determination.list_index.ListIndexes.in_force`), decides what to screen, screens it
outside any transaction, then writes every alert, the parties' screened marks, the entry marks and the run row in
**one** transaction under the workflow write lock. A run killed half-way (``kill -9``) therefore leaves the store
as it was before it; rerunning does the whole run. Two runs racing queue on the lock; each reads the alerts it
updates inside its transaction, and ``(organisation, party, entry)`` is unique, so neither duplicates nor loses one.

What a delta run screens (``full=False`` and the organisation has been screened before):

* **new or changed parties** (their data's fingerprint, or the matcher version, differs from the one they were
  last screened with) against every entry;
* **new or changed entries** (the fingerprint of names, aliases, addresses, country, identifiers and programmes
  differs from the one the organisation's last run saw) against the rest of the register. The engine screens a
  party against an index, so the unchanged parties worth screening again are found by their words: those whose
  normalised words or sound keys cover at least ``CANDIDATE_SHARE`` of a changed entry name's rarity weight, plus
  those with an alert on a changed entry.
  Only their pairs with changed entries are kept; every other pair is left as it was (not recomputed).

Gap, said plainly: a pair the engine would reach only through a learnt equivalent or a typo of a word no party
shares with the entry is found by the next full run (``exportctl parties rescreen --full``), not by a delta.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Engine, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from exportctl.audit.chain import AuditActor, append_events, utc_now
from exportctl.audit.locking import lock_for_write
from exportctl.clock import UTC_CLOCK
from exportctl.determination.list_index import PROCESS_INDEXES, ListIndexes
from exportctl.errors import NotFoundError
from exportctl.lists.model import ListEntry
from exportctl.parties.alerts import ENTITY, reopen, reopen_reasons
from exportctl.parties.model import MATCHER_VERSION, AlertState, RunReport, entry_data, fingerprint
from exportctl.parties.screen import PairHit, PartyToScreen, Progress, party_to_screen, screen_parties
from exportctl.screening.engine import DEFAULT_THRESHOLD
from exportctl.screening.gc_pause import cyclic_gc_paused
from exportctl.screening.index import ScreeningIndex, phonetic
from exportctl.screening.normalize import analyze
from exportctl.screening.scripts import unread_scripts
from exportctl.store.db import session_scope
from exportctl.store.parties_tables import PartyAlert, PartyEntryMark, PartyScreeningRun, RegisterParty
from exportctl.store.pause_points import pause_point

__all__ = ["PairHit", "PartyToScreen", "Progress", "party_to_screen", "rescreen", "screen_parties", "write_results"]

CANDIDATE_SHARE = 0.4  # the share of a listed name's rarity weight a party must cover to be screened again
IN_CHUNK = 500  # ids per IN (...) clause


def explanation(pair: PairHit) -> dict[str, Any]:
    hit = pair.hit
    return {
        "query_name": pair.query_name,
        "matched_name": hit.matched_name,
        "score": round(hit.score, 4),
        "entry_country": hit.country,
        "features": [
            {
                "name": f.name,
                "value": round(f.value, 4),
                "weight": f.weight,
                "contribution": round(f.contribution, 4),
            }
            for f in hit.features
        ],
    }


@dataclass
class _Counts:
    opened: int = 0
    reopened: int = 0


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


def write_results(
    session: Session,
    *,
    organisation_id: int,
    day: date,
    matcher: str,
    fully: Mapping[int, str],
    partly: Mapping[int, str],
    changed_entries: set[str],
    hits: Mapping[tuple[int, str], PairHit],
    entries: Mapping[str, ListEntry],
    entry_fps: Mapping[str, str],
    vanished: set[str] = frozenset(),  # type: ignore[assignment]
    actor: AuditActor | None = None,
) -> _Counts:
    """Write one run's outcome in the caller's transaction (which holds the write lock).

    ``fully``: parties screened against every entry, ``partly``: against ``changed_entries`` only (each with the
    fingerprint screened). A party whose data changed since is skipped: it stays unscreened for the next run."""
    counts = _Counts()
    ids = sorted({*fully, *partly})
    current: dict[int, str] = {}  # id -> fingerprint now (columns only: a full run reads every party)
    for chunk in _chunks(ids):
        found = session.execute(
            select(RegisterParty.id, RegisterParty.fingerprint).where(
                RegisterParty.organisation_id == organisation_id, RegisterParty.id.in_(chunk)
            )
        )
        current.update({pid: fp for pid, fp in found})
    used = {**partly, **fully}
    accepted = {pid for pid, fp in used.items() if current.get(pid) == fp}
    with_hits = sorted({pair.party_id for pair in hits.values()} & accepted)
    party_data: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(with_hits):
        rows = session.execute(select(RegisterParty).where(RegisterParty.id.in_(chunk))).scalars()
        party_data.update({row.id: party_to_screen(row).data for row in rows})
    existing: dict[tuple[int, str], PartyAlert] = {}
    wanted = select(PartyAlert).where(PartyAlert.organisation_id == organisation_id)
    if len(accepted) > IN_CHUNK * 20:  # most of the register (a full run): one query, then keep the accepted
        for alert in session.execute(wanted).scalars():
            if alert.party_id in accepted:
                existing[(alert.party_id, alert.entry_key)] = alert
    else:
        for chunk in _chunks(sorted(accepted)):
            for alert in session.execute(wanted.where(PartyAlert.party_id.in_(chunk))).scalars():
                existing[(alert.party_id, alert.entry_key)] = alert
    now = utc_now()
    new_rows: list[dict[str, Any]] = []
    for key, pair in hits.items():
        if pair.party_id not in accepted:
            continue
        entry = entries[pair.entry_key]
        values: dict[str, Any] = {
            "list_code": entry.list.value,
            "entry_name": entry.primary_name,
            "query_name": pair.query_name,
            "matched_name": pair.hit.matched_name,
            "score": float(pair.hit.score),
            "explanation": explanation(pair),
            "still_matching": True,
            "party_fingerprint": used[pair.party_id],
            "entry_fingerprint": entry_fps[pair.entry_key],
            "matcher": matcher,
            "party_data": party_data[pair.party_id],
            "entry_data": entry_data(entry),
        }
        known = existing.get(key)
        if known is None:
            new_rows.append(
                {
                    "organisation_id": organisation_id, "party_id": pair.party_id, "entry_key": pair.entry_key,
                    "state": AlertState.OPEN.value, "created_at": now, "updated_at": now, "data_changed_at": now,
                    **values,
                }
            )  # fmt: skip
            continue
        alert = known
        if (alert.party_fingerprint, alert.entry_fingerprint, alert.matcher) != (
            values["party_fingerprint"],
            values["entry_fingerprint"],
            matcher,
        ):
            alert.data_changed_at = now
        if any(getattr(alert, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(alert, name, value)
            alert.updated_at = now
        if alert.state == AlertState.CLEARED.value:
            changes = reopen_reasons(alert, day)
            if changes:
                reopen(session, alert, changes, actor)
                counts.reopened += 1
    session.flush()
    counts.opened = _insert_alerts(session, new_rows, actor)
    for (party_id, entry_key), alert in existing.items():  # pairs screened again that no longer match
        screened = party_id in accepted and (party_id in fully or entry_key in changed_entries)
        if screened and (party_id, entry_key) not in hits and alert.still_matching:
            alert.still_matching = False
            alert.updated_at = now
    for chunk in _chunks(sorted(vanished)):
        session.execute(
            update(PartyAlert)
            .where(PartyAlert.organisation_id == organisation_id, PartyAlert.entry_key.in_(chunk))
            .values(still_matching=False)
            .execution_options(synchronize_session=False)
        )
    counts.reopened += reopen_due(session, organisation_id=organisation_id, day=day, actor=actor)
    done = [{"pid": pid, "fp": used[pid]} for pid in sorted(accepted & set(fully))]
    if done:  # one executemany on the table (not the ORM: a full run marks every party)
        table = cast(Table, RegisterParty.__table__)
        session.execute(
            update(table)
            .where(table.c.id == bindparam("pid"))
            .values(screened_fingerprint=bindparam("fp"), screened_matcher=matcher),
            done,
        )
    session.flush()
    return counts


def _insert_alerts(session: Session, rows: list[dict[str, Any]], actor: AuditActor | None) -> int:
    """Insert new alerts in bulk (the table, not the ORM: a first run opens thousands) and append one
    ``alert.opened`` audit event per alert, in order, to the hash chain."""
    rows.sort(key=lambda row: (row["party_id"], row["entry_key"]))  # the same order on every database and run
    table = cast(Table, PartyAlert.__table__)
    ids: list[int] = []
    for start in range(0, len(rows), 1000):
        batch = rows[start : start + 1000]
        result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), batch)
        ids.extend(int(alert_id) for alert_id in result.scalars())
    events = [
        ("alert.opened", ENTITY, alert_id, None, _summary_of_new(alert_id, row))
        for alert_id, row in zip(ids, rows, strict=True)
    ]
    append_events(session, actor, events)
    return len(rows)


def _summary_of_new(alert_id: int, row: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`~exportctl.parties.alerts.audit_summary` of a just-opened alert, from its inserted values."""
    return {
        "state": row["state"],
        "party_id": row["party_id"],
        "entry_key": row["entry_key"],
        "score": f"{row['score']:.4f}",
        "reason": None,
        "review_by": None,
        "party_fingerprint": row["party_fingerprint"],
        "entry_fingerprint": row["entry_fingerprint"],
        "matcher": row["matcher"],
        "changes": None,
    }


def reopen_due(session: Session, *, organisation_id: int, day: date, actor: AuditActor | None = None) -> int:
    """Reopen the organisation's cleared alerts whose review date has come."""
    due = session.execute(
        select(PartyAlert).where(
            PartyAlert.organisation_id == organisation_id,
            PartyAlert.state == AlertState.CLEARED.value,
            PartyAlert.review_by.is_not(None),
            PartyAlert.review_by <= day,
        )
    ).scalars()
    count = 0
    for alert in list(due):
        reopen(session, alert, reopen_reasons(alert, day), actor)
        count += 1
    return count


def _weighted_words(index: ScreeningIndex, name: str) -> list[list[tuple[str, str, float]]]:
    """Per reading of a listed name: each word, its sound key and its rarity weight in the list index."""
    readings = []
    for variant in analyze(name).variants:
        words = []
        for token in variant.tokens:
            known = index.vocab.get(token)
            weight = index.idf[known] if known is not None else index.max_idf
            key = phonetic(token)
            words.append((token, f"~{key}" if key else token, weight))
        if words:
            readings.append(words)
    return readings


def _candidates(
    index: ScreeningIndex,
    unchanged: Sequence[tuple[PartyToScreen, str]],
    changed: Sequence[ListEntry],
    *,
    alerted: set[int],
) -> list[PartyToScreen]:
    """The unchanged parties that could match a changed entry, or that hold an alert on one.

    A party could match a listed name when its words (or their sound keys) cover at least
    :data:`CANDIDATE_SHARE` of the name's rarity weight (the list index's idf, as the engine weighs words): a
    party sharing only "Technology" with "Huawei Technologies" is not screened again, one sharing "Huawei" is."""
    readings = [reading for entry in changed for name in entry.names for reading in _weighted_words(index, name)]
    needed = {w for reading in readings for token, key, _ in reading for w in (token, key)}
    holders: dict[str, list[int]] = {}
    for position, (_, tokens) in enumerate(unchanged):
        for word in tokens.split():
            if word in needed:
                holders.setdefault(word, []).append(position)
    chosen: set[int] = set()
    for reading in readings:
        total = sum(weight for _, _, weight in reading)
        covered: dict[int, float] = {}
        for token, key, weight in reading:
            for position in {*holders.get(token, ()), *holders.get(key, ())}:
                covered[position] = covered.get(position, 0.0) + weight
        chosen.update(position for position, weight in covered.items() if weight >= CANDIDATE_SHARE * total)
    by_id = {party.id: position for position, (party, _) in enumerate(unchanged)}
    chosen.update(by_id[pid] for pid in alerted if pid in by_id)
    return [unchanged[position][0] for position in sorted(chosen)]


_fingerprints: tuple[weakref.ref[ScreeningIndex], dict[str, str]] | None = None
_fingerprints_lock = threading.Lock()


def entry_fingerprints(index: ScreeningIndex) -> dict[str, str]:
    """Each entry's fingerprint (:func:`~exportctl.parties.model.entry_data`), worked out once per index in a process
    (seconds for 55,000 entries: a service runs every organisation's register against the same index)."""
    global _fingerprints
    with _fingerprints_lock:
        if _fingerprints is not None and _fingerprints[0]() is index:
            return _fingerprints[1]
    with cyclic_gc_paused():
        found = {entry.entry_id: fingerprint(entry_data(entry)) for entry in index.entries}
    with _fingerprints_lock:
        _fingerprints = (weakref.ref(index), found)
    return found


def rescreen(
    engine: Engine,
    *,
    organisation_id: int,
    as_of: date | None = None,
    full: bool = False,
    indexes: ListIndexes | None = None,
    matcher: str = MATCHER_VERSION,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
    actor: AuditActor | None = None,
    scheduler: str | None = None,
) -> RunReport:
    """Screen the organisation's register (delta, or ``full``) against the entries in force on ``as_of``; with a
    Dask ``scheduler`` address the screening runs on that cluster (:mod:`.distributed`), the writing here."""
    with cyclic_gc_paused():  # a run makes millions of small objects beside the index: collections would walk it all
        return _rescreen(
            engine, organisation_id=organisation_id, as_of=as_of, full=full, indexes=indexes, matcher=matcher,
            threshold=threshold, progress=progress, actor=actor, scheduler=scheduler,
        )  # fmt: skip


def _rescreen(
    engine: Engine,
    *,
    organisation_id: int,
    as_of: date | None,
    full: bool,
    indexes: ListIndexes | None,
    matcher: str,
    threshold: float,
    progress: Progress | None,
    actor: AuditActor | None,
    scheduler: str | None,
) -> RunReport:
    started, clock = utc_now(), time.perf_counter()
    day = as_of or UTC_CLOCK.today()
    found = (indexes or PROCESS_INDEXES).in_force(engine, day)
    if found is None:
        raise NotFoundError("no list snapshot is imported: the register cannot be screened (`exportctl lists import`)")
    index = found.index
    entries = {entry.entry_id: entry for entry in index.entries}
    entry_fps = entry_fingerprints(index)
    with Session(engine) as session:
        columns = select(
            RegisterParty.id, RegisterParty.fingerprint, RegisterParty.name, RegisterParty.other_names,
            RegisterParty.country, RegisterParty.name_tokens, RegisterParty.screened_fingerprint,
            RegisterParty.screened_matcher,
        ).where(RegisterParty.organisation_id == organisation_id, RegisterParty.deleted_at.is_(None))  # fmt: skip
        parties = [
            (
                PartyToScreen(pid, fp, tuple(dict.fromkeys((name, *others))), country, {}),
                tokens,
                screened_fp,
                screened_matcher,
            )  # fmt: skip
            for pid, fp, name, others, country, tokens, screened_fp, screened_matcher in session.execute(columns)
        ]
        marks: dict[str, str] = {
            key: fp
            for key, fp in session.execute(
                select(PartyEntryMark.entry_key, PartyEntryMark.fingerprint).where(
                    PartyEntryMark.organisation_id == organisation_id
                )
            ).all()
        }
    kind = "full" if full or not marks else "delta"
    changed_keys = {key for key, fp in entry_fps.items() if kind == "full" or marks.get(key) != fp}
    vanished = set(marks) - set(entry_fps)
    to_screen = [p for p, _, sfp, sm in parties if kind == "full" or sfp != p.fingerprint or sm != matcher]
    screened_ids = {p.id for p in to_screen}
    unchanged = [(p, tokens) for p, tokens, _, _ in parties if p.id not in screened_ids]
    candidates: list[PartyToScreen] = []
    if unchanged and changed_keys:
        with Session(engine) as session:
            alerted: set[int] = set()
            for chunk in _chunks(sorted(changed_keys | vanished)):
                alerted.update(
                    session.execute(
                        select(PartyAlert.party_id).where(
                            PartyAlert.organisation_id == organisation_id, PartyAlert.entry_key.in_(chunk)
                        )
                    ).scalars()
                )
        changed = [entries[k] for k in sorted(changed_keys)]
        candidates = _candidates(index, unchanged, changed, alerted=alerted)
    hits = _screen(index, to_screen, candidates, changed_keys, threshold=threshold, progress=progress, on=scheduler)
    with session_scope(engine) as session:
        lock_for_write(session)
        counts = write_results(
            session,
            organisation_id=organisation_id,
            day=day,
            matcher=matcher,
            fully={p.id: p.fingerprint for p in to_screen},
            partly={p.id: p.fingerprint for p in candidates},
            changed_entries=changed_keys,
            hits=hits,
            entries=entries,
            entry_fps=entry_fps,
            vanished=vanished,
            actor=actor,
        )
        _write_marks(session, organisation_id, {k: entry_fps[k] for k in changed_keys}, vanished)
        pause_point("parties.alerts_written")  # crash tests kill the run here: nothing of it may remain
        report = RunReport(
            organisation_id=organisation_id,
            kind=kind,
            as_of=day,
            snapshot_ids=tuple(found.snapshot_ids),
            matcher=matcher,
            parties_screened=len(to_screen),
            entries_changed=len(changed_keys),
            candidate_parties=len(candidates),
            pairs_found=len(hits),
            alerts_opened=counts.opened,
            alerts_reopened=counts.reopened,
            seconds=time.perf_counter() - clock,
            notes=_unread_notes(session, [p for p, _, _, _ in parties]),
        )
        session.add(
            PartyScreeningRun(
                organisation_id=organisation_id, kind=kind, as_of=day, snapshot_ids=list(report.snapshot_ids),
                matcher=matcher, parties_screened=report.parties_screened, entries_changed=report.entries_changed,
                pairs_found=report.pairs_found, alerts_opened=report.alerts_opened,
                alerts_reopened=report.alerts_reopened, started_at=started, finished_at=utc_now(),
            )
        )  # fmt: skip
    return report


MAX_NAMED_PARTIES = 10  # parties named in a note, by their own ids; the rest are counted


def _unread_notes(session: Session, parties: Sequence[PartyToScreen]) -> tuple[str, ...]:
    """A note on the register's parties whose every name is in a script read only letter by letter (Katakana,
    Greek …): no alert for them is no answer, and the officer must be told so, not left with silence."""
    unread: dict[int, set[str]] = {}
    for party in parties:
        found = [unread_scripts(name) for name in party.names]
        if found and all(found):
            unread[party.id] = {script for scripts in found for script in scripts}
    if not unread:
        return ()
    scripts = sorted(set().union(*unread.values()))
    named = sorted(unread)[:MAX_NAMED_PARTIES]
    ids = session.execute(select(RegisterParty.external_id).where(RegisterParty.id.in_(named))).scalars().all()
    more = f" and {len(unread) - len(named)} more" if len(unread) > len(named) else ""
    return (
        f"{len(unread)} parties have names only in {', '.join(scripts)} script, which screening reads only letter by "
        f"letter: no alert for them does not mean they are not listed; add their Latin-script names "
        f"({', '.join(sorted(ids))}{more})",
    )


def _screen(
    index: ScreeningIndex,
    parties: Sequence[PartyToScreen],
    candidates: Sequence[PartyToScreen],
    changed_keys: set[str],
    *,
    threshold: float,
    progress: Progress | None,
    on: str | None,
) -> dict[tuple[int, str], PairHit]:
    """New and changed parties against every entry, candidates against the changed entries: here, or on Dask."""
    if on is None or not (parties or candidates):
        hits = screen_parties(index, parties, threshold=threshold, progress=progress, stage="parties")
        more = screen_parties(
            index, candidates, only_entries=changed_keys, threshold=threshold, progress=progress, stage="entries"
        )
        return {**hits, **more}
    from exportctl.parties.distributed import DaskScreener  # dask is imported only when a run uses it

    screener = DaskScreener(index, on)
    try:
        hits = screener.screen(parties, only_entries=None, threshold=threshold, progress=progress, stage="parties")
        more = screener.screen(
            candidates, only_entries=changed_keys, threshold=threshold, progress=progress, stage="entries"
        )
        return {**hits, **more}
    finally:
        screener.close()


def _write_marks(session: Session, organisation_id: int, changed: Mapping[str, str], vanished: set[str]) -> None:
    gone = sorted({*changed, *vanished})
    for chunk in _chunks(gone):
        session.execute(
            delete(PartyEntryMark).where(
                PartyEntryMark.organisation_id == organisation_id, PartyEntryMark.entry_key.in_(chunk)
            )
        )
    rows = [{"organisation_id": organisation_id, "entry_key": k, "fingerprint": fp} for k, fp in changed.items()]
    table = cast(Table, PartyEntryMark.__table__)  # the table, not the ORM: a first run marks every entry
    for start in range(0, len(rows), 5000):
        session.execute(insert(table), rows[start : start + 5000])
