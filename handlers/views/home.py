"""Submissions of the modals opened from App Home: search, and the workspace settings."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.home import search_modal
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.home.publish import publish_home, search, search_words
from bot.home.settings import read_settings, save_settings
from bot.ids import HomeBlock, HomeView
from bot.insights.digest_job import channel_problem
from bot.learning.search_query import check_query_length, query_fits
from bot.messages import t
from storage.digests import get_digest_setting, set_problem

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the App Home modals' submissions."""
    app.view(HomeView.SEARCH)(ack=ack_search, lazy=[show_results])
    app.view(HomeView.SETTINGS)(ack=save, lazy=[check_digest_channel])


def _query(view: dict) -> str:
    values = view["state"]["values"]
    return ((values.get(HomeBlock.QUERY) or {}).get(HomeBlock.QUERY) or {}).get("value") or ""


def ack_search(ack: Ack, view: dict) -> None:
    """An empty search is refused next to the box; otherwise the modal says it is searching."""
    language = view.get("private_metadata") or "en"
    query = _query(view)
    try:
        check_query_length(query)
    except InvalidInput as refusal:
        error = t(refusal.key, language, **refusal.params)
        ack(response_action="errors", errors={HomeBlock.QUERY: error})
        return
    if not search_words(query):
        ack(response_action="errors", errors={HomeBlock.QUERY: t("home.search_empty", language)})
        return
    ack(response_action="update", view=search_modal(language, query, searching=True))


def show_results(body: dict, view: dict, client: WebClient, context: dict) -> None:
    """Read the matching learnings the person may see, and show them in the modal."""
    query = _query(view)
    if not search_words(query) or not query_fits(query):
        return  # refused in the ack
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = view.get("private_metadata") or deps.language_for(client, team_id, user_id)
    found = search(client, deps, team_id, user_id, query)
    try:
        client.views_update(view_id=view["id"], view=search_modal(language, query, found))
    except (SlackApiError, OSError) as error:
        # The modal keeps saying it is searching; the person closes it and searches again.
        log.warning("App Home search results not shown: %r", error, extra={"team_id": team_id})


def save(ack: Ack, body: dict, view: dict, client: WebClient, context: dict) -> None:
    """Admins only; a bad time zone or a digest without a channel is shown next to its field."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    if not deps.is_admin(client, team_id, user_id):
        ack(response_action="errors", errors={HomeBlock.LANGUAGE: t("home.not_admin", language)})
        return
    try:
        form = read_settings(view["state"]["values"], deps.settings.language)
    except InvalidInput as refusal:
        error = t(refusal.key, language, **refusal.params)
        ack(response_action="errors", errors={refusal.field: error})
        return
    context["digest_to_check"] = save_settings(deps, team_id, user_id, form)
    ack()


def check_digest_channel(body: dict, client: WebClient, context: dict) -> None:
    """Tell the admin at once when the bot is not in the digest channel; refresh their home."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    if context.get("digest_to_check"):
        with deps.sessions() as session:
            setting = get_digest_setting(session, team_id)
            channel_id = setting.channel_id if setting else None
        if channel_id:
            problem = channel_problem(client, channel_id)
            with deps.sessions.begin() as session:
                set_problem(session, team_id, problem)
            if problem is not None:
                language = deps.language_for(client, team_id, user_id)
                client.chat_postMessage(
                    channel=user_id, text=t("digest.not_member", language, channel=channel_id)
                )
    publish_home(client, deps, team_id, user_id)
