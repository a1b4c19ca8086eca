"""Reading the learning modal's values, and what the modal carries in its metadata."""

from __future__ import annotations

import pytest

from bot.errors import InvalidInput
from bot.fakeslack.payloads import state_value
from bot.ids import LearningField
from bot.learning.form import FormErrors, ModalContext, message_text, parse_tags, read_form
from bot.levers import Lever


def _values(**fields):
    kinds = {
        LearningField.LEVER: "static_select",
        LearningField.SHARE: "radio_buttons",
        LearningField.ANONYMOUS: "checkboxes",
    }
    return {
        str(field): {str(field): state_value(kinds.get(field, "plain_text_input"), value)}
        for field, value in fields.items()
    }


def test_a_full_form():
    form = read_form(
        _values(
            **{
                LearningField.TEXT: "  Pair newcomers  ",
                LearningField.LEVER: "onboarding",
                LearningField.WHY: "nobody to ask",
                LearningField.TAGS: "a, #b; a",
                LearningField.SHARE: "post",
                LearningField.ANONYMOUS: ["anonymous"],
            }
        )
    )
    assert (form.text, form.lever, form.lever_guessed) == (
        "Pair newcomers",
        Lever.ONBOARDING,
        False,
    )
    assert form.review.why == "nobody to ask" and form.review.expected is None
    assert form.tags == ("a", "b")
    assert form.post and form.anonymous


def test_the_lever_is_guessed_when_left_empty_and_sharing_defaults_to_private():
    form = read_form(_values(**{LearningField.TEXT: "We moved the templates to the wiki"}))
    assert (form.lever, form.lever_guessed) == (Lever.KNOWLEDGE_TOOLS, True)
    assert not form.post and not form.anonymous


def test_every_wrong_field_is_reported_at_once():
    with pytest.raises(FormErrors) as refused:
        read_form(
            _values(
                **{
                    LearningField.TEXT: "",
                    LearningField.EXPECTED: "e" * 1001,
                    LearningField.TAGS: ",".join(f"t{i}" for i in range(11)),
                }
            )
        )
    errors = refused.value.errors
    assert {k: v.key for k, v in errors.items()} == {
        LearningField.TEXT: "learning.form.text_empty",
        LearningField.EXPECTED: "learning.form.review_too_long",
        LearningField.TAGS: "learning.form.too_many_tags",
    }


def test_tags_are_trimmed_deduplicated_and_limited():
    assert parse_tags(" Budget ,budget, #Terrain ,, ") == ("Budget", "Terrain")
    with pytest.raises(InvalidInput):
        parse_tags("x" * 31)


def test_the_modal_context_survives_private_metadata_and_ignores_garbage():
    about = ModalContext(channel_id="C1", message_channel_id="C1", message_ts="1.2", author_id="U2")
    assert ModalContext.load(about.dump()) == about
    assert about.from_message
    assert ModalContext.load("not json") == ModalContext()
    assert ModalContext.load('["a list"]') == ModalContext()
    assert ModalContext.load('{"learning_id": 3, "evil": 1}') == ModalContext(learning_id=3)


def test_a_slack_message_text_is_read_back_as_typed():
    assert (
        message_text("a &lt; b &amp;&amp; c &gt; d <@U1> &amp;lt;") == "a < b && c > d <@U1> &lt;"
    )
