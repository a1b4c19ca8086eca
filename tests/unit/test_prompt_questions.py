"""The question sets: five questions per lever and the obstacles one, in natural French."""

from __future__ import annotations

import re

import pytest

from bot.levers import Lever
from bot.messages import CATALOGUE
from bot.prompts.questions import describe_when, question_key, question_keys, question_text


@pytest.mark.parametrize("lever", list(Lever))
def test_each_lever_has_the_five_questions_then_what_holds_learning_back(lever):
    keys = question_keys(lever)
    assert [key.rsplit(".", 1)[-1] for key in keys] == [
        "why", "actions", "results", "next_steps", "standing", "obstacles",
    ]  # fmt: skip
    assert all(key in CATALOGUE for key in keys)
    assert question_key(lever, 6) == keys[0] and question_key(lever, 5) == keys[-1]


@pytest.mark.parametrize("key", sorted(k for k in CATALOGUE if k.startswith("prompts.")))
def test_french_follows_french_typography(key):
    french = re.sub(r":[a-z_]+:", "", CATALOGUE[key]["fr"])  # emoji codes
    # A space before ? ! : ; (never glued), straight apostrophes, no English left behind.
    assert not re.search(r"\w[?!;]", french), french
    assert not re.search(r"[a-zà-ÿ]:(?!\d)", french.replace("https:", "")), french
    assert "’" not in french
    assert CATALOGUE[key]["fr"] != CATALOGUE[key]["en"] or len(french) < 12


def test_the_obstacles_question_names_the_lever_and_the_usual_obstacles():
    question = question_text("prompts.q.obstacles", "retention", "fr")
    assert "*Fidélisation du personnel*" in question
    assert "financements incertains" in question and "renouvellement du personnel" in question
    assert "décisions concentrées au siège" in question


def test_presets_are_described_in_words():
    assert describe_when("0 10 * * MON", "en") == "every Monday at 10:00"
    assert describe_when("0 10 * * MON", "fr") == "chaque lundi à 10 h 00"
    assert describe_when("30 8 * * MON-FRI", "fr") == "du lundi au vendredi à 08 h 30"
    assert describe_when("0 */2 * * *", "en") == "on the cron schedule `0 */2 * * *`"
