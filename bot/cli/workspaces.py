"""Workspaces: `purge` deletes everything stored for one workspace, at once; and the bot token's
workspace, for commands run without --team."""

from __future__ import annotations

import argparse
import sys

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clients import NO_ANSWER, refusal_reason
from bot.errors import InvalidInput
from bot.runtime import open_runtime
from bot.settings import Settings
from bot.workspaces.install import RETENTION, purge


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the workspace sub-commands."""
    purge_parser = subparsers.add_parser(
        "purge",
        help="delete every row of one workspace now (learnings, schedules, tokens, ...)",
        description=(
            "Delete everything learnloop stores for a workspace, without waiting the "
            f"{RETENTION.days} days kept after an uninstall. It cannot be undone."
        ),
    )
    purge_parser.add_argument("--team", required=True, help="the workspace id, T…")
    purge_parser.set_defaults(handler=_purge)


def token_team(client: WebClient) -> str:
    """The workspace of the client's bot token (auth.test); InvalidInput saying what Slack
    answered when it did not tell."""
    try:
        return client.auth_test()["team_id"]
    except SlackApiError as error:
        reason = refusal_reason(error)
    except OSError:  # no answer in time, or no connection even after the client's retry
        reason = NO_ANSWER
    raise InvalidInput("common.token_team_unknown", field="team", reason=reason)


def _purge(settings: Settings, args: argparse.Namespace) -> int:
    runtime = open_runtime(settings)
    try:
        counts = purge(runtime.deps.sessions, args.team)
    finally:
        runtime.engine.dispose()
    if not counts:
        sys.stdout.write(f"nothing stored for workspace {args.team}\n")
        return 0
    for table, deleted in sorted(counts.items()):
        sys.stdout.write(f"{table}\t{deleted}\n")
    sys.stdout.write(f"purged workspace {args.team}: {sum(counts.values())} rows deleted\n")
    return 0
