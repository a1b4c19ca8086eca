"""Everything stored about one person: reading it all, forgetting it, and the retention purge.

PERSON_COLUMNS names every column that holds a person's Slack id, and what forgetting does
to its rows: `delete` the row (it is theirs: their learnings, votes, answers, actions, path),
`clear` the column (a team record they only set up or are credited on), or `replace` it with
FORGOTTEN where the column may not be empty (the facilitator of a retro, who asked a debrief).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.models import (
    Base,
    CheckinAnswer,
    CheckinSetting,
    Departure,
    DigestSetting,
    Handover,
    Learning,
    LearningReuse,
    Newcomer,
    OnboardingNudge,
    OnboardingResource,
    OnboardingSettings,
    ResourceDone,
    Retro,
    RetroAction,
    RetroEvidence,
    RetroFollowup,
    RetroItem,
    RetroVote,
    Schedule,
    Workspace,
)

# Stands in for a forgotten person where a team record must name someone.
FORGOTTEN = "U0FORGOTTEN"

DELETE, CLEAR, REPLACE = "delete", "clear", "replace"

# (model, column, what forgetting does); learnings credited to the person are handled apart.
PERSON_COLUMNS: list[tuple[type[Base], str, str]] = [
    (Learning, "user_id", DELETE),
    (LearningReuse, "user_id", DELETE),
    (RetroVote, "user_id", DELETE),
    (RetroEvidence, "user_id", DELETE),
    (RetroAction, "owner_id", DELETE),
    (RetroItem, "author_id", CLEAR),
    (Retro, "facilitator_id", REPLACE),
    (Retro, "closed_by", CLEAR),
    (Newcomer, "user_id", DELETE),
    (Handover, "user_id", DELETE),
    (Handover, "requested_by", REPLACE),
    (Handover, "successor_id", CLEAR),
    (Departure, "user_id", DELETE),
    (CheckinAnswer, "user_id", DELETE),
    (Schedule, "created_by", CLEAR),
    (CheckinSetting, "created_by", CLEAR),
    (DigestSetting, "created_by", CLEAR),
    (OnboardingResource, "created_by", CLEAR),
    (OnboardingSettings, "updated_by", CLEAR),
]

# Columns that name a person, by table (the credit on a learning included).
_PEOPLE: dict[str, set[str]] = {}
for _model, _name, _ in [*PERSON_COLUMNS, (Learning, "author_id", CLEAR)]:
    _PEOPLE.setdefault(_model.__tablename__, set()).add(_name)

# Rows that belong to a deleted row and say who it was about.
_CHILDREN: dict[type[Base], list[tuple[type[Base], str]]] = {
    RetroAction: [(RetroFollowup, "action_id"), (RetroEvidence, "action_id")],
    Newcomer: [(OnboardingNudge, "newcomer_id"), (ResourceDone, "newcomer_id")],
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# In an export, another person named on one of the person's rows is not shown.
SOMEONE_ELSE = "someone else"


def _row(row: Base, user_id: str) -> dict[str, Any]:
    people = _PEOPLE.get(row.__table__.name, set())
    found = {}
    for column in row.__table__.columns:
        value = _plain(getattr(row, column.key))
        if column.key in people and value not in (None, user_id, FORGOTTEN):
            value = SOMEONE_ELSE
        found[column.key] = value
    return found


def _column(model: type[Base], name: str) -> Column:
    return model.__table__.c[name]


def collect(session: Session, team_id: str, user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of the workspace that names the person, by table name (their export)."""
    found: dict[str, dict[Any, dict[str, Any]]] = {}
    models = {model for model, _, _ in PERSON_COLUMNS}
    for model in sorted(models, key=lambda m: m.__tablename__):
        columns = [_column(m, name) for m, name, _ in PERSON_COLUMNS if m is model]
        if model is Learning:
            columns.append(_column(Learning, "author_id"))
        rows = session.scalars(
            select(model)
            .where(model.team_id == team_id, or_(*(c == user_id for c in columns)))
            .order_by(*model.__table__.primary_key.columns)
        )
        found[model.__tablename__] = {row_key(row): _row(row, user_id) for row in rows}
        for child, key in _CHILDREN.get(model, []):
            parents = [row["id"] for row in found[model.__tablename__].values()]
            if parents:
                children = session.scalars(
                    select(child).where(child.team_id == team_id, _column(child, key).in_(parents))
                )
                table = found.setdefault(child.__tablename__, {})
                table.update({row_key(row): _row(row, user_id) for row in children})
    return {name: list(rows.values()) for name, rows in sorted(found.items()) if rows}


def row_key(row: Base) -> tuple:
    """A row's primary key, to list each row once."""
    return tuple(getattr(row, column.key) for column in row.__table__.primary_key.columns)


def forget(session: Session, team_id: str, user_id: str) -> dict[str, int]:
    """Delete or anonymise every row of the workspace that names the person; counts by table.

    Learnings they logged are deleted for good; on learnings someone else saved from their
    message, their credit and the link to their message are removed.
    """
    counts: dict[str, int] = {}

    def count(name: str, rowcount: int | None) -> None:
        if rowcount:
            counts[name] = counts.get(name, 0) + rowcount

    credited = (
        update(Learning)
        .where(Learning.team_id == team_id, Learning.author_id == user_id)
        .values(author_id=None, permalink=None, message_channel_id=None, message_ts=None)
    )
    count("learnings_uncredited", session.execute(credited).rowcount)
    for model, name, action in PERSON_COLUMNS:
        column = _column(model, name)
        mine = (model.team_id == team_id, column == user_id)
        if action == DELETE:
            for child, key in _CHILDREN.get(model, []):
                parents = select(model.id).where(*mine)
                count(
                    child.__tablename__,
                    session.execute(delete(child).where(_column(child, key).in_(parents))).rowcount,
                )
            count(model.__tablename__, session.execute(delete(model).where(*mine)).rowcount)
        else:
            value = FORGOTTEN if action == REPLACE else None
            statement = update(model).where(*mine).values({name: value})
            count(f"{model.__tablename__}.{name}", session.execute(statement).rowcount)
    session.flush()
    return counts


def purge_old_learnings(session: Session, team_id: str, created_before: datetime) -> int:
    """Delete for good a workspace's learnings logged before a date; how many were deleted."""
    result = session.execute(
        delete(Learning).where(Learning.team_id == team_id, Learning.created_at < created_before)
    )
    return result.rowcount or 0


def workspaces_with_retention(session: Session) -> dict[str, int]:
    """team_id -> retention in days, for the workspaces whose admins set one."""
    found = {}
    for team_id, settings in session.execute(select(Workspace.team_id, Workspace.settings)):
        days = retention_days_of(settings)
        if days:
            found[team_id] = days
    return found


def retention_days_of(settings: dict[str, Any] | None) -> int:
    """The retention an admin set in a workspace's settings; 0 means keep forever."""
    days = (settings or {}).get("retention_days")
    return days if isinstance(days, int) and days > 0 else 0
