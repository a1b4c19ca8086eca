"""Data rights: a person's export and deletion, and the learnings retention an admin sets."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from bot.deps import Deps
from bot.errors import InvalidInput
from bot.ids import MyDataBlock
from storage.my_data import collect, forget, purge_old_learnings, workspaces_with_retention

log = logging.getLogger(__name__)

RETENTION_MIN_DAYS = 30
RETENTION_MAX_DAYS = 3650
MAX_RETENTION_CHARS = 8  # the settings box


def export_json(deps: Deps, team_id: str, user_id: str) -> tuple[str, int]:
    """The person's data as a JSON document, and how many records it holds."""
    with deps.sessions() as session:
        tables = collect(session, team_id, user_id)
    document = {
        "team_id": team_id,
        "user_id": user_id,
        "exported_at": deps.now().isoformat(),
        "tables": tables,
    }
    count = sum(len(rows) for rows in tables.values())
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True), count


def delete_my_data(deps: Deps, team_id: str, user_id: str) -> dict[str, int]:
    """Delete or anonymise everything about the person; rows changed by table."""
    with deps.sessions.begin() as session:
        counts = forget(session, team_id, user_id)
    log.info("a person's data was deleted: %s", counts, extra={"team_id": team_id})
    return counts


def parse_retention(text: str | None) -> int:
    """Days typed in the settings (empty: 0, keep forever), or InvalidInput naming the field."""
    value = (text or "").strip()
    if not value:
        return 0
    try:
        days = int(value) if len(value) <= MAX_RETENTION_CHARS else -1
    except ValueError:
        days = -1
    if days != 0 and not RETENTION_MIN_DAYS <= days <= RETENTION_MAX_DAYS:
        raise InvalidInput(
            "my_data.bad_retention",
            field=MyDataBlock.RETENTION,
            value=value[:20],
            limit=RETENTION_MAX_DAYS,
        )
    return days


def purge_expired_learnings(deps: Deps, now: datetime) -> None:
    """Clock job: delete for good each workspace's learnings older than its retention period.

    Deleting what is older than a date is idempotent, so two clocks or a retry are harmless.
    """
    with deps.sessions() as session:
        retention = workspaces_with_retention(session)
    for team_id, days in sorted(retention.items()):
        with deps.sessions.begin() as session:
            purged = purge_old_learnings(session, team_id, now - timedelta(days=days))
        if purged:
            log.info(
                "purged %d learnings older than %d days", purged, days, extra={"team_id": team_id}
            )
