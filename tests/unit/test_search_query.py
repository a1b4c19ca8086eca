"""The `/learning search` parser: words, filters in English and French, and clear refusals."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.errors import InvalidInput
from bot.learning.search_query import ChannelRef, UserRef, parse_query, terms_of
from bot.levers import Lever


def test_words_are_folded_into_terms():
    query = parse_query("L'Équipe  budgets 2026!", "UTC")
    assert query.words == ("L'Équipe", "budgets", "2026!")
    assert query.terms == ("l", "equipe", "budgets", "2026")


def test_terms_have_no_repeats_nor_punctuation_and_are_capped():
    assert terms_of("équipe, EQUIPE; équipe_projet") == ("equipe", "projet")
    assert len(terms_of(" ".join(f"w{i}" for i in range(40)))) == 12


def test_every_filter_in_both_languages():
    query = parse_query(
        "budget lever:onboarding from:<@UBRUNO|bruno> in:<#CGENERAL|general> since:2026-03-01",
        "Europe/Paris",
    )
    assert query.terms == ("budget",)
    assert query.lever is Lever.ONBOARDING
    assert query.author == UserRef(id="UBRUNO")
    assert query.channel == ChannelRef(id="CGENERAL")
    assert query.since == datetime(2026, 3, 1, tzinfo=ZoneInfo("Europe/Paris"))
    french = parse_query("levier:intégration de:@bruno dans:#général depuis:2026-03-01", "UTC")
    assert (french.lever, french.author, french.channel) == (
        Lever.ONBOARDING,
        UserRef(name="bruno"),
        ChannelRef(name="général"),
    )
    assert french.terms == () and french.has_filters


def test_quoted_values_and_phrases():
    query = parse_query('"mot clé" from:"Alice Martin" in:C0123', "UTC")
    assert query.words == ("mot clé",)
    assert query.author == UserRef(name="Alice Martin")
    assert query.channel == ChannelRef(id="C0123")


def test_colons_that_are_not_filters_stay_words():
    query = parse_query("Note: see https://example.org/a 10:30", "UTC")
    assert query.words == ("Note:", "see", "https://example.org/a", "10:30")


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("", "search.empty", None),
        ("  !! ", "search.empty", None),
        ("budget foo:bar", "search.unknown_filter", "foo:"),
        ("budget lever:", "search.empty_filter", "lever:"),
        ("budget since:yesterday", "input.bad_date", "yesterday"),
        ("budget since:2026-02-30", "input.bad_date", "2026-02-30"),
        ("budget lever:gardening", "input.unknown_lever", "gardening"),
    ],
)
def test_bad_queries_are_refused_with_what_was_wrong(text, key, value):
    with pytest.raises(InvalidInput) as refused:
        parse_query(text, "UTC")
    assert refused.value.key == key
    assert refused.value.params.get("value") == value


def test_filters_alone_are_not_empty_and_lists_need_nothing():
    assert parse_query("lever:retention", "UTC").lever is Lever.RETENTION
    assert parse_query("", "UTC", require_something=False).has_filters is False
