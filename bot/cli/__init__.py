"""The `learnloop` command line: one module per group of sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.cli import console, data, onboarding, processes, prompts, report, workspaces
from bot.errors import InvalidInput
from bot.logs import setup_logging
from bot.messages import t
from bot.settings import Settings, SettingsError, load_settings

GROUPS = (processes, data, workspaces, onboarding, console, report, prompts)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every sub-command; each sets `handler(settings, args) -> exit code`."""
    parser = argparse.ArgumentParser(
        prog="learnloop", description="A Slack bot that keeps what your team learns."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_commands(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, load settings, run the sub-command; bad settings or input stop with one line."""
    args = build_parser().parse_args(argv)
    try:
        settings: Settings = load_settings()
    except SettingsError as error:
        print(f"learnloop: {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_format)
    try:
        return args.handler(settings, args) or 0
    except SettingsError as error:
        print(f"learnloop: {error}", file=sys.stderr)
        return 2
    except InvalidInput as refusal:
        print(f"learnloop: {t(refusal.key, settings.language, **refusal.params)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
