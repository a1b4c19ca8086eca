"""What a retro leaves behind: its summary, the owners' reminders, the follow-up question,
and the channel's history of retros."""

from __future__ import annotations

from bot.blocks.common import context, ephemeral, section
from bot.blocks.retro import (
    MAX_BLOCKS,
    action_line,
    button,
    column_name,
    fold_lines,
    item_line,
    mention,
    pack,
)
from bot.ids import RetroAction
from bot.messages import t
from bot.retro.actions import HistoryLine
from bot.retro.board import ActionLine, Board, Column
from bot.text import escape, excerpt, quote

SUMMARY_EXCERPT = 200


def summary_message(board: Board, learnings: int) -> dict:
    """The summary posted in the retro's thread when it closes."""
    language = board.language
    lines = [t("retro.summary_title", language, title=escape(board.title))]
    for column in Column:
        items = sorted(
            (i for i in board.items if i.column == column), key=lambda i: (-i.votes, i.number)
        )
        if items:
            lines.append(f"\n*{column_name(column, language)}*")
            lines += [item_line(item, language, SUMMARY_EXCERPT) for item in items]
    texts = pack(lines)
    blocks = [section(text) for text in texts[: MAX_BLOCKS - 3]]
    if len(texts) > MAX_BLOCKS - 3:
        blocks.append(context(t("retro.summary_cut", language)))
    if board.decided:
        title = t("retro.decided_title", language)
        blocks.append(
            section(fold_lines(title, [action_line(a, language) for a in board.decided], language))
        )
    else:
        blocks.append(section(t("retro.summary_no_actions", language)))
    blocks.append(context(t("retro.summary_footer", language, count=learnings)))
    text = t("retro.summary_fallback", language, title=board.title)
    return {"text": text, "blocks": blocks}


def reminder_message(action: ActionLine, retro_title: str, language: str) -> dict:
    """The DM an owner gets the day before an action is due."""
    text = t(
        "retro.reminder",
        language,
        title=escape(retro_title),
        due=action.due_on.isoformat(),
        quote=quote(action.text),
    )
    value = str(action.id)
    return {
        "text": text,
        "blocks": [
            section(text),
            {
                "type": "actions",
                "elements": [
                    button(
                        t("retro.reminder_done", language),
                        RetroAction.ACTION_DONE,
                        value,
                        "primary",
                    ),
                    button(
                        t("retro.reminder_not_yet", language), RetroAction.ACTION_NOT_YET, value
                    ),
                    button(
                        t("retro.reminder_drop", language), RetroAction.ACTION_DROP, value, "danger"
                    ),
                ],
            },
        ],
    }


def weeks_phrase(weeks: int, language: str) -> str:
    """`a week` or `3 weeks`, in a language."""
    if weeks == 1:
        return t("retro.weeks_one", language)
    return t("retro.weeks_many", language, count=weeks)


def reminder_answered(key: str, text: str, language: str, *, weeks: int, due: str) -> dict:
    """The reminder once the owner answered it, replaced in place (no buttons left)."""
    message = t(key, language, quote=quote(text), weeks=weeks_phrase(weeks, language), due=due)
    return {"text": message, "blocks": [section(message)]}


def question_message(
    action: ActionLine, retro_title: str, weeks: int, language: str, *, answered: bool = False
) -> dict:
    """The follow-up question in the retro's thread: did the change work?"""
    text = t(
        "retro.question",
        language,
        weeks=weeks_phrase(weeks, language),
        owner=mention(action.owner_id),
        title=escape(retro_title),
        quote=quote(action.text),
    )
    value = str(action.id)
    blocks = [
        section(text),
        {
            "type": "actions",
            "elements": [
                button(
                    t("retro.question_worked", language),
                    RetroAction.FOLLOWUP_WORKED,
                    value,
                    "primary",
                ),
                button(t("retro.question_not_yet", language), RetroAction.FOLLOWUP_NOT_YET, value),
            ],
        },
    ]
    if answered or action.worked or action.not_yet:
        blocks.append(
            context(
                t("retro.question_tally", language, worked=action.worked, not_yet=action.not_yet)
            )
        )
    return {"text": text, "blocks": blocks}


def history_message(lines: list[HistoryLine], language: str) -> dict:
    """The channel's latest retros and what became of their actions, for one person."""
    if not lines:
        return ephemeral(t("retro.history_empty", language))
    blocks = [section(t("retro.history_title", language))]
    for line in lines:
        title = escape(excerpt(line.title, 100)).replace("|", "¦")
        name = f"<{line.permalink}|{title}>" if line.permalink else f"*{title}*"
        state = (
            t("retro.history_closed", language, day=line.closed_at.date().isoformat())
            if line.closed_at
            else t("retro.history_open", language)
        )
        head = t(
            "retro.history_line",
            language,
            id=line.retro_id,
            name=name,
            day=line.opened_at.date().isoformat(),
            state=state,
            items=line.items,
        )
        outcomes = [action_line(a, language, 80) for a in line.actions]
        if not outcomes:
            outcomes = [t("retro.history_no_actions", language)]
        blocks.append(section(fold_lines(head, outcomes, language)))
    blocks.append(context(t("retro.history_hint", language)))
    return ephemeral(t("retro.history_title", language), blocks[:MAX_BLOCKS])
