"""Running check-ins: the job that opens and closes rounds, and taking people's answers.

Each round is claimed (a row unique per channel and period) before it is posted, and closed
by the one UPDATE that moves it from open to closed, so two clocks or a restart never post
a poll or its results twice. A poll Slack refused is given back for the next tick; one Slack
did not answer in time may be in the channel, so it is never posted again.

Polls and results go out through bot.pacing.fan_out, paced per channel and per workspace:
each is claimed just before it is posted, so a clock stopped mid-fan-out leaves the rest
unclaimed for the next tick.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackApiError

from bot.blocks.checkins import checkin_poll, closed_poll, results_message
from bot.clients import post_in_turn, tell_once
from bot.deps import Deps
from bot.insights.checkins import CHECKIN_LEVERS, results, round_due
from bot.messages import t
from bot.pacing import Turn, fan_out
from bot.periods import Period
from storage.admin_settings import workspace_language, workspace_timezone
from storage.checkins import (
    claim_close,
    claim_round,
    get_round,
    has_round,
    levels_by_lever,
    pause,
    release_round,
    rounds_ending,
    save_answer,
    set_round_status,
    settings_to_run,
)
from storage.models import CheckinRound

log = logging.getLogger(__name__)

# Slack errors that mean the bot cannot post in the channel until someone acts.
CHANNEL_GONE = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "access_denied", "restricted_action"}
)


def run_checkins(deps: Deps, now: datetime) -> None:
    """Scheduler job: open the rounds that are due, then close the rounds that ended, paced.

    Both go in one fan-out, so a channel whose round ends as the next one opens gets its new
    poll and the results a second apart, within the same workspace pace.
    """
    with deps.sessions() as session:
        opening = [
            (
                s.team_id,
                s.channel_id,
                partial(
                    _open_round,
                    deps,
                    now,
                    s.id,
                    s.team_id,
                    s.channel_id,
                    s.cadence,
                    s.updated_at,
                    s.created_by,
                ),
            )
            for s in settings_to_run(session)
            if _may_open(session, deps, s, now)
        ]
        closing = [
            (item.team_id, item.channel_id, partial(_close_round, deps, now, item.id, item.team_id))
            for item in rounds_ending(session, now)
        ]
    # Each send claims its round first. One that raises is logged by fan_out; the others go on.
    fan_out([*opening, *closing], lambda send, turn: send(turn), pacer=deps.pacer)


def _may_open(session, deps: Deps, setting, now: datetime) -> bool:
    """Whether a channel's current period has no round yet (read only; the claim decides)."""
    timezone = workspace_timezone(session, setting.team_id, deps.settings.timezone)
    period = round_due(setting.cadence, now, timezone, setting.updated_at)
    return period is not None and not has_round(
        session, setting.team_id, setting.channel_id, period.key
    )


def _open_round(
    deps: Deps,
    now: datetime,
    setting_id: int,
    team_id: str,
    channel_id: str,
    cadence: str,
    since: datetime,
    created_by: str | None,
    turn: Turn | None = None,
) -> None:
    if not deps.installed(team_id):
        return
    with deps.sessions.begin() as session:
        timezone = workspace_timezone(session, team_id, deps.settings.timezone)
        period = round_due(cadence, now, timezone, since)
        if period is None or has_round(session, team_id, channel_id, period.key):
            return
        language = workspace_language(session, team_id, deps.settings.language)
        claimed = claim_round(
            session,
            team_id=team_id,
            channel_id=channel_id,
            cadence=cadence,
            period=period.key,
            period_start=period.start,
            period_end=period.end,
            language=language,
            created_at=now,
        )
        if claimed is None:
            return
        round_id = claimed.id
    client = deps.client_for(team_id)
    try:
        posted = post_in_turn(
            client, turn, channel=channel_id, **checkin_poll(round_id, period, language)
        )
    except SlackApiError as error:
        reason = str(error.response.get("error"))
        extra = {"team_id": team_id, "channel_id": channel_id}
        with deps.sessions.begin() as session:
            if reason not in CHANNEL_GONE:
                log.warning("check-in not posted (%s); next tick retries", reason, extra=extra)
                release_round(session, round_id)
                return
            log.warning("check-in not posted (%s); paused", reason, extra=extra)
            set_round_status(session, round_id, "failed")
            first_time = pause(session, setting_id, reason)
        if first_time and created_by:
            _tell_paused(deps, team_id, created_by, channel_id, reason)
        return
    except TimeoutError:
        # Slack got the poll but did not answer in time: it may be in the channel. Never
        # posted again (a second poll is worse than none); the round takes answers, in case.
        log.warning(
            "no answer from Slack for check-in #%s: it may have been posted; not retried",
            round_id,
            extra={"team_id": team_id, "channel_id": channel_id},
        )
        with deps.sessions.begin() as session:
            set_round_status(session, round_id, "open")
        return
    with deps.sessions.begin() as session:
        set_round_status(session, round_id, "open", posted["ts"])


def _close_round(
    deps: Deps, now: datetime, round_id: int, team_id: str, turn: Turn | None = None
) -> None:
    with deps.sessions.begin() as session:
        if not claim_close(session, round_id, now):
            return
        closed = get_round(session, team_id, round_id)
        assert closed is not None
        found = results(levels_by_lever(session, team_id, [round_id]))
        timezone = workspace_timezone(session, team_id, deps.settings.timezone)
    period = round_period(closed, timezone)
    language = closed.language
    client = deps.client_for(team_id)
    extra = {"team_id": team_id, "channel_id": closed.channel_id}
    try:
        if closed.message_ts:  # unknown when Slack did not answer the poll's post in time
            client.chat_update(
                channel=closed.channel_id,
                ts=closed.message_ts,
                **closed_poll(
                    period, now.astimezone(ZoneInfo(timezone)).date().isoformat(), language
                ),
            )
    except SlackApiError as error:
        log.warning("check-in poll not updated (%s)", error.response.get("error"), extra=extra)
    except TimeoutError:
        log.warning("check-in poll not updated (no answer from Slack)", extra=extra)
    try:
        post_in_turn(
            client,
            turn,
            channel=closed.channel_id,
            thread_ts=closed.message_ts,
            **results_message(period, found, language),
        )
    except SlackApiError as error:
        # The results stay in the database: App Home, the digest and the report show them.
        log.warning("check-in results not posted (%s)", error.response.get("error"), extra=extra)
    except TimeoutError:
        log.warning(
            "no answer from Slack for the check-in results: they may have been posted; not retried",
            extra=extra,
        )


def round_period(checkin_round: CheckinRound, timezone: str) -> Period:
    """The period a round was opened for, with its days as lived in `timezone`."""
    zone = ZoneInfo(timezone)
    return Period(
        cadence=checkin_round.cadence,
        key=checkin_round.period,
        start=checkin_round.period_start,
        end=checkin_round.period_end,
        first_day=checkin_round.period_start.astimezone(zone).date(),
        last_day=(checkin_round.period_end - timedelta(seconds=1)).astimezone(zone).date(),
    )


def answer(
    deps: Deps,
    team_id: str,
    user_id: str,
    round_id: int,
    lever: str,
    level: int,
    *,
    comment: str | None = None,
    set_comment: bool = False,
) -> CheckinRound | None:
    """Store a person's answer in an open round; the round, or None when it takes no answers."""
    with deps.sessions.begin() as session:
        checkin_round = get_round(session, team_id, round_id)
        if checkin_round is None or checkin_round.status != "open":
            return None
        if lever not in {item.value for item in CHECKIN_LEVERS}:
            return None
        save_answer(
            session,
            checkin_round,
            lever,
            user_id,
            level,
            deps.now(),
            comment,
            set_comment=set_comment,
        )
        return checkin_round


def last_answer_day(deps: Deps, team_id: str, round_id: int) -> str:
    """The last day a round takes answers, in the workspace's time zone (ISO date)."""
    with deps.sessions() as session:
        checkin_round = get_round(session, team_id, round_id)
        if checkin_round is None:
            return "—"
        timezone = workspace_timezone(session, team_id, deps.settings.timezone)
        return round_period(checkin_round, timezone).last_day.isoformat()


def _tell_paused(deps: Deps, team_id: str, user_id: str, channel_id: str, reason: str) -> None:
    """Tell who turned check-ins on in a channel that they are paused, in their language."""
    client = deps.client_for(team_id)
    language = deps.language_for(client, team_id, user_id)
    text = t("checkin.paused_dm", language, channel=channel_id, reason=reason)
    about = f"check-ins in {channel_id} are paused"
    tell_once(client, user_id, about, extra={"team_id": team_id}, text=text)
