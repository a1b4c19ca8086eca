"""The retro message's chat.update answering 429, 500, ok:false or too late after an item is added.

The item is stored once whatever Slack answers; the message shows it, or the failure is logged
and the next change shows everything.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.retro.board import Column
from storage.models import RetroItem
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    REFUSED,
    logged,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)
from tests.retro.support import add_item, message_text, retro_message, start, wait_for_text


def _items(bot) -> list[str]:
    with bot.deps.sessions() as session:
        return list(session.scalars(select(RetroItem.text).order_by(RetroItem.id)))


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_an_item_is_stored_once_and_shown_by_the_next_update_whatever_slack_answers(
    bot, slack, caplog, fault
):
    start(bot, "UALICE", "Sprint 3")
    retro_message(bot)
    bot.wait_idle()  # the posting's own refresh is over: the fault is for the item's update
    slack.inject("chat.update", **FAULTS[fault])
    response = add_item(bot, "UALICE", Column.LEARNED, "The wiki needs an owner")
    assert response.status == 200 and response.body.strip() == ""
    settle(bot, slack, "chat.update")
    assert _items(bot) == ["The wiki needs an owner"]
    shown = message_text(retro_message(bot))
    assert ("The wiki needs an owner" in shown) == (fault not in REFUSED)
    if fault != "429-then-ok":
        assert logged(caplog, "the retro message could not be updated")
    add_item(bot, "UBRUNO", Column.HARD, "Decisions waited two weeks")
    message = wait_for_text(bot, "Decisions waited two weeks")
    assert "The wiki needs an owner" in message_text(message)
    assert _items(bot) == ["The wiki needs an owner", "Decisions waited two weeks"]
