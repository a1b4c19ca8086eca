"""Data out of the bot: `export` and `manifest`."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select

from bot.dates import parse_day
from bot.errors import InvalidInput
from bot.learning.export import FORMATS, check_format, render
from bot.learning.search_query import terms_of
from bot.levers import parse_lever
from bot.manifest import manifest_yaml
from bot.runtime import open_runtime
from bot.settings import Settings
from storage.learnings import LearningFilter, list_learnings
from storage.models import Workspace


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the data sub-commands."""
    export = subparsers.add_parser("export", help="write the team's learnings to stdout")
    export.add_argument("--format", default="json", help=f"one of {', '.join(FORMATS)}")
    export.add_argument("--channel", help="only this channel id")
    export.add_argument("--lever", help="only this lever")
    export.add_argument("--since", help="only from this day on, YYYY-MM-DD")
    export.add_argument("--user", help="only those logged by or credited to this user id")
    export.add_argument("--search", help="only those holding these words (accents ignored)")
    export.add_argument("--team", help="workspace id, when the database holds several")
    export.set_defaults(handler=_export)

    manifest = subparsers.add_parser("manifest", help="print the Slack app manifest (YAML)")
    manifest.add_argument("--http", metavar="URL", help="public base URL, for HTTP mode")
    manifest.set_defaults(handler=_manifest)


def _export(settings: Settings, args: argparse.Namespace) -> int:
    fmt = check_format(args.format)
    where = LearningFilter(
        channel_id=args.channel,
        lever=parse_lever(args.lever) if args.lever else None,
        since=parse_day(args.since, settings.timezone) if args.since else None,
        user_id=args.user,
        terms=terms_of(args.search or ""),
    )
    runtime = open_runtime(settings)
    with runtime.deps.sessions() as session:
        team_id = args.team or _only_team(session)
        learnings = list_learnings(session, team_id, where) if team_id else []
        sys.stdout.write(render(learnings, fmt, settings.language))
    return 0


def _only_team(session) -> str | None:
    teams = list(session.scalars(select(Workspace.team_id).order_by(Workspace.team_id)))
    if len(teams) > 1:
        raise InvalidInput("export.several_teams", field="team", teams=", ".join(teams))
    return teams[0] if teams else None


def _manifest(_settings: Settings, args: argparse.Namespace) -> int:
    sys.stdout.write(manifest_yaml(args.http))
    return 0
