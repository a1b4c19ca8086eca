"""The handover debrief: each answer kept as a learning in the departing person's name."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks.onboarding import thanks_view
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.ids import HandoverBlock, HandoverView, row_id
from bot.messages import t
from bot.onboarding.handover import TOPICS, debrief_answers
from bot.onboarding.newcomers import send_dm
from handlers.views.onboarding import text_of
from storage.handover import handover_asked_of
from storage.learnings import add_learning


def register(app: App) -> None:
    """Attach the debrief modal."""
    app.view(HandoverView.DEBRIEF)(ack=save_debrief, lazy=[tell_requester])


def _answers(view: dict) -> list:
    return debrief_answers({topic.block_id: text_of(view, topic.block_id) for topic in TOPICS})


def save_debrief(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    """Store the answers as learnings tied to the departing person; refuse an empty debrief."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    try:
        answers = _answers(view)
    except InvalidInput as refusal:
        block = refusal.field or HandoverBlock.ONLY_YOU
        errors = {block: t(refusal.key, language, **refusal.params)}
        ack(response_action="errors", errors=errors)
        return
    if not answers:
        ack(
            response_action="errors", errors={HandoverBlock.ONLY_YOU: t("handover.empty", language)}
        )
        return
    metadata = view.get("private_metadata") or ""
    now = deps.now()
    with deps.sessions.begin() as session:
        handover = handover_asked_of(session, team_id, user_id, row_id(metadata))
        if handover is None:
            errors = {HandoverBlock.ONLY_YOU: t("handover.not_yours", language)}
            ack(response_action="errors", errors=errors)
            return
        for topic, text in answers:
            add_learning(
                session,
                team_id=team_id,
                text=text,
                lever=topic.lever.value,
                source="modal",
                user_id=user_id,
                channel_id=None,
                tags=["handover", topic.name],
                now=now,
            )
        handover.status, handover.answered_at = "answered", now
    title = t("handover.modal_title", language)
    ack(response_action="update", view=thanks_view(title, t("handover.thanks", language), language))


def tell_requester(body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    """Let whoever asked for the debrief know it was answered."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    metadata = view.get("private_metadata") or ""
    with deps.sessions() as session:
        handover = handover_asked_of(session, team_id, user_id, row_id(metadata))
        answered = handover is not None and handover.status == "answered"
        requester = handover.requested_by if answered else None
    if requester is None or requester == user_id:
        return
    try:
        count = len(_answers(view))
    except InvalidInput:
        return
    if not count:
        return  # the submission was refused
    language = deps.language_for(client, team_id, requester)
    text = t("handover.answered", language, user=user_id, count=count)
    send_dm(client, requester, text=text)
