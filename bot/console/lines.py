"""What a console line means: one verb and its arguments, parsed without touching anything."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta


class BadLine(Exception):
    """A line the console cannot play; the message is a one-line hint saying what to type."""


@dataclass(frozen=True)
class Slash:
    """`/learning …`: a slash command typed in the current channel."""

    command: str
    text: str


@dataclass(frozen=True)
class Say:
    """`say …`: a plain message in the current channel."""

    text: str


@dataclass(frozen=True)
class Reply:
    """`reply N …`: a message in the thread of message N."""

    number: int
    text: str


@dataclass(frozen=True)
class Click:
    """`click [N] LABEL`: a button or a menu option on what N shows (the open modal if no N)."""

    number: int | None
    target: str


@dataclass(frozen=True)
class Shortcut:
    """`shortcut [N] NAME`: a message shortcut on message N, or a global shortcut."""

    number: int | None
    name: str


@dataclass(frozen=True)
class Fill:
    """`fill FIELD value`: a field of the open modal, found by its label or number."""

    field: str
    value: str


@dataclass(frozen=True)
class Submit:
    """`submit`: submit the open modal."""


@dataclass(frozen=True)
class Close:
    """`close`: close the open modal without submitting it."""


@dataclass(frozen=True)
class As:
    """`as @name [en|fr] [admin]`: speak as another person (created on first use)."""

    name: str
    language: str | None = None
    admin: bool = False


@dataclass(frozen=True)
class In:
    """`in #name`: move to another channel (created on first use, with the bot in it)."""

    name: str


@dataclass(frozen=True)
class Time:
    """`time +7d` / `time monday 09:00` / `time`: move the clock forward, or show it."""

    step: timedelta | None = None
    weekday: int | None = None  # 0 is Monday
    at: time | None = None

    @property
    def moves(self) -> bool:
        return self.step is not None or self.weekday is not None or self.at is not None


@dataclass(frozen=True)
class Home:
    """`home`: open the App Home tab."""


@dataclass(frozen=True)
class Join:
    """`join @name`: a newcomer joins the workspace and the current channel."""

    name: str


@dataclass(frozen=True)
class Help:
    """`help`: list the verbs."""


@dataclass(frozen=True)
class Quit:
    """`quit`: leave the console."""


Verb = (
    Slash | Say | Reply | Click | Fill | Submit | Close | As | In | Time | Home | Join | Help | Quit
)

HELP: tuple[tuple[str, str], ...] = (
    ("/learning …, /retro …", "a slash command, typed in the current channel"),
    ("say TEXT", "post a message in the current channel"),
    ("reply N TEXT", "reply in the thread of message N"),
    ('click N "Label"', "press a button or pick a menu option shown in N (a message, modal, home)"),
    ('click "Label"', "the same in the open modal, or on the latest thing that has it"),
    ('shortcut N "Name"', "a message shortcut on message N (a global shortcut without N)"),
    (
        'fill "Field" VALUE',
        "fill a field of the open modal (label or number; \\n: new line; dates: +7d, friday)",
    ),
    ("submit / close", "submit the open modal, or close it"),
    ("as @name [en|fr] [admin]", "speak as someone else (created the first time)"),
    ("in #channel", "move to a channel (created the first time, learnloop invited)"),
    ("time +7d | +3h | +30m", "move the clock forward; the scheduler runs every hour of the way"),
    ("time [monday] 09:00", "move the clock to the next such moment; `time` alone shows it"),
    ("home", "open the App Home tab"),
    ("join @name", "a newcomer joins the workspace and the current channel"),
    ("help / quit", "this list / leave (Ctrl-D and Ctrl-C too)"),
)

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_DURATION = re.compile(r"(\d+)\s*([wdhm])")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:h]([0-5]\d)$")


def parse_line(line: str) -> Verb | None:
    """The verb a line asks for; None for a blank line or a `#` comment; BadLine otherwise."""
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    if line.startswith("/"):
        command, _, text = line.partition(" ")
        if len(command) < 2:
            raise BadLine('a slash command needs a name, such as "/learning onboarding: …"')
        return Slash(command.lower(), text.strip())
    word, _, rest = line.partition(" ")
    rest = rest.strip()
    parser = _VERBS.get(word.lower())
    if parser is None:
        raise BadLine(
            f'unknown verb "{word}": to post a message type "say {line[:30]}", '
            'or "help" for the list of verbs'
        )
    return parser(rest)


def _say(rest: str) -> Verb:
    if not rest:
        raise BadLine('say what? e.g. "say we moved every template to the wiki"')
    return Say(rest)


def _reply(rest: str) -> Verb:
    number, _, text = rest.partition(" ")
    if not number.isdigit() or not text.strip():
        raise BadLine('reply takes a message number and a text, e.g. "reply 3 pair newcomers"')
    return Reply(int(number), text.strip())


def _click(rest: str) -> Verb:
    first, _, after = rest.partition(" ")
    if first.isdigit() and after.strip():
        return Click(int(first), unquote(after.strip()))
    if not rest or first.isdigit():
        raise BadLine('click what? e.g. click 3 "Save" (message 3\'s button) or click "Save"')
    return Click(None, unquote(rest))


def _shortcut(rest: str) -> Verb:
    first, _, after = rest.partition(" ")
    if first.isdigit() and after.strip():
        return Shortcut(int(first), unquote(after.strip()))
    if not rest or first.isdigit():
        raise BadLine('which shortcut? e.g. shortcut 3 "Save as learning"')
    return Shortcut(None, unquote(rest))


def _fill(rest: str) -> Verb:
    field, value = take_word(rest)
    if not field:
        raise BadLine('fill which field? e.g. fill "What went well" we shipped on time')
    return Fill(field, value.replace("\\n", "\n"))


def _no_argument(verb: Verb, name: str) -> object:
    def parse(rest: str) -> Verb:
        if rest:
            raise BadLine(f'"{name}" takes nothing after it')
        return verb

    return parse


def _as(rest: str) -> Verb:
    words = rest.split()
    if not words:
        raise BadLine('as whom? e.g. "as @bob", "as @chloe fr", "as @dana admin"')
    name = person_name(words[0])
    language, admin = None, False
    for word in words[1:]:
        if word.lower() in ("en", "fr"):
            language = word.lower()
        elif word.lower() == "admin":
            admin = True
        else:
            raise BadLine(f'after "as @{name}" only "en", "fr" or "admin" may follow, not "{word}"')
    return As(name, language, admin)


def _in(rest: str) -> Verb:
    if not rest or " " in rest:
        raise BadLine('in which channel? e.g. "in #team"')
    name = rest.removeprefix("#").lower()
    if not _NAME.match(name):
        raise BadLine(
            f'"{rest}" is not a channel name: lowercase letters, digits, "-" and "_", e.g. #team'
        )
    return In(name)


def _join(rest: str) -> Verb:
    if not rest or " " in rest:
        raise BadLine('who joins? e.g. "join @newbie"')
    return Join(person_name(rest))


def person_name(word: str) -> str:
    """A Slack username from `@name`: lowercase letters, digits, `.`, `_` and `-`."""
    name = word.removeprefix("@").lower()
    if not _NAME.match(name):
        raise BadLine(f'"{word}" is not a name: lowercase letters and digits, e.g. @bob')
    return name


def parse_time(rest: str) -> Time:
    """`+7d`, `+1d12h`, `+30m`, `monday 09:00`, `09:00`, `friday`, or nothing."""
    rest = rest.strip().lower()
    if not rest:
        return Time()
    if rest.startswith("+"):
        body = rest[1:].replace(" ", "")
        parts = _DURATION.findall(body)
        if not parts or "".join(n + u for n, u in parts) != body:
            raise BadLine('time moves by "+7d", "+3h", "+30m" or "+1w" (or "+1d12h")')
        step = timedelta()
        for amount, unit in parts:
            step += timedelta(**{_UNITS[unit]: int(amount)})
        return Time(step=step)
    weekday, at = None, None
    for word in rest.split():
        day = next(
            (i for i, name in enumerate(_WEEKDAYS) if len(word) >= 3 and name.startswith(word)),
            None,
        )
        clock = _CLOCK.match(word)
        if day is not None and weekday is None:
            weekday = day
        elif clock and at is None:
            at = time(int(clock.group(1)), int(clock.group(2)))
        else:
            raise BadLine(
                f'time does not understand "{word}": try "time +7d" or "time monday 09:00"'
            )
    return Time(weekday=weekday, at=at)


def take_word(text: str) -> tuple[str, str]:
    """The first word of text (a quoted one may hold spaces) and the rest, both stripped."""
    text = text.strip()
    if text[:1] in ('"', "'", "“"):
        closing = "”" if text[0] == "“" else text[0]
        end = text.find(closing, 1)
        if end > 0:
            return text[1:end], text[end + 1 :].strip()
    word, _, rest = text.partition(" ")
    return word, rest.strip()


def unquote(text: str) -> str:
    """A label typed with or without quotes around it."""
    text = text.strip()
    pairs = {'"': '"', "'": "'", "“": "”"}
    if len(text) >= 2 and text[0] in pairs and text[-1] == pairs[text[0]]:
        return text[1:-1]
    return text


_VERBS = {
    "say": _say,
    "reply": _reply,
    "click": _click,
    "shortcut": _shortcut,
    "fill": _fill,
    "submit": _no_argument(Submit(), "submit"),
    "close": _no_argument(Close(), "close"),
    "as": _as,
    "in": _in,
    "time": parse_time,
    "home": _no_argument(Home(), "home"),
    "join": _join,
    "help": _no_argument(Help(), "help"),
    "?": _no_argument(Help(), "?"),
    "quit": _no_argument(Quit(), "quit"),
    "exit": _no_argument(Quit(), "exit"),
}
