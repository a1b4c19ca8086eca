"""A check-in poll's buttons: a step of the scale for a lever, or a comment."""

from __future__ import annotations

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.blocks.checkins import (
    LEVEL_ACTIONS,
    comment_modal,
    level_name,
    parse_answer,
    parse_round_lever,
)
from bot.blocks.common import lever_label
from bot.deps import deps_of
from bot.ids import CheckinAction
from bot.insights.checkin_rounds import answer, last_answer_day
from bot.messages import t
from handlers.modals import open_modal
from storage.checkins import answer_of, get_round


def register(app: App) -> None:
    """Attach the poll's buttons; an answer is stored in the ack, confirmed after."""
    for action in LEVEL_ACTIONS.values():
        app.action(action)(ack=record, lazy=[confirm])
    app.action(CheckinAction.COMMENT)(ack=_ack, lazy=[open_comment])


def _ack(ack: Ack) -> None:
    ack()


def record(ack: Ack, body: dict, action: dict, context: dict) -> None:
    """Store (or change) the person's answer, if the round still takes answers."""
    parsed = parse_answer(str(action.get("value") or ""))
    if parsed is not None:
        round_id, lever, level = parsed
        context["checkin_saved"] = (
            answer(deps_of(context), body["team"]["id"], body["user"]["id"], round_id, lever, level)
            is not None
        )
    ack()


def confirm(body: dict, action: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Tell the person, only them, what was saved; or that the check-in is closed."""
    parsed = parse_answer(str(action.get("value") or ""))
    if parsed is None:
        return
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    _, lever, level = parsed
    if not context.get("checkin_saved"):
        text = t("checkin.closed_answer", language)
    else:
        text = t(
            "checkin.saved",
            language,
            level=level_name(level, language),
            lever=lever_label(lever, language),
            end=last_answer_day(deps, team_id, parsed[0]),
        )
    respond(text=text, response_type="ephemeral", replace_original=False)


def open_comment(
    body: dict, action: dict, respond: Respond, client: WebClient, context: dict
) -> None:
    """The comment modal, with the person's current answer for that lever filled in."""
    parsed = parse_round_lever(str(action.get("value") or ""))
    if parsed is None:
        return
    round_id, lever = parsed
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    with deps.sessions() as session:
        checkin_round = get_round(session, team_id, round_id)
        is_open = checkin_round is not None and checkin_round.status == "open"
        current = answer_of(session, team_id, round_id, lever.value, user_id)
        level, comment = (current.level, current.comment) if current else (None, None)
    if not is_open:
        respond(
            text=t("checkin.closed_answer", language),
            response_type="ephemeral",
            replace_original=False,
        )
        return
    view = comment_modal(round_id, lever, language, level, comment)
    open_modal(client, body["trigger_id"], view, "check-in comment")
