"""Levers are named in English and French, marked at the start of a text, or guessed."""

from __future__ import annotations

import pytest

from bot.errors import InvalidInput
from bot.levers import Lever, find_lever, guess_lever, lever_name, parse_lever, split_lever_marker


def test_the_seven_levers_have_stable_ids_and_both_names():
    assert [lever.value for lever in Lever] == [
        "self_learning",
        "team_learning",
        "retention",
        "knowledge_tools",
        "onboarding",
        "decentralisation",
        "other",
    ]
    assert lever_name(Lever.ONBOARDING, "fr") == "Intégration des nouveaux collaborateurs"
    assert lever_name(Lever.RETENTION, "en") == "Staff retention"


@pytest.mark.parametrize(
    ("text", "lever", "rest"),
    [
        (
            "onboarding: pair newcomers with a buddy",
            Lever.ONBOARDING,
            "pair newcomers with a buddy",
        ),
        ("#onboarding pair newcomers", Lever.ONBOARDING, "pair newcomers"),
        ("Intégration des nouveaux collaborateurs : un binôme", Lever.ONBOARDING, "un binôme"),
        ("integration: un binome", Lever.ONBOARDING, "un binome"),
        (
            "Décentralisation de la décision: le terrain décide",
            Lever.DECENTRALISATION,
            "le terrain décide",
        ),
        ("team_learning: retro every month", Lever.TEAM_LEARNING, "retro every month"),
        ("autre chose : divers", Lever.OTHER, "divers"),
    ],
)
def test_a_leading_marker_names_the_lever_and_is_removed(text, lever, rest):
    assert split_lever_marker(text) == (lever, rest)


@pytest.mark.parametrize(
    "text",
    ["Note: not a lever", "We learned that http://x.org: works", "#general is busy", "plain text"],
)
def test_text_without_a_lever_marker_is_left_whole(text):
    assert split_lever_marker(text) == (None, text)


@pytest.mark.parametrize(
    ("text", "lever"),
    [
        ("Our newcomers need a buddy in their first week", Lever.ONBOARDING),
        ("Les nouveaux arrivants ont besoin d'un accueil", Lever.ONBOARDING),
        ("We put every template in the wiki", Lever.KNOWLEDGE_TOOLS),
        ("Le siège doit laisser le terrain décider", Lever.DECENTRALISATION),
        ("Turnover is high and people burnout", Lever.RETENTION),
        ("L'atelier en équipe a bien marché", Lever.TEAM_LEARNING),
    ],
)
def test_the_lever_is_guessed_from_keywords_in_both_languages(text, lever):
    guess = guess_lever(text)
    assert guess == (guess.__class__(lever, True))


def test_nothing_recognisable_guesses_something_else_without_confidence():
    guess = guess_lever("zzz")
    assert (guess.lever, guess.confident) == (Lever.OTHER, False)


def test_a_keyword_matches_at_the_start_of_a_word_only():
    assert guess_lever("already done").lever is Lever.OTHER


def test_names_are_found_whatever_the_case_and_accents():
    assert find_lever("EQUIPE") is Lever.TEAM_LEARNING
    assert find_lever("Fidélisation du personnel") is Lever.RETENTION


def test_an_unknown_lever_is_refused_with_the_list():
    with pytest.raises(InvalidInput) as refused:
        parse_lever("finance")
    assert refused.value.key == "input.unknown_lever"
    assert "`onboarding`" in refused.value.params["choices"]
