"""Writing learnings out as JSON Lines, CSV or a Markdown document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence

from bot.errors import InvalidInput
from bot.levers import Lever, lever_name
from bot.messages import t
from storage.models import Learning

FORMATS = ("json", "csv", "md")
FIELDS = (
    "id",
    "team_id",
    "channel_id",
    "user_id",
    "author_id",
    "lever",
    "text",
    "aar_expected",
    "aar_happened",
    "aar_why",
    "aar_next",
    "source",
    "visibility",
    "tags",
    "created_at",
    "updated_at",
    "permalink",
)
REVIEW = (
    ("aar_expected", "learning.review.expected"),
    ("aar_happened", "learning.review.happened"),
    ("aar_why", "learning.review.why"),
    ("aar_next", "learning.review.next"),
)


def check_format(name: str) -> str:
    """The export format named, or InvalidInput."""
    if name not in FORMATS:
        raise InvalidInput("input.unknown_format", field="format", value=name[:20])
    return name


def record(learning: Learning) -> dict:
    """A learning as plain data; times in ISO 8601 with their UTC offset."""
    return {
        "id": learning.id,
        "team_id": learning.team_id,
        "channel_id": learning.channel_id,
        "user_id": learning.user_id,
        "author_id": learning.author_id,
        "lever": learning.lever,
        "text": learning.text,
        "aar_expected": learning.aar_expected,
        "aar_happened": learning.aar_happened,
        "aar_why": learning.aar_why,
        "aar_next": learning.aar_next,
        "source": learning.source,
        "visibility": learning.visibility,
        "tags": list(learning.tags or []),
        "created_at": learning.created_at.isoformat(),
        "updated_at": learning.updated_at.isoformat(),
        "permalink": learning.permalink,
    }


def render(
    learnings: Sequence[Learning],
    fmt: str,
    language: str,
    *,
    names: Mapping[str, str] | None = None,
) -> str:
    """The learnings in one of FORMATS; `names` turns user ids into names in Markdown."""
    if fmt == "json":
        return "".join(json.dumps(record(item), ensure_ascii=False) + "\n" for item in learnings)
    if fmt == "csv":
        return _csv(learnings)
    return _markdown(learnings, language, names or {})


def _csv(learnings: Iterable[Learning]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for learning in learnings:
        row = record(learning)
        row["tags"] = ", ".join(row["tags"])
        writer.writerow(row)
    return out.getvalue()


def _person(user_id: str, names: Mapping[str, str]) -> str:
    return names.get(user_id) or f"@{user_id}"


def _author(learning: Learning, language: str, names: Mapping[str, str]) -> str:
    if learning.author_id and learning.user_id and learning.author_id != learning.user_id:
        return t(
            "learning.by_saved_by",
            language,
            author=_person(learning.author_id, names),
            saver=_person(learning.user_id, names),
        )
    who = learning.author_id or learning.user_id
    return _person(who, names) if who else t("common.anonymous", language)


def _markdown(learnings: Sequence[Learning], language: str, names: Mapping[str, str]) -> str:
    """A document: a title, then one section per lever, each learning with date, author, link."""
    lines = [f"# {t('export.title', language)}", ""]
    if not learnings:
        lines.append(t("export.empty", language))
    else:
        lines += [t("export.count", language, count=len(learnings)), ""]
    for lever in Lever:
        of_lever = [item for item in learnings if item.lever == lever]
        if not of_lever:
            continue
        lines += [f"## {lever_name(lever, language)} ({len(of_lever)})", ""]
        for learning in sorted(of_lever, key=lambda item: (item.created_at, item.id)):
            lines += _markdown_item(learning, language, names)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _markdown_item(learning: Learning, language: str, names: Mapping[str, str]) -> list[str]:
    facts = [f"**{learning.created_at.date().isoformat()}**", _author(learning, language, names)]
    if learning.permalink:
        facts.append(f"[{t('export.link', language)}]({learning.permalink})")
    lines = [f"- {' · '.join(facts)}  "]
    lines += [f"  {line.strip()}  " for line in learning.text.splitlines() if line.strip()]
    for field, key in REVIEW:
        value = getattr(learning, field)
        if value:
            lines.append(f"  - *{t(key, language)}* {' '.join(value.split())}")
    if learning.tags:
        lines.append(f"  - *{t('export.tags', language)}* {', '.join(learning.tags)}")
    return lines
