"""Queries on onboarding: resources, settings, newcomers, their nudges and what they did.

Every query is scoped by team_id except `active_newcomer_ids`, which the clock uses to find
work in every workspace.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.levers import Lever
from bot.onboarding.rules import ACTIVE, ResourceInput, audiences_for
from storage.models import (
    Learning,
    Newcomer,
    OnboardingNudge,
    OnboardingResource,
    OnboardingSettings,
    ResourceDone,
    Workspace,
)
from storage.reuses import most_reused
from storage.workspaces import ensure_workspace

# All time, for "most reused ever".
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FOREVER = datetime(9999, 1, 1, tzinfo=UTC)

# -- settings ------------------------------------------------------------------------------


def get_settings(session: Session, team_id: str) -> OnboardingSettings | None:
    """The workspace's onboarding settings, if an admin saved any."""
    return session.get(OnboardingSettings, team_id)


def onboarding_channels(session: Session, team_id: str) -> list[str]:
    """The channels whose new members are welcomed as newcomers."""
    found = get_settings(session, team_id)
    return list(found.channel_ids) if found else []


def configured_days(session: Session, team_id: str) -> list[int]:
    """The nudge days an admin chose (empty: the defaults)."""
    found = get_settings(session, team_id)
    return list(found.days) if found else []


def save_settings(
    session: Session,
    team_id: str,
    *,
    now: datetime,
    user_id: str | None = None,
    channel_ids: Sequence[str] | None = None,
    days: Sequence[int] | None = None,
) -> OnboardingSettings:
    """Change the onboarding channels and/or nudge days; None leaves a value as it is."""
    ensure_workspace(session, team_id)
    found = get_settings(session, team_id)
    if found is None:
        found = OnboardingSettings(team_id=team_id, channel_ids=[], days=[])
        session.add(found)
    if channel_ids is not None:
        found.channel_ids = list(dict.fromkeys(channel_ids))
    if days is not None:
        found.days = sorted(set(days))
    found.updated_by = user_id
    found.updated_at = now
    session.flush()
    return found


# -- resources -----------------------------------------------------------------------------


def list_resources(
    session: Session, team_id: str, audiences: Sequence[str] | None = None
) -> list[OnboardingResource]:
    """The library in its order; only some audiences when given."""
    query = select(OnboardingResource).where(OnboardingResource.team_id == team_id)
    if audiences is not None:
        query = query.where(OnboardingResource.audience.in_(audiences))
    return list(session.scalars(query.order_by(OnboardingResource.position, OnboardingResource.id)))


def get_resource(session: Session, team_id: str, resource_id: int) -> OnboardingResource | None:
    """One resource of this workspace."""
    return session.scalar(
        select(OnboardingResource).where(
            OnboardingResource.team_id == team_id, OnboardingResource.id == resource_id
        )
    )


def add_resource(
    session: Session,
    team_id: str,
    resource: ResourceInput,
    *,
    now: datetime,
    user_id: str | None = None,
) -> OnboardingResource:
    """Add a resource at the end of the library."""
    ensure_workspace(session, team_id)
    last = session.scalar(
        select(func.max(OnboardingResource.position)).where(OnboardingResource.team_id == team_id)
    )
    row = OnboardingResource(
        team_id=team_id,
        position=(last or 0) + 1,
        created_by=user_id,
        created_at=now,
        updated_at=now,
    )
    _fill(row, resource, now)
    session.add(row)
    session.flush()
    return row


def update_resource(row: OnboardingResource, resource: ResourceInput, now: datetime) -> None:
    """Replace a resource's fields, keeping its place."""
    _fill(row, resource, now)


def _fill(row: OnboardingResource, resource: ResourceInput, now: datetime) -> None:
    row.title = resource.title
    row.url = resource.url
    row.description = resource.description
    row.lever = resource.lever
    row.day = resource.day
    row.audience = resource.audience
    row.updated_at = now


def import_resources(
    session: Session, team_id: str, resources: Sequence[ResourceInput], *, now: datetime
) -> tuple[int, int]:
    """Add each resource, or update the one with the same link: (added, updated)."""
    by_url = {row.url: row for row in list_resources(session, team_id)}
    added = updated = 0
    for resource in resources:
        row = by_url.get(resource.url)
        if row is None:
            by_url[resource.url] = add_resource(session, team_id, resource, now=now)
            added += 1
        else:
            update_resource(row, resource, now)
            updated += 1
    session.flush()
    return added, updated


def remove_resource(session: Session, team_id: str, resource_id: int) -> bool:
    """Delete a resource (and the marks of it done); False when there was none."""
    row = get_resource(session, team_id, resource_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def move_resource(session: Session, team_id: str, resource_id: int, offset: int) -> bool:
    """Swap a resource with its neighbour (offset -1 up, +1 down); False at either end."""
    rows = list_resources(session, team_id)
    index = next((i for i, row in enumerate(rows) if row.id == resource_id), None)
    if index is None or not 0 <= index + offset < len(rows):
        return False
    # Renumber so that equal or gapped positions cannot make a swap a no-op.
    for position, row in enumerate(rows, start=1):
        row.position = position
    mine, other = rows[index], rows[index + offset]
    mine.position, other.position = other.position, mine.position
    session.flush()
    return True


# -- newcomers -----------------------------------------------------------------------------


def newcomer_of(session: Session, team_id: str, user_id: str) -> Newcomer | None:
    """The path of a person, whatever its status."""
    return session.scalar(
        select(Newcomer).where(Newcomer.team_id == team_id, Newcomer.user_id == user_id)
    )


def get_newcomer(session: Session, team_id: str, newcomer_id: int) -> Newcomer | None:
    """A path by id, in this workspace."""
    return session.scalar(
        select(Newcomer).where(Newcomer.team_id == team_id, Newcomer.id == newcomer_id)
    )


def start_newcomer(
    session: Session,
    team_id: str,
    user_id: str,
    *,
    is_guest: bool,
    source: str,
    days: Sequence[int],
    now: datetime,
    channel_id: str | None = None,
) -> Newcomer | None:
    """Start a person's path; None when they already have one (a redelivery, a second join)."""
    ensure_workspace(session, team_id)
    if newcomer_of(session, team_id, user_id) is not None:
        return None
    newcomer = Newcomer(
        team_id=team_id,
        user_id=user_id,
        is_guest=is_guest,
        source=source,
        channel_id=channel_id,
        days=list(days),
        status=ACTIVE,
        started_at=now,
    )
    try:
        with session.begin_nested():
            session.add(newcomer)
    except IntegrityError:
        return None
    return newcomer


def active_newcomer_ids(session: Session) -> list[tuple[str, int]]:
    """(team_id, id) of every path still running, in every workspace still installed."""
    rows = session.execute(
        select(Newcomer.team_id, Newcomer.id)
        .join(Workspace, Workspace.team_id == Newcomer.team_id)
        .where(Newcomer.status == ACTIVE, Workspace.uninstalled_at.is_(None))
        .order_by(Newcomer.id)
    )
    return [(team_id, newcomer_id) for team_id, newcomer_id in rows]


def end_newcomer(newcomer: Newcomer, status: str, now: datetime) -> None:
    """Stop a path for good (done, stopped, left or ended)."""
    newcomer.status = status
    newcomer.ended_at = now


# -- nudges --------------------------------------------------------------------------------


def nudges_of(session: Session, team_id: str, newcomer_id: int) -> list[OnboardingNudge]:
    """The days of a path claimed so far, in order."""
    return list(
        session.scalars(
            select(OnboardingNudge)
            .where(OnboardingNudge.team_id == team_id, OnboardingNudge.newcomer_id == newcomer_id)
            .order_by(OnboardingNudge.day)
        )
    )


def claim_days(
    session: Session, newcomer: Newcomer, days: Sequence[int], now: datetime
) -> OnboardingNudge:
    """Claim due days; the last one is sent, earlier missed ones are merged into it.

    Raises IntegrityError when another process claimed one of them first.
    """
    *merged, last = days
    for day in merged:
        session.add(_nudge(newcomer, day, "merged", now))
    nudge = _nudge(newcomer, last, "sending", now)
    session.add(nudge)
    session.flush()
    return nudge


def _nudge(newcomer: Newcomer, day: int, status: str, now: datetime) -> OnboardingNudge:
    return OnboardingNudge(
        team_id=newcomer.team_id,
        newcomer_id=newcomer.id,
        day=day,
        status=status,
        resource_ids=[],
        claimed_at=now,
    )


def get_nudge(session: Session, team_id: str, nudge_id: int) -> OnboardingNudge | None:
    """A nudge by id, in this workspace."""
    return session.scalar(
        select(OnboardingNudge).where(
            OnboardingNudge.team_id == team_id, OnboardingNudge.id == nudge_id
        )
    )


# -- progress ------------------------------------------------------------------------------


def done_ids(session: Session, team_id: str, newcomer_id: int) -> set[int]:
    """The resources a newcomer marked done."""
    return set(
        session.scalars(
            select(ResourceDone.resource_id).where(
                ResourceDone.team_id == team_id, ResourceDone.newcomer_id == newcomer_id
            )
        )
    )


def mark_done(session: Session, newcomer: Newcomer, resource_id: int, now: datetime) -> bool:
    """Record a resource as done; False when it already was."""
    if resource_id in done_ids(session, newcomer.team_id, newcomer.id):
        return False
    try:
        with session.begin_nested():
            session.add(
                ResourceDone(
                    team_id=newcomer.team_id,
                    newcomer_id=newcomer.id,
                    resource_id=resource_id,
                    done_at=now,
                )
            )
    except IntegrityError:
        return False
    return True


@dataclass(frozen=True)
class Progress:
    """Where one newcomer stands."""

    newcomer: Newcomer
    done: int
    total: int


def progress(session: Session, team_id: str, *, limit: int = 100) -> list[Progress]:
    """Newcomers, most recent first, with how many of their resources they marked done."""
    newcomers = list(
        session.scalars(
            select(Newcomer)
            .where(Newcomer.team_id == team_id)
            .order_by(Newcomer.started_at.desc(), Newcomer.id.desc())
            .limit(limit)
        )
    )
    resources = list_resources(session, team_id)
    answer = []
    for newcomer in newcomers:
        wanted = {r.id for r in resources if r.audience in audiences_for(newcomer.is_guest)}
        done = done_ids(session, team_id, newcomer.id) & wanted
        answer.append(Progress(newcomer=newcomer, done=len(done), total=len(wanted)))
    return answer


# -- what the team learned -----------------------------------------------------------------


def newcomer_learnings(session: Session, team_id: str, *, limit: int = 20) -> list[Learning]:
    """What a newcomer should read first: onboarding learnings (newest first), then the most
    reused of the others. Callers still check who may see each one."""
    onboarding = list(
        session.scalars(
            select(Learning)
            .where(
                Learning.team_id == team_id,
                Learning.deleted_at.is_(None),
                Learning.lever == Lever.ONBOARDING.value,
            )
            .order_by(Learning.created_at.desc(), Learning.id.desc())
            .limit(limit)
        )
    )
    reused = most_reused(session, team_id, EPOCH, FOREVER, limit)
    others = [learning for learning, _count in reused if learning.lever != Lever.ONBOARDING]
    return (onboarding + others)[:limit]
