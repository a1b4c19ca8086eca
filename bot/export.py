"""Writing learnings out as JSON Lines, CSV or a Markdown document."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

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
    "lever",
    "text",
    "source",
    "tags",
    "created_at",
    "updated_at",
    "permalink",
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
        "lever": learning.lever,
        "text": learning.text,
        "source": learning.source,
        "tags": list(learning.tags or []),
        "created_at": learning.created_at.isoformat(),
        "updated_at": learning.updated_at.isoformat(),
        "permalink": learning.permalink,
    }


def render(learnings: Sequence[Learning], fmt: str, language: str) -> str:
    """The learnings in one of FORMATS."""
    if fmt == "json":
        return "".join(json.dumps(record(item), ensure_ascii=False) + "\n" for item in learnings)
    if fmt == "csv":
        return _csv(learnings)
    return _markdown(learnings, language)


def _csv(learnings: Iterable[Learning]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for learning in learnings:
        row = record(learning)
        row["tags"] = " ".join(row["tags"])
        writer.writerow(row)
    return out.getvalue()


def _markdown(learnings: Sequence[Learning], language: str) -> str:
    lines = [f"# {t('export.title', language)}", ""]
    if not learnings:
        lines.append(t("export.empty", language))
    for lever in Lever:
        of_lever = [item for item in learnings if item.lever == lever]
        if not of_lever:
            continue
        lines += [f"## {lever_name(lever, language)} ({len(of_lever)})", ""]
        for learning in of_lever:
            author = (
                f"<@{learning.user_id}>" if learning.user_id else t("common.anonymous", language)
            )
            link = (
                f" — [{t('export.link', language)}]({learning.permalink})"
                if learning.permalink
                else ""
            )
            text = " ".join(learning.text.split())
            lines.append(f"- **{learning.created_at.date().isoformat()}** · {author}{link}  ")
            lines.append(f"  {text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
