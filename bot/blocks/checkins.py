"""Messages and modal of the "where do we stand" check-ins."""

from __future__ import annotations

from bot.blocks.common import context, lever_label, plain, section
from bot.ids import CheckinAction, CheckinBlock, CheckinView, row_id
from bot.insights.checkins import CHECKIN_LEVERS, LEVELS, MAX_COMMENT, MIN_ANSWERS, LeverResult
from bot.levers import Lever
from bot.messages import t
from bot.periods import Period

LEVEL_ACTIONS = {
    1: CheckinAction.LEVEL_1,
    2: CheckinAction.LEVEL_2,
    3: CheckinAction.LEVEL_3,
    4: CheckinAction.LEVEL_4,
}


def period_label(period: Period, language: str) -> str:
    """ "from 2026-11-01 to 2026-11-30" in the reader's language."""
    return t(
        "checkin.period",
        language,
        start=period.first_day.isoformat(),
        end=period.last_day.isoformat(),
    )


def level_name(level: int, language: str) -> str:
    """A step of the scale, in words."""
    return t(f"checkin.level_{level}", language)


def checkin_poll(round_id: int, period: Period, language: str) -> dict:
    """The poll: one row of four steps and a comment button per lever."""
    title = t("checkin.title", language)
    intro = t(
        "checkin.intro",
        language,
        period=period_label(period, language),
        min=MIN_ANSWERS,
        end=period.last_day.isoformat(),
    )
    blocks: list[dict] = [{"type": "header", "text": plain(title)}, section(intro)]
    for lever in CHECKIN_LEVERS:
        blocks += _lever_row(round_id, lever, language)
    return {"text": f"{title} {intro}", "blocks": blocks}


def _lever_row(round_id: int, lever: Lever, language: str) -> list[dict]:
    buttons = [
        {
            "type": "button",
            "action_id": LEVEL_ACTIONS[level],
            "text": plain(level_name(level, language)),
            "value": f"{round_id}:{lever.value}:{level}",
        }
        for level in LEVELS
    ]
    buttons.append(
        {
            "type": "button",
            "action_id": CheckinAction.COMMENT,
            "text": plain(t("checkin.comment_button", language)),
            "value": f"{round_id}:{lever.value}",
        }
    )
    return [
        section(f"*{lever_label(lever, language)}*"),
        {"type": "actions", "block_id": f"{CheckinBlock.LEVER}_{lever.value}", "elements": buttons},
    ]


def parse_answer(value: str) -> tuple[int, Lever, int] | None:
    """Read a step button's value `<round>:<lever>:<level>`; None when tampered with."""
    parts = value.split(":")
    if len(parts) != 3:
        return None
    round_id, lever, level = row_id(parts[0]), parts[1], row_id(parts[2])
    if round_id is None or lever not in {item.value for item in CHECKIN_LEVERS}:
        return None
    if level not in LEVELS:
        return None
    return round_id, Lever(lever), level


def parse_round_lever(value: str) -> tuple[int, Lever] | None:
    """Read a comment button's value (or the modal's metadata) `<round>:<lever>`."""
    round_id, _, lever = value.partition(":")
    number = row_id(round_id)
    if number is None or lever not in {item.value for item in CHECKIN_LEVERS}:
        return None
    return number, Lever(lever)


def closed_poll(period: Period, closed_on: str, language: str) -> dict:
    """The poll once closed: no buttons left, a pointer to the results."""
    title = t("checkin.title", language)
    note = t("checkin.closed_note", language, date=closed_on)
    return {
        "text": f"{title} {note}",
        "blocks": [
            {"type": "header", "text": plain(title)},
            section(period_label(period, language)),
            context(note),
        ],
    }


def result_line(result: LeverResult, language: str) -> str:
    """One lever's result: counts and average, or that too few answered to show it."""
    lever = lever_label(result.lever, language)
    if not result.shown:
        return t("checkin.result_hidden", language, lever=lever, min=MIN_ANSWERS)
    assert result.counts is not None
    counts = ", ".join(
        t("checkin.count", language, level=level_name(level, language), count=count)
        for level, count in zip(LEVELS, result.counts, strict=True)
    )
    return t(
        "checkin.result_line",
        language,
        lever=lever,
        average=f"{result.average:.1f}",
        answers=result.answers,
        counts=counts,
    )


def results_message(period: Period, found: list[LeverResult], language: str) -> dict:
    """The results posted in the poll's thread when it closes."""
    title = t("checkin.results_title", language, period=period_label(period, language))
    if not any(result.answers for result in found):
        lines = [t("checkin.no_answers", language)]
    else:
        lines = [result_line(result, language) for result in found]
        if not any(result.shown for result in found):
            lines.append(t("checkin.too_few", language, min=MIN_ANSWERS))
    text = f"*{title}*\n" + "\n".join(lines)
    return {"text": text, "blocks": [section(text)]}


def comment_modal(
    round_id: int, lever: Lever, language: str, level: int | None, comment: str | None
) -> dict:
    """A step (required) and a comment (optional) for one lever."""
    options = [{"text": plain(level_name(step, language)), "value": str(step)} for step in LEVELS]
    radios: dict = {"type": "radio_buttons", "action_id": CheckinBlock.LEVEL, "options": options}
    if level in LEVELS:
        radios["initial_option"] = options[level - 1]
    text_input: dict = {
        "type": "plain_text_input",
        "action_id": CheckinBlock.COMMENT,
        "multiline": True,
        "max_length": MAX_COMMENT,
    }
    if comment:
        text_input["initial_value"] = comment
    return {
        "type": "modal",
        "callback_id": CheckinView.COMMENT,
        "private_metadata": f"{round_id}:{lever.value}:{language}",
        "title": plain(t("checkin.modal_title", language)),
        "submit": plain(t("common.save", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            {
                "type": "input",
                "block_id": CheckinBlock.LEVEL,
                "label": plain(
                    t("checkin.level_label", language, lever=lever_label(lever, language))
                ),
                "element": radios,
            },
            {
                "type": "input",
                "block_id": CheckinBlock.COMMENT,
                "optional": True,
                "label": plain(t("checkin.comment_label", language)),
                "hint": plain(t("checkin.comment_hint", language)),
                "element": text_input,
            },
        ],
    }
