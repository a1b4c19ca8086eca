"""The check-in comment modal: a step of the scale and an optional comment for one lever."""

from __future__ import annotations

from slack_bolt import Ack, App

from bot.blocks.checkins import parse_round_lever
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.ids import CheckinBlock, CheckinView
from bot.insights.checkin_rounds import answer
from bot.insights.checkins import check_comment, parse_level
from bot.messages import t


def register(app: App) -> None:
    """Attach the comment modal's submission (a database write, answered in the ack)."""
    app.view(CheckinView.COMMENT)(_save)


def _value(values: dict, block: str) -> dict:
    return (values.get(block) or {}).get(block) or {}


def _save(ack: Ack, body: dict, view: dict, context: dict) -> None:
    """Store the answer with its comment; a closed round is said next to the scale."""
    metadata = view.get("private_metadata") or ""
    round_part, _, language = metadata.rpartition(":")
    parsed = parse_round_lever(round_part)
    values = view["state"]["values"]
    level = parse_level(
        (_value(values, CheckinBlock.LEVEL).get("selected_option") or {}).get("value")
    )
    if parsed is not None and level is None:
        ack(
            response_action="errors", errors={CheckinBlock.LEVEL: t("checkin.pick_level", language)}
        )
        return
    if parsed is None or level is None:
        ack(
            response_action="errors",
            errors={CheckinBlock.LEVEL: t("checkin.closed_answer", language)},
        )
        return
    try:
        comment = check_comment(_value(values, CheckinBlock.COMMENT).get("value"))
    except InvalidInput as refusal:
        error = t(refusal.key, language, **refusal.params)
        ack(response_action="errors", errors={CheckinBlock.COMMENT: error})
        return
    round_id, lever = parsed
    saved = answer(
        deps_of(context),
        body["team"]["id"],
        body["user"]["id"],
        round_id,
        lever.value,
        level,
        comment=comment,
        set_comment=True,
    )
    if saved is None:
        ack(
            response_action="errors",
            errors={CheckinBlock.LEVEL: t("checkin.closed_answer", language)},
        )
        return
    ack()
