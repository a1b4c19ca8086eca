"""Onboarding in App Home: admins manage the resources and settings, and see newcomers'
progress; a newcomer sees their own path."""

from __future__ import annotations

from sqlalchemy import select

from bot.fakeslack.limits import validate_blocks
from bot.fakeslack.payloads import option, state_value
from bot.home.compose import ADMIN_SECTIONS, MEMBER_SECTIONS, HomeContext
from bot.ids import OnboardingAction, OnboardingBlock
from bot.onboarding.home import my_path_home, newcomers_home, resources_home
from storage.models import OnboardingResource, OnboardingSettings
from tests.onboarding.support import buttons, dms, join, seed_resource, text_of

TEAM = "T0001"


def _section(bot, section, user_id: str = "UADMIN", language: str = "en") -> list[dict]:
    with bot.deps.sessions() as session:
        ctx = HomeContext(
            session=session,
            team_id=TEAM,
            user_id=user_id,
            is_admin=user_id == "UADMIN",
            language=language,
            now=bot.deps.now(),
        )
        blocks = section(ctx)
    assert validate_blocks(blocks, "home") == []
    return blocks


def _home(blocks: list[dict]) -> dict:
    return {"id": "VHOME", "type": "home", "blocks": blocks}


def _resources(bot) -> list[tuple[str, int, str]]:
    with bot.deps.sessions() as session:
        rows = session.scalars(
            select(OnboardingResource).order_by(OnboardingResource.position, OnboardingResource.id)
        )
        return [(row.title, row.day, row.audience) for row in rows]


def _resource_values(
    title="Our handbook", url="https://example.org/handbook", day="2", audience="staff"
) -> dict:
    def text(block, value):
        return {block: {block: state_value("plain_text_input", value)}}

    return {
        **text(OnboardingBlock.TITLE, title),
        **text(OnboardingBlock.URL, url),
        **text(OnboardingBlock.DESCRIPTION, "Read chapter one"),
        **text(OnboardingBlock.DAY, day),
        OnboardingBlock.AUDIENCE: {
            OnboardingBlock.AUDIENCE: state_value("static_select", audience)
        },
        OnboardingBlock.LEVER: {
            OnboardingBlock.LEVER: state_value("static_select", "knowledge_tools")
        },
    }


def _open_modal(bot, action_id: str, user_id: str = "UADMIN", **extra) -> dict | None:
    view = _home(_section(bot, resources_home))
    bot.requester.block_action(action_id, user_id=user_id, view=view, **extra)
    bot.wait_idle()
    opened = bot.slack.views
    return opened[-1]["view"] if opened else None


def test_the_sections_are_on_app_home(bot):
    assert resources_home in ADMIN_SECTIONS and newcomers_home in ADMIN_SECTIONS
    assert my_path_home in MEMBER_SECTIONS


def test_admins_see_the_library_with_its_buttons(bot):
    seed_resource(bot, "Our <handbook>")
    blocks = _section(bot, resources_home)
    said = text_of({"blocks": blocks})
    assert "Our &lt;handbook&gt;" in said and "day 0" in said
    assert [b["accessory"]["action_id"] for b in blocks if "accessory" in b] == [
        OnboardingAction.RESOURCE_MENU
    ]
    assert buttons({"blocks": blocks}, OnboardingAction.ADD_RESOURCE)
    assert buttons({"blocks": blocks}, OnboardingAction.OPEN_SETTINGS)
    assert "days 1, 3, 7, 14, 30" in said.replace("Nudge days: ", "days ")


def test_an_admin_adds_a_resource_from_app_home(bot):
    modal = _open_modal(bot, OnboardingAction.ADD_RESOURCE)
    answer = bot.requester.view_submission(modal, _resource_values(), user_id="UADMIN")
    assert answer.status == 200 and answer.body == ""
    assert _resources(bot) == [("Our handbook", 2, "staff")]
    bot.wait_idle()
    assert "Our handbook" in str(bot.slack.home_views["UADMIN"]["blocks"])  # republished


def test_a_bad_field_is_named_under_it_and_nothing_is_saved(bot):
    modal = _open_modal(bot, OnboardingAction.ADD_RESOURCE)
    for values, block, words in [
        (_resource_values(url="ftp://example.org/x"), OnboardingBlock.URL, "The url"),
        (_resource_values(day="400"), OnboardingBlock.DAY, "The day `400`"),
        (_resource_values(title=""), OnboardingBlock.TITLE, "The title"),
    ]:
        answer = bot.requester.view_submission(modal, values, user_id="UADMIN").json()
        assert answer["response_action"] == "errors"
        assert words in answer["errors"][block]
    assert _resources(bot) == []


def test_a_member_cannot_manage_resources(bot):
    assert _open_modal(bot, OnboardingAction.ADD_RESOURCE, user_id="UALICE") is None
    assert "Only workspace admins" in text_of(dms(bot, "UALICE")[0])


def test_an_admin_edits_moves_and_removes_resources(bot):
    first = seed_resource(bot, "First")
    second = seed_resource(bot, "Second")

    modal = _open_modal(
        bot,
        OnboardingAction.RESOURCE_MENU,
        selected_option=option(f"edit:{first}"),
        action_type="overflow",
    )
    assert modal["private_metadata"] == str(first)
    bot.requester.view_submission(modal, _resource_values(title="First, edited"), user_id="UADMIN")
    assert _resources(bot) == [("First, edited", 2, "staff"), ("Second", 0, "everyone")]

    _open_modal(
        bot,
        OnboardingAction.RESOURCE_MENU,
        selected_option=option(f"up:{second}"),
        action_type="overflow",
    )
    assert [title for title, _, _ in _resources(bot)] == ["Second", "First, edited"]

    _open_modal(
        bot,
        OnboardingAction.RESOURCE_MENU,
        selected_option=option(f"remove:{first}"),
        action_type="overflow",
    )
    assert [title for title, _, _ in _resources(bot)] == ["Second"]


def test_an_admin_sets_onboarding_channels_and_days(bot):
    modal = _open_modal(bot, OnboardingAction.OPEN_SETTINGS)
    values = {
        OnboardingBlock.CHANNELS: {
            OnboardingBlock.CHANNELS: state_value("multi_conversations_select", ["CGENERAL"])
        },
        OnboardingBlock.DAYS: {OnboardingBlock.DAYS: state_value("plain_text_input", "zero, 3")},
    }
    refused = bot.requester.view_submission(modal, values, user_id="UADMIN").json()
    assert "The days `zero, 3`" in refused["errors"][OnboardingBlock.DAYS]
    values[OnboardingBlock.DAYS] = {
        OnboardingBlock.DAYS: state_value("plain_text_input", "2, 5, 10")
    }
    bot.requester.view_submission(modal, values, user_id="UADMIN")
    with bot.deps.sessions() as session:
        saved = session.scalar(select(OnboardingSettings))
        assert (saved.channel_ids, saved.days) == (["CGENERAL"], [2, 5, 10])
    assert "<#CGENERAL>" in text_of({"blocks": _section(bot, resources_home)})


def test_admins_see_newcomers_progress_and_a_newcomer_their_path(bot, clock):
    seed_resource(bot, "Our handbook")
    seed_resource(bot, "Who is who")
    join(bot, "UNEW")

    progress = text_of({"blocks": _section(bot, newcomers_home)})
    assert "<@UNEW> · day 0 · done: 0 of 2 · on the path" in progress

    path = _section(bot, my_path_home, user_id="UNEW")
    assert "Day 0 of your path" in text_of({"blocks": path})
    done = buttons({"blocks": path}, OnboardingAction.DONE)
    assert len(done) == 2
    bot.requester.block_action(
        OnboardingAction.DONE, done[0]["value"], user_id="UNEW", view=_home(path)
    )
    bot.wait_idle()
    assert (
        len(buttons({"blocks": _section(bot, my_path_home, user_id="UNEW")}, "onboarding_done"))
        == 1
    )
    assert "done: 1 of 2" in text_of({"blocks": _section(bot, newcomers_home)})
    assert _section(bot, my_path_home, user_id="UALICE") == []
