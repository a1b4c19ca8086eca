"""Size limits on everything people type: each text input says its limit to Slack (max_length)
and the server refuses longer text, naming the limit, and stores nothing.

Slack keeps a person from typing past max_length, but a request can be forged: every field is
checked again on the server. The table below is the single list of those fields; a modal input
that is not in it, or has no max_length, fails `test_every_modal_input_has_the_max_length_of_the_table`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import bot.blocks
from bot.blocks import checkins as checkin_blocks
from bot.blocks import handover as handover_blocks
from bot.blocks import home as home_blocks
from bot.blocks import learning_modal, onboarding_admin
from bot.blocks import onboarding as onboarding_blocks
from bot.blocks import prompts as prompt_blocks
from bot.blocks import retro as retro_blocks
from bot.fakeslack.limits import MAX_INPUT_LENGTH
from bot.fakeslack.payloads import state_value
from bot.home.settings import current_settings
from bot.ids import (
    CheckinBlock,
    CheckinView,
    HandoverBlock,
    HandoverView,
    HomeBlock,
    HomeView,
    LearningField,
    LearningView,
    MyDataBlock,
    OnboardingBlock,
    OnboardingView,
    PromptBlock,
    PromptView,
    RetroBlock,
    RetroView,
)
from bot.learning.form import ModalContext
from bot.levers import Lever
from bot.prompts.posting import post_due_prompts
from bot.prompts.settings import SettingsForm
from bot.retro.board import Board, Column, ItemCard
from storage.checkins import claim_round
from storage.handover import create_handover
from storage.models import Base
from storage.onboarding import start_newcomer
from storage.retros import create_retro
from storage.workspaces import ensure_workspace
from tests.prompts.support import bot_messages, message_event, new_schedule, prompts

TEAM = "T0001"
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Field:
    """One place people type text: where (a modal's callback_id and the input's block_id, or a
    command or message), and how many characters it takes."""

    surface: str
    block: str
    limit: int
    named: int | None = None  # the number the refusal names when it is not the length

    @property
    def said(self) -> int:
        return self.named if self.named is not None else self.limit


# -- the table: every field, its limit ---------------------------------------------------

FIELDS = [
    Field(LearningView.CAPTURE, LearningField.TEXT, 3000),
    Field(LearningView.CAPTURE, LearningField.EXPECTED, 1000),
    Field(LearningView.CAPTURE, LearningField.HAPPENED, 1000),
    Field(LearningView.CAPTURE, LearningField.WHY, 1000),
    Field(LearningView.CAPTURE, LearningField.NEXT, 1000),
    Field(LearningView.CAPTURE, LearningField.TAGS, 300),
    Field(PromptView.ANONYMOUS_ANSWER, PromptBlock.ANSWER_TEXT, 3000),
    Field(PromptView.SETTINGS, PromptBlock.CRON, 100),
    Field(PromptView.SETTINGS, PromptBlock.TIMEZONE, 64),
    Field(RetroView.ITEM, RetroBlock.ITEM_TEXT, 500),
    Field(OnboardingView.RESOURCE, OnboardingBlock.TITLE, 200),
    Field(OnboardingView.RESOURCE, OnboardingBlock.URL, 2000),
    Field(OnboardingView.RESOURCE, OnboardingBlock.DESCRIPTION, 1000),
    Field(OnboardingView.RESOURCE, OnboardingBlock.DAY, 3, named=365),
    Field(OnboardingView.SETTINGS, OnboardingBlock.DAYS, 200),
    Field(OnboardingView.FRESH_EYES, OnboardingBlock.SURPRISED, 3000),
    Field(OnboardingView.FRESH_EYES, OnboardingBlock.WISH, 3000),
    Field(HandoverView.DEBRIEF, HandoverBlock.ONLY_YOU, 3000),
    Field(HandoverView.DEBRIEF, HandoverBlock.WHO_TO_ASK, 3000),
    Field(HandoverView.DEBRIEF, HandoverBlock.WHERE, 3000),
    Field(HandoverView.DEBRIEF, HandoverBlock.DECISIONS, 3000),
    Field(CheckinView.COMMENT, CheckinBlock.COMMENT, 1000),
    Field(HomeView.SEARCH, HomeBlock.QUERY, 300),
    Field(HomeView.SETTINGS, HomeBlock.TIMEZONE, 64),
    Field(HomeView.SETTINGS, MyDataBlock.RETENTION, 8, named=3650),
    # Typed outside modals: a command's text, a reply in a prompt's thread.
    Field("/learning", "text", 3000),
    Field("/learning search", "query", 300),
    Field("/retro start", "title", 100),
    Field("prompt reply", "text", 3000),
]

MODAL_FIELDS = [field for field in FIELDS if not field.surface.startswith(("/", "prompt "))]


def too_long(field: Field) -> str:
    """Text one character (or more) past the limit, right in every other way."""
    n = field.limit + 1
    made = {
        OnboardingBlock.URL: "https://example.org/" + "a" * n,
        OnboardingBlock.DAY: "1" * n,
        OnboardingBlock.DAYS: "1, " * n,
        MyDataBlock.RETENTION: "0" * (n - 3) + "365",
        LearningField.TAGS: "budget, " * n,
        PromptBlock.CRON: "0 10 * * " + "MON," * n + "TUE",
        "query": "buddy " * n,
    }
    if field.block in made:
        return made[field.block]
    if field.block in (PromptBlock.TIMEZONE, HomeBlock.TIMEZONE):
        return "Europe/" + "a" * n
    words = ("lesson " * n)[:n]
    return words[:-1] + "s" if words.endswith(" ") else words


# -- the modals, built with representative arguments ----------------------------------

_BOARD = Board(
    retro_id=1,
    title="Retro",
    channel_id="CGENERAL",
    facilitator_id="UALICE",
    language="en",
    status="open",
    votes_per_person=3,
    closed_by=None,
    learnings_since=NOW,
    first_retro=True,
    voters=1,
    items=(ItemCard(1, 1, Column.WENT_WELL, "A buddy", "onboarding", "UALICE", 2),),
)
_SETTINGS = home_blocks.SettingsView(
    language="en",
    timezone="Europe/Paris",
    digest_channel=None,
    digest_cadence="off",
    digest_problem=None,
    anonymity="allowed",
    retention_days=0,
)
_CUSTOM = SettingsForm(cadence="custom", cron="0 10 * * MON", timezone="Europe/Paris")

# Every view builder of bot/blocks, by name, with what it shows.
BUILDERS: dict[str, Callable[[], dict]] = {
    "learning_modal.capture_modal": lambda: learning_modal.capture_modal("en", ModalContext()),
    "prompts.anonymous_modal": lambda: prompt_blocks.anonymous_modal(1, "Why?", "en"),
    "prompts.settings_modal": lambda: prompt_blocks.settings_modal("CGENERAL", _CUSTOM, "en"),
    "retro.item_modal": lambda: retro_blocks.item_modal(1, Column.HARD, "en"),
    "retro.close_modal": lambda: retro_blocks.close_modal(_BOARD, list(_BOARD.items), "en"),
    "retro.items_modal": lambda: retro_blocks.items_modal(_BOARD, set(), 0, "en"),
    "onboarding_admin.resource_modal": lambda: onboarding_admin.resource_modal("en"),
    "onboarding_admin.settings_modal": lambda: onboarding_admin.settings_modal("en", [], [1, 3]),
    "onboarding.fresh_eyes_modal": lambda: onboarding_blocks.fresh_eyes_modal(1, 7, "en"),
    "onboarding.thanks_view": lambda: onboarding_blocks.thanks_view("Thanks", "Thanks!", "en"),
    "handover.debrief_modal": lambda: handover_blocks.debrief_modal(1, "en"),
    "checkins.comment_modal": lambda: checkin_blocks.comment_modal(
        1, Lever.ONBOARDING, "en", None, None
    ),
    "home.search_modal": lambda: home_blocks.search_modal("en"),
    "home.settings_modal": lambda: home_blocks.settings_modal(_SETTINGS, "Europe/Paris", "en"),
}
# Public block pieces that hold inputs or make views but are not views of their own.
PARTS = {
    "my_data.retention_input": "the retention field of home.settings_modal",
    "home.home_view": "wraps the Home tab's sections, which hold no input",
}


def text_inputs(view: dict) -> list[tuple[str, dict]]:
    """(block_id, element) of every plain_text_input of a view."""
    return [
        (block["block_id"], block["element"])
        for block in view.get("blocks") or []
        if block.get("type") == "input" and block["element"]["type"] == "plain_text_input"
    ]


def test_every_modal_input_has_the_max_length_of_the_table():
    found = {}
    for name, build in BUILDERS.items():
        view = build()
        for block_id, element in text_inputs(view):
            assert "max_length" in element, f"{name}: input {block_id} has no max_length"
            assert element["max_length"] <= MAX_INPUT_LENGTH, f"{name}: {block_id}"
            found[(view.get("callback_id"), block_id)] = element["max_length"]
    assert found == {(field.surface, field.block): field.limit for field in MODAL_FIELDS}


def test_every_view_builder_of_bot_blocks_is_walked():
    """A new modal (or input) in bot/blocks must join BUILDERS, and so the table above."""
    markers = ('"type": "modal"', '"type": "home"', '"type": "input"', '"plain_text_input"')
    unlisted = []
    for module_info in pkgutil.iter_modules(bot.blocks.__path__):
        module = importlib.import_module(f"bot.blocks.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            qualified = f"{module_info.name}.{name}"
            holds_input = any(marker in inspect.getsource(function) for marker in markers)
            if holds_input and qualified not in BUILDERS and qualified not in PARTS:
                unlisted.append(qualified)
    assert unlisted == []


def test_no_text_input_is_built_outside_bot_blocks():
    places = [ROOT / "bot", ROOT / "handlers"]
    skipped = {ROOT / "bot" / "blocks", ROOT / "bot" / "fakeslack", ROOT / "bot" / "console"}
    found = [
        str(path.relative_to(ROOT))
        for place in places
        for path in place.rglob("*.py")
        if not any(path.is_relative_to(skip) for skip in skipped)
        and "plain_text_input" in path.read_text()
    ]
    assert found == []


# -- forged submissions: refused, the limit named, nothing stored -------------------------


def _snapshot(bot) -> dict[str, list[str]]:
    """Every row of every table but the ids of handled events (a delivery is recorded even
    when what it carried is refused)."""
    rows = {}
    with bot.deps.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name != "processed_events":
                rows[table.name] = sorted(
                    repr(tuple(row)) for row in session.execute(select(table))
                )
    return rows


def _values(view: dict, chosen: dict[str, Any]) -> dict:
    """state.values of a view as it starts (initial values and options), with `chosen` set."""
    values: dict[str, dict] = {}
    for block in view["blocks"]:
        if block.get("type") != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        kind = element["type"]
        if block_id in chosen:
            value = chosen[block_id]
        elif kind == "plain_text_input":
            value = element.get("initial_value")
        elif kind in ("static_select", "radio_buttons"):
            value = (element.get("initial_option") or {}).get("value")
        elif kind in ("checkboxes", "multi_static_select"):
            value = [option["value"] for option in element.get("initial_options") or []]
        else:
            initial = {k: v for k, v in element.items() if k.startswith("initial_")}
            value = next(iter(initial.values()), None)
        values[block_id] = {element["action_id"]: state_value(kind, value)}
    return values


def _prompt(bot) -> dict:
    new_schedule(bot.deps, lever_mode="fixed", levers=("onboarding",))
    post_due_prompts(bot.deps, datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC))
    [message] = bot_messages(bot.slack)
    return message


def _anonymous(bot) -> tuple[dict, str]:
    _prompt(bot)
    return prompt_blocks.anonymous_modal(prompts(bot.deps)[0].id, "Why?", "en"), "UALICE"


def _retro_item(bot) -> tuple[dict, str]:
    with bot.deps.sessions.begin() as session:
        retro = create_retro(
            session,
            team_id=TEAM,
            channel_id="CGENERAL",
            title="Retro",
            facilitator_id="UALICE",
            language="en",
            votes_per_person=3,
            followup_weeks=2,
            learnings_since=NOW,
            now=NOW,
        )
        retro_id = retro.id
    return retro_blocks.item_modal(retro_id, Column.HARD, "en"), "UALICE"


def _fresh_eyes(bot) -> tuple[dict, str]:
    with bot.deps.sessions.begin() as session:
        newcomer = start_newcomer(
            session, TEAM, "UALICE", is_guest=False, source="team_join", days=[1], now=NOW
        )
        newcomer_id = newcomer.id
    return onboarding_blocks.fresh_eyes_modal(newcomer_id, 7, "en"), "UALICE"


def _debrief(bot) -> tuple[dict, str]:
    with bot.deps.sessions.begin() as session:
        handover_id = create_handover(session, TEAM, "UALICE", requested_by="UADMIN", now=NOW).id
    return handover_blocks.debrief_modal(handover_id, "en"), "UALICE"


def _checkin(bot) -> tuple[dict, str]:
    with bot.deps.sessions.begin() as session:
        ensure_workspace(session, TEAM)
        checkin_round = claim_round(
            session,
            team_id=TEAM,
            channel_id="CGENERAL",
            cadence="monthly",
            period="2026-11",
            period_start=datetime(2026, 11, 1, tzinfo=UTC),
            period_end=datetime(2026, 12, 1, tzinfo=UTC),
            language="en",
            created_at=NOW,
        )
        checkin_round.status = "open"
        round_id = checkin_round.id
    return checkin_blocks.comment_modal(round_id, Lever.ONBOARDING, "en", None, None), "UALICE"


def _home_settings(bot) -> tuple[dict, str]:
    view = home_blocks.settings_modal(current_settings(bot.deps, TEAM), "Europe/Paris", "en")
    return view, "UADMIN"


# How to reach each modal for real: its view (rows it needs are stored) and who submits it.
OPEN: dict[str, Callable[[Any], tuple[dict, str]]] = {
    LearningView.CAPTURE: lambda bot: (
        learning_modal.capture_modal("en", ModalContext(channel_id="CGENERAL")),
        "UALICE",
    ),
    PromptView.ANONYMOUS_ANSWER: _anonymous,
    PromptView.SETTINGS: lambda bot: (
        prompt_blocks.settings_modal("CGENERAL", _CUSTOM, "en"),
        "UADMIN",
    ),
    RetroView.ITEM: _retro_item,
    OnboardingView.RESOURCE: lambda bot: (onboarding_admin.resource_modal("en"), "UADMIN"),
    OnboardingView.SETTINGS: lambda bot: (
        onboarding_admin.settings_modal("en", [], [1, 3]),
        "UADMIN",
    ),
    OnboardingView.FRESH_EYES: _fresh_eyes,
    HandoverView.DEBRIEF: _debrief,
    CheckinView.COMMENT: _checkin,
    HomeView.SEARCH: lambda bot: (home_blocks.search_modal("en"), "UALICE"),
    HomeView.SETTINGS: _home_settings,
}
# What a person fills in besides the field under test, for the rest to be valid.
FILLED: dict[str, dict[str, Any]] = {
    LearningView.CAPTURE: {LearningField.TEXT: "A buddy for each newcomer"},
    OnboardingView.RESOURCE: {
        OnboardingBlock.TITLE: "Handbook",
        OnboardingBlock.URL: "https://example.org/handbook",
    },
    CheckinView.COMMENT: {CheckinBlock.LEVEL: "2"},
    HomeView.SEARCH: {HomeBlock.QUERY: "buddy"},
}


def _refusal_of_modal(bot, field: Field) -> str:
    view, user = OPEN[field.surface](bot)
    values = _values(view, {**FILLED.get(field.surface, {}), field.block: too_long(field)})
    before = _snapshot(bot)
    response = bot.requester.view_submission(view, values, user_id=user)
    assert response.status == 200
    answer = response.json()
    assert answer["response_action"] == "errors", answer
    bot.wait_idle()
    assert _snapshot(bot) == before, f"{field.surface} {field.block}: something was stored"
    return answer["errors"][field.block]


def _refusal_of_command(bot, command: str, text: str) -> str:
    with bot.deps.sessions.begin() as session:
        ensure_workspace(session, TEAM)
    before = _snapshot(bot)
    response = bot.requester.command(command, text, user_id="UALICE", channel_id="CGENERAL")
    assert response.status == 200
    bot.wait_idle()
    assert _snapshot(bot) == before, f"{command} {text[:20]}…: something was stored"
    return response.json()["text"]


def _refusal_of_reply(bot, text: str) -> str:
    prompt = _prompt(bot)
    before = _snapshot(bot)
    reply = bot.slack.post_user_message("CGENERAL", "UALICE", text, thread_ts=prompt["ts"])
    event = message_event("CGENERAL", "UALICE", text, reply["ts"], prompt["ts"])
    assert bot.requester.event(event, event_id="EvLong").status == 200
    bot.wait_idle()
    assert _snapshot(bot) == before, "a long reply was stored"
    [ephemeral] = bot.slack.calls_to("chat.postEphemeral")
    return ephemeral.params["text"]


def refusal(bot, field: Field) -> str:
    """Send the field's text past its limit as Slack would carry it; the refusal it got."""
    text = too_long(field)
    if field.surface == "/learning":
        return _refusal_of_command(bot, "/learning", text)
    if field.surface == "/learning search":
        return _refusal_of_command(bot, "/learning", "search " + text)
    if field.surface == "/retro start":
        return _refusal_of_command(bot, "/retro", "start " + text)
    if field.surface == "prompt reply":
        return _refusal_of_reply(bot, text)
    return _refusal_of_modal(bot, field)


def _names(message: str, number: int) -> bool:
    return re.search(rf"(?<![\d,.]){number}(?![\d,.]\d)", message) is not None


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f"{f.surface}:{f.block}")
def test_a_field_past_its_limit_is_refused_naming_the_limit_and_nothing_is_stored(bot, field):
    message = refusal(bot, field)
    assert _names(message, field.said), f"{field.surface} {field.block}: {message!r}"


def test_refusals_name_the_limit_in_french_too(bot, slack):
    slack.add_user("UCLAIRE", "claire", locale="fr-FR", is_admin=True)
    view = prompt_blocks.settings_modal("CGENERAL", _CUSTOM, "fr")
    field = Field(PromptView.SETTINGS, PromptBlock.CRON, 100)
    values = _values(view, {field.block: too_long(field)})
    answer = bot.requester.view_submission(view, values, user_id="UCLAIRE").json()
    assert "la limite est de 100" in answer["errors"][PromptBlock.CRON]
