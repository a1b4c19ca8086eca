"""`/learning handover @person [@successor]`: ask a departing person for a debrief by DM.

An admin, or the person themself, may start it. The answer only checks the wording; finding
the person, the DM and handing their open actions to a successor come after the response.
"""

from __future__ import annotations

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import ephemeral, section
from bot.blocks.handover import debrief_invitation, successor_menu
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.messages import t
from bot.onboarding.departures import find_member
from bot.onboarding.handover import Named, parse_handover
from bot.onboarding.newcomers import send_dm
from storage.handover import (
    create_handover,
    get_handover,
    open_actions_of,
    reassign_open_actions,
)


def answer(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """Refuse a handover that names nobody, with an example; else let `later` do the work."""
    try:
        parse_handover(args)
    except InvalidInput as refusal:
        deps = deps_of(context)
        language = deps.language_for(client, command["team_id"], command["user_id"])
        ack(**ephemeral(t(refusal.key, language, **refusal.params)))
        return
    ack()


def _resolve(deps: Deps, client: WebClient, team_id: str, named: Named) -> str | None:
    """The user id of a named human of this workspace, or None."""
    user_id = named.user_id or find_member(client, named.name or "")
    person = deps.person(client, team_id, user_id) if user_id else None
    if person is None or person.is_bot or person.deleted:
        return None
    return user_id


def later(command: dict, client: WebClient, context: dict, args: str) -> None:
    """Check who may, send the debrief DM, and offer (or move) the open actions."""
    try:
        named, named_successor = parse_handover(args)
    except InvalidInput:
        return
    deps = deps_of(context)
    team_id, requester = command["team_id"], command["user_id"]
    language = deps.language_for(client, team_id, requester)
    respond = Respond(response_url=command.get("response_url"))

    def say(key: str, **params: object) -> None:
        respond(text=t(key, language, **params), response_type="ephemeral")

    user_id = _resolve(deps, client, team_id, named)
    if user_id is None:
        say("handover.unknown_person", value=named.name or named.user_id or "")
        return
    is_admin = deps.is_admin(client, team_id, requester)
    if requester != user_id and not is_admin:
        say("handover.not_allowed", user=user_id)
        return
    successor_id = None
    if named_successor is not None:
        if not is_admin:
            say("handover.admins_only")
            return
        successor_id = _resolve(deps, client, team_id, named_successor)
        if successor_id is None:
            say("handover.unknown_person", value=named_successor.name or "")
            return
    now = deps.now()
    with deps.sessions.begin() as session:
        handover_id = create_handover(
            session, team_id, user_id, requested_by=requester, now=now, successor_id=successor_id
        ).id
    their_language = deps.language_for(client, team_id, user_id)
    try:
        channel_id, ts = send_dm(
            client, user_id, **debrief_invitation(handover_id, user_id, requester, their_language)
        )
    except SlackApiError as error:
        with deps.sessions.begin() as session:
            handover = get_handover(session, team_id, handover_id)
            if handover is not None:
                handover.status = "failed"
        say("handover.cannot_dm", user=user_id, error=error.response.get("error"))
        return
    started = t("handover.started", language, user=user_id)
    blocks = [section(started)]
    with deps.sessions.begin() as session:
        handover = get_handover(session, team_id, handover_id)
        if handover is not None:
            handover.channel_id, handover.message_ts = channel_id, ts
        if successor_id is not None:
            moved = reassign_open_actions(session, team_id, user_id, successor_id, now)
            if handover is not None:
                handover.actions_moved = moved
            text = t("handover.moved", language, user=user_id, successor=successor_id, count=moved)
            blocks.append(section(text))
        elif is_admin and open_actions_of(session, team_id, user_id):
            blocks.append(successor_menu(user_id, language))
    respond(text=started, blocks=blocks, response_type="ephemeral")
