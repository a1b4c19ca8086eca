"""What App Home shows: sections that features contribute, each a function returning blocks.

A section takes a HomeContext and returns Block Kit blocks (possibly none). The home view
puts MEMBER_SECTIONS first for everyone, then ADMIN_SECTIONS for admins, and keeps the total
within Slack's 100-block limit: `compose` cuts any section longer than SECTION_BLOCKS and
stops adding blocks before the limit, each cut said by a "… and N more" context line.
A section should cap its own lists (and say how many more there are) so it is rarely cut.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

MAX_BLOCKS = 100  # Slack's limit for a Home tab
SECTION_BLOCKS = 30  # the most one section may take


def _everyone(_channel_id: str | None) -> bool:
    return True


@dataclass(frozen=True)
class HomeContext:
    """Who the home is for, and the session to read what it shows.

    `can_see(channel_id)` says whether this person may see learnings from that channel
    (private channels only to their members); sections that list learnings must ask it.
    """

    session: Session
    team_id: str
    user_id: str
    is_admin: bool
    language: str
    now: datetime
    can_see: Callable[[str | None], bool] = field(default=_everyone)


HomeSection = Callable[[HomeContext], list[dict]]

MEMBER_SECTIONS: list[HomeSection] = []
ADMIN_SECTIONS: list[HomeSection] = []


def compose(ctx: HomeContext, more_line: Callable[[int], dict]) -> list[dict]:
    """Every section for this person, within MAX_BLOCKS; `more_line(n)` says n blocks were cut.

    A failing section is left out (and logged) so one feature's bug cannot blank the home.
    """
    sections = MEMBER_SECTIONS + (ADMIN_SECTIONS if ctx.is_admin else [])
    blocks: list[dict] = []
    for index, section in enumerate(sections):
        try:
            part = section(ctx)
        except Exception:
            log.exception("home section %s failed", getattr(section, "__name__", section))
            ctx.session.rollback()
            continue
        if len(part) > SECTION_BLOCKS:
            part = [*part[: SECTION_BLOCKS - 1], more_line(len(part) - SECTION_BLOCKS + 1)]
        room = MAX_BLOCKS - len(blocks)
        last = index == len(sections) - 1
        if len(part) <= room - (0 if last else 1):
            blocks += part
            continue
        # Out of room: keep what fits, say how much is left out, and stop.
        left = len(part) + sum(_size(other, ctx) for other in sections[index + 1 :])
        keep = max(room - 1, 0)
        blocks += part[:keep]
        blocks.append(more_line(left - keep))
        break
    return _unique_block_ids(blocks)


def _size(section: HomeSection, ctx: HomeContext) -> int:
    try:
        return min(len(section(ctx)), SECTION_BLOCKS)
    except Exception:
        ctx.session.rollback()
        return 0


def _unique_block_ids(blocks: list[dict]) -> list[dict]:
    """Slack refuses a view where two blocks share a block_id: suffix the later ones."""
    seen: set[str] = set()
    unique = []
    for block in blocks:
        block_id = block.get("block_id")
        if block_id is not None and block_id in seen:
            block = {**block, "block_id": f"{block_id}-{len(unique)}"}
        if block_id is not None:
            seen.add(block["block_id"])
        unique.append(block)
    return unique
