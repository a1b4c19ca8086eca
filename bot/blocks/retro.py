"""The retro message (one message updated in place) and the retro modals.

However many items come in, the message keeps within Slack's limits (50 blocks, 3,000
characters per section, 25 buttons per actions block): item texts are shortened first,
and past 60 items (or when they still do not fit) each column shows its first items and says
how many more the *All items* modal holds.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from bot.blocks.common import context, lever_label, lever_options, plain, section
from bot.ids import RetroAction, RetroBlock, RetroView, row_id
from bot.messages import t
from bot.retro.board import MAX_ITEM_CHARS, ActionLine, Board, Column, ItemCard
from bot.text import escape, excerpt

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_BUTTONS = 25
EXCERPT_LENGTHS = (200, 120, 60)
MAX_SHOWN_ITEMS = 60  # beyond, a message is no longer read: columns fold into All items
SHOWN_PER_COLUMN = (15, 10, 6, 3, 1, 0)  # items per column tried in turn when folding
LOOK_BACK_EXCERPT = 120
ITEMS_PER_PAGE = 40  # in the All items modal (100 blocks at most)

COLUMN_EMOJI = {
    Column.WENT_WELL: ":sunny:",
    Column.HARD: ":cloud:",
    Column.LEARNED: ":bulb:",
    Column.TRY_NEXT: ":rocket:",
}
ADD_BUTTONS = {
    Column.WENT_WELL: RetroAction.ADD_WENT_WELL,
    Column.HARD: RetroAction.ADD_HARD,
    Column.LEARNED: RetroAction.ADD_LEARNED,
    Column.TRY_NEXT: RetroAction.ADD_TRY_NEXT,
}
COLUMN_OF_BUTTON = {action: column for column, action in ADD_BUTTONS.items()}
STATUS_EMOJI = {
    "overdue": ":red_circle:",
    "open": ":large_yellow_circle:",
    "done": ":white_check_mark:",
    "dropped": ":heavy_multiplication_x:",
}


def vote_action_id(item_id: int) -> str:
    """Each item's vote button has its own action_id (Slack refuses duplicates in a block)."""
    return f"{RetroAction.VOTE}.{item_id}"


def parse_vote_action_id(action_id: str) -> int | None:
    """The item id of a vote button's action_id."""
    prefix, _, item_id = action_id.partition(".")
    return row_id(item_id) if prefix == RetroAction.VOTE else None


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict:
    """A button; its label is cut to Slack's 75 characters."""
    element = {"type": "button", "text": plain(text[:75]), "action_id": action_id, "value": value}
    if style:
        element["style"] = style
    return element


def mention(user_id: str) -> str:
    """A mention of a Slack user id (ids come from Slack, never from typed text)."""
    return f"<@{user_id}>" if user_id.isalnum() else escape(user_id)


def pack(lines: Iterable[str], limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Lines joined into as few texts of at most `limit` characters as they fit in."""
    texts: list[str] = []
    current = ""
    for line in lines:
        line = line[:limit]
        if current and len(current) + 1 + len(line) > limit:
            texts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        texts.append(current)
    return texts


def column_name(column: Column, language: str) -> str:
    """A column's emoji and name."""
    return f"{COLUMN_EMOJI[column]} {t(f'retro.column.{column.value}', language)}"


# -- the retro message -------------------------------------------------------------------


def retro_message(board: Board) -> dict:
    """The retro message: text (for notifications) and blocks, always within Slack's limits."""
    language = board.language
    top = [
        {
            "type": "header",
            "text": plain(t("retro.header", language, title=board.title)[:MAX_HEADER_CHARS]),
        },
        context(_status_line(board)),
        section(_look_back(board)),
    ]
    if board.decided:
        top.append(section(_decided(board)))
    top += [section(_learnings(board)), {"type": "divider"}]
    bottom = [_buttons(board)] if board.is_open else []
    budget = MAX_BLOCKS - len(top) - len(bottom)
    blocks = top + _fit_columns(board, budget) + bottom
    text = t("retro.fallback", language, title=board.title, items=len(board.items))
    return {"text": text, "blocks": blocks}


def _status_line(board: Board) -> str:
    language = board.language
    if board.is_open:
        return t(
            "retro.status_open",
            language,
            facilitator=mention(board.facilitator_id),
            votes=board.votes_per_person,
            voters=board.voters,
        )
    return t(
        "retro.status_closed",
        language,
        closer=mention(board.closed_by or board.facilitator_id),
        voters=board.voters,
    )


def action_line(line: ActionLine, language: str, limit: int = LOOK_BACK_EXCERPT) -> str:
    """One action: status, text, owner, due day and what the follow-up said."""
    state = "overdue" if line.overdue else line.status
    text = t(
        f"retro.action_{state}",
        language,
        emoji=STATUS_EMOJI[state],
        text=escape(excerpt(line.text, limit)),
        owner=mention(line.owner_id),
        due=line.due_on.isoformat(),
    )
    if line.worked or line.not_yet:
        text += t("retro.action_evidence", language, worked=line.worked, not_yet=line.not_yet)
    return text


def fold_lines(title: str, lines: list[str], language: str) -> str:
    """A title and as many lines as fit in one section, then how many were left out."""
    kept: list[str] = []
    size = len(title)
    for index, line in enumerate(lines):
        more = t("retro.more_lines", language, count=len(lines) - index)
        if size + len(line) + len(more) + 2 > MAX_SECTION_CHARS:
            kept.append(more)
            break
        kept.append(line)
        size += len(line) + 1
    return "\n".join([title, *kept])


def _look_back(board: Board) -> str:
    language = board.language
    title = t("retro.look_back_title", language)
    if board.first_retro:
        return f"{title}\n{t('retro.look_back_first', language)}"
    if not board.previous:
        return f"{title}\n{t('retro.look_back_none', language)}"
    return fold_lines(title, [action_line(a, language) for a in board.previous], language)


def _decided(board: Board) -> str:
    language = board.language
    title = t("retro.decided_title", language)
    return fold_lines(title, [action_line(a, language) for a in board.decided], language)


def _learnings(board: Board) -> str:
    language = board.language
    since = board.learnings_since.date().isoformat()
    total = sum(board.learnings.values())
    if not total:
        return t("retro.learnings_none", language, since=since)
    lines = [t("retro.learnings_title", language, since=since, count=total)]
    for lever, count in sorted(board.learnings.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{lever_label(lever, language)} — {count}")
    return "\n".join(lines)


def item_line(item: ItemCard, language: str, limit: int) -> str:
    """`3` text — author · votes (anonymous items name nobody)."""
    author = mention(item.author_id) if item.author_id else f"_{t('common.anonymous', language)}_"
    line = f"`{item.number}` {escape(excerpt(item.text, limit))} — {author}"
    if item.votes:
        line += f"  :ballot_box_with_check: *{item.votes}*"
    return line


def _column_blocks(board: Board, limit: int, shown: int | None) -> list[dict]:
    language = board.language
    blocks: list[dict] = []
    for column in Column:
        items = [i for i in board.items if i.column == column]
        visible = items if shown is None else items[:shown]
        lines = [f"*{column_name(column, language)}* · {len(items)}"]
        lines += [item_line(item, language, limit) for item in visible]
        if not items:
            lines.append(t("retro.column_empty", language))
        elif len(visible) < len(items):
            lines.append(t("retro.more_items", language, count=len(items) - len(visible)))
        blocks += [section(text) for text in pack(lines)]
        if board.is_open:
            for start in range(0, len(visible), MAX_BUTTONS):
                chunk = visible[start : start + MAX_BUTTONS]
                blocks.append(
                    {
                        "type": "actions",
                        "elements": [
                            button(
                                t("retro.vote_button", language, number=item.number),
                                vote_action_id(item.id),
                                f"{board.retro_id}:{item.id}",
                            )
                            for item in chunk
                        ],
                    }
                )
    return blocks


def _fit_columns(board: Board, budget: int) -> list[dict]:
    """The columns with as many items, as long, as Slack and a reader can take."""
    sizes = Counter(item.column for item in board.items)
    for shown in (None, *SHOWN_PER_COLUMN):
        visible = (
            sum(sizes.values()) if shown is None else sum(min(n, shown) for n in sizes.values())
        )
        if visible > MAX_SHOWN_ITEMS:
            continue
        for limit in EXCERPT_LENGTHS:
            blocks = _column_blocks(board, limit, shown)
            if len(blocks) <= budget:
                return blocks
    return _column_blocks(board, EXCERPT_LENGTHS[-1], 0)


def _buttons(board: Board) -> dict:
    language = board.language
    value = str(board.retro_id)
    elements = [
        button(t(f"retro.add.{column.value}", language), ADD_BUTTONS[column], value)
        for column in Column
    ]
    if board.items:
        elements.append(button(t("retro.all_items", language), RetroAction.ALL_ITEMS, value))
    elements.append(button(t("retro.close_button", language), RetroAction.CLOSE, value))
    return {"type": "actions", "elements": elements}


# -- modals ------------------------------------------------------------------------------


def item_modal(retro_id: int, column: Column, language: str) -> dict:
    """The small modal to add an item to a column: text, lever (optional), anonymous."""
    return {
        "type": "modal",
        "callback_id": RetroView.ITEM,
        "private_metadata": json.dumps({"retro": retro_id, "column": column.value}),
        "title": plain(t("retro.item_modal_title", language)),
        "submit": plain(t("retro.item_modal_submit", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            section(f"*{column_name(column, language)}*"),
            {
                "type": "input",
                "block_id": RetroBlock.ITEM_TEXT,
                "label": plain(t("retro.item_label", language)),
                "element": {
                    "type": "plain_text_input",
                    "action_id": RetroAction.ITEM_TEXT,
                    "multiline": True,
                    "max_length": MAX_ITEM_CHARS,
                    "placeholder": plain(t(f"retro.placeholder.{column.value}", language)),
                },
            },
            {
                "type": "input",
                "block_id": RetroBlock.ITEM_LEVER,
                "optional": True,
                "label": plain(t("retro.lever_label", language)),
                "hint": plain(t("retro.lever_hint", language)),
                "element": {
                    "type": "static_select",
                    "action_id": RetroAction.ITEM_LEVER,
                    "placeholder": plain(t("retro.lever_placeholder", language)),
                    "options": lever_options(language),
                },
            },
            {
                "type": "input",
                "block_id": RetroBlock.ITEM_ANONYMOUS,
                "optional": True,
                "label": plain(t("retro.anonymous_label", language)),
                "element": {
                    "type": "checkboxes",
                    "action_id": RetroAction.ITEM_ANONYMOUS,
                    "options": [
                        {
                            "text": plain(t("retro.anonymous_option", language)),
                            "description": plain(t("retro.anonymous_hint", language)),
                            "value": "anonymous",
                        }
                    ],
                },
            },
        ],
    }


def read_item_metadata(metadata: str) -> tuple[int, Column] | None:
    """The retro id and column an item modal was opened for; None when tampered with."""
    try:
        data = json.loads(metadata)
        return int(data["retro"]), Column(data["column"])
    except (ValueError, KeyError, TypeError):
        return None


def owner_block_id(item_id: int) -> str:
    """block_id of the owner picker of an item in the close modal."""
    return f"{RetroBlock.OWNER}.{item_id}"


def due_block_id(item_id: int) -> str:
    """block_id of the due date picker of an item in the close modal."""
    return f"{RetroBlock.DUE}.{item_id}"


def close_modal(board: Board, candidates: list[ItemCard], language: str) -> dict:
    """The modal that closes a retro: an owner and a due date for each top-voted item."""
    count = len(board.items)
    intro = (
        t("retro.close_intro", language, count=count)
        if candidates
        else t("retro.close_intro_no_votes", language, count=count)
    )
    blocks: list[dict] = [section(intro)]
    for item in candidates:
        votes = t("retro.votes_count", language, count=item.votes)
        blocks += [
            {"type": "divider"},
            section(f"`{item.number}` {escape(excerpt(item.text, 280))} · {votes}"),
            {
                "type": "input",
                "block_id": owner_block_id(item.id),
                "optional": True,
                "label": plain(t("retro.owner_label", language, number=item.number)),
                "element": {
                    "type": "users_select",
                    "action_id": RetroAction.OWNER,
                    "placeholder": plain(t("retro.owner_placeholder", language)),
                },
            },
            {
                "type": "input",
                "block_id": due_block_id(item.id),
                "optional": True,
                "label": plain(t("retro.due_label", language, number=item.number)),
                "element": {
                    "type": "datepicker",
                    "action_id": RetroAction.DUE,
                    "placeholder": plain(t("retro.due_placeholder", language)),
                },
            },
        ]
    return {
        "type": "modal",
        "callback_id": RetroView.CLOSE,
        "private_metadata": json.dumps(
            {"retro": board.retro_id, "items": [i.id for i in candidates]}
        ),
        "title": plain(t("retro.close_modal_title", language)),
        "submit": plain(t("retro.close_modal_submit", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": blocks,
    }


def read_close_metadata(metadata: str) -> tuple[int, list[int]] | None:
    """The retro id and the candidate items of a close modal; None when tampered with."""
    try:
        data = json.loads(metadata)
        return int(data["retro"]), [int(i) for i in data["items"]]
    except (ValueError, KeyError, TypeError):
        return None


def items_modal(board: Board, mine: set[int], page: int, language: str) -> dict:
    """Every item, a page at a time, each with a button to vote or take the vote back."""
    pages = max(1, -(-len(board.items) // ITEMS_PER_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = board.items[page * ITEMS_PER_PAGE : (page + 1) * ITEMS_PER_PAGE]
    if board.is_open:
        left = max(board.votes_per_person - len(mine), 0)
        head = t("retro.items_left", language, left=left, limit=board.votes_per_person)
    else:
        head = t("retro.items_closed", language)
    if pages > 1:
        head += " · " + t("retro.items_page", language, page=page + 1, pages=pages)
    blocks: list[dict] = [context(head)]
    for item in shown:
        block = section(
            f"*{column_name(item.column, language)}*\n" + item_line(item, language, MAX_ITEM_CHARS)
        )
        if board.is_open:
            voted = item.id in mine
            block["accessory"] = button(
                t("retro.take_back" if voted else "retro.vote", language),
                RetroAction.MODAL_VOTE,
                str(item.id),
                None if voted else "primary",
            )
        blocks.append(block)
    navigation = []
    if page > 0:
        navigation.append(
            button(t("retro.previous_page", language), RetroAction.MODAL_PREVIOUS, str(page - 1))
        )
    if page < pages - 1:
        navigation.append(
            button(t("retro.next_page", language), RetroAction.MODAL_NEXT, str(page + 1))
        )
    if navigation:
        blocks.append({"type": "actions", "elements": navigation})
    return {
        "type": "modal",
        "callback_id": RetroView.ITEMS,
        "private_metadata": json.dumps({"retro": board.retro_id, "page": page}),
        "title": plain(t("retro.items_modal_title", language)),
        "close": plain(t("retro.items_modal_close", language)),
        "blocks": blocks,
    }


def read_items_metadata(metadata: str) -> tuple[int, int] | None:
    """The retro id and page of an All items modal."""
    try:
        data = json.loads(metadata)
        return int(data["retro"]), int(data["page"])
    except (ValueError, KeyError, TypeError):
        return None
