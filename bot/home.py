"""What App Home shows: sections that features contribute, each a function returning blocks.

A section takes a HomeContext and returns Block Kit blocks (possibly none). The home view
puts MEMBER_SECTIONS first for everyone, then ADMIN_SECTIONS for admins, and keeps the total
within Slack's 100-block limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class HomeContext:
    """Who the home is for, and the session to read what it shows."""

    session: Session
    team_id: str
    user_id: str
    is_admin: bool
    language: str
    now: datetime


HomeSection = Callable[[HomeContext], list[dict]]

MEMBER_SECTIONS: list[HomeSection] = []
ADMIN_SECTIONS: list[HomeSection] = []
