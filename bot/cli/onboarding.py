"""Onboarding from the command line: `resources add|list|import|remove`, `onboarding status|settings`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.app import make_web_client
from bot.cli.workspaces import token_team
from bot.errors import InvalidInput
from bot.ids import row_id
from bot.messages import t
from bot.onboarding.rules import (
    DEFAULT_DAYS,
    ImportRefused,
    check_resource,
    day_of_path,
    parse_days,
    parse_resources_yaml,
)
from bot.runtime import open_runtime
from bot.settings import Settings
from storage.models import Workspace
from storage.onboarding import (
    add_resource,
    configured_days,
    import_resources,
    list_resources,
    onboarding_channels,
    progress,
    remove_resource,
    save_settings,
)
from storage.types import utcnow


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register `resources` and `onboarding`."""
    resources = subparsers.add_parser("resources", help="the onboarding resources library")
    actions = resources.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="add a resource")
    add.add_argument("title")
    add.add_argument("url", help="an http:// or https:// link")
    add.add_argument("--lever", help="its lever (default onboarding)")
    add.add_argument("--day", default="0", help="day of the path to send it, 0-365 (default 0)")
    add.add_argument("--audience", default="everyone", help="staff, volunteer, partner or everyone")
    add.add_argument("--description", default="", help="one or two sentences")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="print the library")
    listing.set_defaults(handler=_list)

    load = actions.add_parser("import", help="add or update resources from a YAML file")
    load.add_argument("file", metavar="FILE.yml")
    load.set_defaults(handler=_import)

    remove = actions.add_parser("remove", help="remove a resource by its number")
    remove.add_argument("id")
    remove.set_defaults(handler=_remove)

    onboarding = subparsers.add_parser("onboarding", help="newcomers and onboarding settings")
    actions = onboarding.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="print each newcomer's progress")
    status.set_defaults(handler=_status)
    settings = actions.add_parser("settings", help="show or change channels and nudge days")
    settings.add_argument(
        "--channels", help="onboarding channel ids, comma-separated ('' for none)"
    )
    settings.add_argument("--days", help="nudge days, comma-separated, for example 1,3,7,14,30")
    settings.set_defaults(handler=_settings)

    for parser in (add, listing, load, remove, status, settings):
        parser.add_argument("--team", help="workspace id, when the database holds several")


def _team(session: Session, settings: Settings, args: argparse.Namespace) -> str:
    """--team, else the only workspace of the database, else the bot token's workspace."""
    if args.team:
        return args.team
    teams = list(session.scalars(select(Workspace.team_id).order_by(Workspace.team_id)))
    if len(teams) > 1:
        raise InvalidInput("export.several_teams", field="team", teams=", ".join(teams))
    if teams:
        return teams[0]
    if settings.bot_token:
        return token_team(make_web_client(settings, settings.bot_token))
    raise InvalidInput("onboarding.cli_no_team", field="team")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _add(settings: Settings, args: argparse.Namespace) -> int:
    resource = check_resource(
        args.title,
        args.url,
        lever=args.lever,
        day=args.day,
        audience=args.audience,
        description=args.description,
    )
    runtime = open_runtime(settings)
    language = settings.language
    with runtime.deps.sessions.begin() as session:
        row = add_resource(session, _team(session, settings, args), resource, now=utcnow())
        _out(
            t(
                "onboarding.cli_added",
                language,
                id=row.id,
                title=row.title,
                day=t("onboarding.day", language, day=row.day),
                audience=row.audience,
                lever=row.lever,
            )
        )
    return 0


def _list(settings: Settings, args: argparse.Namespace) -> int:
    runtime = open_runtime(settings)
    with runtime.deps.sessions() as session:
        rows = list_resources(session, _team(session, settings, args))
    if not rows:
        _out(t("onboarding.cli_empty", settings.language))
    for row in rows:
        _out(f"#{row.id}\t{row.day}\t{row.audience}\t{row.lever}\t{row.title}\t{row.url}")
    return 0


def _import(settings: Settings, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise InvalidInput(
            "onboarding.cli_unreadable", field="file", path=path, reason=reason
        ) from None
    language = settings.language
    try:
        resources = parse_resources_yaml(text)
    except ImportRefused as refusal:
        problem = t(refusal.key, language, **refusal.params)
        line = t("onboarding.import_item", language, number=refusal.number, problem=problem)
        sys.stderr.write(f"learnloop: {path}: {line}\n")
        return 2
    runtime = open_runtime(settings)
    with runtime.deps.sessions.begin() as session:
        added, updated = import_resources(
            session, _team(session, settings, args), resources, now=utcnow()
        )
    _out(t("onboarding.cli_imported", language, path=path, added=added, updated=updated))
    return 0


def _remove(settings: Settings, args: argparse.Namespace) -> int:
    number = row_id(args.id.lstrip("#"))
    if number is None:
        raise InvalidInput("onboarding.cli_not_found", field="id", id=args.id[:20])
    runtime = open_runtime(settings)
    with runtime.deps.sessions.begin() as session:
        removed = remove_resource(session, _team(session, settings, args), number)
    if not removed:
        raise InvalidInput("onboarding.cli_not_found", field="id", id=number)
    _out(t("onboarding.cli_removed", settings.language, id=number))
    return 0


def _status(settings: Settings, args: argparse.Namespace) -> int:
    runtime = open_runtime(settings)
    language, now = settings.language, utcnow()
    with runtime.deps.sessions() as session:
        rows = progress(session, _team(session, settings, args), limit=1000)
    if not rows:
        _out(t("onboarding.home_newcomers_empty", language))
        return 0
    _out(t("onboarding.cli_status_header", language))
    for row in rows:
        newcomer = row.newcomer
        _out(
            f"{newcomer.user_id}\t{newcomer.started_at.date().isoformat()}\t"
            f"{day_of_path(newcomer.started_at, now)}\t{newcomer.status}\t{row.done}/{row.total}"
        )
    return 0


def _channel_ids(text: str) -> list[str]:
    ids = [part.strip().lstrip("#") for part in text.split(",") if part.strip()]
    if any(not (i[:1] in ("C", "G") and i.isalnum() and i.isupper()) for i in ids):
        raise InvalidInput("onboarding.bad_channels", field="channels", value=text[:60])
    return ids


def _settings(settings: Settings, args: argparse.Namespace) -> int:
    channels = _channel_ids(args.channels) if args.channels is not None else None
    days = parse_days(args.days) if args.days is not None else None
    runtime = open_runtime(settings)
    language = settings.language
    with runtime.deps.sessions.begin() as session:
        team_id = _team(session, settings, args)
        if channels is not None or days is not None:
            save_settings(session, team_id, now=utcnow(), channel_ids=channels, days=days)
        shown_channels = ", ".join(onboarding_channels(session, team_id))
        shown_days = ", ".join(map(str, configured_days(session, team_id) or DEFAULT_DAYS))
    _out(
        t(
            "onboarding.cli_settings",
            language,
            channels=shown_channels or t("onboarding.cli_none", language),
            days=shown_days,
        )
    )
    return 0
