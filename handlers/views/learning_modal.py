"""The learning modal: opening it, and what its submission stores, posts and confirms."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.common import ephemeral, section
from bot.blocks.learning_library import posted_learning
from bot.blocks.learning_modal import Prefill, capture_modal
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.ids import LearningField, LearningView
from bot.learning.curation import Saved, save_form
from bot.learning.form import FormErrors, ModalContext, read_form
from bot.levers import Lever, lever_name
from bot.messages import t
from bot.text import quote
from storage.learnings import get_learning, record_post
from storage.models import Learning

log = logging.getLogger(__name__)

# Slack's answers to a post that inviting the bot into the channel fixes.
NOT_A_MEMBER = frozenset({"not_in_channel", "channel_not_found"})

# What post_learning did: the line each outcome adds to the confirmation.
POSTED, NOT_POSTED = "learning.posted_in", "learning.not_posted"
POST_REFUSED, POST_UNCONFIRMED = "learning.post_failed", "learning.post_unconfirmed"

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
    response_url: str | None = None,
) -> bool:
    """Open the learning modal for a person (in their language); call it within 3 s of the click.

    False when Slack did not open it: logged, and said through `response_url` when there is one.
    """
    language = deps.language_for(client, team_id, user_id)
    channel = about.message_channel_id or about.channel_id
    can_post = bool(channel) and not str(channel).startswith("D")
    view = capture_modal(language, about, prefill, can_post=can_post)
    try:
        client.views_open(trigger_id=trigger_id, view=view)
        return True
    except SlackApiError as error:
        problem, key = error.response.get("error"), "learning.modal_not_opened"
    except OSError as error:
        # No answer in time: Slack may have opened it late, so it is not opened again.
        problem, key = type(error).__name__, "learning.modal_unconfirmed"
    log.warning("the learning modal was not opened: %s", problem, extra={"team_id": team_id})
    if response_url:
        Respond(response_url=response_url)(**ephemeral(t(key, language)), replace_original=False)
    return False


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
        outcome = post_learning(client, deps, learning)
        lines.append(t(outcome, language, channel=f"<#{channel}>"))
    elif saved.created and channel and not channel.startswith("D"):
        lines.append(t("learning.kept_in", language, channel=f"<#{channel}>"))
    elif not saved.created and not refresh_post(client, deps, learning):
        post_channel = f"<#{learning.message_channel_id}>"
        lines.append(t("learning.post_not_updated", language, channel=post_channel))
    if saved.anonymous and saved.created:
        lines.append(t("learning.anonymous_kept", language))
    lines.append(quote(learning.text))
    confirm(client, channel, user_id, "\n".join(lines))


def _saved_line(learning: Learning, saved: Saved, language: str) -> str:
    key = "learning.form_saved" if saved.created else "learning.form_updated"
    return t(key, language, id=learning.id, lever=lever_name(Lever(learning.lever), language))


def post_learning(client: WebClient, deps: Deps, learning: Learning) -> str:
    """Post a learning in its channel (once) and remember the post; the catalogue key of the
    line that tells its author how it went."""
    channel = learning.channel_id
    if not channel:
        return NOT_POSTED
    message = posted_learning(learning, deps.workspace_language(learning.team_id))
    extra = {"team_id": learning.team_id}
    try:
        posted = client.chat_postMessage(channel=channel, **message)
    except SlackApiError as error:
        problem = error.response.get("error")
        log.warning("learning %s not posted: %s", learning.id, problem, extra=extra)
        return NOT_POSTED if problem in NOT_A_MEMBER else POST_REFUSED
    except OSError as error:
        # No answer in time: Slack may have posted it. Never posted again, as with prompts.
        log.warning(
            "learning %s: no answer from Slack to its post (%s): it may have been posted; "
            "not retried",
            learning.id,
            type(error).__name__,
            extra=extra,
        )
        return POST_UNCONFIRMED
    try:
        link = client.chat_getPermalink(channel=channel, message_ts=posted["ts"])["permalink"]
    except (SlackApiError, OSError) as error:
        # Posted all the same: remembering the post matters more than its link.
        log.warning("learning %s posted without a link: %r", learning.id, error, extra=extra)
        link = None
    with deps.sessions.begin() as session:
        record_post(session, learning.team_id, learning.id, channel, posted["ts"], link)
    return POSTED


def refresh_post(client: WebClient, deps: Deps, learning: Learning) -> bool:
    """Update the bot's post of an edited learning, if it has one; False when Slack refused."""
    if learning.visibility != "post" or not learning.message_ts or learning.source != "modal":
        return True
    message = posted_learning(learning, deps.workspace_language(learning.team_id))
    try:
        client.chat_update(channel=learning.message_channel_id, ts=learning.message_ts, **message)
    except SlackApiError as error:
        problem = error.response.get("error")
        log.warning("post of learning %s not updated: %s", learning.id, problem)
        return False
    except OSError as error:
        # No answer in time: Slack may well have updated it, so nothing is said.
        log.warning("post of learning %s: no answer to its update (%r)", learning.id, error)
    return True


def confirm(client: WebClient, channel: str | None, user_id: str, text: str) -> None:
    """Tell a person only: ephemeral in the channel when possible, else in a DM (once)."""
    blocks = [section(text)]
    try:
        if channel:
            try:
                client.chat_postEphemeral(channel=channel, user=user_id, text=text, blocks=blocks)
                return
            except SlackApiError:
                pass  # the bot or the person is not in that channel: a DM then
        client.chat_postMessage(channel=user_id, text=text, blocks=blocks)
    except (SlackApiError, OSError) as error:
        # A timeout may hide a message shown late: no second one. Nobody else to tell.
        log.warning("a learning confirmation to %s was not sent: %r", user_id, error)
