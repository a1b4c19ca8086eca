"""Members who leave: finding a person by name, and telling admins what a deactivated member
leaves behind so that nothing they carried is orphaned."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.handover import departure_notice
from bot.deps import Deps
from bot.learning.visibility import ChannelAccess
from bot.levers import fold
from bot.onboarding.newcomers import learning_card, member_left, send_dm
from bot.people import Person, person_from_user
from storage.handover import (
    claim_departure,
    forget_departure,
    mark_departure_notified,
    open_actions_of,
    sole_author_learnings,
)

log = logging.getLogger(__name__)


def _members(client: WebClient) -> Iterator[dict]:
    cursor = None
    while True:
        page = client.users_list(limit=200, cursor=cursor, include_locale=True)
        yield from page.get("members") or []
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def find_member(client: WebClient, name: str) -> str | None:
    """The user id of a member whose handle, display name or real name is `name`."""
    wanted = fold(name)
    try:
        for member in _members(client):
            profile = member.get("profile") or {}
            names = (
                member.get("name"),
                profile.get("display_name"),
                profile.get("real_name"),
                member.get("real_name"),
            )
            if not member.get("deleted") and any(n and fold(n) == wanted for n in names):
                return member["id"]
    except SlackApiError:
        return None
    return None


def workspace_admins(client: WebClient) -> list[Person]:
    """Admins and owners who are still active humans."""
    return [
        person
        for person in (person_from_user(member) for member in _members(client))
        if person.is_admin and not person.deleted and not person.is_bot
    ]


def member_deactivated(deps: Deps, client: WebClient, team_id: str, user_id: str) -> int:
    """Stop their path and tell each admin, once, what they leave behind; how many were told."""
    now = deps.now()
    with deps.sessions.begin() as session:
        member_left(session, team_id, user_id, now)
        if not claim_departure(session, team_id, user_id, now):
            return 0  # a redelivered event, or a second change while deactivated
        actions = [action.text for action in open_actions_of(session, team_id, user_id)]
        learnings = [
            learning_card(item) for item in sole_author_learnings(session, team_id, user_id)
        ]
    try:
        admins = workspace_admins(client)
    except (SlackApiError, TimeoutError) as error:
        reason = error.response.get("error") if isinstance(error, SlackApiError) else "no answer"
        log.warning("users.list failed: %s", reason, extra={"team_id": team_id})
        with deps.sessions.begin() as session:
            forget_departure(session, team_id, user_id)  # the next delivery tries again
        return 0
    told = 0
    for admin in admins:
        access = ChannelAccess(client, admin.user_id)
        visible = [card for card in learnings if access.can_see(card.channel_id)]
        language = admin.language or deps.workspace_language(team_id)
        try:
            send_dm(client, admin.user_id, **departure_notice(user_id, actions, visible, language))
        except SlackApiError as error:
            log.warning(
                "departure notice not sent to %s: %s",
                admin.user_id,
                error.response.get("error"),
                extra={"team_id": team_id},
            )
            continue
        except TimeoutError:
            # Slack got it but did not answer in time: it may have been sent. Not sent again;
            # the other admins are still told.
            log.warning(
                "departure notice to %s: no answer from Slack; it may have been sent; not retried",
                admin.user_id,
                extra={"team_id": team_id},
            )
            continue
        told += 1
    with deps.sessions.begin() as session:
        mark_departure_notified(session, team_id, user_id, now)
    return told


def member_reactivated(deps: Deps, team_id: str, user_id: str) -> None:
    """A member is active again: their next deactivation is news again."""
    with deps.sessions.begin() as session:
        forget_departure(session, team_id, user_id)
