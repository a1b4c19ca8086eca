"""Finding learnings for someone in Slack: search, lists and exports, each limited to what they
may read (the learnings of the channels they are in, of no channel, and their own)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from slack_sdk import WebClient

from bot.deps import Deps
from bot.directory import readable_channels, resolve_channel, resolve_user
from bot.errors import InvalidInput
from bot.learning.export import FORMATS
from bot.learning.search_query import SearchQuery, parse_query
from bot.levers import parse_lever
from storage.learnings import LearningFilter, Reader, channels_of
from storage.models import Workspace

PAGE_SIZE = 10
DEFAULT_FORMAT = "md"

SEARCH = "search"
LIST = "list"
MINE = "mine"
KINDS = (SEARCH, LIST, MINE)


@dataclass(frozen=True)
class Asker:
    """Who is asking, in which workspace, and the Slack client to ask Slack with."""

    deps: Deps
    client: WebClient
    team_id: str
    user_id: str

    def timezone(self) -> str:
        """The time zone days are read in: the person's, else the workspace's."""
        person = self.deps.person(self.client, self.team_id, self.user_id)
        if person and person.timezone:
            return person.timezone
        with self.deps.sessions() as session:
            workspace = session.get(Workspace, self.team_id)
            return (workspace and workspace.timezone) or self.deps.settings.timezone


def parse_kind(kind: str, args: str, timezone: str) -> SearchQuery:
    """What `/learning search|list|mine <args>` asks for, or InvalidInput."""
    if kind == SEARCH:
        return parse_query(args, timezone, require_something=True)
    query = parse_query(args, timezone, require_something=False)
    if kind == LIST and query.words:
        # `/learning list onboarding`: the words name a lever.
        return replace(query, words=(), terms=(), lever=parse_lever(" ".join(query.words)))
    return query  # `/learning mine [words] [filters]`


def parse_export(args: str, timezone: str) -> tuple[str, SearchQuery]:
    """`[csv|md|json] [filters]` -> (format, filters), or InvalidInput; Markdown by default.

    An export takes filters, not words: a stray word is read as a mistyped format.
    """
    word, _, rest = args.strip().partition(" ")
    fmt = word.lower() if word.lower() in FORMATS else None
    query = parse_query(rest if fmt else args, timezone, require_something=False)
    if query.words:
        if fmt is None:
            raise InvalidInput("input.unknown_format", field="format", value=query.words[0][:20])
        raise InvalidInput("search.export_words", field="query", value=query.words[0][:30])
    return fmt or DEFAULT_FORMAT, query


def reader_filter(
    asker: Asker, query: SearchQuery, *, mine: bool = False
) -> tuple[LearningFilter, frozenset[str]]:
    """The filter of a query, limited to what the asker may read, and the channels it leaves
    out only because Slack did not answer about them (the answer should say so).

    Looks up people and channels named in filters (InvalidInput when unknown), and asks Slack
    which of the channels holding matching learnings the asker is a member of.
    """
    author = asker.user_id if mine else None
    if query.author is not None:
        author = resolve_user(asker.client, query.author)
    channel = resolve_channel(asker.client, query.channel) if query.channel else None
    where = LearningFilter(
        channel_id=channel,
        lever=query.lever,
        user_id=author,
        since=query.since,
        terms=query.terms,
    )
    if mine and author == asker.user_id:
        # All of one's own learnings are readable by oneself: nothing to ask Slack.
        return replace(where, reader=Reader(asker.user_id, frozenset())), frozenset()
    with asker.deps.sessions() as session:
        channels = channels_of(session, asker.team_id, where)
    readable, unanswered = readable_channels(asker.client, channels, asker.user_id)
    return replace(where, reader=Reader(asker.user_id, readable)), unanswered
