"""Queries on departures: handover debriefs, what a leaver alone wrote, and their open actions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from storage.models import Departure, Handover, Learning, RetroAction
from storage.workspaces import ensure_workspace

# -- handovers -----------------------------------------------------------------------------


def create_handover(
    session: Session,
    team_id: str,
    user_id: str,
    *,
    requested_by: str,
    now: datetime,
    successor_id: str | None = None,
) -> Handover:
    """Record that a debrief was asked of `user_id`."""
    ensure_workspace(session, team_id)
    handover = Handover(
        team_id=team_id,
        user_id=user_id,
        requested_by=requested_by,
        successor_id=successor_id,
        status="requested",
        created_at=now,
    )
    session.add(handover)
    session.flush()
    return handover


def get_handover(session: Session, team_id: str, handover_id: int) -> Handover | None:
    """A handover of this workspace."""
    return session.scalar(
        select(Handover).where(Handover.team_id == team_id, Handover.id == handover_id)
    )


def handover_asked_of(
    session: Session, team_id: str, user_id: str, handover_id: int | None
) -> Handover | None:
    """A handover of this workspace asked of this person; None for anyone else's or none."""
    if handover_id is None:
        return None
    handover = get_handover(session, team_id, handover_id)
    return handover if handover is not None and handover.user_id == user_id else None


# -- what would be orphaned ----------------------------------------------------------------


def sole_author_learnings(
    session: Session, team_id: str, user_id: str, *, limit: int = 50
) -> list[Learning]:
    """Live learnings of `user_id` in levers where nobody else (by name) has one.

    A learning's author is whom it is credited to, else who logged it; anonymous ones have
    no author and count for nobody.
    """
    other = aliased(Learning)
    author = func.coalesce(Learning.author_id, Learning.user_id)
    other_author = func.coalesce(other.author_id, other.user_id)
    someone_else = (
        select(other.id)
        .where(
            other.team_id == team_id,
            other.lever == Learning.lever,
            other.deleted_at.is_(None),
            other_author.is_not(None),
            other_author != user_id,
        )
        .exists()
    )
    return list(
        session.scalars(
            select(Learning)
            .where(
                Learning.team_id == team_id,
                author == user_id,
                Learning.deleted_at.is_(None),
                ~someone_else,
            )
            .order_by(Learning.lever, Learning.created_at, Learning.id)
            .limit(limit)
        )
    )


# -- open retro actions --------------------------------------------------------------------


def open_actions_of(session: Session, team_id: str, user_id: str) -> list[RetroAction]:
    """The open retro actions `user_id` owns, soonest due first."""
    return list(
        session.scalars(
            select(RetroAction)
            .where(
                RetroAction.team_id == team_id,
                RetroAction.owner_id == user_id,
                RetroAction.status == "open",
            )
            .order_by(RetroAction.due_on, RetroAction.id)
        )
    )


def reassign_open_actions(
    session: Session, team_id: str, from_user: str, to_user: str, now: datetime
) -> int:
    """Give `to_user` every open retro action of `from_user`; how many moved."""
    result = session.execute(
        update(RetroAction)
        .where(
            RetroAction.team_id == team_id,
            RetroAction.owner_id == from_user,
            RetroAction.status == "open",
        )
        .values(owner_id=to_user, updated_at=now)
    )
    return result.rowcount


# -- departures ----------------------------------------------------------------------------


def claim_departure(session: Session, team_id: str, user_id: str, now: datetime) -> bool:
    """Note a deactivation once; False when it was already noted (a redelivered event)."""
    ensure_workspace(session, team_id)
    try:
        with session.begin_nested():
            session.add(Departure(team_id=team_id, user_id=user_id, deactivated_at=now))
    except IntegrityError:
        return False
    return True


def forget_departure(session: Session, team_id: str, user_id: str) -> None:
    """A reactivated member: a later deactivation is news again."""
    session.execute(
        delete(Departure).where(Departure.team_id == team_id, Departure.user_id == user_id)
    )


def mark_departure_notified(session: Session, team_id: str, user_id: str, now: datetime) -> None:
    """Admins were told."""
    departure = session.scalar(
        select(Departure).where(Departure.team_id == team_id, Departure.user_id == user_id)
    )
    if departure is not None:
        departure.notified_at = now
