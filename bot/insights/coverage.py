"""Knowledge coverage: where the team's memory is thin, stale, or held by one person.

Pure functions over plain facts, so the digest, App Home and the report agree.
- A lever is *stale* when no learning was logged under it in the last STALE_DAYS days
  (including never), and *thin* when it holds fewer than FEW_LEARNINGS learnings in all.
  "Something else" is not checked: it has no knowledge of its own to cover.
- A *topic* is a tag (case-insensitive), or the lever for a learning without tags. A topic
  is held by one person when it has at least MIN_TOPIC_LEARNINGS learnings and every one of
  them names the same author; an anonymous learning could be anyone's, so a topic with one
  is never counted as one person's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.levers import Lever

STALE_DAYS = 60
FEW_LEARNINGS = 3
MIN_TOPIC_LEARNINGS = 2


@dataclass(frozen=True)
class Fact:
    """What coverage needs to know of one live learning."""

    lever: str
    user_id: str | None
    tags: Sequence[str]
    created_at: datetime


@dataclass(frozen=True)
class LeverGap:
    """A lever with too little recent knowledge; `last_at` is None when it has none at all."""

    lever: Lever
    total: int
    last_at: datetime | None
    stale: bool
    thin: bool


@dataclass(frozen=True)
class Topic:
    """A tag, or a lever when `is_lever`."""

    name: str
    is_lever: bool


@dataclass(frozen=True)
class SoleAuthorTopic:
    """A topic whose every learning comes from the same person."""

    topic: Topic
    user_id: str
    learnings: int


@dataclass(frozen=True)
class Coverage:
    """Both findings, ready to show."""

    lever_gaps: list[LeverGap]
    sole_author_topics: list[SoleAuthorTopic]

    @property
    def empty(self) -> bool:
        return not self.lever_gaps and not self.sole_author_topics


def lever_gaps(facts: Iterable[Fact], now: datetime) -> list[LeverGap]:
    """Levers that are stale or thin, in catalogue order."""
    totals: dict[str, int] = defaultdict(int)
    last: dict[str, datetime] = {}
    for fact in facts:
        totals[fact.lever] += 1
        if fact.lever not in last or fact.created_at > last[fact.lever]:
            last[fact.lever] = fact.created_at
    cutoff = now - timedelta(days=STALE_DAYS)
    gaps = []
    for lever in Lever:
        if lever is Lever.OTHER:
            continue
        last_at = last.get(lever.value)
        stale = last_at is None or last_at < cutoff
        thin = totals[lever.value] < FEW_LEARNINGS
        if stale or thin:
            gaps.append(LeverGap(lever, totals[lever.value], last_at, stale, thin))
    return gaps


def topics_of(fact: Fact) -> list[Topic]:
    """A learning's topics: its tags, folded to lower case, or else its lever."""
    tags = sorted({tag.strip().lstrip("#").lower() for tag in fact.tags if tag.strip("# ")})
    if tags:
        return [Topic(tag, False) for tag in tags]
    return [Topic(fact.lever, True)]


def sole_author_topics(facts: Iterable[Fact]) -> list[SoleAuthorTopic]:
    """Topics held by one person, the largest first, then by name."""
    authors: dict[Topic, set[str | None]] = defaultdict(set)
    counts: dict[Topic, int] = defaultdict(int)
    for fact in facts:
        for topic in topics_of(fact):
            authors[topic].add(fact.user_id)
            counts[topic] += 1
    found = [
        SoleAuthorTopic(topic, next(iter(people)), counts[topic])
        for topic, people in authors.items()
        if len(people) == 1 and None not in people and counts[topic] >= MIN_TOPIC_LEARNINGS
    ]
    return sorted(found, key=lambda item: (-item.learnings, item.topic.is_lever, item.topic.name))


def coverage(facts: Sequence[Fact], now: datetime) -> Coverage:
    """Lever gaps and one-person topics of a team's live learnings."""
    return Coverage(lever_gaps(facts, now), sole_author_topics(facts))


def team_coverage(rows: Iterable[tuple], now: datetime) -> Coverage:
    """Coverage from (lever, user_id, tags, created_at) rows, as storage.insights gives them."""
    facts = [
        Fact(lever=lever, user_id=user_id, tags=tuple(tags or ()), created_at=created_at)
        for lever, user_id, tags, created_at in rows
    ]
    return coverage(facts, now)
