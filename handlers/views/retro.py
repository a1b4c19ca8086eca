"""Retro modals: an item submitted to a column, and the close modal (owners and due dates).

Both write in the ack, so a refusal shows in the modal next to the field that caused it
and nothing is stored; the retro message and summary follow in the lazy half.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from datetime import date

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.retro import (
    due_block_id,
    mention,
    owner_block_id,
    read_close_metadata,
    read_item_metadata,
)
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.ids import RetroAction, RetroBlock, RetroView
from bot.levers import Lever
from bot.messages import t
from bot.retro.actions import ActionChoice, check_action_choice, close_retro
from bot.retro.board import add_item, local_today
from bot.retro.posting import LATER, may_close, post_summary, refresh_retro
from storage import retros as store

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the retro modals."""
    app.view(RetroView.ITEM)(ack=submit_item, lazy=[after_item])
    app.view(RetroView.CLOSE)(ack=submit_close, lazy=[after_close])


def _ids(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def _value(values: dict, block_id: str, action_id: str) -> dict:
    return (values.get(block_id) or {}).get(action_id) or {}


# -- items -------------------------------------------------------------------------------


def submit_item(ack: Ack, body: dict, view: dict, client: WebClient, context: dict) -> None:
    """Store the item (anonymous: without its author) or say in the modal what is wrong."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    where = read_item_metadata(view.get("private_metadata", ""))
    if where is None:
        ack()
        return
    retro_id, column = where
    values = view["state"]["values"]
    text = _value(values, RetroBlock.ITEM_TEXT, RetroAction.ITEM_TEXT).get("value")
    chosen = _value(values, RetroBlock.ITEM_LEVER, RetroAction.ITEM_LEVER).get("selected_option")
    lever = chosen and Lever._value2member_map_.get(chosen.get("value"))
    ticked = _value(values, RetroBlock.ITEM_ANONYMOUS, RetroAction.ITEM_ANONYMOUS)
    anonymous = any(o.get("value") == "anonymous" for o in ticked.get("selected_options") or [])
    try:
        with deps.sessions.begin() as session:
            add_item(
                session,
                team_id=team_id,
                retro_id=retro_id,
                column=column,
                text=text or "",
                lever=Lever(lever) if lever else None,
                author_id=None if anonymous else user_id,
                now=deps.now(),
            )
    except InvalidInput as refusal:
        language = deps.language_for(client, team_id, user_id)
        message = t(refusal.key, language, **refusal.params)
        ack(response_action="errors", errors={RetroBlock.ITEM_TEXT: message})
        return
    except SQLAlchemyError:
        log.exception("a retro item could not be stored", extra={"team_id": team_id})
        language = deps.language_for(client, team_id, user_id)
        ack(
            response_action="errors", errors={RetroBlock.ITEM_TEXT: t("common.not_saved", language)}
        )
        return
    context[LATER] = {"retro": retro_id}
    ack()


def after_item(body: dict, client: WebClient, context: dict) -> None:
    """Show the new item in the retro message."""
    later = context.get(LATER)
    if later:
        refresh_retro(deps_of(context), client, body["team"]["id"], later["retro"])


# -- closing -----------------------------------------------------------------------------


def _choices(
    deps: Deps, client: WebClient, team_id: str, values: dict, item_ids: list[int], today: date
) -> tuple[list[ActionChoice], list[tuple[str, InvalidInput]]]:
    """The owner and due date picked for each item, and what is wrong (by block_id)."""
    choices, problems = [], []
    for item_id in item_ids:
        owner_id = _value(values, owner_block_id(item_id), RetroAction.OWNER).get("selected_user")
        picked = _value(values, due_block_id(item_id), RetroAction.DUE).get("selected_date")
        try:
            due_on = date.fromisoformat(picked) if picked else None
        except ValueError:
            due_on = None
        owner = deps.person(client, team_id, owner_id) if owner_id else None
        found = check_action_choice(owner_id, owner, due_on, today)
        for problem in found:
            block = owner_block_id if problem.field == "owner" else due_block_id
            problems.append((block(item_id), problem))
        if owner_id and due_on and not found:
            choices.append(ActionChoice(item_id, owner_id, due_on))
    return choices, problems


def submit_close(ack: Ack, body: dict, view: dict, client: WebClient, context: dict) -> None:
    """Close the retro: every item becomes a learning, the picked items become actions."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    where = read_close_metadata(view.get("private_metadata", ""))
    if where is None:
        ack()
        return
    retro_id, item_ids = where
    language = deps.language_for(client, team_id, user_id)
    person = deps.person(client, team_id, user_id)
    with deps.sessions() as session:
        retro = store.get_retro(session, team_id, retro_id)
        zone = (person and person.timezone) or store.workspace_timezone(session, team_id)
    today = local_today(deps.now(), zone or deps.settings.timezone)
    choices, problems = _choices(deps, client, team_id, view["state"]["values"], item_ids, today)
    if problems:
        errors = {block: t(p.key, language, **p.params) for block, p in problems}
        ack(response_action="errors", errors=errors)
        return
    if retro is None:
        ack()
        return
    if not may_close(deps, client, team_id, user_id, retro.facilitator_id):
        context[LATER] = {
            "refused": "retro.not_facilitator",
            "params": {"facilitator": mention(retro.facilitator_id)},
            "channel": retro.channel_id,
        }
        ack()
        return
    with deps.sessions.begin() as session:
        closed = close_retro(
            session,
            team_id=team_id,
            retro_id=retro_id,
            closer_id=user_id,
            choices=choices,
            now=deps.now(),
        )
    if closed is None:
        context[LATER] = {"refused": "retro.already_closed", "channel": retro.channel_id}
    else:
        context[LATER] = {"closed": retro_id, "learnings": len(closed.learning_ids)}
    ack()


def after_close(body: dict, client: WebClient, context: dict) -> None:
    """Show the closed retro, and post its summary in the thread."""
    later = context.get(LATER)
    if not later:
        return
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    if "refused" in later:
        language = deps.language_for(client, team_id, user_id)
        # Slack refuses when the person left the channel: there is no one left to tell.
        with suppress(SlackApiError):
            client.chat_postEphemeral(
                channel=later["channel"],
                user=user_id,
                text=t(later["refused"], language, **later.get("params", {})),
            )
        return
    refresh_retro(deps, client, team_id, later["closed"])
    post_summary(deps, client, team_id, later["closed"], later["learnings"])
