"""Load on the screening endpoint of the real service: uvicorn on loopback, SQLite, the bundled lists.

The server runs in its own process (one uvicorn worker, as ``exportctl serve`` starts it); this process drives a
fixed number of requests at a fixed concurrency over kept-alive connections, half ``POST /api/screening`` and half
``GET /api/screening``, each with a bearer token, then stops. It prints requests/s, p50 and p99 latency and
the status codes seen, in two phases:

1. **cache-cold** (the honest figure, printed first): every request screens a name never asked before, so the
   service's result cache never answers. Names are generated from the bundled lists the service loaded: listed
   names and aliases, then the same names with one letter replaced (near misses, as typos), in a fixed order.
2. **cached**: the first ``--distinct-cached`` names of phase 1 asked again and again, as for customers screened
   repeatedly; most answers come from the result cache.

``--queries FILE`` uses a CSV with ``query`` and optional ``country`` columns instead of generated names (phase 1
then cycles through the file, and says how many requests were repeats). The server's CPU time per request is
printed too: on a shared machine it says what one free core sustains, whatever else is running.
Target: >= 500 requests/s with p99 <= 50 ms on a 2-core machine (cache-cold).

Usage: ``python benchmarks/service_load.py [--requests 5000] [--concurrency 8] [--queries FILE]``.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import uvloop

Query = tuple[str, str | None]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(directory: Path) -> tuple[str, str, list[str]]:
    """A migrated SQLite database with the bundled lists, one exporter with an API token, and every listed name."""
    from exportctl.accounts.roles import Role
    from exportctl.accounts.tokens import issue_token
    from exportctl.accounts.users import create_user
    from exportctl.lists.ingest import import_bundled
    from exportctl.lists.repository import current_entries
    from exportctl.store.db import make_engine, session_scope, upgrade

    url = f"sqlite:///{directory / 'load.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    import_bundled(engine)
    with session_scope(engine) as session:
        user = create_user(
            session,
            email="load@bench.example",
            password=secrets.token_urlsafe(16),
            roles=frozenset({Role.EXPORTER}),
            organisation="Load Test Exporter",
        )
        token = issue_token(session, user, "load").token
    names = [name for entry in current_entries(engine) for name in entry.names]
    engine.dispose()
    return url, token, names


def serve(url: str, port: int) -> None:
    """The server process: the app as ``exportctl serve`` builds it, index built before listening."""
    import uvicorn

    from exportctl.app import create_app
    from exportctl.config import Settings

    app = create_app(Settings(database_url=url, secret_key=secrets.token_urlsafe(32)))
    app.state.ctx.screening_index()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def distinct_queries(listed: list[str], count: int, seed: int = 7) -> list[Query]:
    """``count`` different names: the listed names (shuffled), then one-letter variants of them, never repeated."""
    rng = random.Random(seed)
    unique = list(dict.fromkeys(name.strip() for name in listed if name.strip()))
    if not unique:
        raise SystemExit("no listed names to build queries from: did the bundled lists import?")
    rng.shuffle(unique)
    chosen: dict[str, None] = dict.fromkeys(unique[:count])
    while len(chosen) < count:
        name = rng.choice(unique)
        at = rng.randrange(len(name))
        chosen.setdefault(name[:at] + rng.choice("aeiouxkz") + name[at + 1 :], None)
    return [(name, None) for name in chosen]


def file_queries(path: Path) -> list[Query]:
    """Queries from a CSV with a ``query`` column (and optionally ``country``); an unusable file is an error."""
    if not path.is_file():
        raise SystemExit(f"--queries {path}: no such file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if "query" not in (reader.fieldnames or []):
            raise SystemExit(f"--queries {path}: line 1: no 'query' column (columns: {reader.fieldnames})")
        found = [(row["query"], (row.get("country") or None)) for row in reader]
    if not found:
        raise SystemExit(f"--queries {path}: no queries")
    return found


def request_bytes(n: int, name: str, country: str | None, token: str) -> bytes:
    """Request ``n``: odd numbers GET with a query string, even numbers POST with a JSON body."""
    params = {"name": name, **({"country": country} if country else {})}
    head = f"Host: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
    if n % 2:
        return f"GET /api/screening?{urlencode(params)} HTTP/1.1\r\n{head}\r\n".encode()
    body = json.dumps(params).encode()
    return (
        f"POST /api/screening HTTP/1.1\r\n{head}Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """Send one request on a kept-alive connection and read the whole response; returns the status code."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return status


async def drive(
    port: int, token: str, names: list[Query], total: int, concurrency: int
) -> tuple[list[float], Counter[int], float]:
    """A deliberately lean HTTP/1.1 client (asyncio streams, keep-alive): a general-purpose client library would
    spend more CPU per request than the server does, and both share the same two cores. Request ``n`` asks
    ``names[n % len(names)]``."""
    requests = [request_bytes(n, *names[n % len(names)], token) for n in range(total)]
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    counter = iter(range(total))

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await exchange(reader, writer, request_bytes(1, "warm up", None, token))
        await ready.wait()
        for n in counter:
            started = time.perf_counter()
            statuses[await exchange(reader, writer, requests[n])] += 1
            latencies.append(time.perf_counter() - started)
        writer.close()

    ready = asyncio.Event()
    tasks = [asyncio.create_task(worker()) for _ in range(concurrency)]
    await asyncio.sleep(0.5)  # connections open and warm outside the clock
    started = time.perf_counter()
    ready.set()
    await asyncio.gather(*tasks)
    return latencies, statuses, time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to state the server's cost independently of contention."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_up(base: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server process exited")
        try:
            httpx.get(f"{base}/login", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


@dataclass
class Phase:
    label: str
    latencies: list[float]
    statuses: Counter[int]
    elapsed: float
    server_cpu: float
    client_cpu: float

    def report(self) -> tuple[float, float]:
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
        rps = len(ordered) / self.elapsed
        per_request = self.server_cpu / len(ordered) * 1000
        print(f"[{self.label}]")
        print(f"  requests/s: {rps:.0f}")
        print(f"  latency p50: {p50:.1f} ms   p99: {p99:.1f} ms   max: {ordered[-1] * 1000:.1f} ms")
        print(f"  status codes: {dict(sorted(self.statuses.items()))}")
        print(
            f"  server cpu: {per_request:.2f} ms per request -> {1000 / per_request:.0f} requests/s per fully "
            "available core (independent of the other load on the machine)"
        )
        print(f"  load generator cpu: {self.client_cpu / len(ordered) * 1000:.2f} ms per request (same cpus)")
        return rps, p99


def run_phase(label: str, server: subprocess.Popen[bytes], port: int, token: str, names: list[Query], total: int,
              concurrency: int) -> Phase:  # fmt: skip
    cpu_before, client_before = cpu_seconds(server.pid), time.process_time()
    latencies, statuses, elapsed = uvloop.run(drive(port, token, names, total, concurrency))
    return Phase(
        label, latencies, statuses, elapsed, cpu_seconds(server.pid) - cpu_before, time.process_time() - client_before
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000, help="requests per phase")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--distinct-cached", type=int, default=200, help="distinct names in the cached phase")
    parser.add_argument("--queries", type=Path, help="CSV with a 'query' column instead of generated names")
    parser.add_argument("--start-timeout", type=float, default=300, help="seconds to wait for the server to start")
    parser.add_argument("--serve", nargs=2, metavar=("URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    with tempfile.TemporaryDirectory(prefix="exportctl-load-") as tmp:
        setup_started = time.perf_counter()
        url, token, listed = prepare(Path(tmp))
        if args.queries:
            cold_names = file_queries(args.queries)
            source = f"{len(cold_names)} queries from {args.queries.name}"
        else:
            cold_names = distinct_queries(listed, args.requests)
            source = f"{len(cold_names)} distinct names generated from the {len(listed)} listed names"
        repeats = max(0, args.requests - len(set(cold_names)))
        port = free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        server = subprocess.Popen([sys.executable, __file__, "--serve", url, str(port)], env=env)
        try:
            wait_until_up(f"http://127.0.0.1:{port}", server, args.start_timeout)
            setup = time.perf_counter() - setup_started
            load_before = os.getloadavg()[0]
            cold = run_phase("cache-cold", server, port, token, cold_names, args.requests, args.concurrency)
            warm_names = cold_names[: args.distinct_cached]
            cached = run_phase("cached", server, port, token, warm_names, args.requests, args.concurrency)
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"service load: POST/GET /api/screening, {args.requests} requests per phase, concurrency {args.concurrency}")
    print(
        f"machine: {os.cpu_count()} cpus, load average {load_before:.2f} before / {os.getloadavg()[0]:.2f} after "
        "(other processes share the cpus); server: 1 uvicorn worker (httptools, uvloop), SQLite"
    )
    print(f"setup (migrate, import lists, start, build index): {setup:.1f} s")
    print(f"cache-cold phase: {source}; {repeats} of {args.requests} requests repeat an earlier name")
    rps, p99 = cold.report()
    print(f"cached phase: the first {len(warm_names)} of those names, cycled (answers mostly from the result cache)")
    cached.report()
    print(f"target (cache-cold): >= 500 requests/s, p99 <= 50 ms -> {'met' if rps >= 500 and p99 <= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
