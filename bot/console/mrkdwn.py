"""Slack's mrkdwn as styled terminal text: mentions and links resolved, markers turned to styles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A run of text and its style: space-separated names the output maps to colours ("" = none).
Segment = tuple[str, str]


@dataclass(frozen=True)
class Line:
    """One line of output: styled segments, indented by `indent` spaces."""

    segments: tuple[Segment, ...] = ()
    indent: int = 0

    @property
    def text(self) -> str:
        """The line as plain text, indent included."""
        return " " * self.indent + "".join(text for text, _ in self.segments)


def line(*segments: Segment | str, indent: int = 0) -> Line:
    """A Line from segments or bare strings (unstyled)."""
    parts = tuple((s, "") if isinstance(s, str) else s for s in segments)
    return Line(tuple(p for p in parts if p[0]), indent)


@dataclass(frozen=True)
class Names:
    """How to show Slack ids: user id -> name, conversation id -> name."""

    users: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)

    def user(self, user_id: str) -> str:
        return self.users.get(user_id, user_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


_INLINE = re.compile(
    r"(?P<code>`[^`\n]+`)"
    r"|(?P<angle><[^<>\n]+>)"
    r"|(?P<bold>(?<![\w*])\*(?=\S)[^*\n]*?\S\*(?![\w*])|(?<![\w*])\*\S\*(?![\w*]))"
    r"|(?P<italic>(?<![\w_])_(?=\S)[^_\n]*?\S_(?![\w_])|(?<![\w_])_\S_(?![\w_]))"
    r"|(?P<strike>(?<![\w~])~(?=\S)[^~\n]*?\S~(?![\w~])|(?<![\w~])~\S~(?![\w~]))"
)
_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def unescape(text: str) -> str:
    """Slack's three escaped characters back to themselves (`&amp;` last)."""
    for entity, char in _ENTITIES:
        text = text.replace(entity, char)
    return text


def _join(*styles: str) -> str:
    return " ".join(s for s in styles if s)


def _angle(token: str, names: Names, style: str) -> list[Segment]:
    """`<@U1>`, `<#C1|name>`, `<!here>`, `<!date^…|fallback>`, `<url|label>` as text."""
    body = token[1:-1]
    target, _, label = body.partition("|")
    if target.startswith("@"):
        return [("@" + (label or names.user(target[1:])), _join(style, "mention"))]
    if target.startswith("#"):
        return [("#" + (label or names.channel(target[1:])), _join(style, "mention"))]
    if target.startswith("!"):
        word = target[1:].split("^", 1)[0]
        shown = _SPECIAL.get(word) or unescape(label) or "@" + word
        return [(shown, _join(style, "mention"))]
    url = unescape(target)
    if label and unescape(label) != url.removeprefix("mailto:"):
        return [(unescape(label), _join(style, "link")), (f" ({url})", _join(style, "dim"))]
    return [(url.removeprefix("mailto:"), _join(style, "link"))]


def inline(text: str, names: Names, style: str = "") -> list[Segment]:
    """One line of mrkdwn as styled segments."""
    segments: list[Segment] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            segments.append((unescape(text[position : match.start()]), style))
        kind, token = match.lastgroup, match.group()
        if kind == "code":
            segments.append((unescape(token[1:-1]), _join(style, "code")))
        elif kind == "angle":
            segments.extend(_angle(token, names, style))
        else:
            segments.extend(inline(token[1:-1], names, _join(style, kind or "")))
        position = match.end()
    if position < len(text):
        segments.append((unescape(text[position:]), style))
    return [s for s in segments if s[0]]


def mrkdwn_lines(text: str, names: Names, indent: int = 0, style: str = "") -> list[Line]:
    """A mrkdwn text as lines: ``` blocks as code, `>` quotes with a bar, the rest inline."""
    lines: list[Line] = []
    parts = text.split("```")
    if len(parts) % 2 == 0:  # an unclosed fence is not a code block
        parts[-2:] = ["```".join(parts[-2:])]
    for index, part in enumerate(parts):
        if index % 2:
            for code in part.strip("\n").split("\n"):
                lines.append(line((unescape(code), _join(style, "code")), indent=indent + 2))
            continue
        # The line breaks around a fence belong to the fence.
        if index > 0:
            part = part.removeprefix("\n")
        if index < len(parts) - 1:
            part = part.removesuffix("\n")
            if not part:
                continue
        elif index > 0 and not part:
            continue
        for raw in part.split("\n"):
            quoted = re.match(r"^(?:>|&gt;) ?", raw)
            if quoted:
                body = inline(raw[quoted.end() :], names, _join(style, "quote"))
                lines.append(Line((("│ ", "dim"), *body), indent))
            else:
                lines.append(Line(tuple(inline(raw, names, style)), indent))
    while lines and not lines[-1].segments:
        lines.pop()
    return lines


def plain(obj: object, names: Names) -> str:
    """A Block Kit text object (plain_text or mrkdwn) or a string, as flat text."""
    if isinstance(obj, dict):
        text = str(obj.get("text") or "")
        if obj.get("type") == "mrkdwn":
            return "".join(t for t, _ in inline(text.replace("\n", " "), names))
        return text
    return str(obj or "")
