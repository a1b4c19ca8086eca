"""Buttons of the retro message and of its All items modal: add, vote, browse, close.

A vote is written in the ack (a database write), then the lazy half tells the voter what
happened and brings the shared message up to date.
"""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.common import ephemeral
from bot.blocks.retro import (
    COLUMN_OF_BUTTON,
    item_modal,
    items_modal,
    mention,
    parse_vote_action_id,
    read_items_metadata,
)
from bot.deps import Deps, deps_of
from bot.ids import RetroAction, row_id
from bot.messages import t
from bot.retro.board import VoteResult, toggle_vote
from bot.retro.posting import LATER, may_close, open_close_modal, read_board, refresh_retro
from storage import retros as store

log = logging.getLogger(__name__)

VOTE_BUTTON = re.compile(rf"^{re.escape(RetroAction.VOTE)}\.\d+$")

VOTE_ANSWERS = {
    VoteResult.ADDED: "retro.vote_added",
    VoteResult.REMOVED: "retro.vote_removed",
    VoteResult.LIMIT: "retro.vote_limit",
    VoteResult.CLOSED: "retro.closed",
    VoteResult.MISSING: "retro.not_found",
}


def register(app: App) -> None:
    """Attach the retro buttons."""
    for add in COLUMN_OF_BUTTON:
        app.action(add)(ack=_ack, lazy=[open_item_modal])
    app.action(VOTE_BUTTON)(ack=vote, lazy=[after_vote])
    app.action(RetroAction.ALL_ITEMS)(ack=_ack, lazy=[open_items_modal])
    app.action(RetroAction.MODAL_VOTE)(ack=vote_in_modal, lazy=[after_modal_vote])
    app.action(RetroAction.MODAL_PREVIOUS)(ack=_ack, lazy=[turn_page])
    app.action(RetroAction.MODAL_NEXT)(ack=_ack, lazy=[turn_page])
    app.action(RetroAction.CLOSE)(ack=_ack, lazy=[ask_to_close])


def _ack(ack: Ack) -> None:
    ack()


def _ids(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def _retro_id(action: dict) -> int | None:
    value = action.get("value") or ""
    return row_id(value)


def _tell(respond: Respond, text: str) -> None:
    respond(**ephemeral(text), replace_original=False)


def _open_retro(
    deps: Deps, respond: Respond, team_id: str, retro_id: int | None, language: str
) -> bool:
    """Whether the retro is open; if not, tell the person why nothing happened."""
    with deps.sessions() as session:
        retro = store.get_retro(session, team_id, retro_id) if retro_id else None
    if retro is None:
        _tell(respond, t("retro.not_found", language))
        return False
    if retro.status != "open":
        _tell(respond, t("retro.closed", language))
        return False
    return True


def open_item_modal(
    body: dict, action: dict, respond: Respond, client: WebClient, context: dict
) -> None:
    """Open the small modal that adds an item to the button's column."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    language = deps.language_for(client, team_id, user_id)
    retro_id = _retro_id(action)
    if not _open_retro(deps, respond, team_id, retro_id, language):
        return
    column = COLUMN_OF_BUTTON[RetroAction(action["action_id"])]
    client.views_open(trigger_id=body["trigger_id"], view=item_modal(retro_id, column, language))


# -- votes in the message ----------------------------------------------------------------


def _toggle(deps: Deps, team_id: str, user_id: str, retro_id: int, item_id: int) -> dict:
    try:
        with deps.sessions.begin() as session:
            outcome = toggle_vote(
                session,
                team_id=team_id,
                retro_id=retro_id,
                item_id=item_id,
                user_id=user_id,
                now=deps.now(),
            )
    except SQLAlchemyError:
        log.exception("a retro vote could not be stored", extra={"team_id": team_id})
        return {"retro": retro_id, "result": "error"}
    return {
        "retro": retro_id,
        "result": outcome.result.value,
        "number": outcome.number,
        "left": outcome.left,
        "limit": outcome.limit,
    }


def vote(ack: Ack, body: dict, action: dict, context: dict) -> None:
    """Count the vote, or take it back, before answering Slack."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    retro_id = row_id((action.get("value") or "").partition(":")[0])
    item_id = parse_vote_action_id(action["action_id"])
    if retro_id is not None and item_id is not None:
        context[LATER] = _toggle(deps, team_id, user_id, retro_id, item_id)
    ack()


def after_vote(body: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Tell the voter what their click did, and update the retro message."""
    outcome = context.get(LATER)
    if not outcome:
        return
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    language = deps.language_for(client, team_id, user_id)
    if outcome["result"] == "error":
        _tell(respond, t("common.not_saved", language))
        return
    result = VoteResult(outcome["result"])
    params = {key: outcome[key] for key in ("number", "left", "limit")}
    _tell(respond, t(VOTE_ANSWERS[result], language, **params))
    if result in (VoteResult.ADDED, VoteResult.REMOVED):
        refresh_retro(deps, client, team_id, outcome["retro"])


# -- the All items modal -----------------------------------------------------------------


def items_view(
    deps: Deps, team_id: str, user_id: str, retro_id: int, page: int, language: str
) -> dict | None:
    """The All items modal as this person sees it (their own votes marked)."""
    board, _ = read_board(deps, team_id, retro_id)
    if board is None:
        return None
    with deps.sessions() as session:
        mine = {v.item_id for v in store.votes_of(session, team_id, retro_id, user_id)}
    return items_modal(board, mine, page, language)


def open_items_modal(body: dict, action: dict, client: WebClient, context: dict) -> None:
    """Open every item, a page at a time, to read in full and vote on."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    retro_id = _retro_id(action)
    if retro_id is None:
        return
    language = deps.language_for(client, team_id, user_id)
    view = items_view(deps, team_id, user_id, retro_id, 0, language)
    if view is not None:
        client.views_open(trigger_id=body["trigger_id"], view=view)


def vote_in_modal(ack: Ack, body: dict, action: dict, context: dict) -> None:
    """Count (or take back) a vote given from the All items modal."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    where = read_items_metadata(body["view"].get("private_metadata", ""))
    item_id = _retro_id(action)
    if where is not None and item_id is not None:
        context[LATER] = _toggle(deps, team_id, user_id, where[0], item_id)
    ack()


def after_modal_vote(body: dict, client: WebClient, context: dict) -> None:
    """Show the vote in the modal and in the retro message."""
    outcome = context.get(LATER)
    if not outcome:
        return
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    _redraw(deps, client, body, team_id, user_id, None)
    if outcome["result"] in (VoteResult.ADDED, VoteResult.REMOVED):
        refresh_retro(deps, client, team_id, outcome["retro"])


def turn_page(body: dict, action: dict, client: WebClient, context: dict) -> None:
    """Show the previous or next page of items."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    page = action.get("value") or ""
    _redraw(deps, client, body, team_id, user_id, row_id(page))


def _redraw(
    deps: Deps, client: WebClient, body: dict, team_id: str, user_id: str, page: int | None
) -> None:
    where = read_items_metadata(body["view"].get("private_metadata", ""))
    if where is None:
        return
    retro_id, current = where
    language = deps.language_for(client, team_id, user_id)
    view = items_view(deps, team_id, user_id, retro_id, current if page is None else page, language)
    if view is not None:
        client.views_update(view_id=body["view"]["id"], view=view)


# -- closing -----------------------------------------------------------------------------


def ask_to_close(
    body: dict, action: dict, respond: Respond, client: WebClient, context: dict
) -> None:
    """Open the close modal, for the facilitator or an admin."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    language = deps.language_for(client, team_id, user_id)
    retro_id = _retro_id(action)
    with deps.sessions() as session:
        retro = store.get_retro(session, team_id, retro_id) if retro_id else None
    if retro is None:
        _tell(respond, t("retro.not_found", language))
    elif retro.status != "open":
        _tell(respond, t("retro.already_closed", language))
    elif not may_close(deps, client, team_id, user_id, retro.facilitator_id):
        facilitator = mention(retro.facilitator_id)
        _tell(respond, t("retro.not_facilitator", language, facilitator=facilitator))
    else:
        open_close_modal(deps, client, team_id, retro.id, body["trigger_id"], language)
