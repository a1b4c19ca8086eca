"""Departures: who `/learning handover` names, and the debrief's questions.

The debrief's four answers become learnings in the departing person's name, each under the
lever it feeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import InvalidInput
from bot.ids import HandoverBlock
from bot.learning.capture import check_text
from bot.levers import Lever


@dataclass(frozen=True)
class Topic:
    """One debrief question and the lever its answer is kept under."""

    name: str
    block_id: str
    lever: Lever
    question_key: str


TOPICS = (
    Topic("only_you", HandoverBlock.ONLY_YOU, Lever.RETENTION, "handover.q.only_you"),
    Topic("who_to_ask", HandoverBlock.WHO_TO_ASK, Lever.TEAM_LEARNING, "handover.q.who_to_ask"),
    Topic("where", HandoverBlock.WHERE, Lever.KNOWLEDGE_TOOLS, "handover.q.where"),
    Topic("decisions", HandoverBlock.DECISIONS, Lever.DECENTRALISATION, "handover.q.decisions"),
)

# `<@U123>` or `<@U123|name>` when Slack escapes mentions; `@name` when it does not.
_MENTION = re.compile(r"^<@(?P<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_NAME = re.compile(r"^@(?P<name>[^\s@<>]{1,80})$")


@dataclass(frozen=True)
class Named:
    """A person as the command named them: a user id, or a name still to look up."""

    user_id: str | None = None
    name: str | None = None


def _named(word: str) -> Named:
    mention = _MENTION.match(word)
    if mention:
        return Named(user_id=mention.group("id"))
    name = _NAME.match(word)
    if name:
        return Named(name=name.group("name"))
    raise InvalidInput("handover.usage", field="person")


def parse_handover(args: str) -> tuple[Named, Named | None]:
    """`@person [@successor]` after `/learning handover`, or InvalidInput with an example."""
    words = args.split()
    if not 1 <= len(words) <= 2:
        raise InvalidInput("handover.usage", field="person")
    person = _named(words[0])
    successor = _named(words[1]) if len(words) == 2 else None
    return person, successor


def debrief_answers(texts: dict[str, str | None]) -> list[tuple[Topic, str]]:
    """The questions answered, with their text checked; empty answers are skipped. A refusal
    names the question's block as its field."""
    answers = []
    for topic in TOPICS:
        text = (texts.get(topic.block_id) or "").strip()
        if text:
            try:
                answers.append((topic, check_text(text)))
            except InvalidInput as refusal:
                raise InvalidInput(refusal.key, field=topic.block_id, **refusal.params) from None
    return answers
