"""`/learning help`, unknown sub-commands, and how a one-word text is told from a sub-command."""

from __future__ import annotations

from tests.learning.helpers import command, learnings


def test_help_lists_every_sub_command_in_the_persons_language(bot):
    answer = command(bot, "help").json()
    assert answer["response_type"] == "ephemeral"
    for usage in (
        "/learning` alone",
        "/learning search",
        "/learning list [lever]",
        "/learning mine",
        "/learning export [csv|md|json]",
        "/learning help",
        "Save as learning",
        "`since:2026-01-01`",
    ):
        assert usage in answer["text"], usage
    french = command(bot, "aide", user="UBRUNO").json()
    assert french["text"].startswith("*Utiliser /learning*")
    assert "`depuis:2026-01-01`" in french["text"]
    for text in (answer["text"], french["text"]):
        for name in ("search", "list", "mine", "export", "handover", "my-data", "settings"):
            assert f"`/learning {name}" in text, name
        # One bullet with its description per way to use it, none left bare.
        ways = text.split("\n\n")[0].splitlines()[1:]
        assert all(line.startswith("• ") and " — " in line for line in ways), ways
    assert learnings(bot) == []


def test_an_unknown_sub_command_gets_the_usage_and_stores_nothing(bot):
    answer = command(bot, "serach").json()
    assert answer["text"].startswith("`serach` is not a `/learning` command.")
    assert "/learning search" in answer["text"]
    french = command(bot, "chercher", user="UBRUNO").json()
    assert french["text"].startswith("`chercher` n'est pas une commande de `/learning`.")
    assert learnings(bot) == []


def test_a_text_of_several_words_is_a_learning_even_if_it_starts_like_a_command(bot):
    answer = command(bot, "serach engines need good keywords").json()
    assert "Saved as learning" in answer["text"]
    assert command(bot, "other: Patience").json()["text"].startswith(":white_check_mark:")
    assert [item.text for item in learnings(bot)] == [
        "serach engines need good keywords",
        "Patience",
    ]
