"""Buttons that follow actions up: Done / Not yet / Drop in the owner's reminder, and
It worked / Not yet under the question asked in the retro's thread."""

from __future__ import annotations

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.blocks.common import ephemeral
from bot.blocks.retro import mention
from bot.blocks.retro_followup import reminder_answered
from bot.deps import Deps, deps_of
from bot.ids import RetroAction, row_id
from bot.messages import t
from bot.retro.actions import postponed, record_answer
from bot.retro.posting import LATER, refresh_channel_retros, refresh_question, team_today
from storage import retro_actions as action_store
from storage import retros as store

REMINDER_BUTTONS = (RetroAction.ACTION_DONE, RetroAction.ACTION_NOT_YET, RetroAction.ACTION_DROP)
QUESTION_BUTTONS = {
    RetroAction.FOLLOWUP_WORKED: "worked",
    RetroAction.FOLLOWUP_NOT_YET: "not_yet",
}


def register(app: App) -> None:
    """Attach the follow-up buttons."""
    for button in REMINDER_BUTTONS:
        app.action(button)(ack=answer_reminder, lazy=[after_reminder])
    for button in QUESTION_BUTTONS:
        app.action(button)(ack=answer_question, lazy=[after_question])


def _ids(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def _action_id(action: dict) -> int | None:
    value = action.get("value") or ""
    return row_id(value)


# -- the owner's reminder ----------------------------------------------------------------


def _settle(deps: Deps, team_id: str, user_id: str, action_id: int, button: str) -> dict:
    """Apply the owner's answer; what happened, for the lazy half to say."""
    now = deps.now()
    with deps.sessions.begin() as session:
        action = action_store.get_action(session, team_id, action_id)
        if action is None:
            return {"result": "missing"}
        found = {"text": action.text, "retro": action.retro_id, "channel": action.channel_id}
        if action.owner_id != user_id:
            return {**found, "result": "not_owner", "owner": action.owner_id}
        retro = store.get_retro(session, team_id, action.retro_id)
        weeks = retro.followup_weeks if retro else 0
        if button == RetroAction.ACTION_NOT_YET:
            due_on = postponed(action.due_on, team_today(deps, session, team_id))
            changed = action_store.postpone_action(session, team_id, action_id, due_on, now)
            return {**found, "result": "postponed" if changed else "not_open", "due": str(due_on)}
        status = "done" if button == RetroAction.ACTION_DONE else "dropped"
        changed = action_store.finish_action(session, team_id, action_id, status, now)
        return {**found, "result": status if changed else "not_open", "weeks": weeks}


def answer_reminder(ack: Ack, body: dict, action: dict, context: dict) -> None:
    """Mark the action done, postponed or dropped before answering Slack."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    action_id = _action_id(action)
    if action_id is not None:
        context[LATER] = _settle(deps, team_id, user_id, action_id, action["action_id"])
    ack()


REMINDER_ANSWERS = {
    "done": "retro.reminder_marked_done",
    "postponed": "retro.reminder_postponed",
    "dropped": "retro.reminder_dropped",
}


def after_reminder(body: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Replace the reminder with what was recorded, and update the retro messages."""
    outcome = context.get(LATER)
    if not outcome:
        return
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    language = deps.language_for(client, team_id, user_id)
    result = outcome["result"]
    if result in REMINDER_ANSWERS:
        answered = reminder_answered(
            REMINDER_ANSWERS[result],
            outcome["text"],
            language,
            weeks=outcome.get("weeks", 0),
            due=outcome.get("due", ""),
        )
        respond(**answered, replace_original=True)
        refresh_channel_retros(deps, client, team_id, outcome["channel"], outcome["retro"])
        return
    if result == "not_owner":
        text = t("retro.not_owner", language, owner=mention(outcome["owner"]))
    elif result == "not_open":
        text = t("retro.action_not_open", language)
    else:
        text = t("retro.not_found", language)
    respond(**ephemeral(text), replace_original=False)


# -- the follow-up question --------------------------------------------------------------


def answer_question(ack: Ack, body: dict, action: dict, context: dict) -> None:
    """Store the answer as evidence and move the learning's status before answering Slack."""
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    action_id = _action_id(action)
    if action_id is not None:
        with deps.sessions.begin() as session:
            evidence = record_answer(
                session,
                team_id=team_id,
                action_id=action_id,
                user_id=user_id,
                outcome=QUESTION_BUTTONS[RetroAction(action["action_id"])],
                now=deps.now(),
            )
            answered = evidence and action_store.get_action(session, team_id, action_id)
            if evidence is not None and answered is not None:
                context[LATER] = {
                    "action": action_id,
                    "status": evidence.status,
                    "worked": evidence.worked,
                    "not_yet": evidence.not_yet,
                    "learning": evidence.learning_id,
                    "retro": answered.retro_id,
                    "channel": answered.channel_id,
                }
    ack()


def after_question(body: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Thank the person, show the tally under the question, update the retro messages."""
    outcome = context.get(LATER)
    if not outcome:
        return
    deps = deps_of(context)
    team_id, user_id = _ids(body)
    language = deps.language_for(client, team_id, user_id)
    key = "retro.answer_learned" if outcome["status"] == "learned" else "retro.answer_identified"
    text = t(
        key,
        language,
        id=outcome["learning"],
        worked=outcome["worked"],
        not_yet=outcome["not_yet"],
    )
    respond(**ephemeral(text), replace_original=False)
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts")
    if channel and ts:
        refresh_question(deps, client, team_id, outcome["action"], channel, ts)
    refresh_channel_retros(deps, client, team_id, outcome["channel"], outcome["retro"])
