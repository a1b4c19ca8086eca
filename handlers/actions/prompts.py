"""Buttons of reflection prompts: answer anonymously, start weekly prompts, open the settings."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.exc import IntegrityError

from bot.blocks.common import ephemeral
from bot.blocks.prompts import anonymous_modal, notice
from bot.deps import deps_of
from bot.ids import PromptAction
from bot.messages import t
from bot.prompts.questions import question_text
from bot.prompts.schedules import DEFAULT_CRON
from handlers.modals import open_modal
from handlers.views.prompts import open_settings, summary
from storage.models import Workspace
from storage.prompts import get_prompt
from storage.schedules import add_schedule, schedule_for_channel


def register(app: App) -> None:
    """Attach the prompts' buttons."""
    app.action(PromptAction.ANSWER_ANONYMOUSLY)(ack=_ack, lazy=[open_anonymous])
    app.action(PromptAction.START_WEEKLY)(ack=start_weekly, lazy=[confirm_start])
    app.action(PromptAction.OPEN_SETTINGS)(ack=_ack, lazy=[settings])


def _ack(ack: Ack) -> None:
    ack()


def open_anonymous(body: dict, action: dict, client: WebClient, context: BoltContext) -> None:
    """Open the small form to answer a prompt without one's name."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    with deps.sessions() as session:
        prompt = get_prompt(session, team_id, int(action.get("value") or 0))
        if prompt is None:
            return
        question = question_text(prompt.question_key, prompt.lever, prompt.language)
        prompt_id = prompt.id
    view = anonymous_modal(prompt_id, question, language)
    open_modal(client, body["trigger_id"], view, "anonymous answer")


def start_weekly(ack: Ack, body: dict, action: dict, context: BoltContext) -> None:
    """Start the default weekly prompts in the channel, unless it already has a schedule."""
    ack()
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    channel_id = action.get("value") or (body.get("channel") or {}).get("id")
    now = deps.now()
    try:
        with deps.sessions.begin() as session:
            existing = schedule_for_channel(session, team_id, channel_id)
            if existing is not None:
                context["prompt_start"] = {"existing": existing.id, "channel_id": channel_id}
                return
            workspace = session.get(Workspace, team_id)
            add_schedule(
                session,
                team_id=team_id,
                channel_id=channel_id,
                cron=DEFAULT_CRON,
                timezone=(workspace and workspace.timezone) or deps.settings.timezone,
                lever_mode="rotate",
                levers=[],
                language=None,
                created_by=user_id,
                now=now,
            )
    except IntegrityError:  # two clicks at once: the other one started them
        return
    context["prompt_start"] = {"existing": None, "channel_id": channel_id}


def confirm_start(body: dict, client: WebClient, respond: Respond, context: BoltContext) -> None:
    """Replace the welcome with what was started, or tell the clicker prompts already run."""
    started = context.get("prompt_start")
    if not started:
        return
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    channel_id = started["channel_id"]
    if started["existing"] is not None:
        language = deps.language_for(client, team_id, user_id)
        text = t("prompts.already_started", language, id=started["existing"])
        respond(**ephemeral(text), replace_original=False)
        return
    language = deps.workspace_language(team_id)
    with deps.sessions() as session:
        schedule = schedule_for_channel(session, team_id, channel_id)
        text = summary(schedule, language, deps.now()) if schedule else None
    if text:
        respond(**notice(text, channel_id, language), replace_original=True)


def settings(
    body: dict, action: dict, client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """Open the settings form of the channel the button belongs to."""
    channel_id = action.get("value") or (body.get("channel") or {}).get("id")
    open_settings(
        deps_of(context),
        client,
        team_id=body["team"]["id"],
        user_id=body["user"]["id"],
        channel_id=channel_id,
        trigger_id=body["trigger_id"],
        refuse=lambda text: respond(**ephemeral(text), replace_original=False),
    )
