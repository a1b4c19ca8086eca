"""Every message exists in English and French, with the same placeholders."""

from __future__ import annotations

from string import Formatter

import pytest

from bot.messages import CATALOGUE, t


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_message_has_both_languages_and_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == {"en", "fr"}, key
    assert entry["en"].strip() and entry["fr"].strip()
    assert _placeholders(entry["en"]) == _placeholders(entry["fr"]), key


def test_an_unknown_language_falls_back_to_english():
    assert t("common.cancel", "de") == "Cancel"
    assert t("common.cancel", "fr") == "Annuler"
