"""Posting reflection prompts: the scheduler job, one prompt now, and what follows a failure.

Each due time is claimed in the database (the unique schedule + due time of posted_prompts)
before chat.postMessage is called, so two clocks, a restart or a retry never post it twice.
A 429 is waited out by the Web API client (Retry-After), or in a fan-out by the pacer (the
workspace is held for Retry-After and the same claimed prompt waits for a new turn, still
`posting`, so no other process takes it meanwhile). Any other failure is logged with the
channel and the reason and tried again on the next tick, then less and less often (up to every
15 minutes) while the due time is within the grace period (bot/prompts/schedules.py). When the bot was
removed from the channel, or the channel is gone or archived, the schedule is paused and
whoever set it up is told once, in a DM.

Many due prompts go out through bot.pacing.fan_out: over a bounded pool of threads, about one
message a second per channel and within each workspace's burst and pace. Each send claims its
prompt just before posting it, so a clock that stops mid-fan-out (SIGTERM sets
bot.pacing.STOPPING) leaves the unsent ones unclaimed and the next tick, on any clock, posts
them. A process that dies between claiming and posting leaves that one prompt `posting`, and
it is never posted (rather than risking a double post).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.prompts import notice, prompt_message, welcome_message
from bot.clients import NO_ANSWER, post_in_turn, refusal_reason, tell_once
from bot.deps import Deps
from bot.errors import InvalidInput
from bot.levers import Lever
from bot.messages import t
from bot.pacing import Turn, fan_out
from bot.prompts.questions import describe_when, question_key, question_text
from bot.prompts.schedules import DEFAULT_CRON, due_time, next_lever
from storage.models import Workspace
from storage.prompts import (
    FAILED,
    POSTED,
    POSTING,
    SKIPPED,
    claim_prompt,
    finish_prompt,
    last_lever,
    prompt_for_due,
    reclaim_failed,
    times_asked,
)
from storage.schedules import (
    active_schedules,
    get_schedule,
    pause,
    resume_channel,
    schedule_for_channel,
)

log = logging.getLogger(__name__)

# Slack's answers meaning the bot cannot post in the channel until someone acts.
CHANNEL_GONE = frozenset({"not_in_channel", "channel_not_found", "is_archived"})

# A failed prompt is tried again on the next tick, then less and less often.
FIRST_RETRY = timedelta(seconds=20)
LONGEST_RETRY = timedelta(minutes=15)


def retry_delay(attempts: int) -> timedelta:
    """How long after its last try a prompt that failed `attempts` times is tried again."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


@dataclass(frozen=True)
class Claimed:
    """A prompt this process claimed and must now post."""

    prompt_id: int
    team_id: str
    channel_id: str
    schedule_id: int | None
    lever: str
    question_key: str
    language: str


@dataclass(frozen=True)
class Outcome:
    """How posting went: the message ts, or Slack's error."""

    prompt_id: int
    lever: str
    ts: str | None = None
    error: str | None = None


def post_due_prompts(deps: Deps, now: datetime, stop: threading.Event | None = None) -> None:
    """The scheduler job: post every schedule's due prompt that no process posted yet, paced."""
    with deps.sessions() as session:
        due = [
            (schedule.team_id, schedule.channel_id, (schedule.team_id, schedule.id))
            for schedule in active_schedules(session)
            if _may_be_due(session, schedule, now)
        ]
    fan_out(
        due,
        lambda item, turn: _claim_and_post(deps, item[0], item[1], now, turn),
        pacer=deps.pacer,
        stop=stop,
    )


def _may_be_due(session, schedule, now: datetime) -> bool:
    """Whether a schedule has a prompt to claim now (read only; the claim decides)."""
    due = _due_at(schedule, now)
    if due is None:
        return False
    existing = prompt_for_due(session, schedule.id, due)
    return existing is None or (
        existing.status == FAILED
        and existing.tried_at is not None
        and existing.tried_at <= now - retry_delay(existing.attempts)
    )


def _due_at(schedule, now: datetime) -> datetime | None:
    try:
        return due_time(
            schedule.cron, schedule.timezone, now, schedule.active_from or schedule.created_at
        )
    except InvalidInput:
        log.warning("schedule #%s has a bad cron %r", schedule.id, schedule.cron)
        return None


def _claim_and_post(
    deps: Deps, team_id: str, schedule_id: int, now: datetime, turn: Turn
) -> Outcome | None:
    try:
        claimed = _claim_due(deps, team_id, schedule_id, now)
    except SQLAlchemyError:
        log.exception("could not claim a prompt", extra={"team_id": team_id})
        return None
    if claimed is None:
        return None  # no longer due, or another process claimed it first
    return post_claimed(deps, deps.client_for(team_id), claimed, now, turn)


def _prompt_language(session, deps: Deps, team_id: str, language: str | None) -> str:
    workspace = session.get(Workspace, team_id)
    return language or (workspace and workspace.language) or deps.settings.language


def _claim_due(deps: Deps, team_id: str, schedule_id: int, now: datetime) -> Claimed | None:
    with deps.sessions.begin() as session:
        schedule = get_schedule(session, team_id, schedule_id)
        if schedule is None or not schedule.enabled or schedule.paused_reason:
            return None
        due = _due_at(schedule, now)
        if due is None:
            return None
        existing = prompt_for_due(session, schedule.id, due)
        if existing is not None:
            # A failed try is taken again by one process only; anything else is done.
            if existing.status != FAILED or not reclaim_failed(
                session, team_id, existing.id, now, now - retry_delay(existing.attempts)
            ):
                return None
            prompt = existing
        else:
            lever = next_lever(
                schedule.lever_mode,
                schedule.levers,
                last_lever(session, team_id, schedule.channel_id),
            )
            prompt = claim_prompt(
                session,
                team_id=team_id,
                channel_id=schedule.channel_id,
                schedule_id=schedule.id,
                due_at=due,
                lever=lever.value,
                question_key=question_key(
                    lever, times_asked(session, team_id, schedule.channel_id, lever.value)
                ),
                language=_prompt_language(session, deps, team_id, schedule.language),
                now=now,
            )
            if prompt is None:
                return None  # another process claimed it first
        return Claimed(
            prompt_id=prompt.id,
            team_id=team_id,
            channel_id=prompt.channel_id,
            schedule_id=schedule.id,
            lever=prompt.lever,
            question_key=prompt.question_key,
            language=prompt.language,
        )


def post_claimed(
    deps: Deps, client: WebClient, claimed: Claimed, now: datetime, turn: Turn | None = None
) -> Outcome:
    """Post a claimed prompt and record how it went; paced by `turn` in a fan-out."""
    question = question_text(claimed.question_key, claimed.lever, claimed.language)
    message = prompt_message(claimed.prompt_id, claimed.lever, question, claimed.language)
    try:
        response = post_in_turn(client, turn, channel=claimed.channel_id, **message)
    except SlackApiError as error:
        reason = refusal_reason(error)
        _failed(deps, client, claimed, reason, now)
        return Outcome(claimed.prompt_id, claimed.lever, error=reason)
    except TimeoutError:
        # Slack got the request but did not answer in time: it may have posted it. Left as
        # claimed and never retried, since a prompt posted twice is worse than one missed.
        log.warning(
            "no answer from Slack for prompt #%s in channel %s: it may have been posted; "
            "not retried",
            claimed.prompt_id,
            claimed.channel_id,
            extra={"team_id": claimed.team_id},
        )
        with deps.sessions.begin() as session:
            finish_prompt(
                session,
                claimed.team_id,
                claimed.prompt_id,
                status=POSTING,
                error=NO_ANSWER,
                now=now,
            )
        return Outcome(claimed.prompt_id, claimed.lever, error=NO_ANSWER)
    except OSError as error:  # the connection failed even after the client's retry
        _failed(deps, client, claimed, type(error).__name__, now)
        return Outcome(claimed.prompt_id, claimed.lever, error=type(error).__name__)
    with deps.sessions.begin() as session:
        finish_prompt(
            session,
            claimed.team_id,
            claimed.prompt_id,
            status=POSTED,
            message_ts=response["ts"],
            now=now,
        )
    log.info(
        "prompt #%s posted in %s",
        claimed.prompt_id,
        claimed.channel_id,
        extra={"team_id": claimed.team_id},
    )
    return Outcome(claimed.prompt_id, claimed.lever, ts=response["ts"])


def _failed(deps: Deps, client: WebClient, claimed: Claimed, reason: str, now: datetime) -> None:
    log.warning(
        "could not post prompt #%s in channel %s: %s",
        claimed.prompt_id,
        claimed.channel_id,
        reason,
        extra={"team_id": claimed.team_id},
    )
    gone = reason in CHANNEL_GONE
    owner = None
    with deps.sessions.begin() as session:
        finish_prompt(
            session,
            claimed.team_id,
            claimed.prompt_id,
            status=SKIPPED if gone else FAILED,
            error=reason[:64],
            now=now,
        )
        paused = (
            gone
            and claimed.schedule_id is not None
            and pause(session, claimed.team_id, claimed.schedule_id, reason[:64], now)
        )
        if paused:
            schedule = get_schedule(session, claimed.team_id, claimed.schedule_id)
            owner = schedule.created_by if schedule else None
            log.warning(
                "schedule #%s paused (%s)",
                claimed.schedule_id,
                reason,
                extra={"team_id": claimed.team_id},
            )
    if owner is not None:
        _tell_owner(deps, client, claimed, owner, reason)


def _tell_owner(deps: Deps, client: WebClient, claimed: Claimed, owner: str, reason: str) -> None:
    language = deps.language_for(client, claimed.team_id, owner)
    text = t(
        "prompts.paused_dm",
        language,
        channel=claimed.channel_id,
        reason=t(f"prompts.reason.{reason}", language),
        id=claimed.schedule_id,
    )
    tell_once(
        client,
        owner,
        f"schedule #{claimed.schedule_id} is paused",
        extra={"team_id": claimed.team_id},
        **notice(text),
    )


def post_prompt_now(
    deps: Deps,
    client: WebClient,
    team_id: str,
    channel_id: str,
    now: datetime,
    lever: Lever | None = None,
) -> Outcome:
    """Post one prompt in a channel right away (no due time), recorded like scheduled ones."""
    with deps.sessions.begin() as session:
        schedule = schedule_for_channel(session, team_id, channel_id)
        if lever is None:
            mode, levers = (schedule.lever_mode, schedule.levers) if schedule else ("rotate", [])
            lever = next_lever(mode, levers, last_lever(session, team_id, channel_id))
        language = _prompt_language(session, deps, team_id, schedule and schedule.language)
        prompt = claim_prompt(
            session,
            team_id=team_id,
            channel_id=channel_id,
            schedule_id=None,
            due_at=None,
            lever=lever.value,
            question_key=question_key(lever, times_asked(session, team_id, channel_id, lever)),
            language=language,
            now=now,
        )
        assert prompt is not None  # without a due time nothing can clash
        claimed = Claimed(
            prompt_id=prompt.id,
            team_id=team_id,
            channel_id=channel_id,
            schedule_id=None,
            lever=prompt.lever,
            question_key=prompt.question_key,
            language=language,
        )
    return post_claimed(deps, client, claimed, now)


def bot_joined_channel(deps: Deps, client: WebClient, team_id: str, channel_id: str) -> None:
    """The bot was added to a channel: resume its paused prompts, or offer to start them."""
    now = deps.now()
    with deps.sessions.begin() as session:
        resumed = resume_channel(session, team_id, channel_id, now)
        existing = schedule_for_channel(session, team_id, channel_id)
        workspace = session.get(Workspace, team_id)
        language = (
            (existing and existing.language)
            or (workspace and workspace.language)
            or deps.settings.language
        )
        timezone = (workspace and workspace.timezone) or deps.settings.timezone
        described = existing and (describe_when(existing.cron, language), existing.timezone)
    if resumed is not None and described:
        text = t("prompts.resumed", language, when=described[0], timezone=described[1])
        message = notice(text, channel_id, language)
    elif existing is None:
        when = describe_when(DEFAULT_CRON, language)
        message = welcome_message(channel_id, when, timezone, language)
    else:
        return  # prompts already run here
    try:
        client.chat_postMessage(channel=channel_id, **message)
    except SlackApiError as error:
        log.warning(
            "could not welcome channel %s: %s",
            channel_id,
            error.response.get("error"),
            extra={"team_id": team_id},
        )
    except TimeoutError:
        # Slack may have posted it: never posted again (a welcome twice is worse than none).
        log.warning(
            "could not welcome channel %s: no answer from Slack; it may have been posted",
            channel_id,
            extra={"team_id": team_id},
        )
