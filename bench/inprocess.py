"""`python -m bench.inprocess`: CPU time per signed `/learning` with no HTTP server in between.

Each app's WSGI callable (learnloop's as `learnloop serve` builds it, the bare Bolt app's, the
floor's) is called directly, in a process of its own, with requests like the load generator's;
the time spent building and signing them is measured apart and taken off. What gunicorn and
the network add is the same for the three apps: this isolates what each app's own code costs,
and moves far less between runs than CPU read off servers on a shared machine. Printed only.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from bench.acks import APPS, SECRET, app_env, prepare_database, seed
from bench.load import command_body, signed_headers
from bot.fakeslack import FakeSlack

CHUNKS = 5
WARM_UP = 200


def measure(app: str, database_url: str, requests: int) -> float:
    """The least CPU milliseconds per request over CHUNKS runs of requests/CHUNKS each."""
    with FakeSlack() as slack:
        response_url = seed(slack)
        prepare_database(database_url)
        os.environ.update(app_env(slack, database_url))
        application = _application(app)
        key = SECRET.encode()

        def build(n: int) -> dict:
            body = command_body(n, response_url)
            headers = signed_headers(key, body)
            return {
                "REQUEST_METHOD": "POST",
                "PATH_INFO": "/slack/events",
                "QUERY_STRING": "",
                "CONTENT_TYPE": headers["Content-Type"],
                "CONTENT_LENGTH": str(len(body)),
                "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
                "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"],
                "wsgi.input": io.BytesIO(body),
                "wsgi.url_scheme": "http",
                "SERVER_NAME": "127.0.0.1",
                "SERVER_PORT": "80",
                "SERVER_PROTOCOL": "HTTP/1.1",
            }

        def call(n: int) -> None:
            statuses = []
            b"".join(application(build(n), lambda status, *_: statuses.append(status)))
            if not statuses[0].startswith("200"):
                raise RuntimeError(f"{app} answered {statuses[0]}")

        for n in range(WARM_UP):
            call(n)
        per_chunk = requests // CHUNKS
        chunks = []
        for chunk in range(CHUNKS):
            first = WARM_UP + chunk * per_chunk
            calls = _cpu(call, range(first, first + per_chunk))
            building = _cpu(build, range(first, first + per_chunk))
            chunks.append((calls - building) * 1000 / per_chunk)
        return min(chunks)


def _application(app: str):
    if app != "learnloop":
        return importlib.import_module(f"bench.apps.{app}").application
    from bot.app import build_app
    from bot.runtime import open_runtime
    from bot.settings import load_settings
    from bot.web import make_wsgi_app

    runtime = open_runtime(load_settings(use_dotenv=False), migrate=False)
    return make_wsgi_app(build_app(runtime.deps), runtime.engine)


def _cpu(work, numbers: range) -> float:
    started = time.process_time()
    for n in numbers:
        work(n)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess", description=__doc__)
    parser.add_argument("--requests", type=int, default=5000, help="per app, after a warm-up")
    parser.add_argument("--app", choices=APPS, help=argparse.SUPPRESS)  # one app's process
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.app:
        print(json.dumps(measure(args.app, args.database_url, args.requests)))
        return 0
    from bench.__main__ import _postgres_version, postgres_database

    databases = ["sqlite"] + (["postgresql"] if _postgres_version() else [])
    print("CPU ms per /learning, the WSGI app called in-process (least of 5 chunks)")
    for database in databases:
        for app in APPS:
            with tempfile.TemporaryDirectory(prefix="learnloop-inprocess-") as tmp:
                scratch = (
                    postgres_database(f"inproc_{app}")
                    if database == "postgresql"
                    else nullcontext(f"sqlite:///{Path(tmp) / 'bench.db'}")
                )
                with scratch as database_url:
                    ms = json.loads(_run_apart(app, database_url, args.requests))
            print(f"{database:10s} {app:10s} {ms:7.3f}")
    return 0


def _run_apart(app: str, database_url: str, requests: int) -> str:
    command = [sys.executable, "-m", "bench.inprocess", "--app", app]
    command += ["--database-url", database_url, "--requests", str(requests)]
    repo = Path(__file__).resolve().parent.parent
    done = subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout.strip().splitlines()[-1]


if __name__ == "__main__":
    raise SystemExit(main())
