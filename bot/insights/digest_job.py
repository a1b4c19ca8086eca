"""Posting digests: the scheduler job, one digest per workspace and period, with its chart.

Each digest is claimed (a row unique per workspace and period) before Slack is called. A
digest channel the bot is not in is not posted to: the admin who chose it is told once by
DM, App Home shows the problem, and the next period tries again. Any other error gives the
claim back for the next tick; a post Slack did not answer in time may have gone out, so it is
logged and never tried again.

Digests go out through bot.pacing.fan_out, paced per channel and per workspace, each claimed
just before it is posted.
"""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.digest import digest_text
from bot.clients import NO_ANSWER, tell_once
from bot.deps import Deps
from bot.insights.charts import digest_chart
from bot.insights.checkin_rounds import CHANNEL_GONE
from bot.insights.digest import build_digest, digest_due
from bot.learning.visibility import ChannelAccess
from bot.messages import t
from bot.pacing import fan_out
from storage.admin_settings import workspace_timezone
from storage.digests import (
    claim_digest,
    digests_to_run,
    finish_digest,
    release_digest,
    set_problem,
)

log = logging.getLogger(__name__)


def run_digests(deps: Deps, now: datetime) -> None:
    """Scheduler job: post each workspace's digest once it is due, paced."""
    with deps.sessions() as session:
        due = [
            (
                s.team_id,
                s.channel_id,
                (s.team_id, s.channel_id, s.cadence, s.updated_at, s.created_by),
            )
            for s in digests_to_run(session)
        ]
    # A send that raises is logged by fan_out and the others go on. Its turn is unused: a
    # digest goes out as a file upload, whose 429 the Web API client waits out itself.
    fan_out(due, lambda digest, _turn: _post_digest(deps, now, *digest), pacer=deps.pacer)


def _post_digest(
    deps: Deps,
    now: datetime,
    team_id: str,
    channel_id: str,
    cadence: str,
    since: datetime,
    created_by: str | None,
) -> None:
    if not deps.installed(team_id):
        return
    with deps.sessions.begin() as session:
        timezone = workspace_timezone(session, team_id, deps.settings.timezone)
        due = digest_due(cadence, now, timezone, since)
        if due is None:
            return
        covered, _current = due
        run_id = claim_digest(session, team_id, covered.key, channel_id)
        if run_id is None:
            return
    client = deps.client_for(team_id)
    extra = {"team_id": team_id, "channel_id": channel_id}
    try:
        problem = channel_problem(client, channel_id)
    except TimeoutError:
        problem = NO_ANSWER  # only a question went unanswered: safe to ask again
    if problem is None:
        try:
            file_id = post_digest(deps, client, team_id, channel_id, covered, now, timezone)
        except SlackApiError as error:
            problem = str(error.response.get("error"))
        except TimeoutError:
            # Slack got the post but did not answer in time: it may have posted it. Never
            # retried, since a digest posted twice is worse than one missed.
            log.warning(
                "no answer from Slack for the digest of %s: it may have been posted; not retried",
                covered.key,
                extra=extra,
            )
            with deps.sessions.begin() as session:
                finish_digest(session, run_id, NO_ANSWER)
            return
    if problem is not None and problem not in CHANNEL_GONE:
        # A rate limit, a Slack outage or a lost answer: nothing was posted, nobody to bother.
        log.warning("digest not posted (%s); next tick retries", problem, extra=extra)
        with deps.sessions.begin() as session:
            release_digest(session, run_id)
        return
    if problem is not None:
        log.warning("digest not posted: %s", problem, extra=extra)
        with deps.sessions.begin() as session:
            finish_digest(session, run_id, "failed")
            first_time = set_problem(session, team_id, problem)
        if first_time and created_by:
            _tell(deps, client, team_id, created_by, channel_id, problem)
        return
    with deps.sessions.begin() as session:
        finish_digest(session, run_id, "posted", file_id)
        set_problem(session, team_id, None)


def channel_problem(client: WebClient, channel_id: str) -> str | None:
    """Why the bot cannot post in a channel (not_in_channel, channel_not_found…), or None."""
    try:
        info = client.conversations_info(channel=channel_id)["channel"]
    except SlackApiError as error:
        return str(error.response.get("error"))
    if info.get("is_archived"):
        return "is_archived"
    if not info.get("is_member", False) and not info.get("is_im"):
        return "not_in_channel"
    return None


def post_digest(
    deps: Deps,
    client: WebClient,
    team_id: str,
    channel_id: str,
    covered,
    now: datetime,
    timezone: str,
) -> str | None:
    """Build and post one digest: the chart with the text as its comment, or the text alone."""
    language = deps.workspace_language(team_id)
    access = ChannelAccess(client)

    def can_show(source: str | None) -> bool:
        # The digest's readers are everyone in its channel: only public texts, or its own.
        try:
            return source == channel_id or access.is_public(source)
        except TimeoutError:
            return False  # Slack did not say in time: counted as private, so nothing leaks

    with deps.sessions() as session:
        digest = build_digest(session, team_id, covered, now, language, timezone, can_show)
    chart = digest_chart(digest)
    text = digest_text(digest, has_chart=chart is not None)
    if chart is None:
        client.chat_postMessage(channel=channel_id, text=text)
        return None
    response = client.files_upload_v2(
        channel=channel_id,
        file=chart,
        filename=f"learnloop-{covered.key}.png",
        title=t("digest.chart_file_title", language),
        alt_txt=t("digest.chart_alt", language),
        initial_comment=text,
    )
    files = response.get("files") or []
    return files[0].get("id") if files else None


def _tell(
    deps: Deps, client: WebClient, team_id: str, user_id: str, channel_id: str, reason: str
) -> None:
    language = deps.language_for(client, team_id, user_id)
    text = t("digest.cannot_post", language, channel=channel_id, reason=reason)
    about = f"the digest cannot be posted in {channel_id}"
    tell_once(client, user_id, about, extra={"team_id": team_id}, text=text)
