"""App Home's composition stays within 100 blocks whatever sections return."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.home import compose as home
from bot.home.compose import MAX_BLOCKS, SECTION_BLOCKS, HomeContext, compose


class _Session:
    def rollback(self) -> None:
        pass


def _ctx(is_admin: bool) -> HomeContext:
    return HomeContext(_Session(), "T1", "U1", is_admin, "en", datetime(2026, 11, 26, tzinfo=UTC))


def _blocks(name: str, count: int) -> list[dict]:
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"{name} {i}"}} for i in range(count)
    ]


def _more(count: int) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": f"… and {count} more"}]}


@pytest.fixture
def sections(monkeypatch):
    member: list = []
    admin: list = []
    monkeypatch.setattr(home, "MEMBER_SECTIONS", member)
    monkeypatch.setattr(home, "ADMIN_SECTIONS", admin)
    return member, admin


def test_a_long_section_is_cut_with_a_more_line(sections):
    member, _ = sections
    member.append(lambda ctx: _blocks("a", 50))
    blocks = compose(_ctx(False), _more)
    assert len(blocks) == SECTION_BLOCKS
    assert blocks[-1]["elements"][0]["text"] == f"… and {50 - SECTION_BLOCKS + 1} more"


def test_many_sections_stop_before_the_limit_and_say_how_much_is_left(sections):
    member, admin = sections
    for name in "abcdef":
        member.append(lambda ctx, name=name: _blocks(name, 25))
    admin.append(lambda ctx: _blocks("admin", 5))
    blocks = compose(_ctx(True), _more)
    assert len(blocks) == MAX_BLOCKS
    assert blocks[-1]["type"] == "context"
    # 150 member blocks and 5 admin blocks; 99 shown.
    assert blocks[-1]["elements"][0]["text"] == "… and 56 more"


def test_admin_sections_only_for_admins_and_a_failing_section_is_left_out(sections):
    member, admin = sections
    member.append(lambda ctx: _blocks("m", 2))
    member.append(lambda ctx: 1 / 0)
    admin.append(lambda ctx: _blocks("admin", 1))
    assert len(compose(_ctx(False), _more)) == 2
    assert len(compose(_ctx(True), _more)) == 3


def test_duplicate_block_ids_are_made_unique(sections):
    member, _ = sections
    member.append(lambda ctx: [{"type": "divider", "block_id": "x"}] * 3)
    ids = [block["block_id"] for block in compose(_ctx(False), _more)]
    assert len(set(ids)) == 3
