"""Messages of `/learning`: the confirmation after a learning is saved, and its usage."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks.common import ephemeral, lever_option, lever_options, section
from bot.errors import InvalidInput
from bot.ids import Action, Block, row_id
from bot.levers import Lever, lever_name
from bot.messages import t
from bot.text import escape, quote


def saved_confirmation(
    learning_id: int, lever: Lever, text: str, language: str, *, guessed: bool
) -> dict:
    """The ephemeral answer to a saved learning; a guessed lever comes with a menu to change it."""
    key = "learning.saved_guessed" if guessed else "learning.saved"
    message = t(key, language, id=learning_id, lever=lever_name(lever, language), quote=quote(text))
    blocks = [section(message)]
    if guessed:
        blocks[0]["accessory"] = lever_menu(learning_id, lever, language)
    return ephemeral(message, blocks)


def lever_changed(learning_id: int, lever: Lever, text: str, language: str) -> dict:
    """The confirmation, replaced in place, once the author picked another lever."""
    message = t(
        "learning.lever_changed",
        language,
        id=learning_id,
        lever=lever_name(lever, language),
        quote=quote(text),
    )
    return {"text": message, "blocks": [section(message, block_id=Block.LEVER_MENU)]}


def lever_menu(learning_id: int, current: Lever, language: str) -> dict:
    """A menu of levers whose option values carry the learning id: `<id>:<lever>`."""
    prefix = f"{learning_id}:"
    return {
        "type": "static_select",
        "action_id": Action.SET_LEVER,
        "placeholder": {"type": "plain_text", "text": t("learning.lever_menu", language)},
        "options": lever_options(language, prefix),
        "initial_option": lever_option(current, language, prefix + current.value),
    }


def parse_lever_choice(value: str) -> tuple[int, Lever] | None:
    """Read an option value of `lever_menu`; None when it was tampered with."""
    learning_id, _, lever = value.partition(":")
    number = row_id(learning_id)
    if number is None or lever not in Lever._value2member_map_:
        return None
    return number, Lever(lever)


def usage_text(
    language: str, usages: Sequence[tuple[str, str | None]], unknown: str | None = None
) -> str:
    """The usage of `/learning` and its sub-commands (`name`, catalogue key of its line)."""
    lines = []
    if unknown:
        lines += [t("learning.unknown_subcommand", language, word=escape(unknown)), ""]
    lines.append(t("learning.usage.log", language))
    lines += [t(key, language) if key else f"• `/learning {name}`" for name, key in usages]
    lines += ["", t("learning.usage.filters", language), t("learning.usage.one_word", language)]
    return "\n".join(lines)


def refusal_text(refusal: InvalidInput, language: str) -> str:
    """A refusal for a Slack message, with the typed values it quotes escaped."""
    params = {k: escape(v) if isinstance(v, str) else v for k, v in refusal.params.items()}
    return t(refusal.key, language, **params)
