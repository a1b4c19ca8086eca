"""Retrospectives: starting one, its items, dot-voting, and the board its message shows.
Closing and what follows it are in bot.retro.actions.

Plain rules and the few steps that combine several queries; no Slack objects here. Every
function that writes takes the caller's session and never commits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.levers import Lever, guess_lever
from storage import retro_actions as action_store
from storage import retros as store

DEFAULT_VOTES = 3
MAX_VOTES = 10
DEFAULT_FOLLOWUP_WEEKS = 2
MAX_FOLLOWUP_WEEKS = 12
MAX_TITLE_CHARS = 100
MAX_ITEM_CHARS = 500
LOOKBACK_DAYS = 30  # learnings shown at a channel's first retro
TOP_ITEMS = 5  # items offered as actions when closing


class Column(StrEnum):
    """The four columns of a retro, in the order they are shown."""

    WENT_WELL = "went_well"
    HARD = "hard"
    LEARNED = "learned"
    TRY_NEXT = "try_next"


# -- starting ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StartOptions:
    """What `/retro start …` asked for."""

    title: str | None = None
    votes: int = DEFAULT_VOTES
    followup_weeks: int = DEFAULT_FOLLOWUP_WEEKS


_VOTES = re.compile(r"^(?:votes?|voix|dots?|points?)[=:](?P<n>\S+)$", re.IGNORECASE)
_WEEKS = re.compile(r"^(?:weeks?|semaines?|followup|suivi)[=:](?P<n>\S+)$", re.IGNORECASE)


def parse_start(text: str) -> StartOptions:
    """Read `[title] [votes=N] [weeks=N]`; InvalidInput for a bad number or a long title."""
    votes, weeks, words = DEFAULT_VOTES, DEFAULT_FOLLOWUP_WEEKS, []
    for word in text.split():
        if match := _VOTES.match(word):
            votes = _bounded(match["n"], MAX_VOTES, "retro.bad_votes", "votes")
        elif match := _WEEKS.match(word):
            weeks = _bounded(match["n"], MAX_FOLLOWUP_WEEKS, "retro.bad_weeks", "weeks")
        else:
            words.append(word)
    title = " ".join(words).strip()
    if len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(
            "retro.title_too_long", field="title", length=len(title), limit=MAX_TITLE_CHARS
        )
    return StartOptions(title=title or None, votes=votes, followup_weeks=weeks)


def _bounded(value: str, limit: int, key: str, field_name: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= limit:
        raise InvalidInput(key, field=field_name, value=value[:20], limit=limit)
    return int(value)


@dataclass(frozen=True)
class Started:
    """The retro open in the channel after a start: new, or the one already there."""

    retro_id: int
    created: bool
    title: str
    permalink: str | None


def start_retro(
    session: Session,
    *,
    team_id: str,
    channel_id: str,
    user_id: str,
    language: str,
    options: StartOptions,
    default_title: str,
    now: datetime,
) -> Started:
    """Open a retro in a channel unless one is open there already (then point to it)."""
    existing = store.open_retro(session, team_id, channel_id)
    if existing is None:
        previous = store.previous_retro(session, team_id, channel_id)
        since = (previous and previous.closed_at) or now - timedelta(days=LOOKBACK_DAYS)
        created = store.create_retro(
            session,
            team_id=team_id,
            channel_id=channel_id,
            title=options.title or default_title,
            facilitator_id=user_id,
            language=language,
            votes_per_person=options.votes,
            followup_weeks=options.followup_weeks,
            learnings_since=since,
            now=now,
        )
        if created is not None:
            return Started(created.id, True, created.title, None)
        existing = store.open_retro(session, team_id, channel_id)  # started at the same instant
    if existing is None:
        raise RuntimeError("a retro was both open and not open")
    return Started(existing.id, False, existing.title, existing.permalink)


# -- items -------------------------------------------------------------------------------


def check_item_text(text: str | None) -> str:
    """An item's text, stripped, or InvalidInput when empty or too long."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput("retro.item_empty", field="text")
    if len(text) > MAX_ITEM_CHARS:
        raise InvalidInput(
            "retro.item_too_long", field="text", length=len(text), limit=MAX_ITEM_CHARS
        )
    return text


def add_item(
    session: Session,
    *,
    team_id: str,
    retro_id: int,
    column: Column,
    text: str,
    lever: Lever | None,
    author_id: str | None,
    now: datetime,
) -> int:
    """Add an item to an open retro (lever guessed when not given); its id.

    InvalidInput `retro.closed` when the retro was closed meanwhile: nothing is stored.
    """
    text = check_item_text(text)
    if not store.hold_open(session, team_id, retro_id, now):
        raise InvalidInput("retro.closed", field="text")
    chosen = lever or guess_lever(text).lever
    item = store.add_item(
        session,
        team_id=team_id,
        retro_id=retro_id,
        column=column.value,
        text=text,
        lever=chosen.value,
        author_id=author_id,
        now=now,
    )
    return item.id


# -- voting ------------------------------------------------------------------------------


class VoteResult(StrEnum):
    """What a click on an item's vote button did."""

    ADDED = "added"
    REMOVED = "removed"
    LIMIT = "limit"
    CLOSED = "closed"
    MISSING = "missing"


@dataclass(frozen=True)
class VoteOutcome:
    """The result, the item's number and how many votes the person has left."""

    result: VoteResult
    number: int = 0
    left: int = 0
    limit: int = 0


def free_slot(used: set[int], limit: int) -> int | None:
    """The lowest vote slot (1..limit) a person has not used, or None when all are used."""
    return next((slot for slot in range(1, limit + 1) if slot not in used), None)


def toggle_vote(
    session: Session, *, team_id: str, retro_id: int, item_id: int, user_id: str, now: datetime
) -> VoteOutcome:
    """Vote for an item, or take the vote back when the person already voted for it.

    The limit holds under concurrent clicks: each vote takes a slot unique per person, so
    two clicks racing for the last slot cannot both win.
    """
    retro = store.get_retro(session, team_id, retro_id)
    if retro is None:
        return VoteOutcome(VoteResult.MISSING)
    limit = retro.votes_per_person
    if not store.hold_open(session, team_id, retro_id, now):
        return VoteOutcome(VoteResult.CLOSED, limit=limit)
    if store.get_item(session, team_id, retro_id, item_id) is None:
        return VoteOutcome(VoteResult.MISSING, limit=limit)
    number = store.item_number(session, team_id, retro_id, item_id)
    mine = store.votes_of(session, team_id, retro_id, user_id)
    if any(vote.item_id == item_id for vote in mine):
        store.delete_vote(session, team_id, retro_id, item_id, user_id)
        return VoteOutcome(VoteResult.REMOVED, number, limit - len(mine) + 1, limit)
    for _ in range(limit + 1):
        slot = free_slot({vote.slot for vote in mine}, limit)
        if slot is None:
            return VoteOutcome(VoteResult.LIMIT, number, 0, limit)
        if store.insert_vote(
            session,
            team_id=team_id,
            retro_id=retro_id,
            item_id=item_id,
            user_id=user_id,
            slot=slot,
            now=now,
        ):
            return VoteOutcome(VoteResult.ADDED, number, limit - len(mine) - 1, limit)
        # Another click of theirs took that slot (or this very item) first: look again.
        mine = store.votes_of(session, team_id, retro_id, user_id)
        if any(vote.item_id == item_id for vote in mine):
            return VoteOutcome(VoteResult.ADDED, number, limit - len(mine), limit)
    return VoteOutcome(VoteResult.LIMIT, number, 0, limit)


# -- the board: what the retro message shows ---------------------------------------------


@dataclass(frozen=True)
class ItemCard:
    """An item as shown: its number in the retro, its column, and its votes."""

    id: int
    number: int
    column: Column
    text: str
    lever: str
    author_id: str | None
    votes: int


@dataclass(frozen=True)
class ActionLine:
    """An action as shown, with whether it is overdue and what the follow-up said."""

    id: int
    text: str
    owner_id: str
    due_on: date
    status: str
    overdue: bool
    worked: int = 0
    not_yet: int = 0


@dataclass(frozen=True)
class Board:
    """Everything the retro message shows, read in one transaction."""

    retro_id: int
    title: str
    channel_id: str
    facilitator_id: str
    language: str
    status: str
    votes_per_person: int
    closed_by: str | None
    learnings_since: datetime
    first_retro: bool
    voters: int
    items: tuple[ItemCard, ...] = ()
    previous: tuple[ActionLine, ...] = ()  # promised at earlier retros, overdue first
    decided: tuple[ActionLine, ...] = ()  # decided when this retro closed
    learnings: dict[str, int] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def local_today(now: datetime, timezone: str | None) -> date:
    """The calendar day it is in a time zone (UTC when unknown)."""
    return now.astimezone(zone_of(timezone)).date()


def zone_of(timezone: str | None) -> ZoneInfo:
    """A time zone by name (UTC when unknown)."""
    try:
        return ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


_STATUS_ORDER = {"open": 1, "done": 2, "dropped": 3}


def look_back_order(line: ActionLine) -> tuple:
    """Overdue first, then open, done and dropped; sooner due days first."""
    return (0 if line.overdue else _STATUS_ORDER.get(line.status, 4), line.due_on, line.id)


def action_lines(
    session: Session, team_id: str, actions: list, today: date
) -> tuple[ActionLine, ...]:
    """Actions as shown, with follow-up answers, overdue first."""
    evidence = action_store.evidence_for_actions(session, team_id, [a.id for a in actions])
    lines = [
        ActionLine(
            id=action.id,
            text=action.text,
            owner_id=action.owner_id,
            due_on=action.due_on,
            status=action.status,
            overdue=action.status == "open" and action.due_on < today,
            worked=evidence.get(action.id, {}).get("worked", 0),
            not_yet=evidence.get(action.id, {}).get("not_yet", 0),
        )
        for action in actions
    ]
    return tuple(sorted(lines, key=look_back_order))


def load_board(session: Session, team_id: str, retro_id: int, today: date) -> Board | None:
    """The retro as its message shows it, or None when it does not exist."""
    retro = store.get_retro(session, team_id, retro_id)
    if retro is None:
        return None
    counts = store.vote_counts(session, team_id, retro_id)
    items = tuple(
        ItemCard(
            id=item.id,
            number=number,
            column=Column(item.column),
            text=item.text,
            lever=item.lever,
            author_id=item.author_id,
            votes=counts.get(item.id, 0),
        )
        for number, item in enumerate(store.list_items(session, team_id, retro_id), start=1)
    )
    previous_retro = store.previous_retro(session, team_id, retro.channel_id, before_id=retro.id)
    earlier = action_store.open_actions_before(session, team_id, retro.channel_id, retro.id)
    last = action_store.retro_actions(
        session, team_id, [previous_retro.id] if previous_retro else []
    )
    seen = {action.id for action in last}
    previous = action_lines(
        session, team_id, last + [a for a in earlier if a.id not in seen], today
    )
    decided = action_lines(
        session, team_id, action_store.retro_actions(session, team_id, [retro.id]), today
    )
    return Board(
        retro_id=retro.id,
        title=retro.title,
        channel_id=retro.channel_id,
        facilitator_id=retro.facilitator_id,
        language=retro.language,
        status=retro.status,
        votes_per_person=retro.votes_per_person,
        closed_by=retro.closed_by,
        learnings_since=retro.learnings_since,
        first_retro=previous_retro is None and not earlier,
        voters=store.voters(session, team_id, retro_id),
        items=items,
        previous=previous,
        decided=decided,
        # Up to the close: the retro's own items become learnings as it closes.
        learnings=store.learning_counts(
            session, team_id, retro.channel_id, retro.learnings_since, retro.closed_at
        ),
    )


def top_items(items: tuple[ItemCard, ...], limit: int = TOP_ITEMS) -> list[ItemCard]:
    """The most voted items (ties: the earlier first); with no votes, the `try next` ones."""
    voted = sorted((i for i in items if i.votes > 0), key=lambda i: (-i.votes, i.number))
    if voted:
        return voted[:limit]
    return [i for i in items if i.column == Column.TRY_NEXT][:limit]
