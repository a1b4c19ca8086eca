"""A console session: lines typed by one person, played against the real bot, its answers shown.

Each verb becomes what Slack would do: a signed slash command, a message stored in the fake
plus its `message` event, a block action, a view submission, an event, or scheduler ticks
on a moved clock. After it, the session waits for the app's listeners to finish and prints,
numbered, whatever changed in the fake Slack.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt import App
from sqlalchemy.engine import make_url

from bot.app import build_app
from bot.console import interactions
from bot.console import lines as verbs
from bot.console.clock import ConsoleClock, describe, target_of, ticks
from bot.console.display import Display
from bot.console.interactions import answer_of
from bot.console.lines import HELP, BadLine, parse_line
from bot.console.mrkdwn import Line, line
from bot.console.output import Output
from bot.console.screen import Shown
from bot.console.workspace import (
    ConsoleWorkspace,
    home_opened_event,
    member_joined_event,
    message_event,
    team_join_event,
)
from bot.deps import Deps
from bot.fakeslack import AppResponse, FakeSlack
from bot.local import LocalBot, local_settings, serve_locally
from bot.scheduler import run_due_jobs
from bot.settings import Settings

# Slack shows "operation_timeout" when an app takes longer than this to answer.
ACK_DEADLINE_S = 3.0
IDLE_TIMEOUT_S = 30.0


class Session:
    """One person at the keyboard, speaking as a Slack user in a channel of the fake workspace."""

    def __init__(
        self,
        bot: LocalBot,
        clock: ConsoleClock,
        out: Output,
        *,
        user: str,
        channel: str,
        language: str,
        commands: Collection[str],
        shortcuts: Collection[dict] = (),
    ) -> None:
        self.bot = bot
        self.slack: FakeSlack = bot.slack
        self.requester = bot.requester
        self.clock = clock
        self.out = out
        self.commands = sorted(commands)
        self.shortcuts = list(shortcuts)  # as in the manifest: name, type, callback_id
        self.settings: Settings = bot.deps.settings
        self.workspace = ConsoleWorkspace(
            self.slack, language=language, timezone=self.settings.timezone
        )
        self.user_id = self.workspace.add_person(user, admin=True)
        self.channel_id = self.workspace.add_channel(channel, self.user_id)
        self.display = Display(self.slack, self.workspace, out)
        self.display.viewer = self.user_id
        self.refused = 0  # lines the console could not play

    # -- what the person sees around the conversation ------------------------------------

    @property
    def user_name(self) -> str:
        return self.workspace.names().user(self.user_id)

    @property
    def prompt(self) -> str:
        return f"{self.user_name} in {self.workspace.where(self.channel_id)} › "

    def banner(self) -> list[Line]:
        """The first lines of a session: what runs, and who you are."""
        database = make_url(self.settings.database_url).render_as_string(hide_password=True)
        return [
            line(
                ("learnloop console", "bold"),
                f" — the real bot, a stand-in Slack on this machine, data in {database}",
            ),
            line(
                f"You are @{self.user_name} (admin) in {self.workspace.where(self.channel_id)}. ",
                ("help", "bold"),
                " lists the verbs; ",
                ("quit", "bold"),
                " or Ctrl-D leaves.",
            ),
        ]

    def play(self, text: str) -> bool:
        """Play one line; False when the person asked to leave."""
        try:
            verb = parse_line(text)
            if verb is None:
                return True
            if isinstance(verb, verbs.Quit):
                return False
            self.display.home_focus = (
                isinstance(verb, verbs.Home | verbs.Click) and self.display.home_focus
            )
            _PLAYERS[type(verb)](self, verb)
        except BadLine as refusal:
            self.refused += 1
            self.out.hint(str(refusal))
        return True

    # -- verbs -----------------------------------------------------------------------------

    def _slash(self, verb: verbs.Slash) -> None:
        if verb.command not in self.commands:
            raise BadLine(
                f"the app has no command {verb.command}; it has {', '.join(self.commands)}"
            )
        response = self.requester.command(
            verb.command, verb.text, user_id=self.user_id, channel_id=self.channel_id
        )
        first = None
        if response.status == 200:
            self.check_deadline(response, verb.command)
            answer = answer_of(response)
            first = self.slack.apply_command_answer(self.channel_id, self.user_id, answer)
        else:
            self.unanswered(response, f"the command {verb.command}")
        self.settle(first=first)

    def _say(self, verb: verbs.Say) -> None:
        message = self.slack.post_user_message(
            self.channel_id, self.user_id, self.workspace.encode(verb.text)
        )
        self.requester.event(message_event(message, self.workspace.channel_type(self.channel_id)))
        self.settle()

    def _reply(self, verb: verbs.Reply) -> None:
        shown = self.item(verb.number)
        if shown.kind != "message" or shown.channel is None:
            raise BadLine(f"[{verb.number}] is not a message in a channel: reply to a message")
        self.check_can_see(shown)
        parent = self.slack.message(shown.channel, shown.ts or "")
        if parent is None:
            raise BadLine(f"[{verb.number}] was deleted")
        message = self.slack.post_user_message(
            shown.channel, self.user_id, self.workspace.encode(verb.text), thread_ts=parent["ts"]
        )
        root = self.slack.message(shown.channel, message["thread_ts"]) or parent
        event = message_event(
            message, self.workspace.channel_type(shown.channel), parent_user=root.get("user")
        )
        self.requester.event(event)
        self.settle()

    def _as(self, verb: verbs.As) -> None:
        user_id = self.workspace.user_id(verb.name)
        if user_id == self.slack.bot_user_id:
            raise BadLine(f"@{verb.name} is the bot; speak as a person")
        if user_id is None:
            user_id = self.workspace.add_person(verb.name, language=verb.language, admin=verb.admin)
            self.slack.add_member(self.channel_id, user_id)
            made = "new, "
        elif verb.language or verb.admin:
            raise BadLine(f"@{verb.name} already exists; language and admin are set the first time")
        else:
            made = ""
        self.user_id = self.display.viewer = user_id
        language = self.workspace.language_of(user_id)
        role = ", admin" if self.workspace.is_admin(user_id) else ""
        self.out.note(f"you are @{verb.name} ({made}{language}{role})")

    def _in(self, verb: verbs.In) -> None:
        channel_id = self.workspace.channel_id(verb.name)
        if channel_id is None:
            channel_id = self.workspace.add_channel(verb.name, self.user_id)
            self.channel_id = channel_id
            self.out.note(f"you created #{verb.name} and invited learnloop")
            event = member_joined_event(
                self.slack.bot_user_id,
                channel_id,
                self.slack.team_id,
                private=False,
                inviter=self.user_id,
            )
            self._event(event, "member_joined_channel", quiet=True)
            return
        self.channel_id = channel_id
        if self.slack.add_member(channel_id, self.user_id):
            self.out.note(f"you joined #{verb.name}")
            event = member_joined_event(self.user_id, channel_id, self.slack.team_id, private=False)
            self._event(event, "member_joined_channel", quiet=True)
        else:
            self.out.note(f"you are in #{verb.name}")

    def _time(self, verb: verbs.Time) -> None:
        now = self.clock()
        if not verb.moves:
            self.out.line(line(("⏱ " + describe(now, self.settings.timezone), "clock")))
            return
        target = target_of(verb, now, self.settings.timezone)
        calls = len(self.slack.calls)
        for moment in ticks(now, target):
            self.clock.set(moment)
            run_due_jobs(self.bot.deps, moment)
            if len(self.slack.calls) == calls:
                continue  # the jobs asked nothing of Slack: nothing to show
            calls = len(self.slack.calls)
            heading = line(("── " + describe(moment, self.settings.timezone) + " ──", "clock"))
            self.settle(heading=heading)
        self.clock.set(target)
        self.out.line(
            line(("⏱ it is now " + describe(self.clock(), self.settings.timezone), "clock"))
        )

    def _home(self, _verb: verbs.Home) -> None:
        before = self.slack.home_views.get(self.user_id)
        dm = self.slack.im_channel(self.user_id)
        self.display.home_focus = True
        response = self.requester.event(home_opened_event(self.user_id, dm, before))
        if response.status == 404:
            self.out.note("the app does not handle app_home_opened (yet)")
        self.bot.wait_idle(IDLE_TIMEOUT_S)
        printed_home = self.display.collect(home=True)
        view = self.slack.home_views.get(self.user_id)
        if view is None:
            self.out.note(f"there is no App Home for @{self.user_name}: the app published none")
        elif not printed_home:
            shown = self.display.screen.find(("home", self.user_id))
            if shown is not None:
                self.display.print_view(shown, view, "")

    def _join(self, verb: verbs.Join) -> None:
        if self.workspace.user_id(verb.name) is not None:
            raise BadLine(f"@{verb.name} is already in the workspace")
        user_id = self.workspace.add_person(verb.name)
        where = self.workspace.where(self.channel_id)
        self.out.note(f"@{verb.name} joins the workspace and {where}")
        self._event(team_join_event(self.slack.user(user_id) or {}), "team_join")
        self.slack.add_member(self.channel_id, user_id)
        event = member_joined_event(user_id, self.channel_id, self.slack.team_id, private=False)
        self._event(event, "member_joined_channel", quiet=True)

    def _help(self, _verb: verbs.Help) -> None:
        width = max(len(syntax) for syntax, _ in HELP)
        for syntax, meaning in HELP:
            self.out.line(line((syntax.ljust(width + 2), "bold"), meaning, indent=2))
        self.out.line(line("Numbers in [brackets] are what reply and click refer to.", indent=2))

    # -- helpers ---------------------------------------------------------------------------

    def _event(self, event: dict, name: str, *, quiet: bool = False) -> None:
        response = self.requester.event(event)
        if response.status == 404 and not quiet:
            self.out.note(f"the app does not handle {name} (yet)")
        self.settle()

    def unanswered(self, response: AppResponse, what: str) -> None:
        """Say that the app did not answer a request with 200."""
        if response.status == 404:
            self.out.note(f"nothing in the app answers {what} (yet)")
        else:
            self.out.note(
                f"the app answered HTTP {response.status} to {what}; its log is on stderr"
            )

    def check_deadline(self, response: AppResponse, what: str) -> None:
        """Say so when the app answered later than Slack waits."""
        if response.elapsed > ACK_DEADLINE_S:
            self.out.note(
                f"the app took {response.elapsed:.1f} s to answer {what}; Slack gives up after "
                f"{ACK_DEADLINE_S:.0f} s and shows “operation_timeout”"
            )

    def item(self, number: int) -> Shown:
        """What was shown as [number], still there; BadLine otherwise."""
        shown = self.display.screen.get(number)
        if shown is None:
            last = self.display.screen.last_number
            shown_range = f"1 to {last}" if last else "none yet"
            raise BadLine(f"there is no [{number}] (numbers shown so far: {shown_range})")
        if not shown.open:
            raise BadLine(f"[{number}] is gone (deleted or closed)")
        return shown

    def check_can_see(self, shown: Shown) -> None:
        """BadLine unless the person at the keyboard can see it (ephemerals, DMs, modals)."""
        owner = shown.user
        if shown.kind == "message" and shown.channel:
            found = self.slack.channel(shown.channel) or {}
            owner = found.get("im_user") if found.get("is_im") else None
        if owner and owner != self.user_id:
            name = self.display.names().user(owner)
            raise BadLine(f"only @{name} sees [{shown.number}]: type `as @{name}` first")

    def settle(self, *, first: dict | None = None, heading: Line | None = None) -> None:
        """Wait for the app to finish what the last request started, then show what changed."""
        if not self.bot.wait_idle(IDLE_TIMEOUT_S):
            self.out.note(f"the app is still busy after {IDLE_TIMEOUT_S:.0f} s")
        self.display.collect(first=first, heading=heading)


_PLAYERS: dict[type, Callable[[Session, Any], None]] = {
    verbs.Slash: Session._slash,
    verbs.Say: Session._say,
    verbs.Reply: Session._reply,
    verbs.Click: interactions.click,
    verbs.Shortcut: interactions.shortcut,
    verbs.Fill: interactions.fill,
    verbs.Submit: interactions.submit,
    verbs.Close: interactions.close,
    verbs.As: Session._as,
    verbs.In: Session._in,
    verbs.Time: Session._time,
    verbs.Home: Session._home,
    verbs.Join: Session._join,
    verbs.Help: Session._help,
}


@contextmanager
def open_console(
    settings: Settings,
    out: Output,
    *,
    user: str,
    channel: str,
    language: str,
    build: Callable[[Deps], App] = build_app,
    commands: Collection[str] | None = None,
    shortcuts: Collection[dict] | None = None,
) -> Iterator[Session]:
    """Start a fake Slack and the bot on loopback, and hand back a session in it.

    The commands and shortcuts a person may use are the manifest's, as in a real workspace.
    """
    from bot.manifest import COMMAND_DESCRIPTIONS, SHORTCUTS

    if commands is None:
        commands = [str(command) for command in COMMAND_DESCRIPTIONS]
    clock = ConsoleClock()
    slack = FakeSlack(
        team_name="learnloop console",
        domain="learnloop-console",
        bot_token="xoxb-console-" + secrets.token_hex(12),
        app_token="xapp-console-" + secrets.token_hex(12),
        clock=clock.timestamp,
    )
    slack.start()
    try:
        local = local_settings(
            slack,
            settings.database_url,
            language=language,
            timezone=settings.timezone,
            log_format=settings.log_format,
        )
        with serve_locally(local, slack, clock, build=build) as bot:
            yield Session(
                bot,
                clock,
                out,
                user=user,
                channel=channel,
                language=language,
                commands=commands,
                shortcuts=SHORTCUTS if shortcuts is None else shortcuts,
            )
    finally:
        slack.stop()
