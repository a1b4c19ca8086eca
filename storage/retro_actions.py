"""Queries on retro actions, the reminders and follow-up questions about them, and the
evidence those questions gather; all scoped by team_id.

Reminders and questions are claimed by inserting a row unique per occurrence inside a
savepoint, so the caller learns whether it won and its transaction survives the loss.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import Retro, RetroAction, RetroEvidence, RetroFollowup, RetroItem

# -- actions -----------------------------------------------------------------------------


def add_action(
    session: Session,
    *,
    team_id: str,
    retro: Retro,
    item: RetroItem,
    owner_id: str,
    due_on: date,
    now: datetime,
) -> RetroAction:
    """Turn an item into an action with an owner and a due day."""
    action = RetroAction(
        team_id=team_id,
        retro_id=retro.id,
        item_id=item.id,
        channel_id=retro.channel_id,
        text=item.text,
        owner_id=owner_id,
        due_on=due_on,
        status="open",
        created_at=now,
        updated_at=now,
    )
    session.add(action)
    session.flush()
    return action


def get_action(session: Session, team_id: str, action_id: int) -> RetroAction | None:
    """One action of this workspace."""
    return session.scalar(
        select(RetroAction).where(RetroAction.team_id == team_id, RetroAction.id == action_id)
    )


def retro_actions(session: Session, team_id: str, retro_ids: Iterable[int]) -> list[RetroAction]:
    """The actions decided at some retros, oldest first."""
    ids = list(retro_ids)
    if not ids:
        return []
    return list(
        session.scalars(
            select(RetroAction)
            .where(RetroAction.team_id == team_id, RetroAction.retro_id.in_(ids))
            .order_by(RetroAction.id)
        )
    )


def open_actions_before(
    session: Session, team_id: str, channel_id: str, before_retro_id: int
) -> list[RetroAction]:
    """Actions still open in a channel, decided at retros before this one."""
    return list(
        session.scalars(
            select(RetroAction)
            .where(
                RetroAction.team_id == team_id,
                RetroAction.channel_id == channel_id,
                RetroAction.retro_id < before_retro_id,
                RetroAction.status == "open",
            )
            .order_by(RetroAction.due_on, RetroAction.id)
        )
    )


def finish_action(
    session: Session, team_id: str, action_id: int, status: str, now: datetime
) -> bool:
    """Mark an open action done or dropped; False when it was not open any more."""
    values: dict = {"status": status, "updated_at": now}
    if status == "done":
        values["done_at"] = now
    result = session.execute(
        update(RetroAction)
        .where(
            RetroAction.team_id == team_id,
            RetroAction.id == action_id,
            RetroAction.status == "open",
        )
        .values(**values)
    )
    return result.rowcount == 1


def postpone_action(
    session: Session, team_id: str, action_id: int, due_on: date, now: datetime
) -> bool:
    """Give an open action a later due day; False when it was not open any more."""
    result = session.execute(
        update(RetroAction)
        .where(
            RetroAction.team_id == team_id,
            RetroAction.id == action_id,
            RetroAction.status == "open",
        )
        .values(due_on=due_on, updated_at=now)
    )
    return result.rowcount == 1


# -- reminders and follow-up questions ---------------------------------------------------


def actions_due_between(
    session: Session, team_id: str, first: date, last: date
) -> list[tuple[RetroAction, Retro]]:
    """Open actions due between two days with no reminder claimed for that due day yet."""
    claimed = select(RetroFollowup.id).where(
        RetroFollowup.action_id == RetroAction.id,
        RetroFollowup.kind == "reminder",
        RetroFollowup.for_date == RetroAction.due_on,
    )
    rows = session.execute(
        select(RetroAction, Retro)
        .join(Retro, Retro.id == RetroAction.retro_id)
        .where(
            RetroAction.team_id == team_id,
            RetroAction.status == "open",
            RetroAction.due_on >= first,
            RetroAction.due_on <= last,
            ~claimed.exists(),
        )
        .order_by(RetroAction.id)
    )
    return [(action, retro) for action, retro in rows]


def actions_done_before(
    session: Session, team_id: str, done_before: datetime
) -> list[tuple[RetroAction, Retro]]:
    """Done actions whose retro may ask now, with no follow-up question claimed yet."""
    asked = select(RetroFollowup.id).where(
        RetroFollowup.action_id == RetroAction.id, RetroFollowup.kind == "question"
    )
    rows = session.execute(
        select(RetroAction, Retro)
        .join(Retro, Retro.id == RetroAction.retro_id)
        .where(
            RetroAction.team_id == team_id,
            RetroAction.status == "done",
            RetroAction.done_at <= done_before,
            ~asked.exists(),
        )
        .order_by(RetroAction.id)
    )
    return [(action, retro) for action, retro in rows]


def claim_followup(
    session: Session, *, team_id: str, action_id: int, kind: str, for_date: date, now: datetime
) -> RetroFollowup | None:
    """Claim one reminder or question before sending it; None when it was already claimed."""
    followup = RetroFollowup(
        team_id=team_id,
        action_id=action_id,
        kind=kind,
        for_date=for_date,
        status="claimed",
        claimed_at=now,
    )
    try:
        with session.begin_nested():
            session.add(followup)
    except IntegrityError:
        return None
    return followup


def mark_followup(
    session: Session,
    team_id: str,
    followup_id: int,
    *,
    status: str,
    now: datetime,
    channel_id: str | None = None,
    message_ts: str | None = None,
) -> None:
    """Record how sending a claimed reminder or question went."""
    session.execute(
        update(RetroFollowup)
        .where(RetroFollowup.team_id == team_id, RetroFollowup.id == followup_id)
        .values(status=status, sent_at=now, channel_id=channel_id, message_ts=message_ts)
    )


def release_followup(session: Session, team_id: str, followup_id: int) -> None:
    """Give a claimed reminder or question back after a passing failure: the next tick retries."""
    session.execute(
        delete(RetroFollowup).where(
            RetroFollowup.team_id == team_id,
            RetroFollowup.id == followup_id,
            RetroFollowup.status == "claimed",
        )
    )


def record_evidence(
    session: Session,
    *,
    team_id: str,
    action: RetroAction,
    learning_id: int | None,
    user_id: str,
    outcome: str,
    now: datetime,
) -> None:
    """A person's answer to a follow-up question; answering again replaces their answer."""
    evidence = RetroEvidence(
        team_id=team_id,
        action_id=action.id,
        learning_id=learning_id,
        user_id=user_id,
        outcome=outcome,
        created_at=now,
        updated_at=now,
    )
    try:
        with session.begin_nested():
            session.add(evidence)
        return
    except IntegrityError:
        pass  # they answered before: change their answer
    session.execute(
        update(RetroEvidence)
        .where(
            RetroEvidence.team_id == team_id,
            RetroEvidence.action_id == action.id,
            RetroEvidence.user_id == user_id,
        )
        .values(outcome=outcome, updated_at=now)
    )


def evidence_counts(session: Session, team_id: str, action_id: int) -> dict[str, int]:
    """outcome -> how many people answered it."""
    rows = session.execute(
        select(RetroEvidence.outcome, func.count())
        .where(RetroEvidence.team_id == team_id, RetroEvidence.action_id == action_id)
        .group_by(RetroEvidence.outcome)
    )
    return {outcome: count for outcome, count in rows}


def evidence_for_actions(
    session: Session, team_id: str, action_ids: Iterable[int]
) -> dict[int, dict[str, int]]:
    """action id -> outcome -> count, for several actions at once."""
    ids = list(action_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(RetroEvidence.action_id, RetroEvidence.outcome, func.count())
        .where(RetroEvidence.team_id == team_id, RetroEvidence.action_id.in_(ids))
        .group_by(RetroEvidence.action_id, RetroEvidence.outcome)
    )
    found: dict[int, dict[str, int]] = {}
    for action_id, outcome, count in rows:
        found.setdefault(action_id, {})[outcome] = count
    return found
