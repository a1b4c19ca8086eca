"""`learnloop serve`: gunicorn over the Bolt app, health check, signed /learning, clean SIGTERM."""

from __future__ import annotations

import json
import signal
import socket
import time
import urllib.request

from bot.fakeslack import SlackRequester
from tests.support.bot import SIGNING_SECRET
from tests.support.processes import (
    alive,
    children_of,
    free_port,
    learnloop_env,
    listening_sockets,
    run_learnloop,
    start_learnloop,
    wait_for_health,
)


def test_serve_answers_health_stores_a_signed_learning_and_stops_on_sigterm(
    slack, database_url, tmp_path
):
    port = free_port()
    env = learnloop_env(slack, database_url)
    server = start_learnloop(
        ["serve", "--port", str(port), "--host", "127.0.0.1", "--no-scheduler"], env, tmp_path
    )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_for_health(url, server) == 200
        with urllib.request.urlopen(url + "/healthz") as response:
            assert json.load(response) == {"status": "ok"}

        requester = SlackRequester(url + "/slack/events", SIGNING_SECRET, slack=slack)
        started = time.monotonic()
        response = requester.command(
            "/learning",
            "onboarding: shadow a colleague on day one",
            user_id="UALICE",
            channel_id="CGENERAL",
        )
        assert time.monotonic() - started < 3
        assert response.status == 200
        assert "Onboarding newcomers" in response.json()["text"]

        exported = run_learnloop(["export"], env, tmp_path)
        rows = [json.loads(line) for line in exported.stdout.splitlines()]
        assert [(row["lever"], row["text"]) for row in rows] == [
            ("onboarding", "shadow a colleague on day one")
        ]

        workers = children_of(server.pid)
        assert workers, "gunicorn should have started workers"
    finally:
        server.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        server.wait(timeout=15)
    assert time.monotonic() - stopped_at < 10
    time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)]
    # A healthy start, request and stop warn about nothing.
    logged = (tmp_path / "stderr.log").read_text() + (tmp_path / "stdout.log").read_text()
    assert [line for line in logged.splitlines() if "WARNING" in line] == []


def test_serve_refuses_to_start_without_a_signing_secret(slack, database_url, tmp_path):
    env = learnloop_env(slack, database_url)
    del env["SLACK_SIGNING_SECRET"]
    result = run_learnloop(["serve", "--port", str(free_port())], env, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "learnloop: SLACK_SIGNING_SECRET is not set: find it under Basic Information > "
        "App Credentials > Signing Secret at https://api.slack.com/apps."
    )


def test_serve_with_two_workers_gives_each_its_own_listening_socket(slack, database_url, tmp_path):
    """The kernel then spreads new connections over the workers, instead of the worker that
    wakes first taking them."""
    port = free_port()
    server = start_learnloop(
        ["serve", "--port", str(port), "--host", "127.0.0.1", "--workers", "2", "--no-scheduler"],
        learnloop_env(slack, database_url),
        tmp_path,
    )
    try:
        assert wait_for_health(f"http://127.0.0.1:{port}", server) == 200
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            workers = children_of(server.pid)
            held = {pid: listening_sockets(pid, port) for pid in workers}
            if len(workers) == 2 and all(held.values()):
                break
            time.sleep(0.1)
        assert [len(sockets) for sockets in held.values()] == [1, 1]
        assert len(set.union(*held.values())) == 2
        assert listening_sockets(server.pid, port) == set()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)


def test_serve_on_a_port_in_use_stops_at_once_and_says_so(slack, database_url, tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        for workers in ("1", "2"):
            result = run_learnloop(
                ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", workers],
                learnloop_env(slack, database_url),
                tmp_path,
            )
            assert result.returncode == 2
            assert result.stderr.strip() == (
                f"learnloop: Cannot listen on 127.0.0.1:{port} (Address already in use); nothing "
                "was started. Stop what listens there, or choose another port, e.g. "
                "`learnloop serve --port 3001`."
            )  # and nothing from gunicorn: it never started, to retry or restart workers
