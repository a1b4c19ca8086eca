"""Queries on retrospectives, their items and votes, and the learnings they leave; all
scoped by team_id. Actions and their follow-ups are in storage.retro_actions.

Writes that race (starting a retro, voting) insert under a unique
constraint inside a savepoint and report whether they won, so the caller's transaction
survives the loss and can answer clearly.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import (
    Learning,
    Retro,
    RetroItem,
    RetroLearning,
    RetroVote,
    Workspace,
)
from storage.workspaces import ensure_workspace

# -- retros ------------------------------------------------------------------------------


def create_retro(
    session: Session,
    *,
    team_id: str,
    channel_id: str,
    title: str,
    facilitator_id: str,
    language: str,
    votes_per_person: int,
    followup_weeks: int,
    learnings_since: datetime,
    now: datetime,
) -> Retro | None:
    """Open a retro in a channel; None when another one is already open there."""
    ensure_workspace(session, team_id)
    retro = Retro(
        team_id=team_id,
        channel_id=channel_id,
        open_channel_id=channel_id,
        title=title,
        facilitator_id=facilitator_id,
        language=language,
        votes_per_person=votes_per_person,
        followup_weeks=followup_weeks,
        status="open",
        learnings_since=learnings_since,
        opened_at=now,
        updated_at=now,
    )
    try:
        with session.begin_nested():
            session.add(retro)
    except IntegrityError:
        return None
    return retro


def get_retro(session: Session, team_id: str, retro_id: int) -> Retro | None:
    """A retro of this workspace."""
    return session.scalar(select(Retro).where(Retro.team_id == team_id, Retro.id == retro_id))


def open_retro(session: Session, team_id: str, channel_id: str) -> Retro | None:
    """The retro open in a channel, if any."""
    return session.scalar(
        select(Retro).where(Retro.team_id == team_id, Retro.open_channel_id == channel_id)
    )


def previous_retro(
    session: Session, team_id: str, channel_id: str, before_id: int | None = None
) -> Retro | None:
    """The latest closed retro of a channel (older than `before_id` when given)."""
    query = select(Retro).where(
        Retro.team_id == team_id, Retro.channel_id == channel_id, Retro.status == "closed"
    )
    if before_id is not None:
        query = query.where(Retro.id < before_id)
    return session.scalar(query.order_by(Retro.id.desc()).limit(1))


def channel_retros(session: Session, team_id: str, channel_id: str, limit: int) -> list[Retro]:
    """A channel's retros, newest first."""
    return list(
        session.scalars(
            select(Retro)
            .where(Retro.team_id == team_id, Retro.channel_id == channel_id)
            .order_by(Retro.id.desc())
            .limit(limit)
        )
    )


def set_message(
    session: Session, team_id: str, retro_id: int, ts: str, permalink: str | None
) -> None:
    """Remember the retro's message, updated in place from now on."""
    session.execute(
        update(Retro)
        .where(Retro.team_id == team_id, Retro.id == retro_id)
        .values(message_ts=ts, permalink=permalink)
    )


def set_summary(session: Session, team_id: str, retro_id: int, ts: str) -> None:
    """Remember the summary posted in the retro's thread."""
    session.execute(
        update(Retro).where(Retro.team_id == team_id, Retro.id == retro_id).values(summary_ts=ts)
    )


def discard_retro(session: Session, team_id: str, retro_id: int) -> None:
    """Forget a retro whose message could not be posted (nothing was added to it yet)."""
    session.execute(delete(Retro).where(Retro.team_id == team_id, Retro.id == retro_id))


def hold_open(session: Session, team_id: str, retro_id: int, now: datetime) -> bool:
    """Lock an open retro's row for this transaction; False when it is closed or unknown.

    Every change to a retro starts here, so a change and the closing never interleave.
    """
    result = session.execute(
        update(Retro)
        .where(Retro.team_id == team_id, Retro.id == retro_id, Retro.status == "open")
        .values(updated_at=now)
    )
    return result.rowcount == 1


def close_retro(
    session: Session, team_id: str, retro_id: int, closed_by: str, now: datetime
) -> bool:
    """Close an open retro; False when someone closed it first."""
    result = session.execute(
        update(Retro)
        .where(Retro.team_id == team_id, Retro.id == retro_id, Retro.status == "open")
        .values(
            status="closed",
            open_channel_id=None,
            closed_at=now,
            closed_by=closed_by,
            updated_at=now,
        )
    )
    return result.rowcount == 1


# -- items and votes -------------------------------------------------------------------


def add_item(
    session: Session,
    *,
    team_id: str,
    retro_id: int,
    column: str,
    text: str,
    lever: str,
    author_id: str | None,
    now: datetime,
) -> RetroItem:
    """Store an item; `author_id` None keeps it anonymous."""
    item = RetroItem(
        team_id=team_id,
        retro_id=retro_id,
        column=column,
        text=text,
        lever=lever,
        author_id=author_id,
        created_at=now,
    )
    session.add(item)
    session.flush()
    return item


def list_items(session: Session, team_id: str, retro_id: int) -> list[RetroItem]:
    """A retro's items in the order they came in."""
    return list(
        session.scalars(
            select(RetroItem)
            .where(RetroItem.team_id == team_id, RetroItem.retro_id == retro_id)
            .order_by(RetroItem.id)
        )
    )


def get_item(session: Session, team_id: str, retro_id: int, item_id: int) -> RetroItem | None:
    """One item of a retro."""
    return session.scalar(
        select(RetroItem).where(
            RetroItem.team_id == team_id,
            RetroItem.retro_id == retro_id,
            RetroItem.id == item_id,
        )
    )


def item_number(session: Session, team_id: str, retro_id: int, item_id: int) -> int:
    """The item's number as shown in the retro (1 for the first one that came in)."""
    return session.scalar(
        select(func.count())
        .select_from(RetroItem)
        .where(
            RetroItem.team_id == team_id,
            RetroItem.retro_id == retro_id,
            RetroItem.id <= item_id,
        )
    )


def set_item_learning(session: Session, item: RetroItem, learning_id: int) -> None:
    """Link an item to the learning stored from it."""
    item.learning_id = learning_id


def vote_counts(session: Session, team_id: str, retro_id: int) -> dict[int, int]:
    """item id -> number of votes."""
    rows = session.execute(
        select(RetroVote.item_id, func.count())
        .where(RetroVote.team_id == team_id, RetroVote.retro_id == retro_id)
        .group_by(RetroVote.item_id)
    )
    return {item_id: count for item_id, count in rows}


def voters(session: Session, team_id: str, retro_id: int) -> int:
    """How many people voted."""
    return session.scalar(
        select(func.count(func.distinct(RetroVote.user_id))).where(
            RetroVote.team_id == team_id, RetroVote.retro_id == retro_id
        )
    )


def votes_of(session: Session, team_id: str, retro_id: int, user_id: str) -> list[RetroVote]:
    """A person's votes in a retro."""
    return list(
        session.scalars(
            select(RetroVote).where(
                RetroVote.team_id == team_id,
                RetroVote.retro_id == retro_id,
                RetroVote.user_id == user_id,
            )
        )
    )


def insert_vote(
    session: Session,
    *,
    team_id: str,
    retro_id: int,
    item_id: int,
    user_id: str,
    slot: int,
    now: datetime,
) -> bool:
    """Put a vote in a slot; False when the slot or the item already holds one of theirs."""
    vote = RetroVote(
        team_id=team_id,
        retro_id=retro_id,
        item_id=item_id,
        user_id=user_id,
        slot=slot,
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(vote)
    except IntegrityError:
        return False
    return True


def delete_vote(session: Session, team_id: str, retro_id: int, item_id: int, user_id: str) -> bool:
    """Take a person's vote back from an item; False when there was none."""
    result = session.execute(
        delete(RetroVote).where(
            RetroVote.team_id == team_id,
            RetroVote.retro_id == retro_id,
            RetroVote.item_id == item_id,
            RetroVote.user_id == user_id,
        )
    )
    return result.rowcount > 0


# -- learnings from retros ---------------------------------------------------------------


def learning_counts(
    session: Session, team_id: str, channel_id: str, since: datetime, until: datetime | None
) -> dict[str, int]:
    """lever -> live learnings logged in a channel after `since` (and before `until`)."""
    query = select(Learning.lever, func.count()).where(
        Learning.team_id == team_id,
        Learning.channel_id == channel_id,
        Learning.created_at > since,
        Learning.deleted_at.is_(None),
    )
    if until is not None:
        query = query.where(Learning.created_at < until)
    rows = session.execute(query.group_by(Learning.lever))
    return {lever: count for lever, count in rows}


def add_retro_learning(
    session: Session, *, team_id: str, learning_id: int, retro_id: int, item_id: int, now: datetime
) -> None:
    """Track a learning stored from a retro item, as identified."""
    session.add(
        RetroLearning(
            learning_id=learning_id,
            team_id=team_id,
            retro_id=retro_id,
            item_id=item_id,
            status="identified",
            updated_at=now,
        )
    )


def set_learning_status(
    session: Session, team_id: str, learning_id: int, status: str, now: datetime
) -> None:
    """Move a retro learning to identified or learned."""
    session.execute(
        update(RetroLearning)
        .where(RetroLearning.team_id == team_id, RetroLearning.learning_id == learning_id)
        .values(status=status, updated_at=now)
    )


def hold_learning_status(session: Session, team_id: str, learning_id: int, now: datetime) -> None:
    """Lock a retro learning's status row for this transaction."""
    session.execute(
        update(RetroLearning)
        .where(RetroLearning.team_id == team_id, RetroLearning.learning_id == learning_id)
        .values(updated_at=now)
    )


# -- workspaces, for jobs and dates ---------------------------------------------------


def live_team_ids(session: Session) -> list[str]:
    """Workspaces still installed, for jobs that look at every one."""
    return list(
        session.scalars(select(Workspace.team_id).where(Workspace.uninstalled_at.is_(None)))
    )


def workspace_timezone(session: Session, team_id: str) -> str | None:
    """The time zone a workspace chose, if any."""
    return session.scalar(select(Workspace.timezone).where(Workspace.team_id == team_id))
