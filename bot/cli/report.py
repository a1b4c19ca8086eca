"""`learnloop report`: the digest of the last full week (or month) as a file, with its chart."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select

from bot.errors import InvalidInput
from bot.insights.digest import DIGEST_CADENCES, build_digest
from bot.insights.report import FORMATS, check_format, write_report
from bot.learning.visibility import everyone
from bot.messages import t
from bot.periods import period_of, previous
from bot.runtime import open_runtime
from bot.settings import LANGUAGES, Settings
from storage.admin_settings import workspace_language, workspace_timezone
from storage.models import Workspace


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register `report`."""
    report = subparsers.add_parser(
        "report", help="write the digest of the last full week or month, with its chart"
    )
    report.add_argument("--format", default="md", help=f"one of {', '.join(FORMATS)}")
    report.add_argument("--out", required=True, metavar="FILE", help="where to write it")
    report.add_argument(
        "--period", default="weekly", choices=DIGEST_CADENCES, help="the last full week or month"
    )
    report.add_argument("--language", choices=LANGUAGES, help="default: the workspace's")
    report.add_argument("--team", help="workspace id, when the database holds several")
    report.set_defaults(handler=_report)


def _report(settings: Settings, args: argparse.Namespace) -> int:
    fmt = check_format(args.format)
    runtime = open_runtime(settings)
    deps = runtime.deps
    now = deps.now()
    with deps.sessions() as session:
        team_id = args.team or _only_team(session) or ""
        timezone = workspace_timezone(session, team_id, settings.timezone)
        language = args.language or workspace_language(session, team_id, settings.language)
        covered = previous(period_of(args.period, now, timezone), timezone)
        # Whoever runs the CLI holds the whole database: nothing is hidden from them.
        digest = build_digest(
            session, team_id, covered, now, language, timezone, everyone, with_comments=True
        )
    written = write_report(digest, fmt, Path(args.out))
    sys.stdout.write(t("report.written", language, files=", ".join(map(str, written))) + "\n")
    runtime.engine.dispose()
    return 0


def _only_team(session) -> str | None:
    teams = list(session.scalars(select(Workspace.team_id).order_by(Workspace.team_id)))
    if len(teams) > 1:
        raise InvalidInput("report.several_teams", field="team", teams=", ".join(teams))
    return teams[0] if teams else None
