"""A deactivated member: admins hear, once, of their open actions and of the learnings nobody
else wrote in their levers, so that nothing is orphaned."""

from __future__ import annotations

from bot.ids import HandoverAction
from tests.onboarding.support import dms, seed_learning, text_of
from tests.onboarding.test_handover import _seed_actions


def _deactivate(bot, user_id: str, deleted: bool = True) -> None:
    user = bot.slack.add_user(user_id, user_id.lower(), deleted=deleted)
    response = bot.requester.event({"type": "user_change", "user": user})
    assert response.status == 200
    bot.wait_idle()


def _seed_knowledge(bot) -> None:
    seed_learning(bot, "Donors answer best on Tuesdays", "retention", user_id="UALICE")
    seed_learning(bot, "Buddy for each newcomer", "onboarding", user_id="UALICE")
    seed_learning(bot, "Onboarding checklist in the wiki", "onboarding", user_id="UBRUNO")
    seed_learning(
        bot, "Board minutes live here", "knowledge_tools", user_id="UALICE", channel_id="CPRIVATE"
    )
    seed_learning(bot, "Someone anonymous on retention", "retention", user_id=None)


def test_a_deactivated_user_triggers_the_admin_dm(bot):
    _seed_knowledge(bot)
    _seed_actions(bot, "UALICE", 2)

    _deactivate(bot, "UALICE")

    [notice] = dms(bot, "UADMIN")
    said = text_of(notice)
    assert "<@UALICE> was deactivated" in said
    assert "Action 0" in said and "Action 1" in said
    assert "Donors answer best on Tuesdays" in said
    assert "Buddy for each newcomer" not in said  # Bruno writes in that lever too
    assert "Board minutes" not in said  # a private channel the admin is not in
    menus = [
        b
        for b in notice["blocks"]
        if b.get("accessory", {}).get("action_id") == HandoverAction.SUCCESSOR
    ]
    assert menus and menus[0]["block_id"].endswith(":UALICE")
    assert dms(bot, "UALICE") == [] and dms(bot, "UBRUNO") == []


def test_the_admin_dm_is_sent_once_however_often_slack_says_it(bot):
    _seed_knowledge(bot)
    _deactivate(bot, "UALICE")
    _deactivate(bot, "UALICE")
    assert len(dms(bot, "UADMIN")) == 1

    # Reactivated, then deactivated again: that is news again.
    _deactivate(bot, "UALICE", deleted=False)
    _deactivate(bot, "UALICE")
    assert len(dms(bot, "UADMIN")) == 2


def test_a_leaver_with_nothing_pending_is_still_reported(bot):
    _deactivate(bot, "UBRUNO")
    said = text_of(dms(bot, "UADMIN")[0])
    assert "No open retro actions" in said
    assert "Every lever they wrote in has other authors" in said


def test_a_profile_change_is_not_a_departure(bot):
    _deactivate(bot, "UALICE", deleted=False)
    assert dms(bot, "UADMIN") == []
