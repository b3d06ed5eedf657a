"""Bounded load on the web server from a second process over loopback.

    python bench/load_api.py [--db ARCHIVE] [--copies 8] [--clients 50] [--duration 30]

Without --db it builds a temporary SQLite archive: the texts under eval/texts analysed once,
each stored ``--copies`` times under other URLs, dates and outlets. It then starts
``svidok serve`` in its own process, and ``--clients`` concurrent httpx clients (asyncio, one
process) request search pages (HTML and JSON, several queries and facets) and entity pages
(HTML and JSON) in a loop for ``--duration`` seconds, after one warm-up request of each URL. Prints requests/s, latency p50/p95/p99
per kind, errors, and the server's RSS before and after. Both processes share this machine's
cores: figures vary with its load.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["путін", "переговори", "суд", "україна", "президент", "уряд", "війна", "компанія"]


def build_archive(path: Path, copies: int) -> int:
    import svidok
    from svidok.store import open_store

    texts = sorted((REPO / "eval" / "texts").glob("*.txt"))
    docs = [svidok.analyze(svidok.Document(text=f.read_text(encoding="utf-8"), id=f.stem)) for f in texts]
    n = 0
    with open_store(path) as store:
        for c, doc in itertools.product(range(copies), docs):
            clone = copy.copy(doc)
            clone.url = f"https://bench.test/{c}/{doc.id}"
            clone.published = f"2025-{1 + c % 12:02d}-{1 + n % 28:02d}"
            clone.outlet = ("a.test", "b.test", "c.test")[n % 3]
            store.put(clone)
            n += 1
    return n


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from svidok.cli import main; main()", "serve", "--db", db,
           "--port", str(port), "--workers", str(workers)]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def request_plan(base: str, entity_ids: list[int]) -> list[tuple[str, str]]:
    """(kind, URL) pairs the clients cycle through: half search, half entity pages."""
    plan = []
    for i, q in enumerate(QUERIES):
        plan.append(("search", f"{base}/?q={q}"))
        plan.append(("search", f"{base}/api/search?q={q}&sort=relevance&outlet=a.test"))
        entity = entity_ids[i % len(entity_ids)]
        plan.append(("entity", f"{base}/entities/{entity}"))
        plan.append(("entity", f"{base}/api/entities/{entity}"))
    return plan


async def client_loop(http, plan, offset: int, stop: float, latencies, errors) -> None:
    for kind, url in itertools.islice(itertools.cycle(plan), offset, None):
        if time.monotonic() >= stop:
            return
        started = time.perf_counter()
        try:
            response = await http.get(url)
            failure = None if response.status_code == 200 else f"HTTP {response.status_code}"
        except Exception as exc:  # noqa: BLE001 - a failed request is counted, the load goes on
            failure = type(exc).__name__
        if failure is None:
            latencies[kind].append(time.perf_counter() - started)
        else:
            errors[kind] += 1
            errors[f"{kind}: {failure}"] += 1


async def load(base: str, entity_ids: list[int], clients: int, duration: float):
    import httpx

    latencies, errors = defaultdict(list), defaultdict(int)
    plan = request_plan(base, entity_ids)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        stop = time.monotonic() + duration
        await asyncio.gather(*(client_loop(http, plan, i, stop, latencies, errors) for i in range(clients)))
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def report(latencies, errors, duration: float, rss: tuple[int, int]) -> None:
    total = sum(len(v) for v in latencies.values())
    failed = sum(errors[kind] for kind in latencies)
    print(f"requests: {total} ok, {failed} errors in {duration:.0f} s: {total / duration:.1f} req/s")
    for kind in sorted(latencies):
        ms = sorted(v * 1000 for v in latencies[kind])
        print(f"  {kind:7s} n={len(ms):6d}  p50={percentile(ms, 50):7.1f} ms  p95={percentile(ms, 95):7.1f} ms  "
              f"p99={percentile(ms, 99):7.1f} ms  errors={errors[kind]}")  # fmt: skip
    for reason in sorted(k for k in errors if ":" in k):
        print(f"  error {reason}: {errors[reason]}")
    print(f"server RSS: {rss[0] / 2**20:.1f} MiB before, {rss[1] / 2**20:.1f} MiB after this round")


def server_rss(pid: int) -> int:
    """Resident memory of the server and its worker processes together."""
    import psutil

    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an existing archive (default: build a temporary one)")
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="svidok serve --workers")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the load; RSS after each shows growth")
    args = parser.parse_args()
    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        if not args.db:
            print(f"archive: {build_archive(Path(db), args.copies)} articles in {db}")
        port = free_port()
        server = start_server(db, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            entities = httpx.get(f"{base}/api/entities?size=20").json()["items"]
            for _, url in request_plan(base, [e["id"] for e in entities]):  # warm-up: models loaded
                httpx.get(url, timeout=60)
            rss = [server_rss(server.pid)]
            for round_no in range(1, args.rounds + 1):
                latencies, errors = asyncio.run(
                    load(base, [e["id"] for e in entities], args.clients, args.duration)
                )
                rss.append(server_rss(server.pid))
                print(f"round {round_no}:")
                report(latencies, errors, args.duration, (rss[-2], rss[-1]))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
