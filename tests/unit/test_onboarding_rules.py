"""Onboarding's pure rules: resources checked field by field, paths, due days, handover words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.blocks.onboarding import (
    LearningCard,
    Nudge,
    ResourceCard,
    link,
    mark_done,
    nudge_message,
    parse_pair,
)
from bot.errors import InvalidInput
from bot.fakeslack.limits import validate_blocks
from bot.ids import HandoverBlock, OnboardingAction
from bot.onboarding.handover import Named, debrief_answers, parse_handover
from bot.onboarding.rules import (
    ImportRefused,
    asks_fresh_eyes,
    audiences_for,
    check_resource,
    day_of_path,
    due_days,
    everything_done,
    parse_days,
    parse_resources_yaml,
    path_days,
    split_resources,
)

START = datetime(2026, 11, 2, 9, tzinfo=UTC)


def _refusal(call) -> InvalidInput:
    with pytest.raises(InvalidInput) as raised:
        call()
    return raised.value


def test_a_valid_resource_gets_defaults():
    resource = check_resource("  Our   handbook ", "https://example.org/h")
    assert (resource.title, resource.lever, resource.day, resource.audience) == (
        "Our handbook",
        "onboarding",
        0,
        "everyone",
    )
    assert check_resource("T", "http://x.org", lever="Intégration", day="365").lever == (
        "onboarding"
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"url": "ftp://example.org"}, "url"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"url": "https://"}, "url"),
        ({"url": "https://exa mple.org"}, "url"),
        ({"day": "366"}, "day"),
        ({"day": "-1"}, "day"),
        ({"day": "2.5"}, "day"),
        ({"day": True}, "day"),
        ({"audience": "donors"}, "audience"),
        ({"lever": "fundraising"}, "lever"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 1001}, "description"),
    ],
)
def test_each_bad_field_is_refused_by_name(kwargs, field):
    values = {"title": "Title", "url": "https://example.org", **kwargs}
    title, url = values.pop("title"), values.pop("url")
    assert _refusal(lambda: check_resource(title, url, **values)).field == field


def test_a_yaml_file_is_read_all_or_nothing():
    good = "resources:\n  - {title: A, url: 'https://a.org'}\n  - {title: B, url: 'https://b.org', day: 3}\n"
    assert [r.title for r in parse_resources_yaml(good)] == ["A", "B"]
    assert parse_resources_yaml("- {title: A, url: 'https://a.org'}\n")[0].title == "A"
    bad = good.replace("day: 3", "day: 900")
    refusal = _refusal(lambda: parse_resources_yaml(bad))
    assert isinstance(refusal, ImportRefused) and (refusal.number, refusal.field) == (2, "day")
    assert _refusal(lambda: parse_resources_yaml("resources: [")).key == "onboarding.bad_yaml"
    assert _refusal(lambda: parse_resources_yaml("{}")).key == "onboarding.empty_yaml"
    assert _refusal(lambda: parse_resources_yaml("- just text")).number == 1


def test_days_typed_by_an_admin():
    assert parse_days("14, 3 ,7;1") == [1, 3, 7, 14]
    for text in ("", "0", "366", "three", "1,,x"):
        assert _refusal(lambda text=text: parse_days(text)).field == "days"


def test_guests_get_volunteer_and_partner_resources():
    assert audiences_for(True) == ("volunteer", "partner", "everyone")
    assert audiences_for(False) == ("staff", "everyone")


def test_a_path_holds_the_welcome_the_nudges_and_the_fresh_eyes_days():
    assert path_days([]) == [0, 1, 3, 7, 14, 30]
    assert path_days([2, 5]) == [0, 2, 5, 7, 30]
    assert path_days([], [3, 45, 90]) == [0, 1, 3, 7, 14, 30, 45, 90]


def test_due_days_never_go_back_and_merge_what_was_missed():
    days = [0, 1, 3, 7]
    assert due_days(days, START, START, []) == [0]
    assert due_days(days, START, START + timedelta(days=3) - timedelta(seconds=1), [0]) == [1]
    assert due_days(days, START, START + timedelta(days=8), [0, 1]) == [3, 7]
    assert due_days(days, START, START + timedelta(days=8), [0, 7]) == []


def test_fresh_eyes_come_with_the_nudge_covering_day_7_or_30():
    assert asks_fresh_eyes(3, 7) and asks_fresh_eyes(1, 14) and asks_fresh_eyes(14, 30)
    assert not asks_fresh_eyes(7, 14) and not asks_fresh_eyes(0, 3)


@dataclass
class _Resource:
    id: int
    day: int


def test_a_nudge_shows_new_resources_then_those_still_open():
    resources = [_Resource(1, 0), _Resource(2, 0), _Resource(3, 3), _Resource(4, 7)]
    new, still_open = split_resources(resources, 3, done={1}, shown={1, 2})
    assert [r.id for r in new] == [3] and [r.id for r in still_open] == [2]
    assert everything_done([1, 2], {1, 2, 9}) and not everything_done([], set())
    assert day_of_path(START, START + timedelta(days=2, hours=23)) == 2


def test_the_nudge_message_is_valid_block_kit_and_escapes_what_admins_typed():
    nudge = Nudge(
        newcomer_id=4,
        user_id="UNEW",
        day=7,
        new=[ResourceCard(9, "<!channel> & co", "https://x.org/a|b", "see <here>")],
        learnings=[LearningCard("Use <@UADMIN> wisely", "onboarding")],
        fresh_eyes=True,
        next_days=[14, 30],
    )
    message = nudge_message(nudge, "fr")
    assert validate_blocks(message["blocks"]) == []
    flat = str(message["blocks"])
    assert "<!channel>" not in flat and "<@UADMIN>" not in flat
    assert "<https://x.org/a%7Cb|&lt;!channel&gt; &amp; co>" in flat
    assert "Jour 7" in message["text"]
    done = mark_done(message["blocks"], 9, "fr")
    assert OnboardingAction.DONE not in str(done) and ":white_check_mark: Fait" in str(done)
    assert link("https://a.org/?x=1&y=2", "T") == "<https://a.org/?x=1&amp;y=2|T>"


def test_button_values_are_read_back_strictly():
    assert parse_pair("4:9") == (4, 9)
    assert parse_pair("4:x") is None and parse_pair("") is None


def test_handover_names_a_person_and_maybe_a_successor():
    assert parse_handover("<@U123|maria>") == (Named(user_id="U123"), None)
    assert parse_handover("@maria <@W456>") == (Named(name="maria"), Named(user_id="W456"))
    for text in ("", "maria", "@a @b @c", "<#C123>"):
        assert _refusal(lambda text=text: parse_handover(text)).key == "handover.usage"


def test_debrief_answers_keep_the_answered_questions_with_their_levers():
    answers = debrief_answers({HandoverBlock.WHERE: " the drive ", HandoverBlock.ONLY_YOU: ""})
    assert [(topic.lever.value, text) for topic, text in answers] == [
        ("knowledge_tools", "the drive")
    ]
    too_long = {HandoverBlock.WHERE: "x" * 3001}
    assert _refusal(lambda: debrief_answers(too_long)).key == "learning.too_long"


def test_the_readme_sample_is_a_valid_resources_file():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    sample = readme.split("```yaml\nresources:", 1)[1].split("```", 1)[0]
    titles = [r.title for r in parse_resources_yaml("resources:" + sample)]
    assert titles == ["Our handbook", "Field safety procedures", "Volunteer charter"]
