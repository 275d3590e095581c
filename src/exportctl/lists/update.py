"""``exportctl lists update``: fetch each source's current file and import it through the same validate-then-swap.

Per source: the files of :mod:`exportctl.lists.downloads` (official addresses, or a mirror) are fetched into a
temporary folder (:mod:`exportctl.lists.fetch`: conditional request, size cap, timeouts, retries), then handed to
:func:`~exportctl.lists.ingest.import_file`. Every check is recorded in ``list_update_checks`` (append-only) with
its result:

- ``not-modified``: the server answered 304 to the validators of the last good check; nothing downloaded;
- ``unchanged``: downloaded, identical to the current snapshot;
- ``changed``: a new snapshot, now current (or kept as history if older);
- ``failed``: a network error, an HTTP error, a timeout, a file over the size cap, or a file that does not
  validate (every problem listed). The previous snapshot stays in force.

Nothing is downloaded unless asked: this runs only from ``lists update`` or, when ``EXPORTCTL_LISTS_REFRESH`` is
set, on that schedule in ``serve``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import Engine, insert, select

from exportctl.errors import DownloadError, FileFormatError
from exportctl.lists.downloads import DOWNLOADS, Download, addresses, download_for
from exportctl.lists.fetch import Fetched, FetchOptions, fetch
from exportctl.lists.ingest import import_file
from exportctl.store.lists_tables import ListUpdateCheck

CHANGED, UNCHANGED, NOT_MODIFIED, FAILED = "changed", "unchanged", "not-modified", "failed"


@dataclass(frozen=True)
class UpdateResult:
    """One check of one source (as recorded in ``list_update_checks``); ``origin``: the address of its first file."""

    source: str
    origin: str
    checked_at: datetime
    result: str
    message: str
    snapshot_id: int | None = None

    @property
    def failed(self) -> bool:
        return self.result == FAILED


def update(
    engine: Engine,
    sources: Iterable[str] | None = None,
    *,
    mirror: str | None = None,
    options: FetchOptions | None = None,
    client: httpx.Client | None = None,
) -> list[UpdateResult]:
    """Check every updatable source (or the given ones); see the module docstring. Never raises for one source's
    failure: it is recorded and returned, and the other sources are still checked."""
    wanted = [download_for(name) for name in (sources if sources is not None else DOWNLOADS)]
    opts = options or FetchOptions()
    owned = client is None
    http = client or httpx.Client(headers={"User-Agent": "exportctl lists update"})
    try:
        return [_update_one(engine, download, mirror, opts, http) for download in wanted]
    finally:
        if owned:
            http.close()


def _update_one(
    engine: Engine, download: Download, mirror: str | None, options: FetchOptions, client: httpx.Client
) -> UpdateResult:
    files = addresses(download, mirror)
    origin = files[0][1]  # the address of the (first) file
    previous = _validators(engine, download.source, origin)
    first: Fetched | None = None
    try:
        with tempfile.TemporaryDirectory(prefix=f"exportctl-{download.source}-") as tmp:
            folder = Path(tmp) / download.source
            folder.mkdir()
            for index, (name, address) in enumerate(files):
                conditional = previous if index == 0 else (None, None)
                fetched = fetch(
                    client, download.source, address, folder / name, options,
                    etag=conditional[0], last_modified=conditional[1],
                )  # fmt: skip
                if index == 0:
                    first = fetched
                    if fetched.not_modified:
                        message = f"{download.source}: {address} not modified since the last check (HTTP 304)"
                        return _record(engine, download.source, origin, NOT_MODIFIED, message, None, fetched)
            target = folder if download.is_folder else folder / files[0][0]
            result = import_file(engine, download.source, target)
    except DownloadError as error:
        return _record(engine, download.source, origin, FAILED, f"{error}; nothing changed", None, None)
    except FileFormatError as error:
        listed = "; ".join(str(p) for p in error.problems)
        message = f"{download.source}: the fetched file was refused ({listed}); the previous snapshot stays in force"
        return _record(engine, download.source, origin, FAILED, message, None, None)
    outcome = UNCHANGED if result.unchanged else CHANGED
    return _record(engine, download.source, origin, outcome, result.message, result.snapshot_id, first)


def _validators(engine: Engine, source: str, address: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of the latest good check of ``source`` whose first file came from ``address``."""
    query = (
        select(ListUpdateCheck.etag, ListUpdateCheck.last_modified)
        .where(ListUpdateCheck.source == source, ListUpdateCheck.origin == address)
        .where(ListUpdateCheck.result != FAILED)
        .order_by(ListUpdateCheck.id.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return (row.etag, row.last_modified) if row else (None, None)


def _record(
    engine: Engine,
    source: str,
    origin: str,
    result: str,
    message: str,
    snapshot_id: int | None,
    fetched: Fetched | None,
) -> UpdateResult:
    checked_at = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            insert(ListUpdateCheck),
            {
                "source": source,
                "checked_at": checked_at,
                "origin": origin,
                "result": result,
                "message": message,
                "snapshot_id": snapshot_id,
                "etag": fetched.etag if fetched else None,
                "last_modified": fetched.last_modified if fetched else None,
            },
        )
    return UpdateResult(source, origin, checked_at, result, message, snapshot_id)
