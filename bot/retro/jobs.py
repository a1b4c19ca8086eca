"""Scheduled retro work: reminding owners the day before an action is due, and asking the
channel, some weeks after an action was done, whether the change worked.

Each reminder and question is claimed (a row unique per action and occurrence) before Slack
is called, so two clocks or a restart never send it twice. A passing failure (a Slack outage)
gives the claim back for the next tick; a refusal that retrying would not change is logged;
one Slack did not answer in time may have been sent, so it is logged and never sent again.

Reminders and questions go out through bot.pacing.fan_out, paced per conversation (a DM is
its own) and per workspace, each claimed just before it is sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.retro_followup import question_message, reminder_message
from bot.clients import NO_ANSWER, post_in_turn
from bot.deps import Deps
from bot.pacing import Turn, fan_out
from bot.retro.actions import question_is_due, reminder_is_due
from bot.retro.board import action_lines
from storage import retro_actions as action_store
from storage import retros as store

log = logging.getLogger(__name__)

# Slack's answers that say nothing about the message itself: the next tick may well succeed.
PASSING_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


@dataclass(frozen=True)
class _Due:
    """A reminder that may be due: which action, whose, which day, from which retro."""

    action_id: int
    owner_id: str
    due_on: date
    title: str


@dataclass(frozen=True)
class _Question:
    """A follow-up question that may be due: which action, which day, where, and what."""

    action_id: int
    done_on: date
    channel_id: str
    thread_ts: str | None
    message: dict[str, Any]


def remind_retro_actions(deps: Deps, now: datetime) -> None:
    """DM each owner whose open action is due tomorrow (their time), once per due day."""
    with deps.sessions() as session:
        teams = store.live_team_ids(session)
    # Whatever the time zone, its "tomorrow" is within a day of UTC's.
    today = now.date()
    reminders: list[tuple[str, str, tuple[str, _Due]]] = []
    for team_id in teams:
        with deps.sessions() as session:
            due = [
                _Due(action.id, action.owner_id, action.due_on, retro.title)
                for action, retro in action_store.actions_due_between(
                    session, team_id, today - timedelta(days=1), today + timedelta(days=2)
                )
            ]
            default_zone = store.workspace_timezone(session, team_id) or deps.settings.timezone
        if not due:
            continue
        client = deps.client_for(team_id)
        for reminder in due:
            person = deps.person(client, team_id, reminder.owner_id)
            zone = (person and person.timezone) or default_zone
            if reminder_is_due(reminder.due_on, zone, now):
                reminders.append((team_id, reminder.owner_id, (team_id, reminder)))
    # A send that raises is logged by fan_out and the others go on.
    fan_out(reminders, lambda item, turn: _send_reminder(deps, *item, now, turn), pacer=deps.pacer)


def _send_reminder(
    deps: Deps, team_id: str, reminder: _Due, now: datetime, turn: Turn | None
) -> None:
    client = deps.client_for(team_id)
    with deps.sessions.begin() as session:
        claim = action_store.claim_followup(
            session,
            team_id=team_id,
            action_id=reminder.action_id,
            kind="reminder",
            for_date=reminder.due_on,
            now=now,
        )
        if claim is None:
            return
        claim_id = claim.id
        action = action_store.get_action(session, team_id, reminder.action_id)
        [line] = action_lines(session, team_id, [action], reminder.due_on)
    language = deps.language_for(client, team_id, reminder.owner_id)
    message = reminder_message(line, reminder.title, language)
    _send(deps, client, team_id, claim_id, now, turn, channel=reminder.owner_id, **message)


def _send(
    deps: Deps,
    client: WebClient,
    team_id: str,
    claim_id: int,
    now: datetime,
    turn: Turn | None,
    **message: Any,
) -> None:
    """Send a claimed reminder or question and record whether Slack took it."""
    try:
        posted = post_in_turn(client, turn, **message)
    except SlackApiError as error:
        reason = str(error.response.get("error"))
        passing = error.response.status_code >= 500 or reason in PASSING_ERRORS
        log.warning(
            "a retro reminder or question could not be sent: %s%s",
            reason,
            "; next tick retries" if passing else "",
            extra={"team_id": team_id},
        )
        with deps.sessions.begin() as session:
            if passing:
                action_store.release_followup(session, team_id, claim_id)
            else:
                action_store.mark_followup(session, team_id, claim_id, status="failed", now=now)
        return
    except TimeoutError:
        # Slack got it but did not answer in time: it may have been sent. Never sent again,
        # since a reminder twice is worse than one missed.
        log.warning(
            "no answer from Slack for retro reminder or question #%s: it may have been sent; "
            "not retried",
            claim_id,
            extra={"team_id": team_id},
        )
        with deps.sessions.begin() as session:
            action_store.mark_followup(session, team_id, claim_id, status=NO_ANSWER, now=now)
        return
    with deps.sessions.begin() as session:
        action_store.mark_followup(
            session,
            team_id,
            claim_id,
            status="sent",
            now=now,
            channel_id=posted["channel"],
            message_ts=posted["ts"],
        )


def ask_retro_followups(deps: Deps, now: datetime) -> None:
    """Ask in the retro's thread whether a change worked, the set weeks after it was done."""
    with deps.sessions() as session:
        teams = store.live_team_ids(session)
    questions: list[tuple[str, str, tuple[str, _Question]]] = []
    for team_id in teams:
        with deps.sessions() as session:
            found = action_store.actions_done_before(session, team_id, now - timedelta(weeks=1))
            due = [
                (action, retro)
                for action, retro in found
                if action.done_at and question_is_due(action.done_at, retro.followup_weeks, now)
            ]
            lines = {
                line.id: line
                for line in action_lines(session, team_id, [a for a, _ in due], now.date())
            }
        for action, retro in due:
            message = question_message(
                lines[action.id], retro.title, retro.followup_weeks, retro.language
            )
            question = _Question(
                action.id, action.done_at.date(), retro.channel_id, retro.message_ts, message
            )
            questions.append((team_id, retro.channel_id, (team_id, question)))
    # A send that raises is logged by fan_out and the others go on.
    fan_out(questions, lambda item, turn: _ask(deps, *item, now, turn), pacer=deps.pacer)


def _ask(deps: Deps, team_id: str, question: _Question, now: datetime, turn: Turn | None) -> None:
    with deps.sessions.begin() as session:
        claim = action_store.claim_followup(
            session,
            team_id=team_id,
            action_id=question.action_id,
            kind="question",
            for_date=question.done_on,
            now=now,
        )
        claim_id = claim.id if claim else None
    if claim_id is None:
        return
    _send(
        deps,
        deps.client_for(team_id),
        team_id,
        claim_id,
        now,
        turn,
        channel=question.channel_id,
        thread_ts=question.thread_ts,
        **question.message,
    )
