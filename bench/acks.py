"""Ack latency, throughput, server CPU and worker memory of signed /learning requests.

learnloop (`learnloop serve`), a bare Bolt app that only acks, and a floor app that INSERTs
the same row into the same table and COMMITs through the driver, all under the same gunicorn
settings and, for the two Bolt apps, the same `process_before_response=True`.
"""

from __future__ import annotations

from pathlib import Path

from bench.load import run_load
from bench.servers import start
from bot.fakeslack import FakeSlack

SECRET = "bench-signing-secret"
APPS = ("learnloop", "bare", "floor")


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
        slack.add_user("UALICE", "alice", locale="en-US")
        slack.add_user("UBRUNO", "bruno", locale="fr-FR")
        slack.add_user("UADMIN", "admin", is_admin=True)
        slack.add_channel("CGENERAL", "general", members=["UALICE", "UBRUNO", "UADMIN", "UBOT"])
        response_url = slack.response_url(channel_id="CGENERAL")
        for app in APPS:
            database_url = url_for(app)
            _prepare(database_url)
            env = _env(slack, database_url)
            server = start(
                f"{app}/{database}",
                app,
                env,
                workers=workers,
                threads=threads,
                log=workdir / f"{app}-{database}.log",
            )
            try:
                idle_rss = server.worker_rss()
                events = server.url + "/slack/events"
                run_load(events, SECRET, response_url, concurrency=4, requests=60, max_seconds=20)
                for concurrency, requests in levels.items():
                    cpu_before = server.cpu()
                    result = run_load(
                        events,
                        SECRET,
                        response_url,
                        concurrency=concurrency,
                        requests=requests,
                        max_seconds=max_seconds,
                    )
                    cpu = server.cpu() - cpu_before
                    rows.append(
                        {
                            "app": app,
                            "database": database,
                            "concurrency": concurrency,
                            "requests": result.requests,
                            "errors": result.errors,
                            "req_per_s": round(result.rps, 1),
                            "p50_ms": _ms(result.percentile(50)),
                            "p95_ms": _ms(result.percentile(95)),
                            "p99_ms": _ms(result.percentile(99)),
                            "server_cpu_ms_per_request": (
                                round(cpu * 1000 / result.requests, 3) if result.requests else None
                            ),
                        }
                    )
                after_rss = server.worker_rss()
                for row in rows:
                    if row["app"] == app and row["database"] == database:
                        row["worker_rss_idle_mib"] = max(idle_rss, default=None)
                        row["worker_rss_after_mib"] = max(after_rss, default=None)
            finally:
                server.stop()
    return rows


def _prepare(database_url: str) -> None:
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


def _env(slack: FakeSlack, database_url: str) -> dict[str, str]:
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
