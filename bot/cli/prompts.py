"""Reflection prompts from the command line: `schedule add|list|remove` and `prompt`.

The workspace is the bot token's (auth.test), or `--team` when the app serves several.
Bad input is refused before anything is saved or posted.
"""

from __future__ import annotations

import argparse
import sys

from slack_sdk import WebClient
from sqlalchemy.exc import IntegrityError

from bot.cli.workspaces import token_team
from bot.clients import NO_ANSWER
from bot.errors import InvalidInput
from bot.levers import lever_name, parse_lever
from bot.messages import t
from bot.prompts.channels import SlackTrouble, channel_info
from bot.prompts.posting import post_prompt_now
from bot.prompts.questions import describe_language, describe_levers, describe_moment, describe_when
from bot.prompts.schedules import (
    LEVER_MODES,
    check_cron,
    check_language,
    check_timezone,
    lever_selection,
    next_occurrence,
)
from bot.runtime import Runtime, open_runtime
from bot.settings import Settings
from storage.models import Schedule
from storage.schedules import add_schedule, get_schedule, list_schedules, remove_schedule


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register `schedule` and `prompt`."""
    schedule = subparsers.add_parser("schedule", help="reflection prompt schedules per channel")
    actions = schedule.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="post prompts in a channel on a cron schedule")
    add.add_argument("--channel", required=True, help="channel id, e.g. C0123456789")
    add.add_argument("--cron", default="0 10 * * MON", help='five fields, e.g. "0 10 * * MON"')
    add.add_argument("--tz", help="IANA time zone, e.g. Europe/Paris (default LEARNLOOP_TIMEZONE)")
    add.add_argument("--levers", nargs="+", default=[], help="levers to take in turn (default all)")
    add.add_argument("--lever-mode", choices=LEVER_MODES, help="rotate, fixed or subset")
    add.add_argument("--language", help="en or fr (default: the workspace's)")
    add.add_argument("--team", help="workspace id, when the app serves several")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="the schedules of the workspace")
    listing.add_argument("--team", help="workspace id, when the app serves several")
    listing.set_defaults(handler=_list)

    remove = actions.add_parser("remove", help="remove a schedule")
    remove.add_argument("id", type=int, help="schedule id, as `schedule list` shows it")
    remove.add_argument("--team", help="workspace id, when the app serves several")
    remove.set_defaults(handler=_remove)

    prompt = subparsers.add_parser("prompt", help="post one reflection prompt now")
    prompt.add_argument("--channel", required=True, help="channel id, e.g. C0123456789")
    prompt.add_argument("--lever", help="the lever to ask about (default: the next in turn)")
    prompt.add_argument("--team", help="workspace id, when the app serves several")
    prompt.set_defaults(handler=_prompt)


def _workspace(settings: Settings, args: argparse.Namespace) -> tuple[Runtime, WebClient, str]:
    """The runtime, a client and the team the command acts on."""
    if not (settings.oauth_enabled and args.team):
        settings.require("SLACK_BOT_TOKEN")
    runtime = open_runtime(settings)
    client = runtime.deps.client_for(args.team or "")
    team_id = args.team or token_team(client)
    return runtime, client, team_id


def _check_channel(client: WebClient, channel: str) -> None:
    """InvalidInput naming the channel unless the bot is a member of it; SlackTrouble."""
    found = channel_info(client, channel)
    if not found:
        raise InvalidInput("prompts.unknown_channel", field="channel", channel=channel)
    if not found.get("is_member"):
        raise InvalidInput("prompts.not_in_channel", field="channel", channel=channel)


def _slack_trouble(language: str, channel: str, trouble: SlackTrouble) -> int:
    text = t("prompts.cli_slack_failed", language, channel=channel, reason=trouble.reason)
    print(f"learnloop: {text}", file=sys.stderr)
    return 1


def _lever_names(values: list[str]) -> list[str]:
    return [name for value in values for name in value.split(",") if name.strip()]


def _add(settings: Settings, args: argparse.Namespace) -> int:
    cron = check_cron(args.cron)
    timezone = check_timezone(args.tz or settings.timezone)
    mode, levers = lever_selection(_lever_names(args.levers), args.lever_mode)
    language = check_language(args.language)
    runtime, client, team_id = _workspace(settings, args)
    try:
        _check_channel(client, args.channel)
    except SlackTrouble as trouble:
        runtime.engine.dispose()
        return _slack_trouble(settings.language, args.channel, trouble)
    deps = runtime.deps
    try:
        with deps.sessions.begin() as session:
            schedule = add_schedule(
                session,
                team_id=team_id,
                channel_id=args.channel,
                cron=cron,
                timezone=timezone,
                lever_mode=mode,
                levers=levers,
                language=language,
                created_by=None,
                now=deps.now(),
            )
            line = _describe(schedule, settings.language, deps.now(), "prompts.cli_added")
    except IntegrityError:
        with deps.sessions() as session:
            existing = next(
                s for s in list_schedules(session, team_id) if s.channel_id == args.channel
            )
        raise InvalidInput(
            "prompts.already_scheduled", field="channel", channel=args.channel, id=existing.id
        ) from None
    finally:
        runtime.engine.dispose()
    print(line)
    return 0


def _describe(schedule: Schedule, language: str, now, key: str) -> str:
    return t(
        key,
        language,
        id=schedule.id,
        channel=schedule.channel_id,
        when=describe_when(schedule.cron, language),
        timezone=schedule.timezone,
        levers=describe_levers(schedule.lever_mode, schedule.levers, language),
        language=describe_language(schedule.language, language),
        next=describe_moment(
            next_occurrence(schedule.cron, schedule.timezone, now), schedule.timezone, language
        ),
    )


def _state(schedule: Schedule, language: str) -> str:
    if schedule.paused_reason:
        return t("prompts.state.paused", language, reason=schedule.paused_reason)
    return t("prompts.state.on" if schedule.enabled else "prompts.state.off", language)


def _list(settings: Settings, args: argparse.Namespace) -> int:
    runtime, _client, team_id = _workspace(settings, args)
    language, now = settings.language, runtime.deps.now()
    with runtime.deps.sessions() as session:
        schedules = list_schedules(session, team_id)
        lines = [
            "\t".join(
                (
                    f"#{s.id}",
                    s.channel_id,
                    s.cron,
                    s.timezone,
                    describe_levers(s.lever_mode, s.levers, language),
                    s.language or "-",
                    _state(s, language),
                    describe_moment(next_occurrence(s.cron, s.timezone, now), s.timezone, language),
                )
            )
            for s in schedules
        ]
    runtime.engine.dispose()
    print("\n".join(lines) if lines else t("prompts.cli_none", language))
    return 0


def _remove(settings: Settings, args: argparse.Namespace) -> int:
    runtime, _client, team_id = _workspace(settings, args)
    try:
        with runtime.deps.sessions.begin() as session:
            schedule = get_schedule(session, team_id, args.id)
            if schedule is None:
                raise InvalidInput("prompts.no_schedule", field="id", id=args.id)
            remove_schedule(session, schedule)
    finally:
        runtime.engine.dispose()
    print(t("prompts.cli_removed", settings.language, id=args.id))
    return 0


def _prompt(settings: Settings, args: argparse.Namespace) -> int:
    lever = parse_lever(args.lever) if args.lever else None
    runtime, client, team_id = _workspace(settings, args)
    try:
        _check_channel(client, args.channel)
        deps = runtime.deps
        outcome = post_prompt_now(deps, client, team_id, args.channel, deps.now(), lever)
    except SlackTrouble as trouble:
        return _slack_trouble(settings.language, args.channel, trouble)
    finally:
        runtime.engine.dispose()
    language = settings.language
    if outcome.error == NO_ANSWER:  # see post_claimed: it may be in the channel
        print(
            f"learnloop: {t('prompts.cli_no_answer', language, channel=args.channel)}",
            file=sys.stderr,
        )
        return 1
    if outcome.ts is None:
        text = t("prompts.cli_not_posted", language, channel=args.channel, reason=outcome.error)
        print(f"learnloop: {text}", file=sys.stderr)
        return 1
    name = lever_name(outcome.lever, language)
    print(
        t(
            "prompts.cli_posted",
            language,
            id=outcome.prompt_id,
            channel=args.channel,
            lever=name,
            ts=outcome.ts,
        )
    )
    return 0
