"""Running the real `learnloop` command in a child process, as a user would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.fakeslack import FakeSlack
from tests.support.bot import SIGNING_SECRET

LEARNLOOP = str(Path(sys.executable).with_name("learnloop"))


def run_learnloop(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the installed `learnloop` console script to completion."""
    return subprocess.run(
        [LEARNLOOP, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=60
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def learnloop_env(slack: FakeSlack | None, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a child learnloop: nothing inherited from the developer's Slack setup."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "LEARNLOOP_"))}
    env["DATABASE_URL"] = database_url
    if slack is not None:
        env.update(
            SLACK_BOT_TOKEN=slack.bot_token,
            SLACK_APP_TOKEN=slack.app_token,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=slack.api_url,
        )
    env.update(extra)
    return env


def start_learnloop(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
    """Start `learnloop ARGS` in the background, its output in files under cwd."""
    return subprocess.Popen(
        [LEARNLOOP, *args],
        env=env,
        cwd=cwd,
        stdout=(cwd / "stdout.log").open("w"),
        stderr=(cwd / "stderr.log").open("w"),
        start_new_session=True,
    )


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 30.0) -> int:
    """Poll /healthz until it answers; the status code it answered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"learnloop exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.1)
    raise AssertionError("learnloop serve did not answer /healthz in time")


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is pid (Linux /proc)."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.append(int(entry.name))
    return children


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def listening_sockets(pid: int, port: int) -> set[int]:
    """Inodes of the TCP sockets that process pid holds listening on port (Linux /proc)."""
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                listening.add(int(fields[9]))
    held = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if target.startswith("socket:["):
            held.add(int(target[len("socket:[") : -1]))
    return listening & held
