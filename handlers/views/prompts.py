"""The reflection prompts' modals: schedule settings, and answering a prompt anonymously."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError

from bot.blocks.prompts import anonymous_post, settings_errors, settings_modal
from bot.clients import ACK_SLACK_BUDGET_S
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.ids import PromptBlock, PromptView
from bot.messages import t
from bot.prompts.channels import SlackTrouble, channel_info
from bot.prompts.questions import describe_levers, describe_moment, describe_when
from bot.prompts.replies import capture_anonymous, set_message
from bot.prompts.schedules import next_occurrence
from bot.prompts.settings import (
    SettingsForm,
    check_form,
    form_from_cron,
    form_from_state,
    may_change,
)
from handlers.modals import open_modal
from storage.models import Schedule, Workspace
from storage.schedules import add_schedule, schedule_for_channel, update_schedule

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the prompts' view submissions."""
    app.view(PromptView.SETTINGS)(ack=submit_settings, lazy=[confirm_settings])
    app.view(PromptView.ANONYMOUS_ANSWER)(ack=submit_anonymous, lazy=[post_anonymous])


def refusal_text(owner: str | None, language: str) -> str:
    """The polite refusal to someone who may not change a channel's prompts."""
    if owner:
        return t("prompts.not_allowed", language, owner=owner)
    return t("prompts.not_allowed_admin", language)


def _form_for(schedule: Schedule | None, workspace: Workspace | None, deps: Deps) -> SettingsForm:
    language = (workspace and workspace.language) or deps.settings.language
    if schedule is None:
        timezone = (workspace and workspace.timezone) or deps.settings.timezone
        return SettingsForm(timezone=timezone, language=language)
    return form_from_cron(
        schedule.cron,
        timezone=schedule.timezone,
        lever_mode=schedule.lever_mode,
        levers=tuple(schedule.levers),
        language=schedule.language or language,
        enabled=schedule.enabled,
    )


def open_settings(
    deps: Deps,
    client: WebClient,
    *,
    team_id: str,
    user_id: str,
    channel_id: str,
    trigger_id: str,
    refuse: Callable[[str], None],
) -> None:
    """Open a channel's settings form, or say politely why not (bot not there, not allowed)."""
    started = time.monotonic()  # the trigger_id is good for 3 s
    language = deps.language_for(client, team_id, user_id)
    channel = _channel_info(client, channel_id, started)
    if channel is None:
        refuse(t("common.slack_unavailable", language))
        return
    if not channel.get("is_member"):
        refuse(t("prompts.not_in_this_channel", language))
        return
    with deps.sessions() as session:
        schedule = schedule_for_channel(session, team_id, channel_id)
        form = _form_for(schedule, session.get(Workspace, team_id), deps)
        owner = schedule.created_by if schedule else None
    if schedule is not None and not may_change(
        owner, user_id, deps.is_admin(client, team_id, user_id), channel.get("creator")
    ):
        refuse(refusal_text(owner, language))
        return
    open_modal(client, trigger_id, settings_modal(channel_id, form, language), "prompt settings")


def submit_settings(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    """Check the form; show errors beside their fields, or save the schedule and close."""
    started = time.monotonic()  # Slack wants the ack within 3 s
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    channel_id = view["private_metadata"]
    language = deps.language_for(client, team_id, user_id)
    values, refusals = check_form(form_from_state(view["state"]["values"]))
    if values is None:
        errors = [(block, t(r.key, language, **r.params)) for block, r in refusals]
        ack(**settings_errors(errors))
        return
    is_admin = deps.is_admin(client, team_id, user_id)
    channel = _channel_info(client, channel_id, started)
    if channel is None:
        ack(**settings_errors([(PromptBlock.CADENCE, t("common.slack_unavailable", language))]))
        return
    if not channel.get("is_member"):  # removed from the channel since the form opened
        ack(**settings_errors([(PromptBlock.CADENCE, t("prompts.not_in_this_channel", language))]))
        return
    creator = channel.get("creator")
    now = deps.now()
    try:
        with deps.sessions.begin() as session:
            schedule = schedule_for_channel(session, team_id, channel_id)
            if schedule is not None and not may_change(
                schedule.created_by, user_id, is_admin, creator
            ):
                refusal = refusal_text(schedule.created_by, language)
                ack(**settings_errors([(PromptBlock.CADENCE, refusal)]))
                return
            fields = {
                "cron": values.cron,
                "timezone": values.timezone,
                "lever_mode": values.lever_mode,
                "levers": values.levers,
                "language": values.language,
                "enabled": values.enabled,
            }
            if schedule is None:
                add_schedule(
                    session,
                    team_id=team_id,
                    channel_id=channel_id,
                    created_by=user_id,
                    now=now,
                    **fields,
                )
            else:
                update_schedule(schedule, now=now, **fields)
    except IntegrityError:  # someone created this channel's schedule at the same moment
        ack(**settings_errors([(PromptBlock.CADENCE, t("common.error", language))]))
        return
    ack()
    context["prompt_settings"] = {"channel_id": channel_id, "language": language}


def summary(schedule: Schedule, language: str, now) -> str:
    """A schedule in one line, for whoever just changed it."""
    if not schedule.enabled:
        return t("prompts.stopped", language)
    return t(
        "prompts.started",
        language,
        when=describe_when(schedule.cron, language),
        timezone=schedule.timezone,
        levers=describe_levers(schedule.lever_mode, schedule.levers, language),
        next=describe_moment(
            next_occurrence(schedule.cron, schedule.timezone, now), schedule.timezone, language
        ),
    )


def confirm_settings(body: dict, client: WebClient, context: BoltContext) -> None:
    """Tell the person, in the channel and only to them, what the prompts now are."""
    saved = context.get("prompt_settings")
    if not saved:
        return
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    with deps.sessions() as session:
        schedule = schedule_for_channel(session, team_id, saved["channel_id"])
        text = summary(schedule, saved["language"], deps.now()) if schedule else None
    if text:
        try:
            client.chat_postEphemeral(channel=saved["channel_id"], user=user_id, text=text)
        except SlackApiError as error:
            log.warning("could not confirm settings: %s", error.response.get("error"))


def submit_anonymous(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    """Store an anonymous answer (no user id anywhere), or show what is wrong with it."""
    deps = deps_of(context)
    team_id = body["team"]["id"]
    entry = view["state"]["values"].get(PromptBlock.ANSWER_TEXT, {})
    text = next(iter(entry.values()), {}).get("value") or ""
    try:
        prompt_id = int(view["private_metadata"])
    except ValueError:
        prompt_id = 0
    try:
        with deps.sessions.begin() as session:
            stored = capture_anonymous(session, team_id, prompt_id, text, deps.now())
    except InvalidInput as refusal:
        language = deps.language_for(client, team_id, body["user"]["id"])
        key = "prompts.answer_empty" if refusal.key == "learning.empty" else refusal.key
        ack(**settings_errors([(PromptBlock.ANSWER_TEXT, t(key, language, **refusal.params))]))
        return
    if stored is None:
        language = deps.language_for(client, team_id, body["user"]["id"])
        ack(**settings_errors([(PromptBlock.ANSWER_TEXT, t("prompts.prompt_gone", language))]))
        return
    ack()
    learning_id, channel_id, thread_ts, language = stored
    context["anonymous_answer"] = {
        "learning_id": learning_id,
        "channel_id": channel_id,
        "thread_ts": thread_ts,
        "language": language,
        "text": text,
    }


def post_anonymous(body: dict, client: WebClient, context: BoltContext) -> None:
    """Post the anonymous answer in the prompt's thread, and link the learning to it."""
    answer = context.get("anonymous_answer")
    if not answer or not answer["thread_ts"]:
        return
    deps = deps_of(context)
    team_id = body["team"]["id"]
    try:
        posted = client.chat_postMessage(
            channel=answer["channel_id"],
            thread_ts=answer["thread_ts"],
            **anonymous_post(answer["text"].strip(), answer["language"]),
        )
        permalink = client.chat_getPermalink(channel=answer["channel_id"], message_ts=posted["ts"])
    except SlackApiError as error:
        log.warning(
            "anonymous answer saved as learning #%s, not posted: %s",
            answer["learning_id"],
            error.response.get("error"),
            extra={"team_id": team_id},
        )
        return
    with deps.sessions.begin() as session:
        set_message(
            session,
            team_id,
            answer["learning_id"],
            permalink=permalink["permalink"],
            channel_id=answer["channel_id"],
            ts=posted["ts"],
        )


def _channel_info(client: WebClient, channel_id: str, started: float) -> dict | None:
    """conversations.info's channel, {} when Slack does not show it to the bot; None, logged,
    when Slack answered an error, or nothing within ACK_SLACK_BUDGET_S of `started`."""
    left = ACK_SLACK_BUDGET_S - (time.monotonic() - started)
    try:
        return channel_info(client, channel_id, within_s=left)
    except SlackTrouble as trouble:
        log.warning(
            "could not check channel %s for its prompt settings: %s", channel_id, trouble.reason
        )
        return None
