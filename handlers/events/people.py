"""`team_join` and `user_change`: welcoming newcomers, and noticing members who leave.

Bolt acknowledges events itself; the work (Slack calls) runs in lazy listeners.
"""

from __future__ import annotations

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.deps import deps_of
from bot.onboarding.departures import member_deactivated, member_reactivated
from bot.onboarding.newcomers import welcome_member
from bot.people import person_from_user


def register(app: App) -> None:
    """Attach the people events."""
    app.event("team_join")(ack=_received, lazy=[welcome])
    app.event("user_change")(ack=_received, lazy=[user_changed])


def _received() -> None:
    """Bolt has acknowledged the event already."""


def _team(body: dict, context: BoltContext) -> str:
    return context.team_id or body["team_id"]


def welcome(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
    """Someone joined the workspace: start their onboarding path with a welcome DM."""
    user = event.get("user")
    if not isinstance(user, dict) or not user.get("id"):
        return
    welcome_member(
        deps_of(context), client, _team(body, context), person_from_user(user), "team_join"
    )


def user_changed(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
    """A profile changed: forget what is cached; a deactivation stops paths and warns admins."""
    user = event.get("user")
    if not isinstance(user, dict) or not user.get("id"):
        return
    deps, team_id = deps_of(context), _team(body, context)
    deps.people.forget(team_id, user["id"])
    if user.get("is_bot"):
        return
    if user.get("deleted"):
        member_deactivated(deps, client, team_id, user["id"])
    else:
        member_reactivated(deps, team_id, user["id"])
