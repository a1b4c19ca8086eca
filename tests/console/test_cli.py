"""`learnloop console` from the command line: its options, stdin, and what it refuses."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import subprocess
import time

import pytest

from tests.console.support import console, learnings
from tests.support.processes import LEARNLOOP, learnloop_env, run_learnloop


def test_a_second_session_finds_what_the_first_stored_and_options_apply(database_url, tmp_path):
    first = console("/learning retention: stay interviews every quarter\n", database_url, tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "You are @alice (admin) in #general" in first.stdout

    script = "/learning intégration : un binôme pour chaque arrivant\n"
    options = ["--user", "Zoe", "--channel", "#equipe", "--language", "fr"]
    second = console(script, database_url, tmp_path, *options)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "You are @zoe (admin) in #equipe" in second.stdout
    assert "zoe in #equipe › /learning intégration" in second.stdout
    assert "Intégration des nouveaux collaborateurs" in second.stdout
    assert [(x.user_id, x.channel_id, x.lever) for x in learnings(database_url)] == [
        ("UALICE", "CGENERAL", "retention"),
        ("UZOE", "CEQUIPE", "onboarding"),
    ]


def test_a_missing_script_or_a_bad_name_stops_with_one_line(tmp_path):
    env = learnloop_env(None, f"sqlite:///{tmp_path / 'learnloop.db'}")
    missing = run_learnloop(["console", "--script", "nowhere.txt"], env, tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.strip() == (
        "learnloop: cannot read the script nowhere.txt: No such file or directory"
    )
    bad = run_learnloop(["console", "--user", "Zoé Martin"], env, tmp_path)
    assert bad.returncode == 2
    assert "is not a name" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_lines_piped_on_stdin_play_the_same_and_real_slack_settings_are_ignored(
    database_url, tmp_path
):
    # A developer's real Slack settings must not matter: no OAuth mode, no call to them.
    env = learnloop_env(
        None,
        database_url,
        SLACK_BOT_TOKEN="xoxb-real-looking",
        SLACK_SIGNING_SECRET="real-secret",
        SLACK_CLIENT_ID="1111.2222",
        SLACK_CLIENT_SECRET="real-client-secret",
        SLACK_API_URL="http://127.0.0.1:9/api/",
    )
    result = subprocess.run(
        [LEARNLOOP, "console"],
        input="/learning retention: stay interviews every quarter\nquit\nsay never played\n",
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "alice in #general › /learning retention: stay interviews" in result.stdout
    assert "Staff retention" in result.stdout
    assert "never played" not in result.stdout
    assert [(x.user_id, x.lever) for x in learnings(database_url)] == [("UALICE", "retention")]


class Terminal:
    """`learnloop console` on a pseudo-terminal, as a person at a keyboard runs it."""

    def __init__(self, database_url: str, tmp_path) -> None:
        self.controller, terminal = pty.openpty()
        self.process = subprocess.Popen(
            [LEARNLOOP, "console"],
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.DEVNULL,
            env=learnloop_env(None, database_url),
            cwd=tmp_path,
            start_new_session=True,
        )
        os.close(terminal)
        self.shown = b""
        self._position = 0

    def type(self, keys: bytes) -> None:
        with contextlib.suppress(OSError):  # the console may have left already
            os.write(self.controller, keys)

    def wait_for(self, wanted: str, timeout: float = 30.0) -> str:
        """What the terminal showed up to `wanted`, which must appear after the last one."""
        needle = wanted.encode()
        deadline = time.monotonic() + timeout
        while (found := self.shown.find(needle, self._position)) < 0:
            left = max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.controller], [], [], left)
            try:
                chunk = os.read(self.controller, 65536) if ready else b""
            except OSError:  # the console exited and closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(
                    f"{wanted!r} never appeared; the terminal showed {self.shown!r}"
                )
            self.shown += chunk
        text = self.shown[self._position : found + len(needle)].decode("utf-8", "replace")
        self._position = found + len(needle)
        return text

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        os.close(self.controller)


@pytest.mark.parametrize("leave", ["ctrl-d", "ctrl-c"])
def test_ctrl_d_and_ctrl_c_leave_cleanly_and_the_database_keeps_what_was_stored(
    leave, database_url, tmp_path
):
    terminal = Terminal(database_url, tmp_path)
    try:
        terminal.wait_for("› ")
        terminal.type(b"/learning retention: stay interviews every quarter\n")
        shown = terminal.wait_for("Staff retention")
        assert "\x1b[" in shown  # colours, on a terminal
        terminal.wait_for("› ")
        # Keys typed before line editing is ready may be dropped, as in any shell: press again.
        for _attempt in range(60):
            if leave == "ctrl-d":
                terminal.type(b"\x04")
            else:
                terminal.process.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                terminal.process.wait(timeout=0.5)
                break
        # Linux may drop what a closing terminal still held, so the goodbye is not checked.
        assert terminal.process.wait(timeout=30) == 0
    finally:
        terminal.close()
    assert [(x.user_id, x.lever) for x in learnings(database_url)] == [("UALICE", "retention")]
