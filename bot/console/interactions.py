"""Verbs on what the app shows: clicks, shortcuts, and the open modal (fill, submit, close).

Each is a function of the session, turning what the person typed into the block action,
shortcut, view submission or view_closed payload Slack would send.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.console import lines as verbs
from bot.console.controls import (
    click_value,
    fill_state,
    find_control,
    find_field,
    normalize,
    submission,
)
from bot.console.lines import BadLine
from bot.console.mrkdwn import line
from bot.console.render import shown_value
from bot.console.screen import Shown
from bot.fakeslack import AppResponse

if TYPE_CHECKING:
    from bot.console.session import Session


def click(session: Session, verb: verbs.Click) -> None:
    """A button or menu option on a message, an ephemeral, a modal or the Home tab."""
    if verb.number is None:
        shown, control, option = _find_anywhere(session, verb.target)
    else:
        shown = session.item(verb.number)
        if shown.kind == "modal" and _is_modal_button(session, shown, verb.target):
            return
        control, option = find_control(shown.controls, verb.target, session.display.names())
    if shown is None:
        return  # the modal's own submit or close button was pressed
    session.check_can_see(shown)
    value, selected = click_value(control, option)
    common: dict[str, Any] = {
        "user_id": session.user_id,
        "block_id": control.block_id,
        "selected_option": selected,
        "action_type": control.kind,
    }
    if shown.kind == "message":
        message = session.slack.message(shown.channel or "", shown.ts or "")
        response = session.requester.block_action(
            control.action_id, value, channel_id=shown.channel, message=message, **common
        )
    elif shown.kind == "ephemeral":
        container = {
            "type": "message",
            "message_ts": shown.ts,
            "channel_id": shown.channel,
            "is_ephemeral": True,
        }
        session.display.clicked_ephemeral = shown
        response = session.requester.block_action(
            control.action_id,
            value,
            channel_id=shown.channel,
            container=container,
            **common,
        )
    else:
        view = session.display.current_view(shown)
        if option is not None and shown.view_id:
            state = {"selected_option": selected} if selected else {"selected_options": value}
            entry = {"type": control.kind, **state}
            session.display.fill(shown.view_id, control.block_id, control.action_id, entry)
            view = session.display.current_view(shown)
        response = session.requester.block_action(control.action_id, value, view=view, **common)
        session.display.home_focus = shown.kind == "home"
    if response.status != 200:
        session.unanswered(response, f'"{control.label}"')
    session.settle()


def shortcut(session: Session, verb: verbs.Shortcut) -> None:
    """A shortcut of the manifest: on message N, or global."""
    kind = "message" if verb.number is not None else "global"
    found = _matches_name(verb.name, [s for s in session.shortcuts if s.get("type") == kind])
    if len(found) != 1:
        names = [f'"{s["name"]}"' for s in session.shortcuts if s.get("type") == kind]
        listed = ", ".join(names) or "none"
        raise BadLine(f'no {kind} shortcut "{verb.name}"; the app has: {listed}')
    callback_id = found[0]["callback_id"]
    if verb.number is None:
        response = session.requester.global_shortcut(callback_id, user_id=session.user_id)
    else:
        shown = session.item(verb.number)
        if shown.kind != "message":
            raise BadLine(f"[{verb.number}] is not a message: shortcuts work on messages")
        session.check_can_see(shown)
        message = session.slack.message(shown.channel or "", shown.ts or "") or {}
        response = session.requester.message_shortcut(
            callback_id, message, channel_id=shown.channel, user_id=session.user_id
        )
    if response.status != 200:
        session.unanswered(response, f'the shortcut "{found[0]["name"]}"')
    session.settle()


def fill(session: Session, verb: verbs.Fill) -> None:
    """Type or pick a value in a field of the open modal (and tell the app if it listens)."""
    modal = open_modal(session)
    control = find_field(modal.controls, verb.field)
    entry = fill_state(
        control,
        verb.value,
        session.display.names(),
        user_id=session.workspace.user_id,
        channel_id=session.workspace.channel_id,
        timezone=session.settings.timezone,
        today=session.clock().astimezone(ZoneInfo(session.settings.timezone)).date(),
    )
    assert modal.view_id is not None
    session.display.fill(modal.view_id, control.block_id, control.action_id, entry)
    session.display.errors.get(modal.view_id, {}).pop(control.block_id or "", None)
    held = ", ".join(shown_value(control.element, entry, session.display.names()))
    held = held.replace("\n", " ⏎ ") or "(empty)"
    session.out.line(line((f"  ✎ {control.label}: ", "note"), (held, "value")))
    if control.dispatch:
        view = session.display.current_view(modal)
        response = session.requester.block_action(
            control.action_id,
            user_id=session.user_id,
            view=view,
            block_id=control.block_id,
            action_type=control.kind,
            value=entry.get("value"),
            selected_option=entry.get("selected_option"),
        )
        if response.status != 200:
            session.unanswered(response, f'"{control.label}"')
        session.settle()


def submit(session: Session, _verb: verbs.Submit | None = None) -> None:
    """Submit the open modal, unless Slack itself would refuse to (a blank required field)."""
    modal = open_modal(session)
    view = session.display.current_view(modal)
    if not view.get("submit"):
        raise BadLine("this modal has no submit button: close it, or click one of its buttons")
    assert modal.view_id is not None
    filled = session.display.fills.get(modal.view_id, {})
    language = session.workspace.language_of(session.user_id)
    values, problems = submission(modal.controls, filled, language)
    if problems:
        session.display.errors[modal.view_id] = problems
        session.out.note("Slack does not send the modal yet:")
        session.display.print_view(modal, view, "fix the fields marked ⚠")
        return
    session.display.errors.pop(modal.view_id, None)
    response = session.requester.view_submission(view, values, user_id=session.user_id)
    if response.status != 200:
        session.unanswered(response, "the modal")
    else:
        session.check_deadline(response, "the modal")
        answer = answer_of(response)
        if isinstance(answer, dict) and answer.get("response_action") == "errors":
            session.display.errors[modal.view_id] = dict(answer.get("errors") or {})
            session.display.print_view(
                modal, session.display.current_view(modal), "the app refused it"
            )
    session.settle()


def close(session: Session, _verb: verbs.Close) -> None:
    """Close the open modal; the app hears of it only if it asked to (notify_on_close)."""
    modal = open_modal(session)
    view = session.display.current_view(modal)
    if view.get("notify_on_close"):
        session.requester.view_closed(view, user_id=session.user_id)
    else:
        session.slack.close_view(session.user_id, view["id"])
    session.settle()


def open_modal(session: Session) -> Shown:
    """The modal on top of the person's stack, as shown."""
    stack = session.slack.view_stack(session.user_id)
    shown = session.display.screen.find(("view", stack[-1]["id"])) if stack else None
    if shown is None:
        raise BadLine("no modal is open: a button or a command opens one")
    return shown


def _is_modal_button(session: Session, shown: Shown, target: str) -> bool:
    """Whether `target` names the modal's submit or close button; if so, press it."""
    view = session.display.current_view(shown)
    submit_label = normalize(str((view.get("submit") or {}).get("text") or ""))
    close_label = normalize(str((view.get("close") or {}).get("text") or "")) or "cancel"
    wanted = normalize(target)
    if submit_label and wanted in (submit_label, "submit"):
        submit(session)
        return True
    if wanted in (close_label, "close"):
        close(session, verbs.Close())
        return True
    return False


def _find_anywhere(session: Session, target: str) -> tuple[Shown | None, Any, Any]:
    """A control named `target`: in the open modal, else the newest thing showing it."""
    stack = session.slack.view_stack(session.user_id)
    modal = session.display.screen.find(("view", stack[-1]["id"])) if stack else None
    if modal is not None:
        if _is_modal_button(session, modal, target):
            return None, None, None
        control, option = find_control(modal.controls, target, session.display.names())
        return modal, control, option
    last_error: BadLine | None = None
    for shown in session.display.screen.latest_first():
        if not shown.open or not shown.controls or not _visible(session, shown):
            continue
        try:
            control, option = find_control(shown.controls, target, session.display.names())
        except BadLine as error:
            last_error = last_error or (error if "could be" in str(error) else None)
            continue
        return shown, control, option
    raise last_error or BadLine(f'nothing shown has a button or option "{target}"')


def _visible(session: Session, shown: Shown) -> bool:
    try:
        session.check_can_see(shown)
    except BadLine:
        return False
    return shown.kind != "home" or session.display.home_focus


# -- showing what changed --------------------------------------------------------------


def _matches_name(wanted: str, shortcuts: list[dict]) -> list[dict]:
    exact = [s for s in shortcuts if normalize(s["name"]) == normalize(wanted)]
    return exact or [s for s in shortcuts if normalize(wanted) in normalize(s["name"])]


def answer_of(response: AppResponse) -> Any:
    """What the app answered: its JSON, else its text."""
    try:
        return response.json()
    except ValueError:
        return response.body
