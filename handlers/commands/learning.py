"""`/learning`: log a learning in seconds, or run one of its sub-commands.

`/learning <text>` stores a learning; `/learning <word> …` runs the sub-command `<word>`
when one is registered in SUBCOMMANDS. Each sub-command answers in its ack (before the HTTP
response) and may finish slower work after it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from slack_bolt import Ack, App
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.common import ephemeral
from bot.blocks.learning import saved_confirmation
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.ids import Command
from bot.learnings import draft_from_command
from bot.messages import t
from storage.learnings import add_learning

log = logging.getLogger(__name__)

Answer = Callable[..., None]


@dataclass(frozen=True)
class Subcommand:
    """`answer(ack, command, client, context, args)` acks; `later(...)` runs after the response."""

    answer: Answer
    later: Answer | None = None


# Sub-commands by their first word; each feature adds its own.
SUBCOMMANDS: dict[str, Subcommand] = {}


def register(app: App) -> None:
    """Attach `/learning`."""
    app.command(Command.LEARNING)(ack=answer, lazy=[finish])


def split_subcommand(text: str) -> tuple[Subcommand | None, str]:
    """The sub-command named by the first word of the text, and the rest of it."""
    word, _, rest = text.strip().partition(" ")
    return SUBCOMMANDS.get(word.lower()), rest.strip()


def answer(ack: Ack, command: dict, client: WebClient, context: dict) -> None:
    """Route to a sub-command, or store the text as a learning."""
    subcommand, args = split_subcommand(command.get("text") or "")
    if subcommand is not None:
        subcommand.answer(ack=ack, command=command, client=client, context=context, args=args)
    else:
        log_learning(ack, command, client, context)


def finish(command: dict, client: WebClient, context: dict) -> None:
    """The slower half of a sub-command, after Slack got its response."""
    subcommand, args = split_subcommand(command.get("text") or "")
    if subcommand is not None and subcommand.later is not None:
        subcommand.later(command=command, client=client, context=context, args=args)


def log_learning(ack: Ack, command: dict, client: WebClient, context: dict) -> None:
    """Store the learning typed after the command and confirm it in the same response."""
    deps = deps_of(context)
    team_id, user_id = command["team_id"], command["user_id"]
    language = deps.language_for(client, team_id, user_id)
    try:
        draft = draft_from_command(command.get("text") or "")
    except InvalidInput as refusal:
        ack(**ephemeral(t(refusal.key, language, **refusal.params)))
        return
    try:
        with deps.sessions.begin() as session:
            learning_id = add_learning(
                session,
                team_id=team_id,
                text=draft.text,
                lever=draft.lever,
                source="command",
                user_id=user_id,
                channel_id=command.get("channel_id"),
                now=deps.now(),
            ).id
    except SQLAlchemyError:
        log.exception("a /learning could not be stored", extra={"team_id": team_id})
        ack(**ephemeral(t("common.not_saved", language)))
        return
    confirmation = saved_confirmation(
        learning_id, draft.lever, draft.text, language, guessed=draft.lever_guessed
    )
    ack(**confirmation)
