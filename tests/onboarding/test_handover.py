"""`/learning handover`: a debrief DM whose answers become learnings tied to the leaver, and
their open retro actions handed to a successor an admin names."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.fakeslack.payloads import state_value
from bot.ids import HandoverAction, HandoverBlock
from storage.models import Handover, Retro, RetroAction, RetroItem
from storage.workspaces import ensure_workspace
from tests.onboarding.support import buttons, dms, learnings, text_of

TEAM = "T0001"


def _handover(bot, text: str, user_id: str = "UADMIN"):
    response = bot.requester.command(
        "/learning", f"handover {text}", user_id=user_id, channel_id="CGENERAL"
    )
    assert response.status == 200
    bot.wait_idle()
    return response


def _seed_actions(bot, owner: str, count: int, done: int = 0) -> None:
    """A closed retro whose actions `owner` holds: `count` open, `done` finished."""
    now = bot.deps.now()
    with bot.deps.sessions.begin() as session:
        ensure_workspace(session, TEAM)
        retro = Retro(
            team_id=TEAM,
            channel_id="CGENERAL",
            title="Q3",
            facilitator_id="UADMIN",
            language="en",
            status="closed",
            learnings_since=now,
        )
        session.add(retro)
        session.flush()
        for number in range(count + done):
            item = RetroItem(
                team_id=TEAM,
                retro_id=retro.id,
                column="change",
                text=f"Action {number}",
                lever="team_learning",
                author_id="UADMIN",
            )
            session.add(item)
            session.flush()
            session.add(
                RetroAction(
                    team_id=TEAM,
                    retro_id=retro.id,
                    item_id=item.id,
                    channel_id="CGENERAL",
                    text=item.text,
                    owner_id=owner,
                    due_on=date(2026, 12, 10),
                    status="open" if number < count else "done",
                )
            )


def _owners(bot) -> list[tuple[str, str]]:
    with bot.deps.sessions() as session:
        rows = session.scalars(select(RetroAction).order_by(RetroAction.id))
        return [(row.owner_id, row.status) for row in rows]


def _answers(**texts: str) -> dict:
    return {
        block: {block: state_value("plain_text_input", texts.get(block.name.lower()))}
        for block in (
            HandoverBlock.ONLY_YOU,
            HandoverBlock.WHO_TO_ASK,
            HandoverBlock.WHERE,
            HandoverBlock.DECISIONS,
        )
    }


def test_a_handover_sends_a_debrief_whose_answers_become_the_leavers_learnings(bot):
    response = _handover(bot, "<@UALICE|alice>")
    assert response.body == ""
    assert "I sent <@UALICE> a short debrief" in bot.slack.responses[-1]["text"]
    [invitation] = dms(bot, "UALICE")
    assert "before you go" in text_of(invitation) and "<@UADMIN>" in text_of(invitation)

    button = buttons(invitation, HandoverAction.ANSWER)[0]
    bot.requester.block_action(
        HandoverAction.ANSWER, button["value"], user_id="UALICE", message=invitation
    )
    bot.wait_idle()
    [opened] = bot.slack.views
    answer = bot.requester.view_submission(
        opened["view"],
        _answers(
            only_you="The bank's fax number",
            where="Contracts are in the shared drive, folder Legal",
            decisions="Whether to renew the Dakar office lease",
        ),
        user_id="UALICE",
    ).json()
    assert answer["response_action"] == "update"
    bot.wait_idle()

    stored = learnings(bot)
    assert [(x.lever, x.user_id, x.source, x.tags) for x in stored] == [
        ("retention", "UALICE", "modal", ["handover", "only_you"]),
        ("knowledge_tools", "UALICE", "modal", ["handover", "where"]),
        ("decentralisation", "UALICE", "modal", ["handover", "decisions"]),
    ]
    assert stored[0].text == "The bank's fax number"
    with bot.deps.sessions() as session:
        handover = session.scalar(select(Handover))
        assert (handover.user_id, handover.requested_by, handover.status) == (
            "UALICE",
            "UADMIN",
            "answered",
        )
    told = dms(bot, "UADMIN")[-1]
    assert "<@UALICE> answered the handover debrief" in told["text"] and "3" in told["text"]


def test_a_named_successor_gets_the_open_actions(bot):
    _seed_actions(bot, "UALICE", 2, done=1)
    _handover(bot, "<@UALICE> <@UBRUNO>")
    assert "Open actions moved from <@UALICE> to <@UBRUNO>: 2" in str(bot.slack.responses[-1])
    assert _owners(bot) == [("UBRUNO", "open"), ("UBRUNO", "open"), ("UALICE", "done")]


def test_the_successor_menu_hands_over_the_open_actions(bot):
    _seed_actions(bot, "UALICE", 1)
    _handover(bot, "<@UALICE>")
    answer = bot.slack.responses[-1]
    [menu] = [b for b in answer["blocks"] if b.get("accessory", {}).get("type") == "users_select"]
    bot.requester.block_action(
        HandoverAction.SUCCESSOR,
        "UBRUNO",
        user_id="UADMIN",
        channel_id="CGENERAL",
        block_id=menu["block_id"],
        action_type="users_select",
    )
    bot.wait_idle()
    assert "moved from <@UALICE> to <@UBRUNO>: 1" in bot.slack.responses[-1]["text"]
    assert _owners(bot) == [("UBRUNO", "open")]


def test_only_an_admin_names_a_successor(bot):
    _seed_actions(bot, "UALICE", 1)
    bot.requester.block_action(
        HandoverAction.SUCCESSOR,
        "UBRUNO",
        user_id="UALICE",
        channel_id="CGENERAL",
        block_id=f"{HandoverBlock.SUCCESSOR}:UALICE",
        action_type="users_select",
    )
    bot.wait_idle()
    assert _owners(bot) == [("UALICE", "open")]


def test_a_person_may_start_their_own_handover(bot):
    _handover(bot, "<@UALICE>", user_id="UALICE")
    assert len(dms(bot, "UALICE")) == 1
    assert "users_select" not in str(bot.slack.responses[-1])


def test_someone_else_cannot_start_a_handover(bot):
    _handover(bot, "<@UALICE>", user_id="UBRUNO")
    assert "Seul un administrateur, ou <@UALICE>" in bot.slack.responses[-1]["text"]
    assert dms(bot, "UALICE") == []
    with bot.deps.sessions() as session:
        assert session.scalar(select(Handover)) is None


def test_a_plain_name_is_looked_up(bot):
    _handover(bot, "@alice")
    assert len(dms(bot, "UALICE")) == 1


def test_naming_nobody_gets_an_example(bot):
    for text in ("", "alice", "<@UALICE> <@UBRUNO> <@UADMIN>"):
        answer = bot.requester.command(
            "/learning", f"handover {text}", user_id="UADMIN", channel_id="CGENERAL"
        ).json()
        assert "/learning handover @maria" in answer["text"], text
    _handover(bot, "@nobody")
    assert "could not find `nobody`" in bot.slack.responses[-1]["text"]
    assert bot.slack.calls_to("chat.postMessage") == []


def test_the_debrief_belongs_to_the_leaver(bot):
    _handover(bot, "<@UALICE>")
    [invitation] = dms(bot, "UALICE")
    button = buttons(invitation, HandoverAction.ANSWER)[0]
    bot.requester.block_action(
        HandoverAction.ANSWER, button["value"], user_id="UBRUNO", message=invitation
    )
    bot.wait_idle()
    assert bot.slack.views == []
    assert "destiné à quelqu'un d'autre" in bot.slack.responses[-1]["text"]


def test_an_empty_debrief_is_refused(bot):
    _handover(bot, "<@UALICE>")
    [invitation] = dms(bot, "UALICE")
    bot.requester.block_action(
        HandoverAction.ANSWER,
        buttons(invitation, HandoverAction.ANSWER)[0]["value"],
        user_id="UALICE",
        message=invitation,
    )
    bot.wait_idle()
    answer = bot.requester.view_submission(
        bot.slack.views[0]["view"], _answers(), user_id="UALICE"
    ).json()
    assert answer["response_action"] == "errors"
    assert "at least one question" in answer["errors"][HandoverBlock.ONLY_YOU]
    assert learnings(bot) == []
