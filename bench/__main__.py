"""`python -m bench [--full] [--only acks,fanout,queries]`: run, print a table, save JSON.

Quick (default) finishes in a few minutes on 2 cores; --full uses the sizes of the issue
(1,000,000 learnings, longer load runs). Everything runs on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.machine import describe
from bot.gunicorn_settings import default_threads, default_workers, gunicorn_options

RESULTS = Path(__file__).with_name("results")
POSTGRES_ADMIN_URL = os.environ.get(
    "LEARNLOOP_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

SIZES = {
    "quick": {
        "levels": {1: 300, 8: 1000, 32: 1500},
        "max_seconds": 15.0,
        "learnings": 100_000,
        "fanout": (10, 100),
    },
    "full": {
        "levels": {1: 2000, 8: 6000, 32: 10000},
        "max_seconds": 60.0,
        "learnings": 1_000_000,
        "fanout": (10, 100),
    },
}
# `learnloop serve`'s defaults for each database, given to the three apps alike.
GUNICORN = {
    database: {"workers": default_workers(database), "threads": default_threads(database)}
    for database in ("sqlite", "postgresql")
}


def _recorded(options: dict) -> dict:
    """The gunicorn settings saved with a run: all but the address, picked afresh each time."""
    return {name: value for name, value in options.items() if name != "bind"}


def _postgres_version() -> str | None:
    try:
        engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar()
        engine.dispose()
        return version
    except Exception:
        return None


@contextmanager
def postgres_database(label: str):
    """A scratch PostgreSQL database, dropped afterwards."""
    name = f"learnloop_bench_{label}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--full", action="store_true", help="the issue's sizes (slower)")
    parser.add_argument("--only", default="acks,fanout,queries", help="sections to run")
    parser.add_argument("--no-save", action="store_true", help="print only")
    args = parser.parse_args(argv)
    size = "full" if args.full else "quick"
    sections = set(args.only.split(","))
    sizes = SIZES[size]
    pg_version = _postgres_version()
    databases = ["sqlite"] + (["postgresql"] if pg_version else [])
    report: dict = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "size": size,
        "machine": describe(pg_version),
        "gunicorn": {
            database: _recorded(gunicorn_options(host="127.0.0.1", port=0, **GUNICORN[database]))
            for database in databases
        },
    }
    if not pg_version:
        report["postgresql_skipped"] = f"no PostgreSQL answers at {POSTGRES_ADMIN_URL}"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="learnloop-bench-") as tmp:
        workdir = Path(tmp)
        if "acks" in sections:
            from bench.acks import bench_acks

            report["acks"] = []
            for database in databases:
                with _urls(database, workdir) as url_for:
                    report["acks"] += bench_acks(
                        database,
                        url_for,
                        levels=sizes["levels"],
                        max_seconds=sizes["max_seconds"],
                        **GUNICORN[database],
                        workdir=workdir,
                    )
                _print_acks([r for r in report["acks"] if r["database"] == database])
        if "fanout" in sections:
            from bench.fanout import bench_fanout

            workspaces, channels = sizes["fanout"]
            database = databases[-1]
            with _urls(database, workdir) as url_for:
                report["fanout"] = {
                    "database": database,
                    **bench_fanout(
                        url_for("fanout"), workspaces=workspaces, channels_per_workspace=channels
                    ),
                }
            _print_fanout(report["fanout"])
        if "queries" in sections:
            from bench.queries import bench_queries, populate

            report["queries"] = {}
            for database in databases:
                with _urls(database, workdir) as url_for:
                    url = url_for("queries")
                    seconds = populate(url, sizes["learnings"])
                    result = bench_queries(url)
                    result["populate_s"] = round(seconds, 1)
                    report["queries"][database] = result
            _print_queries(report["queries"])
    report["seconds"] = round(time.perf_counter() - started, 1)
    if not args.no_save:
        RESULTS.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = RESULTS / f"{stamp}-{size}.json"
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(
            f"\nsaved {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
        )
    return 0


@contextmanager
def _urls(database: str, workdir: Path):
    """A function giving each app/section its own fresh database of that kind."""
    if database == "sqlite":
        yield lambda label: f"sqlite:///{workdir / f'{label}-{uuid.uuid4().hex[:6]}.db'}"
        return
    with postgres_database("run") as base:
        yield lambda _label: base  # one scratch database per kind: tables do not overlap


def _print_acks(rows: list[dict]) -> None:
    if not rows:
        return
    print(f"\n/learning acks on {rows[0]['database']}")
    header = f"{'app':10} {'conc':>4} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'cpu ms/req':>10} {'load gen':>8} {'errors':>6} {'rss MiB idle/after':>19} {'stolen %':>8}"
    print(header)
    for r in rows:
        print(
            f"{r['app']:10} {r['concurrency']:>4} {r['req_per_s']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} "
            f"{r['p99_ms']:>8} {r['server_cpu_ms_per_request']:>10} {r.get('load_generator_cpu_ms_per_request')!s:>8} {r['errors']:>6} "
            f"{str(r.get('worker_rss_idle_mib')) + '/' + str(r.get('worker_rss_after_mib')):>19} "
            f"{r.get('host_stolen_cpu_percent')!s:>8}"
        )


def _print_fanout(result: dict) -> None:
    print(
        f"\nfan-out: {result['channels']} channels in {result['workspaces']} workspaces ({result['database']})"
    )
    print(
        f"  total {result['total_s']} s, lower bound {result['lower_bound_s']} s, ratio {result['ratio_to_bound']}"
    )
    print(
        f"  posted {result['posted']}, duplicates {result['duplicates']}, losses {result['losses']}, 429s {result['rate_limited_answers']}"
    )
    restart = result["restart"]
    print(
        f"  clock restarted after {restart['posted_before_restart']} posts: posted {restart['posted']}, "
        f"duplicates {restart['duplicates']}, losses {restart['losses']} "
        f"(after the new clock's first tick: {restart['prompts_after_the_new_clocks_first_tick']})"
    )


def _print_queries(results: dict) -> None:
    for database, result in results.items():
        print(
            f"\nqueries on {database}: {result['rows']['learnings']} learnings (written in {result['populate_s']} s)"
        )
        for name, value in result.items():
            if isinstance(value, dict) and "p50_ms" in value:
                print(f"  {name:22} p50 {value['p50_ms']:>8} ms   p95 {value['p95_ms']:>8} ms")
            elif isinstance(value, dict) and "skipped" in value:
                print(f"  {name:22} skipped: {value['skipped']}")


if __name__ == "__main__":
    sys.exit(main())
