"""Load: many clients at once against a running `sayso serve` on the loopback address.

A store of invented articles (``generate.stream``: stories with speakers, chains and figures,
built without spaCy) is written and linked once, `sayso serve` is started on it as a user
would start it (one uvicorn process), and ``--clients`` clients each send one request after
another for ``--seconds`` seconds: an article (``GET /api/articles/{id}``), a claims search
(``GET /api/claims`` by speaker, words or article) or a proposition (``GET
/api/propositions/{id}``), chosen at random. It prints the throughput, the p50 and p99
latency of each kind of request and the count of each status; the exit code is 1 when any
response was a 5xx or a request failed. Every request goes to 127.0.0.1 and the run stops by
itself: it is bounded in time, and in count by what the clients can send in that time.

    python benchmarks/load.py                                  # 10,000 articles, 50 clients, 60 s
    python benchmarks/load.py --db /tmp/load.db                # keep the store for the next run
    python benchmarks/load.py --articles 300 --clients 8 --seconds 5   # a short run
    python benchmarks/load.py --link-seconds 600               # link for ten minutes at most
    python benchmarks/load.py --json                           # the figures as JSON

The clients run in this process (asyncio, httpx) on the same machine as the server, so on two
cores they take part of the CPU the server would otherwise have: the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
from sayso.link import link_store  # noqa: E402
from sayso.store import Store  # noqa: E402

ENDPOINTS = ("article", "claims", "proposition")
HOST = "127.0.0.1"


class _Enough(Exception):
    """The time for linking is up."""


def build_store(path: str, articles: int, link_seconds: float | None = None) -> dict[str, int]:
    """A store holding the first ``articles`` invented articles (kept if it already does), linked
    (for at most ``link_seconds``, the rest left unlinked: linking 10,000 articles takes long)."""
    with Store(path) as store:
        have = store.counts()["articles"]
        if have < articles:
            for analysis in islice(generate.stream(), have, articles):
                store.add(analysis)
        deadline = time.monotonic() + (link_seconds if link_seconds is not None else float("inf"))

        def enough(_article: str) -> None:
            if time.monotonic() > deadline:
                raise _Enough

        try:
            if link_seconds != 0:  # 0: no linking at all (the callback comes after an article)
                link_store(store, on_article=enough)
        except _Enough:
            pass
        counts = store.counts(link=True)
    return {"articles": counts["articles"], "linked": counts["linked_articles"], "claims": counts["attributions"] + counts["assertions"],
            "propositions": counts["propositions"]}


@dataclass
class Targets:
    """What the clients ask for: ids and search terms read from the store."""

    articles: list[str]
    propositions: list[str]
    speakers: list[str]
    words: list[str]

    @classmethod
    def read(cls, path: str, sample: int = 500, seed: int = 7) -> Targets:
        rng = random.Random(seed)
        with Store(path) as store:
            articles = [a.id for a in store.articles()]
            propositions = [p.id for p in store.proposition_page(limit=100).items]
            propositions += [p.id for p in store.proposition_page(offset=rng.randrange(max(1, store.counts(link=True)["propositions"] - 100)), limit=100).items]
            claims = store.find_claims(limit=100).items
        speakers = sorted({(c.attribution.speaker.name or "").split()[-1] for c in claims if c.attribution.speaker and c.attribution.speaker.name})
        words = sorted({w.lower() for c in claims for w in c.attribution.content.text.split() if w.isalpha() and len(w) > 5})
        return cls(rng.sample(articles, min(sample, len(articles))), propositions, speakers or ["said"], words or ["said"])

    def request(self, rng: random.Random) -> tuple[str, str]:
        """(endpoint, path) of one request."""
        endpoint = rng.choice(ENDPOINTS)
        if endpoint == "article":
            return endpoint, f"/api/articles/{rng.choice(self.articles)}"
        if endpoint == "proposition":
            return endpoint, f"/api/propositions/{rng.choice(self.propositions)}"
        query = rng.choice([f"speaker={rng.choice(self.speakers)}", f"q={rng.choice(self.words)}", f"article={rng.choice(self.articles)}"])
        return endpoint, f"/api/claims?{query}&limit=20"


@dataclass
class Results:
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def to_dict(self) -> dict[str, Any]:
        every = [x for v in self.latencies.values() for x in v]
        return {
            "seconds": round(self.seconds, 1),
            "requests": self.requests,
            "throughput": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
            "latency_ms": {name: _percentiles(v) for name, v in [("all", every), *sorted(self.latencies.items())]},
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "server_errors": self.server_errors,
            "failures": dict(self.failures),
        }


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p99": 0.0, "max": 0.0}
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

    return {"p50": at(0.50), "p99": at(0.99), "max": round(1000 * ordered[-1], 1)}


async def _client(http: httpx.AsyncClient, targets: Targets, deadline: float, results: Results, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        endpoint, path = targets.request(rng)
        started = time.monotonic()
        try:
            response = await http.get(path)
            await response.aread()
        except httpx.HTTPError as error:
            results.failures[type(error).__name__] += 1
            continue
        results.latencies[endpoint].append(time.monotonic() - started)
        results.statuses[response.status_code] += 1


async def drive(base: str, targets: Targets, clients: int, seconds: float) -> Results:
    """``clients`` clients sending requests one after another until ``seconds`` have passed."""
    results = Results()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(*(_client(http, targets, deadline, results, seed) for seed in range(clients)))
        results.seconds = time.monotonic() - started
    return results


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """`sayso serve` on a free loopback port, as a process of its own; open to reading, and to
    writing with ``token`` when one is given."""

    def __init__(self, db: str, token: str | None = None) -> None:
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        command = [sys.executable, "-c", "from sayso.cli import main; main()", "serve", "--db", db, "--host", HOST, "--port", str(self.port)]
        env = {k: v for k, v in os.environ.items() if k not in ("SAYSO_TOKEN", "SAYSO_READ_TOKEN")}
        if token:
            env["SAYSO_TOKEN"] = token
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{self.base}/api/outlets", timeout=5).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise RuntimeError(f"sayso serve did not start: {self.stderr}")
            time.sleep(0.2)

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        try:
            _, self.stderr = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, self.stderr = self.process.communicate()

    stderr: str = ""


def run(db: str, articles: int, clients: int, seconds: float, link_seconds: float | None = None) -> dict[str, Any]:
    """Build (or reuse) the store, serve it, load it; the figures as a dict."""
    started = time.monotonic()
    store = build_store(db, articles, link_seconds)
    built = time.monotonic() - started
    targets = Targets.read(db)
    with Server(db) as server:
        results = asyncio.run(drive(server.base, targets, clients, seconds))
    return {"store": store, "store_seconds": round(built, 1), "clients": clients, **results.to_dict(), "server_log": server.stderr.strip()[-2000:]}


def describe(figures: dict[str, Any]) -> str:
    store = figures["store"]
    lines = [
        f"store: {store['articles']:,} articles ({store['linked']:,} linked), {store['claims']:,} claims, {store['propositions']:,} propositions "
        f"(ready in {figures['store_seconds']} s)",
        f"{figures['clients']} clients for {figures['seconds']} s: {figures['requests']:,} requests, "
        f"{figures['throughput']} requests/s",
        f"{'endpoint':<12} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}",
    ]
    for name, latency in figures["latency_ms"].items():
        lines.append(f"{name:<12} {latency['p50']:>8} {latency['p99']:>8} {latency['max']:>8}")
    lines.append("statuses: " + ", ".join(f"{k}: {v}" for k, v in figures["statuses"].items()))
    lines.append(f"5xx: {figures['server_errors']}; failed requests: {sum(figures['failures'].values())}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the store (default 10,000)")
    parser.add_argument("--clients", type=int, default=50, help="clients at once (default 50)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long they send requests (default 60, at most 600)")
    parser.add_argument("--db", help="the store to build or reuse (default: a temporary file, removed afterwards)")
    parser.add_argument("--link-seconds", type=float, help="link for at most this long, leaving the rest unlinked (default: link all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 500 and 0 < args.seconds <= 600 and args.articles >= 1):
        parser.error("choose 1-500 clients, 1-600 seconds and at least one article")
    with tempfile.TemporaryDirectory() as folder:
        figures = run(args.db or str(Path(folder) / "load.db"), args.articles, args.clients, args.seconds, args.link_seconds)
    print(json.dumps(figures, indent=2) if args.json else describe(figures))
    return 1 if figures["server_errors"] or figures["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
