"""Ack latency, throughput, server CPU and worker memory of signed /learning requests.

learnloop (`learnloop serve`), a bare Bolt app that only acks, and a floor app that INSERTs
the same row into the same table and COMMITs through the driver, all under the same gunicorn
settings and, for the two Bolt apps, the same `process_before_response=True`; the three run
side by side and take turns at each level.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import LoadResult, run_load
from bench.machine import stolen_cpu_seconds
from bench.servers import Server, start
from bot.fakeslack import FakeSlack

SECRET = "bench-signing-secret"
APPS = ("learnloop", "bare", "floor")
# The apps take turns, a fifth of each level's requests at a time: the machine's drift over a
# run (other tenants, CPU frequency) then weighs on the three alike instead of on whichever
# app happened to run during it.
ROUNDS = 5
WARM_UP = {"concurrency": 4, "requests": 60, "max_seconds": 20}


@dataclass
class _Tally:
    """One app's share of a level, summed over the rounds."""

    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    client_cpu_ms: float = 0.0
    # CPU the host took from this machine meanwhile (None where not reported): a slow run
    # with much stolen is the machine, not the app.
    stolen_seconds: float | None = 0.0
    latencies_ms: list[float] = field(default_factory=list)

    def add(self, result: LoadResult, cpu_seconds: float, stolen_seconds: float | None) -> None:
        self.requests += result.requests
        self.errors += result.errors
        self.seconds += result.seconds
        self.cpu_seconds += cpu_seconds
        if self.stolen_seconds is not None and stolen_seconds is not None:
            self.stolen_seconds += stolen_seconds
        else:
            self.stolen_seconds = None
        self.client_cpu_ms += (result.client_cpu_ms_per_request or 0.0) * result.requests
        self.latencies_ms += result.latencies_ms

    def row(self) -> dict:
        summed = LoadResult(self.requests, self.errors, self.seconds, self.latencies_ms)
        return {
            "requests": self.requests,
            "errors": self.errors,
            "req_per_s": round(summed.rps, 1),
            "p50_ms": _ms(summed.percentile(50)),
            "p95_ms": _ms(summed.percentile(95)),
            "p99_ms": _ms(summed.percentile(99)),
            "server_cpu_ms_per_request": (
                round(self.cpu_seconds * 1000 / self.requests, 3) if self.requests else None
            ),
            "load_generator_cpu_ms_per_request": (
                round(self.client_cpu_ms / self.requests, 3) if self.requests else None
            ),
            "host_stolen_cpu_percent": (
                round(self.stolen_seconds * 100 / (self.seconds * (os.cpu_count() or 1)), 1)
                if self.stolen_seconds is not None and self.seconds
                else None
            ),
        }


def bench_acks(
    database: str,
    url_for: callable,
    *,
    levels: dict[int, int],
    max_seconds: float,
    workers: int,
    threads: int,
    workdir: Path,
) -> list[dict]:
    """One row per app and concurrency level; `url_for(app)` gives each app a fresh database."""
    rows = []
    with FakeSlack() as slack:
        response_url = seed(slack)
        servers: dict[str, Server] = {}
        try:
            for app in APPS:
                database_url = url_for(app)
                prepare_database(database_url)
                servers[app] = start(
                    f"{app}/{database}",
                    app,
                    app_env(slack, database_url),
                    workers=workers,
                    threads=threads,
                    log=workdir / f"{app}-{database}.log",
                )
            idle_rss = {app: server.worker_rss() for app, server in servers.items()}
            for server in servers.values():
                run_load(_events(server), SECRET, response_url, **WARM_UP)
            for concurrency, requests in levels.items():
                tallies = {app: _Tally() for app in APPS}
                for _ in range(ROUNDS):
                    for app, server in servers.items():
                        cpu_before, stolen_before = server.cpu(), stolen_cpu_seconds()
                        result = run_load(
                            _events(server),
                            SECRET,
                            response_url,
                            concurrency=concurrency,
                            requests=requests // ROUNDS,
                            max_seconds=max_seconds / ROUNDS,
                        )
                        stolen_after = stolen_cpu_seconds()
                        stolen = (
                            stolen_after - stolen_before
                            if stolen_before is not None and stolen_after is not None
                            else None
                        )
                        tallies[app].add(result, server.cpu() - cpu_before, stolen)
                rows += [
                    {"app": app, "database": database, "concurrency": concurrency}
                    | tallies[app].row()
                    for app in APPS
                ]
            for app, server in servers.items():
                after_rss = server.worker_rss()
                for row in rows:
                    if row["app"] == app:
                        row["worker_rss_idle_mib"] = max(idle_rss[app], default=None)
                        row["worker_rss_after_mib"] = max(after_rss, default=None)
        finally:
            for server in servers.values():
                server.stop()
    return rows


def seed(slack: FakeSlack) -> str:
    """The people and channel the load's requests name; the response_url they carry."""
    slack.add_user("UALICE", "alice", locale="en-US")
    slack.add_user("UBRUNO", "bruno", locale="fr-FR")
    slack.add_user("UADMIN", "admin", is_admin=True)
    slack.add_channel("CGENERAL", "general", members=["UALICE", "UBRUNO", "UADMIN", "UBOT"])
    return slack.response_url(channel_id="CGENERAL")


def _events(server: Server) -> str:
    return server.url + "/slack/events"


def prepare_database(database_url: str) -> None:
    """The same starting point for every app: the project's tables and the workspace's row."""
    from storage.db import make_engine, make_session_factory
    from storage.migrate import upgrade
    from storage.workspaces import ensure_workspace

    engine = make_engine(database_url)
    upgrade(engine)
    with make_session_factory(engine).begin() as session:
        ensure_workspace(session, "T0001")
    engine.dispose()


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def app_env(slack: FakeSlack, database_url: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "LEARNLOOP_"))}
    env.update(
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN=slack.bot_token,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack.api_url,
        PYTHONPATH=str(Path(__file__).resolve().parent.parent),
    )
    return env
