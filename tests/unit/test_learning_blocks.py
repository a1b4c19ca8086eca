"""The learning modal and result lists stay within Slack's limits, with every text escaped."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.blocks.learning_library import (
    learning_item,
    more_value,
    posted_learning,
    read_more_value,
    results,
)
from bot.blocks.learning_modal import Prefill, capture_modal
from bot.fakeslack.limits import validate_blocks, validate_view
from bot.learning.form import ModalContext
from bot.levers import Lever
from storage.learnings import Page, Review
from storage.models import Learning


def _learning(i: int = 1, text: str = "x" * 3000, **extra) -> Learning:
    when = datetime(2026, 11, 1, tzinfo=UTC)
    fields = dict(
        id=i,
        team_id="T1",
        channel_id="C1",
        user_id="U1",
        lever="onboarding",
        text=text,
        source="modal",
        tags=["a", "<b>"],
        visibility="post",
        created_at=when,
        updated_at=when,
        aar_expected="e" * 1000,
        aar_happened="h" * 1000,
        aar_why="w" * 1000,
        aar_next="n" * 1000,
        permalink="https://x.slack.com/archives/C1/p1",
    )
    fields.update(extra)
    return Learning(**fields)


def test_the_fullest_modal_is_a_valid_view_in_both_languages():
    about = ModalContext(
        channel_id="C1",
        message_channel_id="C1",
        message_ts="1.2",
        author_id="U2",
        permalink="https://x.slack.com/archives/C1/p12",
    )
    prefill = Prefill(
        text="t" * 5000, lever=Lever.OTHER, review=Review(why="w" * 1000), tags=("a",) * 10
    )
    for language in ("en", "fr"):
        assert validate_view(capture_modal(language, about, prefill)) == []
        edit = capture_modal(language, ModalContext(learning_id=123456), prefill)
        assert validate_view(edit) == []


def test_a_full_page_of_long_learnings_fits_in_one_message():
    page = Page(items=[_learning(i) for i in range(1, 11)], total=25, offset=0)
    answer = results(
        page,
        "fr",
        heading="h",
        empty="e",
        editable=list(range(1, 11)),
        deletable=list(range(1, 11)),
        more=more_value("search", "budget", 10),
    )
    assert validate_blocks(answer["blocks"]) == []
    assert validate_blocks(posted_learning(_learning(), "en")["blocks"]) == []


def test_user_text_is_escaped_in_items_and_posts():
    learning = _learning(text="<!channel> <@U9> <https://e.x|y> & z", aar_why="<!here>")
    shown = str(learning_item(learning, "en", can_edit=False, can_delete=False))
    shown += str(posted_learning(learning, "en"))
    for raw in ("<!channel>", "<@U9>", "<https://e.x|y>", "<!here>", "<b>"):
        assert raw not in shown
    assert "&lt;!channel&gt;" in shown and "&amp; z" in shown


def test_the_more_button_value_round_trips_and_refuses_tampering():
    assert read_more_value(more_value("list", "onboarding", 20)) == ("list", "onboarding", 20)
    assert more_value("search", "x" * 3000, 10) is None
    for bad in ("", "{}", '{"k": "search", "q": "x", "o": -1}', '{"k": 1, "q": "x", "o": 0}'):
        assert read_more_value(bad) is None
