"""A newcomer is welcomed by DM, in their language, with day-0 resources and what the team
learned; guests get the volunteer and partner resources; nobody is welcomed twice."""

from __future__ import annotations

import logging

from bot.ids import OnboardingAction
from storage.reuses import record_reuse
from tests.onboarding.support import (
    buttons,
    dms,
    join,
    newcomer,
    nudges,
    seed_learning,
    seed_resource,
    set_onboarding,
    text_of,
)


def test_team_join_sends_a_welcome_dm_with_day_0_resources_and_learnings(bot):
    seed_resource(bot, "Our handbook", audience="everyone")
    seed_resource(bot, "Payroll and leave", audience="staff")
    seed_resource(bot, "Volunteer charter", audience="volunteer")
    seed_resource(bot, "Field safety", day=3)
    seed_learning(bot, "We moved every template to the wiki", "knowledge_tools")
    reused = seed_learning(bot, "Retros every fortnight keep us honest", "team_learning")
    with bot.deps.sessions.begin() as session:
        record_reuse(session, "T0001", reused, "UALICE", "useful", bot.deps.now())
    seed_learning(bot, "Pair each newcomer with a buddy", "onboarding")
    seed_learning(bot, "Secret budget talk", "onboarding", channel_id="CPRIVATE")

    join(bot, "UNEW")

    [welcome] = dms(bot, "UNEW")
    said = text_of(welcome)
    assert "Welcome, <@UNEW>" in said
    assert "Our handbook" in said and "Payroll and leave" in said
    assert "Volunteer charter" not in said and "Field safety" not in said
    # The onboarding lever first, then the most reused; private channels stay private.
    assert said.index("Pair each newcomer with a buddy") < said.index("Retros every fortnight")
    assert "We moved every template" not in said
    assert "Secret budget talk" not in said
    assert len(buttons(welcome, OnboardingAction.DONE)) == 2
    assert buttons(welcome, OnboardingAction.STOP)
    # Days with nothing new are skipped (test_nudges.py), and the welcome says so.
    assert "days 1, 3, 7, 14, 30, when I have something new for you" in said
    path = newcomer(bot, "UNEW")
    assert (path.source, path.status, path.is_guest) == ("team_join", "active", False)
    assert nudges(bot) == [(0, "sent")]


def test_a_french_speaker_is_welcomed_in_french(bot):
    seed_resource(bot, "Guide d'accueil")
    join(bot, "UNOUVEAU", locale="fr-FR")
    [welcome] = dms(bot, "UNOUVEAU")
    assert "Bienvenue, <@UNOUVEAU>" in text_of(welcome)
    assert buttons(welcome, OnboardingAction.DONE)[0]["text"]["text"] == "Fait"


def test_a_guest_gets_the_volunteer_and_partner_resources(bot):
    seed_resource(bot, "Payroll and leave", audience="staff")
    seed_resource(bot, "Volunteer charter", audience="volunteer")
    seed_resource(bot, "Partner reporting", audience="partner")
    join(bot, "UGUEST", guest=True)
    said = text_of(dms(bot, "UGUEST")[0])
    assert "Volunteer charter" in said and "Partner reporting" in said
    assert "Payroll and leave" not in said
    assert newcomer(bot, "UGUEST").is_guest


def test_a_redelivered_team_join_welcomes_once(bot):
    user = join(bot, "UNEW")
    event = {"type": "team_join", "user": user}
    bot.requester.event(event, retry_num=1, retry_reason="http_timeout")
    bot.wait_idle()
    assert len(dms(bot, "UNEW")) == 1


def test_a_bot_joining_is_not_welcomed(bot):
    user = bot.slack.add_user("UROBOT", "robot", is_bot=True)
    bot.requester.event({"type": "team_join", "user": user})
    bot.wait_idle()
    assert newcomer(bot, "UROBOT") is None
    assert bot.slack.calls_to("chat.postMessage") == []


def test_joining_an_onboarding_channel_welcomes_only_there(bot):
    bot.slack.add_channel("CWELCOME", "welcome", members=[bot.slack.bot_user_id])
    set_onboarding(bot, channels=["CWELCOME"])
    seed_resource(bot, "Our handbook")

    joined = {"type": "member_joined_channel", "channel_type": "C", "team": "T0001"}
    bot.requester.event({**joined, "user": "UALICE", "channel": "CGENERAL"})
    bot.wait_idle()
    assert newcomer(bot, "UALICE") is None

    bot.requester.event({**joined, "user": "UBRUNO", "channel": "CWELCOME"})
    bot.wait_idle()
    assert "Bienvenue, <@UBRUNO>" in text_of(dms(bot, "UBRUNO")[0])
    path = newcomer(bot, "UBRUNO")
    assert (path.source, path.channel_id) == ("channel", "CWELCOME")

    # Joining again (or another onboarding channel) starts nothing new.
    bot.requester.event({**joined, "user": "UBRUNO", "channel": "CWELCOME"})
    bot.wait_idle()
    assert len(dms(bot, "UBRUNO")) == 1


def test_the_bot_itself_joining_is_not_a_newcomer(bot):
    bot.slack.add_channel("CWELCOME", "welcome", members=[bot.slack.bot_user_id])
    set_onboarding(bot, channels=["CWELCOME"])
    bot.requester.event(
        {"type": "member_joined_channel", "user": bot.slack.bot_user_id, "channel": "CWELCOME"}
    )
    bot.wait_idle()
    assert newcomer(bot, bot.slack.bot_user_id) is None


def test_a_person_who_cannot_be_messaged_is_logged_once_and_skipped(bot, caplog):
    bot.slack.inject("conversations.open", error="cannot_dm_bot")
    with caplog.at_level(logging.WARNING, logger="bot.onboarding.newcomers"):
        join(bot, "UNEW")
    warnings = [r for r in caplog.records if "not sent" in r.getMessage()]
    assert len(warnings) == 1 and "cannot_dm_bot" in warnings[0].getMessage()
    assert nudges(bot) == [(0, "failed")]
    assert newcomer(bot, "UNEW").status == "active"
