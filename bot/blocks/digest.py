"""The digest in words: its parts (title, sentences, items) in any of three styles.

The same parts make the Slack digest (mrkdwn, the comment of the chart upload), and the
Markdown and HTML of `learnloop report`; a Style says how a lever, a person and text a user
typed are written in each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.blocks.common import lever_label
from bot.insights.checkins import MIN_ANSWERS
from bot.insights.coverage import FEW_LEARNINGS, STALE_DAYS, Coverage, Topic
from bot.insights.digest import ACTIONS_AHEAD_DAYS, CHART_WEEKS, DIGEST_HOUR, Digest, Standing
from bot.levers import Lever, lever_name
from bot.messages import t
from bot.text import escape, excerpt

REUSED_CHARS = 200
TOPICS_SHOWN = 10


@dataclass(frozen=True)
class Style:
    """How a lever, a person and a user's text are written (already escaped as needed)."""

    lever: Callable[[Lever | str, str], str]
    person: Callable[[str], str]
    user_text: Callable[[str], str]


# Slack mrkdwn: emoji and names, mentions (which never notify in a view), escaped text.
SLACK = Style(lever=lever_label, person=lambda user: f"<@{user}>", user_text=escape)
# Markdown and HTML files: plain names and ids; HTML escapes whole lines itself.
PLAIN = Style(lever=lever_name, person=lambda user: f"@{user}", user_text=lambda text: text)


@dataclass
class Part:
    """A titled part: sentences first, then a list of items."""

    title: str
    sentences: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


def topic_name(topic: Topic, language: str, style: Style = SLACK) -> str:
    """A tag as `#tag`, a lever by its name."""
    return (
        style.lever(topic.name, language) if topic.is_lever else f"#{style.user_text(topic.name)}"
    )


def coverage_lines(
    found: Coverage, language: str, *, named: bool, style: Style = SLACK
) -> tuple[list[str], list[str]]:
    """Lines on levers with few or stale learnings, and on one-person topics.

    `named` shows who holds a topic (App Home, for admins); a channel digest does not, so
    nobody is singled out in front of the team.
    """
    levers = []
    for gap in found.lever_gaps:
        lever = style.lever(gap.lever, language)
        if gap.last_at is None:
            levers.append(t("coverage.never", language, lever=lever))
        elif gap.stale:
            day = gap.last_at.date().isoformat()
            levers.append(t("coverage.stale", language, lever=lever, days=STALE_DAYS, date=day))
        else:
            levers.append(
                t("coverage.thin", language, lever=lever, count=gap.total, few=FEW_LEARNINGS)
            )
    topics = []
    for sole in found.sole_author_topics:
        topic = topic_name(sole.topic, language, style)
        if named:
            person = style.person(sole.user_id)
            topics.append(
                t("coverage.sole_named", language, topic=topic, count=sole.learnings, person=person)
            )
        else:
            topics.append(t("coverage.sole", language, topic=topic, count=sole.learnings))
    return levers, topics


def coverage_parts(
    found: Coverage, language: str, *, named: bool, style: Style = SLACK
) -> list[tuple[str, list[str]]]:
    """Coverage as (heading, items) pairs, topics capped; one empty-headed line when all is well."""
    levers, topics = coverage_lines(found, language, named=named, style=style)
    if not levers and not topics:
        return [(t("coverage.all_good", language), [])]
    pairs = []
    if levers:
        pairs.append((t("coverage.levers", language) + ":", levers))
    if topics:
        shown = topics[:TOPICS_SHOWN]
        if len(topics) > TOPICS_SHOWN:
            shown.append(t("coverage.more", language, count=len(topics) - TOPICS_SHOWN))
        pairs.append((t("coverage.topics", language) + ":", shown))
    return pairs


def coverage_block(found: Coverage, language: str, *, named: bool) -> list[str]:
    """Coverage as mrkdwn lines for App Home."""
    lines = []
    for heading, items in coverage_parts(found, language, named=named):
        lines += [heading, *(f"• {item}" for item in items)]
    return lines


def standing_line(standing: Standing, language: str, style: Style = SLACK) -> str:
    """A lever's latest average and the one before, or that it is not shown."""
    result = standing.latest
    lever = style.lever(result.lever, language)
    if not result.shown:
        return t("digest.stand_hidden", language, lever=lever, min=MIN_ANSWERS)
    trend = ""
    if standing.previous_average is not None:
        trend = t("digest.stand_trend", language, previous=f"{standing.previous_average:.1f}")
    average = f"{result.average:.1f}"
    return t(
        "digest.stand_line",
        language,
        lever=lever,
        average=average,
        answers=result.answers,
        trend=trend,
    )


def digest_title(digest: Digest, key: str = "digest.title") -> str:
    """The title, with the days covered."""
    period = digest.period
    return t(
        key, digest.language, start=period.first_day.isoformat(), end=period.last_day.isoformat()
    )


def digest_parts(
    digest: Digest, style: Style = SLACK, *, with_comments: bool = False
) -> list[Part]:
    """Every part of a digest: counts, reuse, retro actions and retros, trend, coverage."""
    language = digest.language
    parts = [
        Part(
            t("digest.new", language, count=digest.new_total),
            items=[
                t("digest.lever_line", language, lever=style.lever(lever, language), count=count)
                for lever, count in digest.new_by_lever.items()
            ],
        )
    ]
    reused = Part(t("digest.reused", language), [t("digest.reused_note", language)])
    for item in digest.reused:
        text = (
            f"“{style.user_text(excerpt(item.text, REUSED_CHARS))}”"
            if item.text is not None
            else t("digest.reused_private", language)
        )
        lever = style.lever(item.lever, language)
        reused.items.append(
            t("digest.reused_line", language, lever=lever, count=item.reuses, text=text)
        )
    if not digest.reused:
        reused.sentences.append(t("digest.reused_none", language))
    parts.append(reused)
    if digest.actions_due is not None:
        actions = Part(t("digest.actions", language))
        for action in digest.actions_due:
            actions.items.append(
                t(
                    "digest.action_line",
                    language,
                    text=style.user_text(excerpt(action.text, REUSED_CHARS)),
                    owner=style.person(action.owner_id),
                    date=action.due_on.isoformat(),
                    late=t("digest.action_late", language) if action.late else "",
                )
            )
        if not actions.items:
            actions.sentences.append(t("digest.actions_none", language, days=ACTIONS_AHEAD_DAYS))
        parts.append(actions)
    if digest.retros_held is not None:
        parts.append(Part(t("digest.retros", language, count=digest.retros_held)))
    stand = Part(t("digest.stand", language))
    if digest.stand_period is None:
        stand.sentences.append(t("digest.stand_none", language))
    else:
        stand.sentences.append(t("digest.stand_period", language, period=digest.stand_period))
        stand.items = [standing_line(standing, language, style) for standing in digest.standings]
    parts.append(stand)
    if with_comments and digest.comments:
        comments = Part(t("digest.comments", language))
        for lever, found in digest.comments.items():
            label = style.lever(lever, language)
            comments.items += [f"{label}: {style.user_text(comment)}" for comment in found]
        parts.append(comments)
    coverage = t("digest.coverage", language)
    for heading, items in coverage_parts(digest.coverage, language, named=False, style=style):
        if items:
            parts.append(Part(f"{coverage} · {heading.rstrip(':')}", items=items))
        else:
            parts.append(Part(coverage, [heading]))
    parts += [Part(title, items=list(lines)) for title, lines in digest.extra]
    return parts


def no_chart_sentence(language: str) -> str:
    """Why a digest has no chart."""
    return t("digest.no_chart", language, weeks=CHART_WEEKS)


def digest_text(digest: Digest, *, has_chart: bool) -> str:
    """The whole digest in Slack mrkdwn."""
    lines = [f"*{digest_title(digest)}*"]
    for part in digest_parts(digest, SLACK):
        lines += ["", f"*{part.title}*", *part.sentences]
        lines += [f"• {item}" for item in part.items]
    if not has_chart:
        lines += ["", f"_{no_chart_sentence(digest.language)}_"]
    return "\n".join(lines)


def digest_set_text(cadence: str, language: str) -> str:
    """The answer to `/learning digest`: where and when it will be posted."""
    when = t(f"digest.when_{cadence}", language, hour=f"{DIGEST_HOUR:02d}")
    return t("digest.set", language, cadence=t(f"digest.{cadence}", language), when=when)
