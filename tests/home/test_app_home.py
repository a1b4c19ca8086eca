"""App Home over signed events and the fake Slack: member and admin views, limits, buttons."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from bot.fakeslack.limits import MAX_SURFACE_BLOCKS
from bot.ids import HomeAction, HomeBlock, HomeView
from storage.models import LearningReuse, Workspace
from tests.home.helpers import open_home, seed_learning, texts


def test_a_member_sees_their_learnings_the_teams_per_lever_and_the_two_buttons(bot):
    seed_learning(bot, text="pair each newcomer with a buddy", lever="onboarding")
    seed_learning(
        bot, text="exit interviews tell us why people leave", lever="retention", user_id="UBRUNO"
    )

    view = open_home(bot, "UALICE")

    shown = texts(view)
    assert "Your recent learnings" in shown
    assert "pair each newcomer with a buddy" in shown
    assert "The team's latest learnings, by lever" in shown
    assert "exit interviews tell us why people leave" in shown and "<@UBRUNO>" in shown
    assert "Settings (admins)" not in shown
    actions = next(b for b in view["blocks"] if b["type"] == "actions")
    assert {e["action_id"] for e in actions["elements"]} == {
        HomeAction.LOG_LEARNING,
        HomeAction.SEARCH,
    }
    # Someone else's learning can be marked useful; one's own cannot.
    useful = [b for b in view["blocks"] if (b.get("accessory") or {}).get("action_id")]
    assert [b["accessory"]["action_id"] for b in useful] == [HomeAction.USEFUL]
    assert "exit interviews" in useful[0]["text"]["text"]


def test_a_french_member_gets_the_home_in_french(bot):
    view = open_home(bot, "UBRUNO")
    shown = texts(view)
    assert "Vos derniers apprentissages" in shown
    assert "Noter un apprentissage" in shown


def test_an_admin_also_sees_settings_schedules_check_ins_and_coverage(bot):
    seed_learning(
        bot, text="the wiki holds every template", lever="knowledge_tools", tags=("budget",)
    )
    seed_learning(
        bot, text="budget lines are checked monthly", lever="knowledge_tools", tags=("budget",)
    )

    view = open_home(bot, "UADMIN")

    shown = texts(view)
    for title in ("Settings (admins)", "Prompt schedules", "Check-ins", "Knowledge coverage"):
        assert title in shown
    assert "*Language*" in shown and "*Digest*\noff" in shown
    assert "People may log learnings anonymously" in shown
    # Coverage names a lever with nothing recent and the one-author topic, with its author.
    assert "Staff retention: no learning yet" in shown
    assert "#budget: all 2 learnings come from <@UALICE>" in shown
    settings = next(
        b
        for b in view["blocks"]
        if (b.get("accessory") or {}).get("action_id") == HomeAction.SETTINGS
    )
    assert settings["fields"]


def test_five_hundred_learnings_still_fit_in_a_hundred_blocks(bot):
    levers = ["onboarding", "retention", "team_learning", "self_learning", "knowledge_tools"]
    with bot.deps.sessions.begin() as session:
        from storage.learnings import add_learning

        for index in range(500):
            add_learning(
                session,
                team_id="T0001",
                text=f"learning number {index} " + "with many words " * 20,
                lever=levers[index % len(levers)],
                source="command",
                user_id="UADMIN" if index % 2 else "UALICE",
                channel_id="CGENERAL",
                tags=(f"tag{index % 40}",),
                now=bot.deps.now() - timedelta(minutes=index),
            )

    for user in ("UALICE", "UADMIN"):
        view = open_home(bot, user)
        assert len(view["blocks"]) <= MAX_SURFACE_BLOCKS
        shown = texts(view)
        assert "… and 245 more of yours." in shown or "… and 245 more" in shown
        assert "more under" in shown
    # The fake refuses views over 100 blocks: every publish went through.
    assert all(call.response.get("ok") for call in bot.slack.calls_to("views.publish"))


def test_learnings_from_a_private_channel_are_shown_only_to_its_members(bot):
    seed_learning(
        bot,
        text="our salary grid is negotiable",
        lever="retention",
        user_id="UADMIN",
        channel_id="CPRIVATE",
    )

    alice = texts(open_home(bot, "UALICE"))  # a member of #secret
    bruno = texts(open_home(bot, "UBRUNO"))  # not a member

    assert "salary grid" in alice
    assert "salary grid" not in bruno


def test_a_user_slack_does_not_show_us_is_skipped_and_logged(bot, caplog):
    caplog.set_level(logging.WARNING, logger="bot.home.publish")
    bot.requester.event(
        {"type": "app_home_opened", "user": "UGHOST", "channel": "D0HOME", "tab": "home"}
    )
    bot.slack.wait_for("users.info", predicate=lambda c: c.params.get("user") == "UGHOST")
    open_home(bot, "UALICE")  # a later event is served: the ghost's was handled by then

    assert not [c for c in bot.slack.calls_to("views.publish") if c.params["user_id"] == "UGHOST"]
    assert "App Home not published" in caplog.text


def test_the_messages_tab_does_not_publish_the_home(bot):
    bot.requester.event(
        {"type": "app_home_opened", "user": "UALICE", "channel": "D0HOME", "tab": "messages"}
    )
    open_home(bot, "UBRUNO")
    assert "UALICE" not in bot.slack.home_views


def test_useful_counts_a_reuse_once_and_refreshes_the_home(bot):
    learning_id = seed_learning(
        bot, text="a shared inbox for partners", lever="knowledge_tools", user_id="UBRUNO"
    )
    view = open_home(bot, "UALICE")

    for _ in range(2):
        bot.requester.block_action(HomeAction.USEFUL, str(learning_id), user_id="UALICE", view=view)
    bot.slack.wait_for("views.publish", 3, predicate=lambda c: c.params["user_id"] == "UALICE")

    with bot.deps.sessions() as session:
        reuses = session.scalars(select(LearningReuse)).all()
    assert [(r.learning_id, r.user_id, r.kind) for r in reuses] == [
        (learning_id, "UALICE", "useful")
    ]
    assert "you found this useful" in texts(bot.slack.home_views["UALICE"])


def test_log_a_learning_opens_the_learning_modal(bot):
    view = open_home(bot, "UALICE")
    bot.requester.block_action(HomeAction.LOG_LEARNING, user_id="UALICE", view=view)
    [opened] = bot.slack.wait_for("views.open")
    assert opened.response["ok"]
    assert bot.slack.current_view("UALICE")["type"] == "modal"


def test_search_finds_a_french_learning_without_accents_and_hides_private_ones(bot):
    seed_learning(
        bot, text="Un binôme pour chaque équipe d'accueil", lever="onboarding", user_id="UBRUNO"
    )
    seed_learning(
        bot,
        text="équipe salariale confidentielle",
        lever="retention",
        user_id="UADMIN",
        channel_id="CPRIVATE",
    )
    home = open_home(bot, "UBRUNO")
    bot.requester.block_action(HomeAction.SEARCH, user_id="UBRUNO", view=home)
    bot.slack.wait_for("views.open")
    modal = bot.slack.current_view("UBRUNO")

    response = bot.requester.view_submission(
        modal,
        {HomeBlock.QUERY: {HomeBlock.QUERY: {"type": "plain_text_input", "value": "equipe"}}},
        user_id="UBRUNO",
    )
    assert response.status == 200
    bot.slack.wait_for("views.update")
    shown = texts(bot.slack.current_view("UBRUNO"))
    assert "Un binôme pour chaque équipe" in shown
    assert "confidentielle" not in shown


def test_an_empty_search_is_refused_next_to_the_box(bot):
    home = open_home(bot, "UALICE")
    bot.requester.block_action(HomeAction.SEARCH, user_id="UALICE", view=home)
    bot.slack.wait_for("views.open")
    modal = bot.slack.current_view("UALICE")
    response = bot.requester.view_submission(
        modal,
        {HomeBlock.QUERY: {HomeBlock.QUERY: {"type": "plain_text_input", "value": "  "}}},
        user_id="UALICE",
    )
    assert response.json()["response_action"] == "errors"
    assert "at least one word" in response.json()["errors"][HomeBlock.QUERY]


def _settings_values(
    timezone="Europe/Paris", channel=None, cadence="off", language="fr", anonymity="never"
):
    def option(value):
        return {"selected_option": {"value": value, "text": {"type": "plain_text", "text": value}}}

    values = {
        HomeBlock.LANGUAGE: {HomeBlock.LANGUAGE: {"type": "static_select", **option(language)}},
        HomeBlock.TIMEZONE: {HomeBlock.TIMEZONE: {"type": "plain_text_input", "value": timezone}},
        HomeBlock.DIGEST_CHANNEL: {
            HomeBlock.DIGEST_CHANNEL: {
                "type": "conversations_select",
                "selected_conversation": channel,
            }
        },
        HomeBlock.DIGEST_CADENCE: {
            HomeBlock.DIGEST_CADENCE: {"type": "static_select", **option(cadence)}
        },
        HomeBlock.ANONYMITY: {HomeBlock.ANONYMITY: {"type": "radio_buttons", **option(anonymity)}},
    }
    return values


def _open_settings(bot, user="UADMIN"):
    home = open_home(bot, user)
    bot.requester.block_action(HomeAction.SETTINGS, user_id=user, view=home)
    bot.slack.wait_for("views.open")
    modal = bot.slack.current_view(user)
    assert modal["callback_id"] == HomeView.SETTINGS
    return modal


def test_an_admin_changes_settings_and_the_home_shows_them(bot):
    modal = _open_settings(bot)
    response = bot.requester.view_submission(
        modal, _settings_values(channel="CGENERAL", cadence="weekly"), user_id="UADMIN"
    )
    assert response.status == 200 and not response.body.strip()
    bot.slack.wait_for("views.publish", 2, predicate=lambda c: c.params["user_id"] == "UADMIN")

    with bot.deps.sessions() as session:
        workspace = session.get(Workspace, "T0001")
        assert (workspace.language, workspace.timezone) == ("fr", "Europe/Paris")
        assert workspace.settings["anonymity"] == "never"
    shown = texts(bot.slack.home_views["UADMIN"])
    assert "every week in <#CGENERAL>" in shown
    assert "Every learning names its author" in shown


def test_a_bad_time_zone_is_refused_next_to_its_field_and_nothing_changes(bot):
    modal = _open_settings(bot)
    response = bot.requester.view_submission(
        modal, _settings_values(timezone="Mars/Olympus"), user_id="UADMIN"
    )
    answer = response.json()
    assert answer["response_action"] == "errors"
    assert "Mars/Olympus" in answer["errors"][HomeBlock.TIMEZONE]
    with bot.deps.sessions() as session:
        workspace = session.get(Workspace, "T0001")
        assert workspace is None or workspace.timezone is None


def test_a_digest_channel_the_bot_is_not_in_is_said_at_once(bot):
    bot.slack.add_channel("CQUIET", "quiet", members=["UADMIN"])
    modal = _open_settings(bot)
    bot.requester.view_submission(
        modal, _settings_values(channel="CQUIET", cadence="weekly"), user_id="UADMIN"
    )
    bot.slack.wait_for("views.publish", 2, predicate=lambda c: c.params["user_id"] == "UADMIN")
    dms = [c for c in bot.slack.calls_to("chat.postMessage") if c.params["channel"] == "UADMIN"]
    assert "I am not a member of <#CQUIET>" in dms[0].params["text"]
    assert "I cannot post the digest in <#CQUIET>" in texts(bot.slack.home_views["UADMIN"])


def test_only_admins_may_save_settings(bot):
    modal = _open_settings(bot)
    response = bot.requester.view_submission(modal, _settings_values(), user_id="UALICE")
    assert response.json()["response_action"] == "errors"
    with bot.deps.sessions() as session:
        assert (
            session.get(Workspace, "T0001") is None
            or session.get(Workspace, "T0001").language is None
        )
