"""Reading what people type after `/learning search` (and list, export): words and filters.

Filters are `lever:<lever>`, `from:@user`, `in:#channel` and `since:YYYY-MM-DD` (French:
`levier:`, `de:`, `dans:`, `depuis:`); a value with spaces goes in double quotes
(`from:"Alice Martin"`). Everything else is a word to search for. Pure: people and channels
named rather than mentioned are looked up in Slack by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.dates import parse_day
from bot.errors import InvalidInput
from bot.levers import Lever, fold, parse_lever

FILTERS = {
    "lever": "lever",
    "levier": "lever",
    "from": "from",
    "de": "from",
    "par": "from",
    "in": "in",
    "dans": "in",
    "since": "since",
    "depuis": "since",
}

MAX_TERMS = 12
# Twelve words and every filter fit well within it.
MAX_QUERY_CHARS = 300

_TOKEN = re.compile(
    r'(?P<key>[^\W\d_]+):(?:"(?P<quoted>[^"]*)"?|(?P<value>\S*))|"(?P<phrase>[^"]*)"?|(?P<word>\S+)'
)
_USER_MENTION = re.compile(r"<@(?P<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL_MENTION = re.compile(r"<#(?P<id>[CGD][A-Z0-9]+)(?:\|[^>]*)?>")
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{2,}")
_TERM = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class UserRef:
    """A person a filter names: by id (a mention) or by name, to look up."""

    id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class ChannelRef:
    """A channel a filter names: by id (a mention) or by name, to look up."""

    id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class SearchQuery:
    """Words to find (as typed, and folded into terms) and the filters."""

    words: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    lever: Lever | None = None
    author: UserRef | None = None
    channel: ChannelRef | None = None
    since: datetime | None = None

    @property
    def has_filters(self) -> bool:
        """Whether any filter narrows the query."""
        return any((self.lever, self.author, self.channel, self.since))


def query_fits(text: str) -> bool:
    """Whether a query, stripped, is within MAX_QUERY_CHARS."""
    return len(text.strip()) <= MAX_QUERY_CHARS


def check_query_length(text: str) -> str:
    """The query, stripped, or InvalidInput when it is longer than MAX_QUERY_CHARS."""
    text = text.strip()
    if not query_fits(text):
        raise InvalidInput(
            "search.too_long", field="query", length=len(text), limit=MAX_QUERY_CHARS
        )
    return text


def terms_of(text: str) -> tuple[str, ...]:
    """The folded words of a text, letters and digits only, at most MAX_TERMS, no repeats."""
    return tuple(dict.fromkeys(_TERM.findall(fold(text))))[:MAX_TERMS]


def parse_query(text: str, timezone: str, *, require_something: bool = True) -> SearchQuery:
    """Words and filters, or InvalidInput naming the first thing that is wrong.

    `require_something`: refuse a query with neither words nor filters (an empty search).
    """
    text = check_query_length(text)
    words: list[str] = []
    found: dict[str, object] = {}
    for match in _TOKEN.finditer(text):
        key, word, phrase = match.group("key"), match.group("word"), match.group("phrase")
        if word is not None or phrase is not None:
            words.append(word if word is not None else phrase)
            continue
        quoted = match.group("quoted")
        value = (quoted if quoted is not None else match["value"]).strip()
        name = FILTERS.get(fold(key))
        if name is None and ((quoted is None and not value) or value.startswith("//")):
            # `Note:` alone, or a URL such as https://…: words, not filters.
            words.append(match.group(0))
            continue
        if name is None:
            raise InvalidInput("search.unknown_filter", field="query", value=f"{key[:30]}:")
        if not value:
            raise InvalidInput("search.empty_filter", field=name, value=f"{key[:30]}:")
        found[name] = _read_filter(name, value, timezone)
    query = SearchQuery(
        words=tuple(word for word in words if word.strip()),
        terms=terms_of(" ".join(words)),
        lever=found.get("lever"),  # type: ignore[arg-type]
        author=found.get("from"),  # type: ignore[arg-type]
        channel=found.get("in"),  # type: ignore[arg-type]
        since=found.get("since"),  # type: ignore[arg-type]
    )
    if require_something and not query.terms and not query.has_filters:
        raise InvalidInput("search.empty", field="query")
    return query


def _read_filter(name: str, value: str, timezone: str) -> object:
    if name == "lever":
        return parse_lever(value)
    if name == "since":
        return parse_day(value, timezone)
    if name == "from":
        return parse_user(value)
    return parse_channel(value)


def parse_user(value: str) -> UserRef:
    """`<@U123|alice>`, `U123`, `@alice` or `alice`."""
    mention = _USER_MENTION.fullmatch(value)
    if mention:
        return UserRef(id=mention["id"])
    if _USER_ID.fullmatch(value):
        return UserRef(id=value)
    return UserRef(name=value.lstrip("@").strip())


def parse_channel(value: str) -> ChannelRef:
    """`<#C123|general>`, `C123`, `#general` or `general`."""
    mention = _CHANNEL_MENTION.fullmatch(value)
    if mention:
        return ChannelRef(id=mention["id"])
    if _CHANNEL_ID.fullmatch(value):
        return ChannelRef(id=value)
    return ChannelRef(name=value.lstrip("#").strip())
