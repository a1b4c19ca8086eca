"""Learnings shown in Slack: search results and lists, posts in a channel, confirmations, help."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from bot.blocks.common import context, ephemeral, lever_label, plain, section
from bot.ids import LearningAction, LearningBlock
from bot.messages import t
from bot.text import escape, excerpt, quote
from storage.learnings import COUNTED, Page
from storage.models import Learning

RESULT_CHARS = 500
REVIEW_CHARS = 200
MAX_BUTTON_VALUE = 2000


def slack_date(moment: datetime) -> str:
    """A date Slack shows in the reader's own time zone, with the UTC date as fallback."""
    return f"<!date^{int(moment.timestamp())}^{{date_short}}|{moment.date().isoformat()}>"


def author_text(learning: Learning, language: str) -> str:
    """Who a learning is from: the credited author, who saved it, or anonymous."""
    if learning.author_id and learning.user_id and learning.author_id != learning.user_id:
        return t(
            "learning.by_saved_by",
            language,
            author=f"<@{learning.author_id}>",
            saver=f"<@{learning.user_id}>",
        )
    who = learning.author_id or learning.user_id
    return f"<@{who}>" if who else t("common.anonymous", language)


def _safe_link(url: str | None) -> str | None:
    # Permalinks come from Slack; anything that could break out of <url|text> is dropped.
    if not url or any(ch in url for ch in "<>| \n"):
        return None
    return url


def review_lines(learning: Learning, language: str, limit: int = REVIEW_CHARS) -> list[str]:
    """The After Action Review parts a learning has, one line each, escaped."""
    lines = []
    for key, value in (
        ("learning.review.expected", learning.aar_expected),
        ("learning.review.happened", learning.aar_happened),
        ("learning.review.why", learning.aar_why),
        ("learning.review.next", learning.aar_next),
    ):
        if value:
            lines.append(f"*{t(key, language)}* {escape(excerpt(value, limit))}")
    return lines


def learning_item(
    learning: Learning, language: str, *, can_edit: bool, can_delete: bool
) -> list[dict]:
    """One learning: lever and text, then who, when, link and tags, then its buttons."""
    head = f"{lever_label(learning.lever, language)} · *#{learning.id}*"
    body = "\n".join([head, quote(learning.text, RESULT_CHARS), *review_lines(learning, language)])
    facts = [author_text(learning, language), slack_date(learning.created_at)]
    link = _safe_link(learning.permalink)
    if link:
        facts.append(f"<{link}|{t('learning.link', language)}>")
    if learning.tags:
        facts.append(" ".join(f"`{escape(tag)}`" for tag in learning.tags))
    blocks = [section(body[:3000]), context(" · ".join(facts))]
    buttons = []
    if can_edit:
        buttons.append(
            {
                "type": "button",
                "action_id": LearningAction.EDIT,
                "text": plain(t("learning.edit", language)),
                "value": str(learning.id),
            }
        )
    if can_delete:
        buttons.append(delete_button(learning.id, language))
    if buttons:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"{LearningBlock.ITEM}.{learning.id}",
                "elements": buttons,
            }
        )
    return blocks


def delete_button(learning_id: int, language: str) -> dict:
    """A Delete button that Slack makes the user confirm first."""
    return {
        "type": "button",
        "action_id": LearningAction.DELETE,
        "style": "danger",
        "text": plain(t("learning.delete", language)),
        "value": str(learning_id),
        "confirm": {
            "title": plain(t("learning.delete_confirm_title", language)),
            "text": {
                "type": "mrkdwn",
                "text": t("learning.delete_confirm_text", language, id=learning_id),
            },
            "confirm": plain(t("learning.delete", language)),
            "deny": plain(t("common.cancel", language)),
            "style": "danger",
        },
    }


def more_value(kind: str, args: str, offset: int) -> str | None:
    """What the More button carries to run the same query again from `offset`; None if too long."""
    value = json.dumps({"k": kind, "q": args, "o": offset}, ensure_ascii=False)
    return value if len(value) <= MAX_BUTTON_VALUE else None


def read_more_value(value: str) -> tuple[str, str, int] | None:
    """The kind, arguments and offset a More button carried; None when it was tampered with."""
    try:
        data = json.loads(value)
        kind, args, offset = data["k"], data["q"], int(data["o"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(kind, str) or not isinstance(args, str) or offset < 0:
        return None
    return kind, args, offset


def results(
    page: Page,
    language: str,
    *,
    heading: str,
    empty: str,
    editable: Sequence[int],
    deletable: Sequence[int],
    more: str | None,
) -> dict:
    """An ephemeral page of learnings with a heading, and a More button when more match.

    Past storage.learnings.COUNTED matches the heading says "more than 100", not a total.
    """
    if not page.items:
        return ephemeral(empty, [section(empty)])
    first, last = page.offset + 1, page.offset + len(page.items)
    if page.total is None:
        shown = t("search.results_many", language, first=first, last=last, count=COUNTED)
    else:
        shown = t("learning.results_range", language, first=first, last=last, total=page.total)
    blocks = [section(f"{heading}\n{shown}")]
    for learning in page.items:
        blocks += learning_item(
            learning,
            language,
            can_edit=learning.id in editable,
            can_delete=learning.id in deletable,
        )
    if more is not None and page.has_more:
        blocks.append(
            {
                "type": "actions",
                "block_id": LearningBlock.MORE,
                "elements": [
                    {
                        "type": "button",
                        "action_id": LearningAction.MORE,
                        "text": plain(t("learning.more", language)),
                        "value": more,
                    }
                ],
            }
        )
    return ephemeral(f"{heading} {shown}", blocks)


def with_note(answer: dict, note: str) -> dict:
    """The answer with a warning line under its heading."""
    blocks = answer.get("blocks") or []
    return {
        **answer,
        "text": f"{answer['text']}\n{note}",
        "blocks": [*blocks[:1], context(note), *blocks[1:]],
    }


def posted_learning(learning: Learning, language: str) -> dict:
    """A learning posted in its channel, for everyone there to read."""
    head = t(
        "learning.posted",
        language,
        lever=lever_label(learning.lever, language),
        author=author_text(learning, language),
    )
    blocks = [section(f"{head}\n{quote_whole(learning.text)}"[:3000])]
    lines = review_lines(learning, language, limit=900)
    if lines:
        blocks.append(section("\n".join(lines)[:3000]))
    if learning.tags:
        blocks.append(context(" ".join(f"`{escape(tag)}`" for tag in learning.tags)))
    return {"text": f"{head}\n{quote(learning.text)}", "blocks": blocks}


def quote_whole(text: str, limit: int = 2800) -> str:
    """A block quote of user text keeping its lines, escaped, cut at `limit` characters."""
    cut = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return "\n".join("> " + escape(line) for line in cut.splitlines() or [""])
