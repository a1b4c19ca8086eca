"""What the console shows: whatever changed in the fake Slack since it last looked, numbered.

The app is not asked what it did: after each line the display reads the fake's messages,
ephemerals, modal stacks and Home tabs, and prints what is new, edited, replaced, deleted or
closed, so that it renders whatever any feature sends.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from bot.console.mrkdwn import Line, Names, line
from bot.console.output import Output
from bot.console.render import Rendered, render_message, render_view
from bot.console.screen import (
    Screen,
    Shown,
    content_snapshot,
    message_key,
    reactions_snapshot,
    view_snapshot,
)
from bot.console.workspace import ConsoleWorkspace
from bot.fakeslack import FakeSlack

# A change to print: when it happened (a Slack ts) and how to show it (numbering it then).
Change = tuple[str, Callable[[], list[Line]]]


class Display:
    """Numbers and prints what appears in the fake Slack, and remembers what was filled in."""

    def __init__(self, slack: FakeSlack, workspace: ConsoleWorkspace, out: Output) -> None:
        self.slack = slack
        self.workspace = workspace
        self.out = out
        self.screen = Screen()
        self.viewer = ""  # the person at the keyboard: their Home tab is the one shown
        self.fills: dict[str, dict[str, dict[str, dict]]] = {}  # view_id -> state values
        self.errors: dict[str, dict[str, str]] = {}  # view_id -> block_id -> error
        self.home_focus = False  # the Home tab is what the person looks at
        self.clicked_ephemeral: Shown | None = None  # a response_url may replace it
        self._home_noted = ""
        self._seen_ephemerals = 0
        self._seen_views = 0

    def current_view(self, shown: Shown) -> dict[str, Any]:
        """The view as Slack holds it now, with what was filled in its state."""
        if shown.kind == "home":
            view = self.slack.home_views.get(shown.user or "") or {}
        else:
            view = next(
                (v for v in self.slack.view_stack(shown.user or "") if v["id"] == shown.view_id),
                {},
            )
        if view:
            view["state"] = {"values": self.fills.get(shown.view_id or "", {})}
        return view

    def fill(self, view_id: str, block_id: str | None, action_id: str, entry: dict) -> None:
        """Remember what a field of a view now holds (Slack keeps it in the view's state)."""
        self.fills.setdefault(view_id, {}).setdefault(block_id or "", {})[action_id] = entry

    def names(self) -> Names:
        """Names of everyone and of every conversation shown so far."""
        ids = {s.channel for s in self.screen.items.values() if s.channel}
        return self.workspace.names(ids)

    def collect(
        self, *, first: dict | None = None, heading: Line | None = None, home: bool = False
    ) -> bool:
        """Print new, edited and deleted messages, ephemerals, modals and the Home tab."""
        printed = False

        def emit(lines: list[Line]) -> None:
            nonlocal printed, heading
            if heading is not None:
                self.out.line(heading)
                heading = None
            self.out.lines(lines)
            printed = True

        # Numbers are given as things are printed, so they read in order.
        batch = self._message_changes() + self._ephemeral_changes()
        first_ts = (first or {}).get("ts")
        batch.sort(key=lambda item: (item[0] != first_ts, float(item[0])))
        for _ts, show in batch:
            emit(show())
        for lines in self._view_changes():
            emit(lines)
        home_lines, home_printed = self._home_changes(home or self.home_focus)
        if home_lines:
            emit(home_lines)
        return home_printed

    def _message_changes(self) -> list[Change]:
        changes: list[Change] = []
        present = set()
        for message in self.slack.all_messages():
            key = message_key(message["channel"], message["ts"])
            present.add(key)
            shown = self.screen.find(key)
            if shown is None:
                changes.append((message["ts"], partial(self._new_message, key, message)))
            elif shown.snapshot != content_snapshot(message):
                lines = self._message_lines(shown, message, "edited")
                changes.append((message["ts"], partial(list, lines)))
            elif shown.reactions != reactions_snapshot(message):
                shown.reactions = reactions_snapshot(message)
                marks = "  ".join(
                    f":{r['name']}: {r.get('count', 1)}" for r in message.get("reactions") or []
                )
                lines = [_status(shown, "reactions: " + (marks or "none"))]
                changes.append((message["ts"], partial(list, lines)))
        for shown in self.screen.items.values():
            key = message_key(shown.channel or "", shown.ts or "")
            if shown.kind == "message" and shown.open and key not in present:
                shown.open = False
                changes.append((shown.ts or "0", partial(list, [_status(shown, "deleted")])))
        return changes

    def _new_message(self, key: tuple, message: dict) -> list[Line]:
        shown = self.screen.add(key, kind="message", channel=message["channel"], ts=message["ts"])
        return self._message_lines(shown, message, "")

    def _message_lines(self, shown: Shown, message: dict, status: str) -> list[Line]:
        names = self.names()
        rendered = render_message(message, names)
        shown.snapshot = content_snapshot(message)
        shown.reactions = reactions_snapshot(message)
        shown.controls = rendered.controls
        is_bot = bool(message.get("bot_id"))
        author = names.user(message.get("user") or "") or "app"
        where = self.workspace.where(message["channel"])
        details = [where]
        thread_ts = message.get("thread_ts")
        if thread_ts and thread_ts != message["ts"]:
            parent = self.screen.find(message_key(message["channel"], thread_ts))
            details.append(f"in the thread of [{parent.number}]" if parent else "in a thread")
        if status:
            details.append(status)
        header = line(
            (f"[{shown.number}] ", "number"),
            (author, "bot" if is_bot else "person"),
            (" · " + " · ".join(details), "dim"),
        )
        return [header, *rendered.lines]

    def _ephemeral_changes(self) -> list[Change]:
        changes: list[Change] = []
        ephemerals = self.slack.ephemerals()
        for index in range(self._seen_ephemerals, len(ephemerals)):
            ephemeral = ephemerals[index]
            replaced = self.clicked_ephemeral
            if (
                ephemeral.get("replace_original")
                and replaced is not None
                and (replaced.channel, replaced.user) == (ephemeral["channel"], ephemeral["user"])
            ):
                replaced.ts = ephemeral["ts"]
                lines = self._ephemeral_lines(replaced, ephemeral, "replaced")
                changes.append((ephemeral["ts"], partial(list, lines)))
            else:
                changes.append((ephemeral["ts"], partial(self._new_ephemeral, index, ephemeral)))
        self._seen_ephemerals = len(ephemerals)
        self.clicked_ephemeral = None
        return changes

    def _new_ephemeral(self, index: int, ephemeral: dict) -> list[Line]:
        shown = self.screen.add(
            ("ephemeral", index),
            kind="ephemeral",
            channel=ephemeral["channel"],
            ts=ephemeral["ts"],
            user=ephemeral["user"],
        )
        return self._ephemeral_lines(shown, ephemeral, "")

    def _ephemeral_lines(self, shown: Shown, ephemeral: dict, status: str) -> list[Line]:
        names = self.names()
        rendered = render_message(ephemeral, names)
        shown.controls = rendered.controls
        details = [self.workspace.where(ephemeral["channel"])]
        details.append(f"only @{names.user(ephemeral['user'])} sees this")
        if status:
            details.append(status)
        header = line(
            (f"[{shown.number}] ", "number"),
            (self.workspace.bot_name, "bot"),
            (" · " + " · ".join(details), "dim"),
        )
        return [header, *rendered.lines]

    def _view_changes(self) -> list[list[Line]]:
        changes: list[list[Line]] = []
        log = self.slack.views
        touched: dict[str, str | None] = {}
        for entry in log[self._seen_views :]:
            if entry["view"].get("type") == "modal":
                touched[entry["id"]] = entry["user"]
        self._seen_views = len(log)
        for view_id, owner in touched.items():
            stack = self.slack.view_stack(owner or "")
            view = next((v for v in stack if v["id"] == view_id), None)
            if view is None:
                continue
            shown = self.screen.find(("view", view_id))
            status = ""
            if shown is None:
                shown = self.screen.add(
                    ("view", view_id), kind="modal", user=owner, view_id=view_id
                )
            elif shown.snapshot == view_snapshot(view):
                continue
            else:
                status = "updated"
            changes.append(self.view_lines(shown, view, status))
        for shown in self.screen.items.values():
            if shown.kind == "modal" and shown.open:
                open_ids = {v["id"] for v in self.slack.view_stack(shown.user or "")}
                if shown.view_id not in open_ids:
                    shown.open = False
                    self.fills.pop(shown.view_id or "", None)
                    changes.append([_status(shown, "modal closed")])
        return changes

    def _home_changes(self, focus: bool) -> tuple[list[Line], bool]:
        view = self.slack.home_views.get(self.viewer)
        if view is None:
            return [], False
        key = ("home", self.viewer)
        shown = self.screen.find(key)
        if shown is not None and shown.snapshot == view_snapshot(view):
            return [], False
        if not focus:
            if self._home_noted == view["hash"]:
                return [], False
            self._home_noted = view["hash"]
            note = f"· App Home of @{self.names().user(self.viewer)} changed: type home to see it"
            return [line((note, "note"))], False
        status = "updated" if shown is not None else ""
        if shown is None:
            shown = self.screen.add(key, kind="home", user=self.viewer, view_id=view["id"])
        return self.view_lines(shown, view, status), True

    def print_view(self, shown: Shown, view: dict, status: str) -> None:
        """Print a modal or Home tab now, with its fills and errors."""
        self.out.lines(self.view_lines(shown, view, status))

    def view_lines(self, shown: Shown, view: dict, status: str) -> list[Line]:
        """A modal or Home tab as lines, under a numbered header."""
        names = self.names()
        rendered: Rendered = render_view(
            view,
            names,
            values=self.fills.get(shown.view_id or ""),
            errors=self.errors.get(shown.view_id or ""),
            language=self.workspace.language_of(shown.user or self.viewer),
        )
        shown.snapshot = view_snapshot(view)
        shown.controls = rendered.controls
        owner = names.user(shown.user or "")
        if shown.kind == "home":
            title = "App Home"
        else:
            title = f"modal “{(view.get('title') or {}).get('text', '')}”"
        details = [f"@{owner}"] + ([status] if status else [])
        header = line(
            (f"[{shown.number}] ", "number"),
            (title, "bold"),
            (" · " + " · ".join(details), "dim"),
        )
        return [header, *rendered.lines]


def _status(shown: Shown, text: str) -> Line:
    """One line about something shown before: `[3] deleted`."""
    return line((f"[{shown.number}] ", "number"), (text, "dim"))
