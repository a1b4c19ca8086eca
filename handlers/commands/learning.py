"""`/learning`: log a learning in seconds, or run one of its sub-commands.

`/learning` alone opens the learning modal; `/learning <text>` stores a learning;
`/learning <word> …` runs the sub-command `<word>` when one is registered in SUBCOMMANDS.
A single word alone that looks like a command name (letters and dashes, up to 24) and is not
registered is taken for a mistyped sub-command: it gets the usage text and nothing is stored;
a one-word learning goes through the modal or after a lever marker (`/learning other: Patience`).
Each sub-command answers in its ack (before the HTTP response) and may finish slower work after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.blocks.common import ephemeral
from bot.blocks.learning import refusal_text, saved_confirmation, usage_text
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.ids import Command
from bot.learning.capture import draft_from_command
from bot.learning.form import ModalContext
from bot.messages import t
from bot.subcommands import first_word, is_command_word
from handlers.commands import handover, my_data, prompts
from handlers.commands import learning_library as library
from handlers.views.learning_modal import open_capture
from storage.learnings import insert_learning
from storage.workspaces import ensure_workspace

log = logging.getLogger(__name__)

Answer = Callable[..., None]


@dataclass(frozen=True)
class Subcommand:
    """`answer(ack, command, client, context, args)` acks; `later(...)` runs after the response.

    `usage`: the catalogue key of its line in `/learning help` (e.g. "`/learning x` — does y").
    """

    answer: Answer
    later: Answer | None = None
    usage: str | None = None


def answer_help(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning help`: what every sub-command does, in the person's language."""
    language = deps_of(context).language_for(client, command["team_id"], command["user_id"])
    ack(**ephemeral(usage_text(language, _usages())))


# Sub-commands by their first word; each feature adds its own.
SUBCOMMANDS: dict[str, Subcommand] = {
    "help": Subcommand(answer=answer_help, usage="learning.usage.help"),
    "aide": Subcommand(answer=answer_help),
    "search": Subcommand(
        answer=library.answer_search, later=library.later_search, usage="learning.usage.search"
    ),
    "list": Subcommand(
        answer=library.answer_list, later=library.later_list, usage="learning.usage.list"
    ),
    "mine": Subcommand(
        answer=library.answer_mine, later=library.later_mine, usage="learning.usage.mine"
    ),
    "export": Subcommand(
        answer=library.answer_export, later=library.later_export, usage="learning.usage.export"
    ),
    "handover": Subcommand(
        answer=handover.answer, later=handover.later, usage="learning.usage.handover"
    ),
    "my-data": Subcommand(answer=my_data.answer, later=my_data.later, usage="my_data.usage"),
    "settings": Subcommand(
        answer=prompts.answer_settings, later=prompts.later_settings, usage="prompts.usage"
    ),
}


def register(app: App) -> None:
    """Attach `/learning`: requests done in full in their ack are answered by a global
    middleware, the others by a listener with a slower half.

    A plain `/learning <text>` is the most frequent request. Answered as Bolt answers its own
    `url_verification` and `ssl_check` requests (a middleware that responds without calling
    `next()`), it skips the listener machinery: Bolt would build every argument of the
    command matcher and of the listener on each request, about a quarter of the request's
    Python work, and start a background thread for a slower half that has nothing to do.
    """
    app.use(AnswerInAck())
    app.command(Command.LEARNING)(ack=answer, lazy=[finish])


class AnswerInAck(Middleware):
    """Answers the `/learning` requests whose whole work is their ack; passes on the others."""

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        body = req.body
        if body.get("command") != Command.LEARNING or not answered_in_ack(body):
            return next()
        ack = Ack()
        context = req.context
        answer(ack, body, context.client, context)
        return ack.response or BoltResponse(status=200, body="")


def answered_in_ack(command: dict) -> bool:
    """Whether the whole request is done in the ack: neither the modal nor a sub-command's
    slower half follows it."""
    text = command.get("text") or ""
    if not text.strip():
        return False
    subcommand, _ = split_subcommand(text)
    return subcommand is None or subcommand.later is None


def split_subcommand(text: str) -> tuple[Subcommand | None, str]:
    """The sub-command named by the first word of the text, and the rest of it."""
    word, rest = first_word(text)
    return SUBCOMMANDS.get(word.lower()), rest


def is_unknown_subcommand(text: str) -> bool:
    """A lone word shaped like a command name that no sub-command has."""
    return is_command_word(text) and text.strip().lower() not in SUBCOMMANDS


def _usages() -> list[tuple[str, str | None]]:
    # Aliases of help (no usage of their own) are left out.
    return [
        (name, sub.usage)
        for name, sub in SUBCOMMANDS.items()
        if sub.usage or sub.answer is not answer_help
    ]


def answer(ack: Ack, command: dict, client: WebClient, context: dict) -> None:
    """Open the modal, route to a sub-command, or store the text as a learning."""
    text = command.get("text") or ""
    if not text.strip():
        ack()  # the modal opens right after the response
        return
    subcommand, args = split_subcommand(text)
    if subcommand is not None:
        subcommand.answer(ack=ack, command=command, client=client, context=context, args=args)
    elif is_unknown_subcommand(text):
        language = deps_of(context).language_for(client, command["team_id"], command["user_id"])
        word = text.strip()[:24]
        ack(**ephemeral(usage_text(language, _usages(), unknown=word)))
    else:
        log_learning(ack, command, client, context)


def finish(command: dict, client: WebClient, context: dict) -> None:
    """The slower half: open the modal, or finish a sub-command, after Slack got its response."""
    text = command.get("text") or ""
    if not text.strip():
        open_capture(
            client,
            deps_of(context),
            trigger_id=command["trigger_id"],
            team_id=command["team_id"],
            user_id=command["user_id"],
            about=ModalContext(channel_id=command.get("channel_id")),
            response_url=command.get("response_url"),
        )
        return
    subcommand, args = split_subcommand(text)
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
        ack(**ephemeral(refusal_text(refusal, language)))
        return
    try:
        learning_id = _store(
            deps,
            team_id=team_id,
            text=draft.text,
            lever=draft.lever,
            source="command",
            user_id=user_id,
            channel_id=command.get("channel_id"),
            now=deps.now(),
        )
    except SQLAlchemyError:
        log.exception("a /learning could not be stored", extra={"team_id": team_id})
        ack(**ephemeral(t("common.not_saved", language)))
        return
    confirmation = saved_confirmation(
        learning_id, draft.lever, draft.text, language, guessed=draft.lever_guessed
    )
    ack(**confirmation)


def _store(deps: Deps, **learning: Any) -> int:
    """Insert the learning; the workspace's first one creates its row and tries again."""
    try:
        return insert_learning(deps.engine, **learning)
    except IntegrityError:  # no workspace row yet (its foreign key): rare, so not read first
        with deps.sessions.begin() as session:
            ensure_workspace(session, learning["team_id"])
        return insert_learning(deps.engine, **learning)
