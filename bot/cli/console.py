"""`learnloop console`: the real bot in this terminal, a stand-in Slack, no token, no network."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.console.lines import BadLine, person_name
from bot.console.mrkdwn import line
from bot.console.output import Output
from bot.settings import LANGUAGES, Settings

if TYPE_CHECKING:
    from bot.console.session import Session


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register `console`."""
    console = subparsers.add_parser(
        "console",
        help="try the whole bot in this terminal, without a Slack workspace",
        description=(
            "Talk to the real learnloop (its handlers, database and scheduler) through a "
            "stand-in Slack running in this process on 127.0.0.1. No token, no network."
        ),
    )
    console.add_argument(
        "--user", default="alice", metavar="NAME", help="who you are (default: alice, an admin)"
    )
    console.add_argument(
        "--channel", default="general", metavar="NAME", help="where you start (default: general)"
    )
    console.add_argument("--language", choices=LANGUAGES, help="the people's Slack language")
    console.add_argument(
        "--script", metavar="FILE", help="play the lines of FILE, print the transcript"
    )
    console.set_defaults(handler=_console)


def _console(settings: Settings, args: argparse.Namespace) -> int:
    try:
        user = person_name(args.user)
        channel = person_name(args.channel.removeprefix("#"))
    except BadLine as refusal:
        print(f"learnloop: {refusal}", file=sys.stderr)
        return 2
    script = None
    if args.script:
        try:
            script = Path(args.script).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(
                f"learnloop: cannot read the script {args.script}: {error.strerror}",
                file=sys.stderr,
            )
            return 2
    elif not sys.stdin.isatty():
        script = sys.stdin.read().splitlines()
    _forget_real_slack()
    _quiet_logs()
    from bot.console.session import open_console  # the whole app: only when it runs

    out = Output(sys.stdout, color=script is None and sys.stdout.isatty())
    language = args.language or settings.language
    with open_console(settings, out, user=user, channel=channel, language=language) as session:
        out.lines(session.banner())
        if script is not None:
            _play_script(session, out, script)
            return 1 if session.refused else 0
        _play_interactively(session, out)
    return 0


def _play_script(session: Session, out: Output, lines: Iterable[str]) -> None:
    """Each line as if typed: echoed after the prompt, then what it did."""
    for text in lines:
        if not text.strip():
            continue
        if text.lstrip().startswith("#"):
            out.line(line((text.strip(), "dim")))
            continue
        out.echo(session.prompt, text.strip())
        if not session.play(text):
            break


def _play_interactively(session: Session, out: Output) -> None:
    """Read lines until quit, Ctrl-D or Ctrl-C; the database keeps what was stored."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    while True:
        try:
            text = out.read(session.prompt)
            if not session.play(text):
                break
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stdout)
            break
    # Leaving takes a moment (listeners finish, connections close): a second Ctrl-C waits.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out.note("bye: what was stored stays in the database")


def _forget_real_slack() -> None:
    """The console never talks to a real Slack: Bolt reads SLACK_CLIENT_ID & co. by itself."""
    for name in [n for n in os.environ if n.startswith("SLACK_")]:
        del os.environ[name]


def _quiet_logs() -> None:
    """Warnings and errors only; the console itself says when nothing handles a request."""
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    for handler in root.handlers:
        handler.addFilter(_drop_unhandled_request_warnings)


def _drop_unhandled_request_warnings(record: logging.LogRecord) -> bool:
    # Bolt's loggers copy the root level when the app is built, so a filter, not a level.
    return not (
        record.name.startswith("slack_bolt") and record.getMessage().startswith("Unhandled request")
    )
