"""Fetch one list file over HTTP(S) (httpx) or copy it from a mirror directory, safely.

- conditional requests: the validators of the last good fetch of the same address (ETag → If-None-Match,
  Last-Modified → If-Modified-Since); a 304 means "not modified" and nothing is downloaded;
- a size cap (Content-Length checked first, then the bytes as they arrive), timeouts on connect and read, and
  retries with exponential backoff for network errors, timeouts and 5xx answers (4xx are not retried);
- a body shorter than its Content-Length (a truncated transfer) is an error, never a file.

Every failure raises :class:`~exportctl.errors.DownloadError` naming the source and the address; the partial
file is deleted. The caller passes the ``httpx.Client`` (tests use a real loopback server, nothing is patched).
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from exportctl.errors import DownloadError


@dataclass(frozen=True)
class FetchOptions:
    max_bytes: int = 200 * 1024 * 1024
    timeout_seconds: float = 60.0
    attempts: int = 3
    backoff_seconds: float = 1.0  # waits 1 s, then 2 s, … between attempts


@dataclass(frozen=True)
class Fetched:
    """One file's outcome: ``not_modified`` (304, nothing written) or written to ``path`` with its validators."""

    address: str
    path: Path
    not_modified: bool
    etag: str | None = None
    last_modified: str | None = None
    size: int = 0


def is_url(address: str) -> bool:
    return address.startswith(("http://", "https://"))


def fetch(
    client: httpx.Client,
    source: str,
    address: str,
    target: Path,
    options: FetchOptions,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """Fetch ``address`` (URL or local path) into ``target``; see the module docstring."""
    if not is_url(address):
        return _copy(source, address, target, options)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for attempt in range(1, options.attempts + 1):
        try:
            return _get(client, source, address, target, options, headers)
        except _Retryable as error:
            target.unlink(missing_ok=True)
            if attempt == options.attempts:
                raise DownloadError(f"{source}: {address}: {error} (after {attempt} attempts)") from error
            time.sleep(options.backoff_seconds * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


class _Retryable(Exception):
    pass


def _get(
    client: httpx.Client, source: str, address: str, target: Path, options: FetchOptions, headers: dict[str, str]
) -> Fetched:
    timeout = httpx.Timeout(options.timeout_seconds)
    try:
        with client.stream("GET", address, headers=headers, timeout=timeout, follow_redirects=True) as response:
            if response.status_code == 304:
                return Fetched(address, target, True, headers.get("If-None-Match"), headers.get("If-Modified-Since"))
            if response.status_code >= 500:
                raise _Retryable(f"HTTP {response.status_code}")
            if response.status_code != 200:
                raise DownloadError(f"{source}: {address}: HTTP {response.status_code} (not retried)")
            declared = response.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) > options.max_bytes:
                raise DownloadError(f"{source}: {address}: {declared} bytes is over the cap of {options.max_bytes}")
            size = _write(response, source, address, target, options)
            if declared is not None and declared.isdigit() and size != int(declared):
                raise _Retryable(f"truncated: {size} of {declared} bytes received")
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
            return Fetched(address, target, False, etag, modified, size)
    except httpx.TimeoutException as error:
        raise _Retryable(f"timed out ({type(error).__name__}, limit {options.timeout_seconds:g} s)") from error
    except httpx.RemoteProtocolError as error:  # e.g. the body ended before its Content-Length
        raise _Retryable(f"truncated or broken transfer: {error}") from error
    except httpx.TransportError as error:  # connection refused, reset, …
        raise _Retryable(f"network error: {type(error).__name__}: {error}") from error
    except DownloadError:
        target.unlink(missing_ok=True)
        raise


def _write(response: httpx.Response, source: str, address: str, target: Path, options: FetchOptions) -> int:
    size = 0
    with target.open("wb") as handle:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > options.max_bytes:
                raise DownloadError(f"{source}: {address}: more than {options.max_bytes} bytes; refused")
            handle.write(chunk)
    return size


def _copy(source: str, address: str, target: Path, options: FetchOptions) -> Fetched:
    path = Path(address)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise DownloadError(f"{source}: {address}: {size} bytes is over the cap of {options.max_bytes}")
        shutil.copyfile(path, target)
    except OSError as error:
        raise DownloadError(f"{source}: {address}: cannot read: {error.strerror or error}") from error
    return Fetched(address, target, False, size=size)
