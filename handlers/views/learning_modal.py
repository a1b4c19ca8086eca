"""The learning modal: opening it, and what its submission stores, posts and confirms."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.common import section
from bot.blocks.learning_library import posted_learning
from bot.blocks.learning_modal import Prefill, capture_modal
from bot.curation import Saved, save_form
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.ids import LearningField, LearningView
from bot.learning_form import FormErrors, ModalContext, read_form
from bot.levers import Lever, lever_name
from bot.messages import t
from bot.text import quote
from storage.learnings import get_learning, record_post
from storage.models import Learning

log = logging.getLogger(__name__)

# The ack half leaves what it stored here; Bolt copies the context into the lazy half after
# the ack function returned (process_before_response), so the lazy half finds it.
SAVED = "learning_saved"


def register(app: App) -> None:
    """Attach the learning modal's submission."""
    app.view(LearningView.CAPTURE)(ack=submit, lazy=[announce])


def open_capture(
    client: WebClient,
    deps: Deps,
    *,
    trigger_id: str,
    team_id: str,
    user_id: str,
    about: ModalContext,
    prefill: Prefill | None = None,
) -> None:
    """Open the learning modal for a person (in their language); call it within 3 s of the click."""
    language = deps.language_for(client, team_id, user_id)
    channel = about.message_channel_id or about.channel_id
    can_post = bool(channel) and not str(channel).startswith("D")
    view = capture_modal(language, about, prefill, can_post=can_post)
    client.views_open(trigger_id=trigger_id, view=view)


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: dict) -> None:
    """Check and store the learning; errors stay in the modal next to their field."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    about = ModalContext.load(view.get("private_metadata"))
    try:
        form = read_form(view["state"]["values"])
    except FormErrors as refusal:
        errors = {
            block: t(error.key, language, **error.params) for block, error in refusal.errors.items()
        }
        ack(response_action="errors", errors=errors)
        return
    try:
        with deps.sessions.begin() as session:
            saved = save_form(
                session, team_id=team_id, user_id=user_id, about=about, form=form, now=deps.now()
            )
    except InvalidInput as refusal:
        ack(
            response_action="errors",
            errors={LearningField.TEXT: t(refusal.key, language, **refusal.params)},
        )
        return
    except SQLAlchemyError:
        log.exception("a learning modal could not be stored", extra={"team_id": team_id})
        ack(response_action="errors", errors={LearningField.TEXT: t("common.not_saved", language)})
        return
    context[SAVED] = {
        "id": saved.learning_id,
        "created": saved.created,
        "post": saved.post,
        "anonymous": saved.anonymous,
        "channel": about.message_channel_id or about.channel_id,
    }
    ack()


def announce(body: dict, client: WebClient, context: dict) -> None:
    """After the modal closed: post the learning if asked, then confirm to its author."""
    done = context.get(SAVED)
    if not done:
        return
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    saved = Saved(done["id"], done["created"], done["post"], done["anonymous"])
    channel = done.get("channel")
    with deps.sessions() as session:
        learning = get_learning(session, team_id, saved.learning_id)
    if learning is None:
        return
    lines = [_saved_line(learning, saved, language)]
    if saved.created and saved.post and channel:
        posted = post_learning(client, deps, learning)
        key = "learning.posted_in" if posted else "learning.not_posted"
        lines.append(t(key, language, channel=f"<#{channel}>"))
    elif saved.created and channel and not channel.startswith("D"):
        lines.append(t("learning.kept_in", language, channel=f"<#{channel}>"))
    elif not saved.created:
        refresh_post(client, deps, learning)
    if saved.anonymous and saved.created:
        lines.append(t("learning.anonymous_kept", language))
    lines.append(quote(learning.text))
    confirm(client, channel, user_id, "\n".join(lines))


def _saved_line(learning: Learning, saved: Saved, language: str) -> str:
    key = "learning.form_saved" if saved.created else "learning.form_updated"
    return t(key, language, id=learning.id, lever=lever_name(Lever(learning.lever), language))


def post_learning(client: WebClient, deps: Deps, learning: Learning) -> bool:
    """Post a learning in its channel and remember the post; False when Slack refused."""
    channel = learning.channel_id
    if not channel:
        return False
    message = posted_learning(learning, deps.workspace_language(learning.team_id))
    try:
        posted = client.chat_postMessage(channel=channel, **message)
        link = client.chat_getPermalink(channel=channel, message_ts=posted["ts"])["permalink"]
    except SlackApiError as error:
        log.info("learning %s not posted: %s", learning.id, error.response.get("error"))
        return False
    with deps.sessions.begin() as session:
        record_post(session, learning.team_id, learning.id, channel, posted["ts"], link)
    return True


def refresh_post(client: WebClient, deps: Deps, learning: Learning) -> None:
    """Update the bot's post of an edited learning, if it has one."""
    if learning.visibility != "post" or not learning.message_ts or learning.source != "modal":
        return
    message = posted_learning(learning, deps.workspace_language(learning.team_id))
    try:
        client.chat_update(channel=learning.message_channel_id, ts=learning.message_ts, **message)
    except SlackApiError as error:
        log.info("post of learning %s not updated: %s", learning.id, error.response.get("error"))


def confirm(client: WebClient, channel: str | None, user_id: str, text: str) -> None:
    """Tell a person only: ephemeral in the channel when possible, else in a DM."""
    blocks = [section(text)]
    if channel:
        try:
            client.chat_postEphemeral(channel=channel, user=user_id, text=text, blocks=blocks)
            return
        except SlackApiError:
            pass  # the bot or the person is not in that channel: a DM then
    client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
