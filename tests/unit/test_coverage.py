"""Knowledge coverage: stale or thin levers, and topics held by one person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.insights.coverage import (
    FEW_LEARNINGS,
    STALE_DAYS,
    Fact,
    coverage,
    lever_gaps,
    sole_author_topics,
)
from bot.levers import Lever

NOW = datetime(2026, 11, 26, tzinfo=UTC)


def fact(lever="onboarding", user="U1", tags=(), days_ago=1):
    return Fact(lever=lever, user_id=user, tags=tags, created_at=NOW - timedelta(days=days_ago))


def test_a_lever_with_nothing_in_sixty_days_is_stale_and_one_with_none_is_never():
    facts = [fact("retention", days_ago=STALE_DAYS + 1) for _ in range(FEW_LEARNINGS)]
    facts += [fact("onboarding", days_ago=STALE_DAYS - 1) for _ in range(FEW_LEARNINGS)]
    gaps = {gap.lever: gap for gap in lever_gaps(facts, NOW)}
    assert gaps[Lever.RETENTION].stale and not gaps[Lever.RETENTION].thin
    assert gaps[Lever.RETENTION].last_at == NOW - timedelta(days=STALE_DAYS + 1)
    assert Lever.ONBOARDING not in gaps
    assert gaps[Lever.DECENTRALISATION].last_at is None
    assert Lever.OTHER not in gaps  # "something else" has nothing of its own to cover


def test_a_recent_lever_with_few_learnings_is_thin():
    gaps = {gap.lever: gap for gap in lever_gaps([fact("team_learning")], NOW)}
    assert gaps[Lever.TEAM_LEARNING].thin and not gaps[Lever.TEAM_LEARNING].stale


def test_a_tag_whose_every_learning_has_one_author_is_named_largest_first():
    facts = [
        fact(tags=("Budget",), user="U1"),
        fact(tags=("budget", "donors"), user="U1"),
        fact(tags=("#budget",), user="U1"),
        fact(tags=("donors",), user="U2"),
        fact(tags=("wiki",), user="U3"),
        fact(tags=("wiki",), user="U3"),
    ]
    found = sole_author_topics(facts)
    assert [(s.topic.name, s.user_id, s.learnings) for s in found] == [
        ("budget", "U1", 3),
        ("wiki", "U3", 2),
    ]


def test_untagged_learnings_count_under_their_lever_and_a_single_one_is_no_topic():
    facts = [fact("retention", user="U9"), fact("retention", user="U9"), fact("onboarding")]
    [found] = sole_author_topics(facts)
    assert (found.topic.name, found.topic.is_lever, found.user_id) == ("retention", True, "U9")


def test_an_anonymous_learning_could_be_anyones_so_the_topic_is_not_one_persons():
    facts = [fact(tags=("budget",), user="U1"), fact(tags=("budget",), user=None)]
    assert sole_author_topics(facts) == []


def test_coverage_of_nothing_flags_every_lever_and_no_topic():
    found = coverage([], NOW)
    assert len(found.lever_gaps) == len(Lever) - 1
    assert found.sole_author_topics == [] and not found.empty
