"""Handover buttons: opening the debrief, and an admin naming who takes over open actions."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.handover import debrief_modal, leaver_of
from bot.deps import deps_of
from bot.ids import HandoverAction, row_id
from bot.messages import t
from handlers.modals import open_modal
from storage.handover import handover_asked_of, reassign_open_actions


def register(app: App) -> None:
    """Attach the handover actions."""
    app.action(HandoverAction.ANSWER)(ack=_ack, lazy=[open_debrief])
    app.action(HandoverAction.SUCCESSOR)(ack=_ack, lazy=[name_successor])


def _ack(ack: Ack) -> None:
    ack()


def open_debrief(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Open the debrief for the person it was asked of."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    handover_id = row_id(action.get("value"))
    with deps.sessions() as session:
        mine = handover_asked_of(session, team_id, user_id, handover_id) is not None
    if not mine:
        respond(text=t("handover.not_yours", language), replace_original=False)
        return
    open_modal(client, body["trigger_id"], debrief_modal(handover_id, language), "debrief")


def name_successor(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Give the chosen successor every open retro action of the departing person."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    leaver, successor = leaver_of(action.get("block_id") or ""), action.get("selected_user")
    if leaver is None or not successor:
        return
    if not deps.is_admin(client, team_id, user_id):
        respond(text=t("handover.admins_only", language), replace_original=False)
        return
    with deps.sessions.begin() as session:
        moved = reassign_open_actions(session, team_id, leaver, successor, deps.now())
    text = t("handover.moved", language, user=leaver, successor=successor, count=moved)
    respond(text=text, replace_original=False)
