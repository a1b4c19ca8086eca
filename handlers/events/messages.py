"""`message` events: the one listener for them (Bolt runs only the first that matches).

A person's reply in a reflection prompt's thread becomes a learning (stored before the HTTP
response, with the event id, so a redelivery finds it); its permalink and a quiet reaction
follow after the response. Edits update the learning, deletes delete it, also when they come
before the message itself; bot messages, other threads and channel joins are ignored.
"""

from __future__ import annotations

import logging

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.deps import deps_of
from bot.messages import t
from bot.prompts.questions import REACTION
from bot.prompts.replies import (
    apply_delete,
    apply_edit,
    capture_reply,
    follow_edit,
    reply_of,
    set_message,
)

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the message listener."""
    app.event("message")(ack=received, lazy=[acknowledge])


def received(event: dict, body: dict, context: BoltContext) -> None:
    """Store, update or delete the learning a message event concerns (database only)."""
    deps = deps_of(context)
    team_id = context.team_id or body.get("team_id")
    event_id, subtype, now = body.get("event_id"), event.get("subtype"), deps.now()
    if not team_id:
        return
    if subtype == "message_changed":
        changed = event.get("message") or {}
        if changed.get("bot_id") or not changed.get("ts"):
            return
        # An edit may come before its message: then the edited words become the learning.
        edited = reply_of({**changed, "channel": event.get("channel")}, team_id)
        with deps.sessions.begin() as session:
            if edited is None or edited.user_id == context.bot_user_id:
                apply_edit(
                    session,
                    team_id,
                    event.get("channel", ""),
                    changed["ts"],
                    changed.get("text") or "",
                    event_id,
                    now,
                )
                return
            created = follow_edit(session, edited, event_id, now)
        if created is not None:
            context["prompt_reply"] = {"learning_id": created, "ts": edited.ts}
        return
    if subtype == "message_deleted":
        if event.get("deleted_ts"):
            before = event.get("previous_message") or {}
            with deps.sessions.begin() as session:
                apply_delete(
                    session,
                    team_id,
                    event.get("channel", ""),
                    event["deleted_ts"],
                    event_id,
                    now,
                    thread_ts=before.get("thread_ts"),
                )
        return
    reply = reply_of(event, team_id)
    if reply is None or reply.user_id == context.bot_user_id:
        return
    with deps.sessions.begin() as session:
        outcome = capture_reply(session, reply, event_id, now)
    if isinstance(outcome, int):
        context["prompt_reply"] = {"learning_id": outcome}
    elif outcome is not None:
        context["prompt_refusal"] = {"key": outcome.key, "params": outcome.params}


def acknowledge(event: dict, body: dict, client: WebClient, context: BoltContext) -> None:
    """After the response: the learning's permalink and a reaction, or why it was not saved."""
    deps = deps_of(context)
    team_id = context.team_id or body.get("team_id")
    captured, refusal = context.get("prompt_reply"), context.get("prompt_refusal")
    channel, ts = event.get("channel"), event.get("ts")
    if captured:
        ts = captured.get("ts") or ts  # an early edit: the message edited, not the edit event
        try:
            permalink = client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
            with deps.sessions.begin() as session:
                set_message(session, team_id, captured["learning_id"], permalink=permalink)
            client.reactions_add(channel=channel, timestamp=ts, name=REACTION)
        except SlackApiError as error:
            log.warning(
                "reply saved as learning #%s, but Slack answered %s",
                captured["learning_id"],
                error.response.get("error"),
                extra={"team_id": team_id},
            )
        except TimeoutError:
            # Slack may still have done it: not asked again (a redelivery reacts at most once).
            log.warning(
                "reply saved as learning #%s, but no answer from Slack in time",
                captured["learning_id"],
                extra={"team_id": team_id},
            )
    elif refusal:
        user = event["user"]
        language = deps.language_for(client, team_id, user)
        try:
            client.chat_postEphemeral(
                channel=channel,
                user=user,
                thread_ts=event.get("thread_ts"),
                text=t(refusal["key"], language, **refusal["params"]),
            )
        except SlackApiError as error:
            log.warning("could not explain a refused reply: %s", error.response.get("error"))
