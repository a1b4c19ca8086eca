"""Where the console writes: plain text, or colours with rich on a terminal."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.emoji import Emoji
from rich.text import Text

from bot.console.mrkdwn import Line, line

# Style names the renderer uses, as rich styles.
STYLES = {
    "bold": "bold",
    "italic": "italic",
    "strike": "strike",
    "code": "cyan",
    "quote": "italic",
    "mention": "bold blue",
    "link": "underline blue",
    "dim": "dim",
    "header": "bold underline",
    "button": "bold",
    "primary": "bold green",
    "danger": "bold red",
    "control": "magenta",
    "value": "bold",
    "field": "bold",
    "warning": "bold yellow",
    "number": "bold cyan",
    "bot": "bold green",
    "person": "bold blue",
    "file": "cyan",
    "hint": "yellow",
    "note": "dim italic",
    "clock": "bold magenta",
    "echo": "bold",
}


class Output:
    """Prints lines; with `color`, styles and Slack emoji codes become colours and emoji."""

    def __init__(self, stream: TextIO, *, color: bool) -> None:
        self.stream = stream
        self.color = color
        self._console = Console(
            file=stream,
            force_terminal=color,
            no_color=not color,
            highlight=False,
            markup=False,
            emoji=False,
            soft_wrap=True,
        )

    def lines(self, lines: list[Line]) -> None:
        """Print lines in order."""
        for item in lines:
            self.line(item)

    def line(self, item: Line) -> None:
        """Print one line."""
        if not self.color:
            self.stream.write(item.text.rstrip() + "\n")
            self.stream.flush()
            return
        text = Text(" " * item.indent)
        for part, style in item.segments:
            rich_style = " ".join(STYLES.get(name, "") for name in style.split()).strip()
            text.append(Emoji.replace(part), style=rich_style or None)
        self._console.print(text)

    def hint(self, message: str) -> None:
        """A one-line hint about a line the console could not play."""
        self.line(line(("? " + message, "hint")))

    def note(self, message: str) -> None:
        """A remark from the console itself (not from the bot)."""
        self.line(line(("· " + message, "note")))

    def echo(self, prompt: str, typed: str) -> None:
        """A scripted line, shown as if typed at the prompt."""
        self.line(line((prompt, "dim"), (typed, "echo")))

    def read(self, prompt: str) -> str:
        """A line typed at the prompt (EOFError on Ctrl-D)."""
        if self.color:
            return self._console.input(Text(prompt, style="dim"))
        return input(prompt)
