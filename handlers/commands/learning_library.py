"""`/learning search|list|mine|export`: finding learnings again, and taking them out.

Each sub-command checks what was typed in its ack (a bad filter is answered at once) and
does the Slack look-ups and the database work after the response.
"""

from __future__ import annotations

import logging

from slack_bolt import Ack
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.blocks.common import ephemeral
from bot.blocks.learning import refusal_text
from bot.blocks.learning_library import more_value, results, with_note
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.learning.curation import may_edit
from bot.learning.export import render
from bot.learning.library import (
    LIST,
    MINE,
    PAGE_SIZE,
    SEARCH,
    Asker,
    parse_export,
    parse_kind,
    reader_filter,
)
from bot.learning.search_query import SearchQuery
from bot.levers import lever_name
from bot.messages import t
from bot.text import escape
from storage.learnings import find_page, list_learnings

log = logging.getLogger(__name__)


def _asker(command: dict, client: WebClient, context: dict) -> Asker:
    return Asker(deps_of(context), client, command["team_id"], command["user_id"])


def _refuse(asker: Asker, refusal: InvalidInput) -> dict:
    language = asker.deps.language_for(asker.client, asker.team_id, asker.user_id)
    return ephemeral(refusal_text(refusal, language))


def _check(ack: Ack, command: dict, client: WebClient, context: dict, kind: str, args: str) -> None:
    """Refuse a query that does not parse at once; the results follow after the response."""
    asker = _asker(command, client, context)
    try:
        parse_kind(kind, args, asker.timezone())
    except InvalidInput as refusal:
        ack(**_refuse(asker, refusal))
        return
    ack()


def _answer_page(command: dict, client: WebClient, context: dict, kind: str, args: str) -> None:
    asker = _asker(command, client, context)
    try:
        parse_kind(kind, args, asker.timezone())
    except InvalidInput:
        return  # the ack said what was wrong
    Respond(response_url=command["response_url"])(**find(asker, kind, args, 0))


def answer_search(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning search <words> [filters]`: check it."""
    _check(ack, command, client, context, SEARCH, args)


def later_search(command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning search`: the best matches."""
    _answer_page(command, client, context, SEARCH, args)


def answer_list(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning list [lever]`: check it."""
    _check(ack, command, client, context, LIST, args)


def later_list(command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning list`: the latest learnings."""
    _answer_page(command, client, context, LIST, args)


def answer_mine(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning mine`: check it."""
    _check(ack, command, client, context, MINE, args)


def later_mine(command: dict, client: WebClient, context: dict, args: str) -> None:
    """`/learning mine`: one's own learnings, newest first."""
    _answer_page(command, client, context, MINE, args)


def find(asker: Asker, kind: str, args: str, offset: int) -> dict:
    """One page of a search, a list or one's own learnings, as an ephemeral answer."""
    deps = asker.deps
    language = deps.language_for(asker.client, asker.team_id, asker.user_id)
    try:
        query = parse_kind(kind, args, asker.timezone())
        where, unanswered = reader_filter(asker, query, mine=kind == MINE)
    except InvalidInput as refusal:
        return ephemeral(refusal_text(refusal, language))
    except (SlackApiError, OSError) as error:
        log.warning("looking up a /learning %s failed: %r", kind, error)
        return ephemeral(t("common.slack_unavailable", language))
    with deps.sessions() as session:
        page = find_page(session, asker.team_id, where, offset=offset, limit=PAGE_SIZE)
    admin = deps.is_admin(asker.client, asker.team_id, asker.user_id)
    editable = [item.id for item in page.items if may_edit(item, asker.user_id)]
    deletable = [item.id for item in page.items] if admin else editable
    heading, empty = _headings(kind, query, language)
    answer = results(
        page,
        language,
        heading=heading,
        empty=empty,
        editable=editable,
        deletable=deletable,
        more=more_value(kind, args, offset + PAGE_SIZE),
    )
    if unanswered:
        # Fewer results than the person may read: said, so they do not take them for all.
        answer = with_note(answer, t("learning.some_unanswered", language))
    return answer


def _headings(kind: str, query: SearchQuery, language: str) -> tuple[str, str]:
    if kind == SEARCH:
        shown = escape(" ".join(query.words)) or t("learning.search_filters_only", language)
        return (
            t("learning.search_heading", language, query=shown),
            t("learning.search_none", language, query=shown),
        )
    if kind == MINE:
        return t("learning.mine_heading", language), t("learning.mine_none", language)
    if query.lever:
        name = lever_name(query.lever, language)
        return (
            t("learning.list_lever_heading", language, lever=name),
            t("learning.list_lever_none", language, lever=name),
        )
    return t("learning.list_heading", language), t("learning.list_none", language)


def answer_export(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """Check the format and filters, and say the file is on its way."""
    asker = _asker(command, client, context)
    try:
        parse_export(args, asker.timezone())
    except InvalidInput as refusal:
        ack(**_refuse(asker, refusal))
        return
    language = asker.deps.language_for(client, asker.team_id, asker.user_id)
    ack(**ephemeral(t("learning.export_started", language)))


def later_export(command: dict, client: WebClient, context: dict, args: str) -> None:
    """Upload the file of matching learnings to the person's DM with the bot."""
    asker = _asker(command, client, context)
    deps = asker.deps
    language = deps.language_for(client, asker.team_id, asker.user_id)
    respond = Respond(response_url=command["response_url"])
    try:
        fmt, query = parse_export(args, asker.timezone())
    except InvalidInput:
        return  # the ack said what was wrong
    try:
        where, unanswered = reader_filter(asker, query)
    except InvalidInput as refusal:
        respond(**ephemeral(refusal_text(refusal, language)))
        return
    except (SlackApiError, OSError) as error:
        log.warning("looking up a /learning export failed: %r", error)
        respond(**ephemeral(t("common.slack_unavailable", language)))
        return
    if unanswered:
        # A file is kept and passed on: one missing learnings the person may read is not sent.
        respond(**ephemeral(t("learning.export_unanswered", language)))
        return
    with deps.sessions() as session:
        learnings = list_learnings(session, asker.team_id, where)
    names = _names(client, {i for item in learnings for i in (item.user_id, item.author_id) if i})
    content = render(learnings, fmt, language, names=names)
    day = deps.now().date().isoformat()
    try:
        dm = client.conversations_open(users=asker.user_id)["channel"]["id"]
    except (SlackApiError, OSError) as error:
        log.warning("a /learning export: no DM to send it to: %r", error)
        respond(**ephemeral(t("learning.export_failed", language)))
        return
    try:
        client.files_upload_v2(
            channel=dm,
            content=content,
            filename=f"learnings-{day}.{fmt}",
            title=t("learning.export_title", language, day=day),
            initial_comment=t("learning.export_ready", language, count=len(learnings)),
        )
    except (SlackApiError, SlackRequestError) as error:
        log.warning("a /learning export was not uploaded: %r", error)
        respond(**ephemeral(t("learning.export_failed", language)))
    except OSError as error:
        # No answer in time: the file may have reached the DM, so it is not sent again.
        log.warning("a /learning export: no answer from Slack (%r); not sent again", error)
        respond(**ephemeral(t("learning.export_unconfirmed", language)))


def _names(client: WebClient, user_ids: set[str]) -> dict[str, str]:
    """Display names of the people in an export; an unknown one stays an id."""
    names = {}
    for user_id in sorted(user_ids):
        try:
            user = client.users_info(user=user_id)["user"]
        except (SlackApiError, OSError):
            continue
        profile = user.get("profile") or {}
        names[user_id] = profile.get("real_name") or user.get("real_name") or user.get("name")
    return names
