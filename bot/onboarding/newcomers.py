"""Newcomers' paths: starting one, sending each due day once, and what their buttons do.

Every day of a path (0 is the welcome) is claimed by inserting its row before Slack is
called, so a retried event, a restart or a second clock never sends it twice; a bot that was
down sends the missed days once, merged into the latest one. The clock's job sends them
through bot.pacing.fan_out, paced per person (a DM is its own conversation) and per workspace.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import NamedTuple

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.blocks.onboarding import LearningCard, Nudge, ResourceCard, nudge_message
from bot.clients import NO_ANSWER, post_in_turn
from bot.deps import Deps
from bot.learning.visibility import ChannelAccess
from bot.levers import Lever
from bot.onboarding.rules import (
    ACTIVE,
    DONE,
    ENDED,
    LEFT,
    STOPPED,
    asks_fresh_eyes,
    audiences_for,
    due_days,
    everything_done,
    path_days,
    split_resources,
)
from bot.pacing import Turn, fan_out
from bot.people import Person
from storage.models import Learning, Newcomer, OnboardingNudge, OnboardingResource
from storage.onboarding import (
    active_newcomer_ids,
    claim_days,
    configured_days,
    done_ids,
    end_newcomer,
    get_newcomer,
    get_nudge,
    get_resource,
    list_resources,
    mark_done,
    newcomer_learnings,
    newcomer_of,
    nudges_of,
    onboarding_channels,
    start_newcomer,
)

log = logging.getLogger(__name__)

WELCOME_LEARNINGS = 5


def welcome_member(
    deps: Deps,
    client: WebClient,
    team_id: str,
    person: Person,
    source: str,
    channel_id: str | None = None,
) -> bool:
    """Start a person's path and send their welcome; False for bots and known newcomers."""
    if person.is_bot or person.deleted:
        return False
    now = deps.now()
    with deps.sessions.begin() as session:
        newcomer = start_newcomer(
            session,
            team_id,
            person.user_id,
            is_guest=person.is_restricted,
            source=source,
            channel_id=channel_id,
            days=configured_days(session, team_id),
            now=now,
        )
        if newcomer is None:
            return False
        newcomer_id = newcomer.id
    deliver_due(deps, client, team_id, newcomer_id, now)
    return True


def is_onboarding_channel(deps: Deps, team_id: str, channel_id: str) -> bool:
    """Whether an admin marked this channel as one whose new members are welcomed."""
    with deps.sessions() as session:
        return channel_id in onboarding_channels(session, team_id)


def member_joined_channel(
    deps: Deps, client: WebClient, team_id: str, user_id: str, channel_id: str
) -> bool:
    """A person joined a channel: welcome them if it is an onboarding channel."""
    if not is_onboarding_channel(deps, team_id, channel_id):
        return False
    person = deps.person(client, team_id, user_id)
    if person is None:
        return False
    return welcome_member(deps, client, team_id, person, "channel", channel_id)


def send_dm(
    client: WebClient, user_id: str, *, turn: Turn | None = None, **message: object
) -> tuple[str, str]:
    """Open the bot's DM with a person and post there, in `turn` in a fan-out; (channel id, ts).
    Raises SlackApiError."""
    channel_id = client.conversations_open(users=user_id)["channel"]["id"]
    posted = post_in_turn(client, turn, channel=channel_id, **message)
    return channel_id, posted["ts"]


def send_due_nudges(deps: Deps, now: datetime) -> None:
    """The clock's job: send every due day of every running path, once, paced."""
    with deps.sessions() as session:
        due = []
        for team_id, newcomer_id in active_newcomer_ids(session):
            newcomer = get_newcomer(session, team_id, newcomer_id)
            if newcomer is not None and _due(session, newcomer, now).due:
                due.append((team_id, newcomer.user_id, (team_id, newcomer_id)))
    # A path that raises (its day stays claimed) is logged by fan_out and the others go on.
    fan_out(
        due,
        lambda path, turn: deliver_due(deps, deps.client_for(path[0]), *path, now, turn),
        pacer=deps.pacer,
    )


def deliver_due(
    deps: Deps,
    client: WebClient,
    team_id: str,
    newcomer_id: int,
    now: datetime,
    turn: Turn | None = None,
) -> None:
    """Claim the due day of one path (merging missed ones), then send it (in `turn` in a
    fan-out)."""
    try:
        with deps.sessions.begin() as session:
            claimed = _claim(session, team_id, newcomer_id, now)
    except IntegrityError:
        return  # another process claimed this day first, and sends it
    if claimed is None:
        return
    nudge_id, nudge = claimed
    if nudge.is_empty:
        return
    if nudge.learnings:
        access = ChannelAccess(client, nudge.user_id)
        visible = [card for card in nudge.learnings if access.can_see(card.channel_id)]
        nudge = replace(nudge, learnings=visible[:WELCOME_LEARNINGS])
    language = deps.language_for(client, team_id, nudge.user_id)
    try:
        channel_id, ts = send_dm(client, nudge.user_id, turn=turn, **nudge_message(nudge, language))
    except SlackApiError as error:
        code = str(error.response.get("error") or "error")
        # Claimed already: it is logged this once and the rest of the path goes on.
        log.warning(
            "onboarding day %s not sent to %s: %s",
            nudge.day,
            nudge.user_id,
            code,
            extra={"team_id": team_id},
        )
        with deps.sessions.begin() as session:
            _record(session, team_id, nudge_id, "failed", now, error=code[:64])
        return
    except TimeoutError:
        # Slack got the request but did not answer in time: the DM may have been sent. Never
        # sent again, like every claimed day; the rest of the path goes on.
        log.warning(
            "onboarding day %s to %s: no answer from Slack; it may have been sent; not retried",
            nudge.day,
            nudge.user_id,
            extra={"team_id": team_id},
        )
        with deps.sessions.begin() as session:
            _record(session, team_id, nudge_id, NO_ANSWER, now, error=NO_ANSWER)
        return
    with deps.sessions.begin() as session:
        _record(session, team_id, nudge_id, "sent", now, channel_id=channel_id, ts=ts)


def _claim(
    session: Session, team_id: str, newcomer_id: int, now: datetime
) -> tuple[int, Nudge] | None:
    newcomer = get_newcomer(session, team_id, newcomer_id)
    if newcomer is None or newcomer.status != ACTIVE:
        return None
    resources, days, earlier, due = _due(session, newcomer, now)
    if not due:
        return None
    row = claim_days(session, newcomer, due, now)
    shown = {rid for n in earlier for rid in n.resource_ids}
    new, still_open = split_resources(
        resources, row.day, done_ids(session, team_id, newcomer.id), shown
    )
    previous = max((n.day for n in earlier), default=-1)
    learnings = newcomer_learnings(session, team_id) if row.day == 0 else []
    nudge = Nudge(
        newcomer_id=newcomer.id,
        user_id=newcomer.user_id,
        day=row.day,
        new=[resource_card(r) for r in new],
        still_open=[resource_card(r) for r in still_open],
        learnings=[learning_card(learning) for learning in learnings],
        fresh_eyes=asks_fresh_eyes(previous, row.day),
        next_days=[day for day in days if day > row.day],
    )
    row.resource_ids = [r.id for r in (*new, *still_open)]
    row.fresh_eyes = nudge.fresh_eyes
    if nudge.is_empty:
        row.status = "empty"
    if row.day == days[-1]:
        end_newcomer(newcomer, ENDED, now)
    return row.id, nudge


class _PathDue(NamedTuple):
    """What a running path has (resources, days, claimed days) and the days due now."""

    resources: list[OnboardingResource]
    days: list[int]
    earlier: list[OnboardingNudge]
    due: list[int]


def _due(session: Session, newcomer: Newcomer, now: datetime) -> _PathDue:
    """A running path's days and which of them are due now; read only (the claim decides)."""
    resources = list_resources(session, newcomer.team_id, audiences_for(newcomer.is_guest))
    days = path_days(newcomer.days, [r.day for r in resources])
    earlier = nudges_of(session, newcomer.team_id, newcomer.id)
    due = due_days(days, newcomer.started_at, now, [n.day for n in earlier])
    return _PathDue(resources, days, earlier, due)


def _record(
    session: Session,
    team_id: str,
    nudge_id: int,
    status: str,
    now: datetime,
    *,
    channel_id: str | None = None,
    ts: str | None = None,
    error: str | None = None,
) -> None:
    row = get_nudge(session, team_id, nudge_id)
    if row is None:
        return
    row.status = status
    row.channel_id = channel_id
    row.message_ts = ts
    row.error = error
    row.sent_at = now if status == "sent" else None


def resource_card(resource: OnboardingResource) -> ResourceCard:
    """A stored resource as builders show it."""
    return ResourceCard(
        id=resource.id,
        title=resource.title,
        url=resource.url,
        description=resource.description,
        day=resource.day,
        audience=resource.audience,
        lever=resource.lever,
    )


def learning_card(learning: Learning) -> LearningCard:
    """A stored learning as a newcomer reads it."""
    lever = learning.lever if learning.lever in Lever._value2member_map_ else Lever.OTHER.value
    return LearningCard(text=learning.text, lever=lever, channel_id=learning.channel_id)


# -- what newcomers' buttons do ------------------------------------------------------------


@dataclass(frozen=True)
class DoneOutcome:
    """What a Done click changed: a refusal key, or whether the whole path is now done."""

    refusal: str | None = None
    finished: bool = False


def record_done(
    session: Session, team_id: str, user_id: str, newcomer_id: int, resource_id: int, now: datetime
) -> DoneOutcome:
    """Mark a resource done for its newcomer; the path ends when everything is done."""
    newcomer = get_newcomer(session, team_id, newcomer_id)
    if newcomer is None or newcomer.user_id != user_id:
        return DoneOutcome(refusal="onboarding.not_yours")
    if get_resource(session, team_id, resource_id) is None:
        return DoneOutcome(refusal="onboarding.resource_gone")
    mark_done(session, newcomer, resource_id, now)
    wanted = [r.id for r in list_resources(session, team_id, audiences_for(newcomer.is_guest))]
    finished = newcomer.status in (ACTIVE, ENDED) and everything_done(
        wanted, done_ids(session, team_id, newcomer.id)
    )
    if finished:
        end_newcomer(newcomer, DONE, now)
    return DoneOutcome(finished=finished)


def stop_path(
    session: Session, team_id: str, user_id: str, newcomer_id: int, now: datetime
) -> str | None:
    """The newcomer opted out; a refusal key when the path is not theirs."""
    newcomer = get_newcomer(session, team_id, newcomer_id)
    if newcomer is None or newcomer.user_id != user_id:
        return "onboarding.not_yours"
    if newcomer.status == ACTIVE:
        end_newcomer(newcomer, STOPPED, now)
    return None


def member_left(session: Session, team_id: str, user_id: str, now: datetime) -> bool:
    """A deactivated member's path stops; True when one was running."""
    newcomer = newcomer_of(session, team_id, user_id)
    if newcomer is None or newcomer.status != ACTIVE:
        return False
    end_newcomer(newcomer, LEFT, now)
    return True
