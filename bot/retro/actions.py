"""What a retro leaves behind: closing it into learnings and actions, reminding owners,
asking whether changes worked, and the channel's history of retros.

Plain rules and the few steps that combine several queries; no Slack objects here. Every
function that writes takes the caller's session and never commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.people import Person
from bot.retro.board import ActionLine, action_lines, local_today, zone_of
from storage import retro_actions as action_store
from storage import retros as store
from storage.learnings import add_learning

REMINDER_HOUR = 9  # owners are reminded at 9:00 their time, the day before the due day
POSTPONE_DAYS = 7  # "not yet" moves the due day this far
HISTORY_SIZE = 10
OUTCOMES = ("worked", "not_yet")


def learning_status_after(worked: int, not_yet: int) -> str:
    """A learning counts as learned while more people say the change worked than not yet."""
    return "learned" if worked > not_yet else "identified"


# -- closing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionChoice:
    """An owner and a due day picked for an item in the close modal."""

    item_id: int
    owner_id: str
    due_on: date


def check_action_choice(
    owner_id: str | None, owner: Person | None, due_on: date | None, today: date
) -> list[InvalidInput]:
    """What is wrong with an owner and due day picked together (field `owner` or `due`)."""
    problems: list[InvalidInput] = []
    if owner_id is None and due_on is None:
        return problems
    if owner_id is None:
        problems.append(InvalidInput("retro.owner_missing", field="owner"))
    elif owner is None:
        problems.append(InvalidInput("retro.owner_unknown", field="owner"))
    elif owner.is_bot:
        problems.append(InvalidInput("retro.owner_bot", field="owner"))
    elif owner.deleted:
        problems.append(InvalidInput("retro.owner_deactivated", field="owner"))
    if due_on is None:
        problems.append(InvalidInput("retro.due_missing", field="due", example=_example(today)))
    elif due_on < today:
        problems.append(
            InvalidInput(
                "retro.due_past", field="due", value=due_on.isoformat(), example=_example(today)
            )
        )
    return problems


def _example(today: date) -> str:
    return (today + timedelta(days=14)).isoformat()


@dataclass(frozen=True)
class Closed:
    """What closing stored: learnings from every item, and the actions."""

    learning_ids: tuple[int, ...]
    action_ids: tuple[int, ...]


def close_retro(
    session: Session,
    *,
    team_id: str,
    retro_id: int,
    closer_id: str,
    choices: list[ActionChoice],
    now: datetime,
) -> Closed | None:
    """Close an open retro: each item becomes a learning (source retro), choices become
    actions. None when the retro was already closed; then nothing is stored."""
    retro = store.get_retro(session, team_id, retro_id)
    if retro is None or not store.close_retro(session, team_id, retro_id, closer_id, now):
        return None
    learning_ids = []
    items = {item.id: item for item in store.list_items(session, team_id, retro_id)}
    for item in items.values():
        learning = add_learning(
            session,
            team_id=team_id,
            text=item.text,
            lever=item.lever,
            source="retro",
            user_id=item.author_id,
            channel_id=retro.channel_id,
            tags=("retro", item.column),
            now=now,
        )
        store.set_item_learning(session, item, learning.id)
        store.add_retro_learning(
            session,
            team_id=team_id,
            learning_id=learning.id,
            retro_id=retro.id,
            item_id=item.id,
            now=now,
        )
        learning_ids.append(learning.id)
    action_ids = []
    for choice in choices:
        item = items.get(choice.item_id)
        if item is None:
            continue
        action = action_store.add_action(
            session,
            team_id=team_id,
            retro=retro,
            item=item,
            owner_id=choice.owner_id,
            due_on=choice.due_on,
            now=now,
        )
        action_ids.append(action.id)
    return Closed(tuple(learning_ids), tuple(action_ids))


# -- reminders and follow-ups ------------------------------------------------------------


def reminder_time(due_on: date, timezone: str | None) -> datetime:
    """When an owner is reminded: 9:00 their time, the day before the due day."""
    return datetime.combine(due_on - timedelta(days=1), time(REMINDER_HOUR), zone_of(timezone))


def reminder_is_due(due_on: date, timezone: str | None, now: datetime) -> bool:
    """The reminder time has come and the due day has not passed yet (their time)."""
    return now >= reminder_time(due_on, timezone) and local_today(now, timezone) <= due_on


def question_is_due(done_at: datetime, weeks: int, now: datetime) -> bool:
    """Enough weeks went by since the action was done to ask whether it worked."""
    return now >= done_at + timedelta(weeks=weeks)


def postponed(due_on: date, today: date) -> date:
    """The due day after a `not yet`: a week after the later of the due day and today."""
    return max(due_on, today) + timedelta(days=POSTPONE_DAYS)


@dataclass(frozen=True)
class Evidence:
    """What a follow-up answer changed: the learning's status and everyone's answers."""

    learning_id: int | None
    status: str | None
    worked: int
    not_yet: int


def record_answer(
    session: Session,
    *,
    team_id: str,
    action_id: int,
    user_id: str,
    outcome: str,
    now: datetime,
) -> Evidence | None:
    """Store an answer to `did the change work?` as evidence, and move the learning's status
    with what everyone answered so far."""
    action = action_store.get_action(session, team_id, action_id)
    if action is None or outcome not in OUTCOMES:
        return None
    item = store.get_item(session, team_id, action.retro_id, action.item_id)
    learning_id = item.learning_id if item else None
    if learning_id is not None:
        # Answers to the same action wait for each other here, so each count sees the others.
        store.hold_learning_status(session, team_id, learning_id, now)
    action_store.record_evidence(
        session,
        team_id=team_id,
        action=action,
        learning_id=learning_id,
        user_id=user_id,
        outcome=outcome,
        now=now,
    )
    counts = action_store.evidence_counts(session, team_id, action_id)
    worked, not_yet = counts.get("worked", 0), counts.get("not_yet", 0)
    status = None
    if learning_id is not None:
        status = learning_status_after(worked, not_yet)
        store.set_learning_status(session, team_id, learning_id, status, now)
    return Evidence(learning_id, status, worked, not_yet)


# -- history -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryLine:
    """One past retro of a channel and what became of its actions."""

    retro_id: int
    title: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    permalink: str | None
    items: int
    actions: tuple[ActionLine, ...]


def load_history(
    session: Session, team_id: str, channel_id: str, today: date, limit: int = HISTORY_SIZE
) -> list[HistoryLine]:
    """A channel's latest retros, newest first."""
    retros = store.channel_retros(session, team_id, channel_id, limit)
    actions = action_store.retro_actions(session, team_id, [r.id for r in retros])
    lines = []
    for retro in retros:
        own = [a for a in actions if a.retro_id == retro.id]
        lines.append(
            HistoryLine(
                retro_id=retro.id,
                title=retro.title,
                status=retro.status,
                opened_at=retro.opened_at,
                closed_at=retro.closed_at,
                permalink=retro.permalink,
                items=len(store.list_items(session, team_id, retro.id)),
                actions=action_lines(session, team_id, own, today),
            )
        )
    return lines
