"""App Home when Slack answers 429, 500, ok:false or too late: publishing it, and its buttons.

App Home has no reply to carry words: what Slack would not show is logged, shown at most
once, and what a click stored is stored once.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.ids import HomeAction, HomeBlock, HomeView
from storage.models import LearningReuse
from tests.home.helpers import open_home, seed_learning, texts
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    REFUSED,
    done,
    logged,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)


def _home_opened(bot, user: str = "UALICE") -> None:
    event = {"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home"}
    assert bot.requester.event(event).status == 200


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_home_slack_does_not_publish_is_logged_and_shown_next_time(bot, slack, caplog, fault):
    seed_learning(bot, text="a shared inbox for partners", lever="knowledge_tools")
    slack.inject("views.publish", **FAULTS[fault])
    _home_opened(bot)
    settle(bot, slack, "views.publish")
    published = done(slack, "views.publish")
    assert len(published) == (0 if fault in REFUSED else 1)  # late, at most: never twice
    assert len(slack.calls_to("views.publish")) == (2 if fault == "429-then-ok" else 1)
    if fault != "429-then-ok":
        assert logged(caplog, "App Home not published")
    home = open_home(bot, "UALICE", count=len(slack.calls_to("views.publish")) + 1)
    assert "a shared inbox for partners" in texts(home)


@pytest.mark.parametrize("method", ["conversations.info", "conversations.members"])
@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_home_whose_channels_slack_cannot_check_never_shows_a_private_learning(
    bot, slack, fault, method
):
    seed_learning(
        bot, text="our salary grid is negotiable", lever="retention", channel_id="CPRIVATE"
    )
    seed_learning(bot, text="buddies for newcomers", lever="onboarding", user_id="UBRUNO")
    slack.inject(method, **FAULTS[fault], times=1 if fault == "429-then-ok" else 2)
    shown = texts(open_home(bot, "UADMIN"))  # not a member of #secret
    assert "salary grid" not in shown


_BUTTONS = {
    "learning": (HomeAction.LOG_LEARNING, "UALICE"),
    "search": (HomeAction.SEARCH, "UALICE"),
    "settings": (HomeAction.SETTINGS, "UADMIN"),
}


@pytest.mark.parametrize("button", _BUTTONS)
@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_modal_slack_does_not_open_from_home_is_logged_and_never_opened_twice(
    bot, slack, caplog, fault, button
):
    action, user = _BUTTONS[button]
    home = open_home(bot, user)
    slack.inject("views.open", **FAULTS[fault])
    assert bot.requester.block_action(action, user_id=user, view=home).status == 200
    settle(bot, slack, "views.open")
    opened = done(slack, "views.open")
    assert len(opened) == (0 if fault in REFUSED else 1)
    assert len(slack.calls_to("views.open")) == (2 if fault == "429-then-ok" else 1)
    if fault != "429-then-ok":
        assert logged(caplog, f"the {button} modal was not opened")


def _search_modal(bot, slack) -> dict:
    home = open_home(bot, "UALICE")
    bot.requester.block_action(HomeAction.SEARCH, user_id="UALICE", view=home)
    slack.wait_for("views.open")
    modal = slack.current_view("UALICE")
    assert modal["callback_id"] == HomeView.SEARCH
    return modal


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_search_results_slack_does_not_show_are_logged_and_shown_once(bot, slack, caplog, fault):
    seed_learning(bot, text="a shared inbox for partners", lever="knowledge_tools")
    modal = _search_modal(bot, slack)
    slack.inject("views.update", **FAULTS[fault])
    query = {HomeBlock.QUERY: {HomeBlock.QUERY: {"type": "plain_text_input", "value": "inbox"}}}
    response = bot.requester.view_submission(modal, query, user_id="UALICE")
    assert response.json()["response_action"] == "update"  # "Searching…" at once
    settle(bot, slack, "views.update")
    updated = done(slack, "views.update")
    assert len(updated) == (0 if fault in REFUSED else 1)
    shown = texts(slack.current_view("UALICE"))
    assert ("a shared inbox" in shown) == (fault not in REFUSED)
    if fault != "429-then-ok":
        assert logged(caplog, "App Home search results not shown")


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_useful_is_counted_once_whatever_slack_answers_to_the_refresh(bot, slack, fault):
    learning_id = seed_learning(
        bot, text="a shared inbox for partners", lever="knowledge_tools", user_id="UBRUNO"
    )
    view = open_home(bot, "UALICE")
    slack.inject("views.publish", **FAULTS[fault])
    click = bot.requester.block_action(
        HomeAction.USEFUL, str(learning_id), user_id="UALICE", view=view
    )
    assert click.status == 200
    settle(bot, slack, "views.publish", 2)
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count()).select_from(LearningReuse)) == 1
    assert len(done(slack, "views.publish")) == (1 if fault in REFUSED else 2)
    # The next click counts nothing more and shows the home as it is.
    bot.requester.block_action(HomeAction.USEFUL, str(learning_id), user_id="UALICE", view=view)
    bot.wait_idle()
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count()).select_from(LearningReuse)) == 1
    assert "you found this useful" in texts(slack.home_views["UALICE"])
