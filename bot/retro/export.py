"""One retro's summary as a Markdown document, for `/retro export`."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.levers import lever_name
from bot.messages import t
from bot.retro.board import Board, Column


def _flat(text: str) -> str:
    """User text on one line, so it cannot break the document's structure."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    return _flat(text).replace("|", "\\|")


def retro_markdown(board: Board, names: Mapping[str, str], language: str) -> str:
    """The retro's items (most voted first), its actions and their outcomes, in Markdown.

    `names` maps owners' user ids to display names; anonymous items name nobody, and no
    item author is written at all.
    """
    lines = [f"# {t('retro.header', language, title=_flat(board.title))}", ""]
    status = "retro.export_open" if board.is_open else "retro.export_closed"
    lines += [t(status, language, voters=board.voters, items=len(board.items)), ""]
    for column in Column:
        items = sorted(
            (i for i in board.items if i.column == column), key=lambda i: (-i.votes, i.number)
        )
        lines.append(f"## {t(f'retro.column.{column.value}', language)}")
        lines.append("")
        if not items:
            lines += [f"_{t('retro.export_no_items', language)}_", ""]
            continue
        for item in items:
            votes = t("retro.votes_count", language, count=item.votes)
            lever = lever_name(item.lever, language)
            lines.append(f"- {_flat(item.text)} ({votes}; {lever})")
        lines.append("")
    lines += [f"## {t('retro.export_actions', language)}", ""]
    if board.decided:
        lines.append(t("retro.export_table_head", language))
        lines.append("|---|---|---|---|")
        for action in board.decided:
            owner = names.get(action.owner_id, action.owner_id)
            state = "overdue" if action.overdue else action.status
            outcome = t(f"retro.export_status_{state}", language)
            if action.worked or action.not_yet:
                outcome += t(
                    "retro.export_evidence", language, worked=action.worked, not_yet=action.not_yet
                )
            lines.append(
                f"| {_cell(action.text)} | {_cell(owner)} | {action.due_on.isoformat()} "
                f"| {outcome} |"
            )
    else:
        lines.append(t("retro.export_no_actions", language))
    return "\n".join(lines).rstrip() + "\n"


def export_filename(board: Board) -> str:
    """retro-12-sprint-42.md"""
    slug = re.sub(r"[^a-z0-9]+", "-", board.title.lower()).strip("-")[:40]
    return f"retro-{board.retro_id}{'-' + slug if slug else ''}.md"
