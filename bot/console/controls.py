"""Finding what a person meant to click or fill, and the state Slack would send for it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.console.lines import BadLine
from bot.console.mrkdwn import Names
from bot.console.render import BUTTONS, TEXT_INPUTS, Control, element_options, option_text
from bot.fakeslack.payloads import option as option_object
from bot.messages import t

_SHORTCODE = re.compile(r":[a-z0-9_+'-]+:")
_MULTI_SELECTS = frozenset(
    {
        "multi_static_select",
        "multi_external_select",
        "multi_users_select",
        "multi_conversations_select",
        "multi_channels_select",
        "checkboxes",
    }
)


def normalize(label: str) -> str:
    """A label as compared: no emoji, no punctuation, lowercase, single spaces."""
    label = _SHORTCODE.sub(" ", label)
    kept = "".join(
        c if unicodedata.category(c)[0] in "LN" else " "
        for c in unicodedata.normalize("NFC", label)
    )
    return " ".join(kept.lower().split())


def _matches(wanted: str, candidates: list[tuple[str, Any]]) -> list[Any]:
    """Candidates whose label is `wanted`; else those whose label contains it.

    Labels compare without emoji or punctuation, unless that is all `wanted` is (":+1:").
    """
    clean = normalize if normalize(wanted) else (lambda label: " ".join(label.lower().split()))
    target = clean(wanted)
    if not target:
        return []
    exact = [item for label, item in candidates if clean(label) == target]
    return exact or [item for label, item in candidates if target in clean(label)]


def find_control(
    controls: list[Control], target: str, names: Names
) -> tuple[Control, dict[str, Any] | None]:
    """The button, or the menu and option, that `target` names (a label or a number)."""
    clickable = [c for c in controls if not c.in_input]
    if target.isdigit():
        for control in clickable:
            if control.number == int(target):
                if control.kind in BUTTONS:
                    return control, None
                raise BadLine(
                    f'{control.number} is a menu: click the option you want, e.g. click "'
                    f'{option_text(control.options[0], names) if control.options else "…"}"'
                )
    candidates: list[tuple[str, tuple[Control, dict | None]]] = []
    for control in clickable:
        if control.kind in BUTTONS:
            candidates.append((control.label, (control, None)))
        else:
            for option in control.options:
                candidates.append((option_text(option, names), (control, option)))
                candidates.append((str(option.get("value", "")), (control, option)))
    found = list({(id(c), id(o)): (c, o) for c, o in _matches(target, candidates)}.values())
    if len(found) == 1:
        return found[0]
    if not found:
        labels = [c.label for c in clickable if c.kind in BUTTONS] + [
            option_text(o, names) for c in clickable if c.kind not in BUTTONS for o in c.options
        ]
        listed = ", ".join(f'"{label}"' for label in labels[:12]) if labels else "nothing to click"
        raise BadLine(f'no button or option "{target}" there; it shows {listed}')
    listed = ", ".join(f'"{c.label if o is None else option_text(o, names)}"' for c, o in found[:6])
    raise BadLine(f'"{target}" could be {listed}: type more of the label')


def find_field(controls: list[Control], field: str) -> Control:
    """The modal field a label (or its number) names."""
    fields = [c for c in controls if c.in_input]
    if not fields:
        raise BadLine("the open modal has no field to fill")
    if field.isdigit():
        for control in fields:
            if control.number == int(field):
                return control
    found = _matches(field, [(c.label, c) for c in fields])
    if len(found) == 1:
        return found[0]
    listed = ", ".join(f'"{c.label}"' for c in (found or fields)[:8])
    if found:
        raise BadLine(f'"{field}" could be {listed}: type more of the label')
    raise BadLine(f'no field "{field}" in the modal; its fields are {listed}')


def fill_state(
    control: Control,
    text: str,
    names: Names,
    *,
    user_id: Callable[[str], str | None],
    channel_id: Callable[[str], str | None],
    timezone: str,
    today: date | None = None,
) -> dict[str, Any]:
    """The state.values entry Slack would hold after someone typed or picked `text`.

    Dates may be typed relative to `today` (the console's clock): `+7d`, `+2w`, `today`,
    `tomorrow` or a weekday (the next one), so that scripts keep working as time passes.
    """
    kind = control.kind
    entry: dict[str, Any] = {"type": kind}
    if kind in TEXT_INPUTS:
        if kind == "number_input" and text and not re.fullmatch(r"-?\d+(\.\d+)?", text):
            raise BadLine(f'"{control.label}" takes a number, e.g. fill "{control.label}" 3')
        if kind == "rich_text_input":
            entry["rich_text_value"] = rich_text_value(text)
        else:
            entry["value"] = text or None
        return entry
    if kind in ("datepicker", "timepicker", "datetimepicker"):
        return _date_state(control, relative_day(text, today), timezone)
    parts = [p.strip() for p in text.split(",")] if kind in _MULTI_SELECTS else [text.strip()]
    parts = [p for p in parts if p]
    if "users_select" in kind:
        ids = [_resolve(p, "@", user_id, control) for p in parts]
        key = "selected_users" if kind.startswith("multi") else "selected_user"
        entry[key] = ids if kind.startswith("multi") else (ids[0] if ids else None)
        return entry
    if "conversations_select" in kind or "channels_select" in kind:
        ids = [_resolve(p, "#", channel_id, control) for p in parts]
        noun = "conversation" if "conversations" in kind else "channel"
        key = f"selected_{noun}s" if kind.startswith("multi") else f"selected_{noun}"
        entry[key] = ids if kind.startswith("multi") else (ids[0] if ids else None)
        return entry
    options = element_options(control.element)
    if not options:
        raise BadLine(f'"{control.label}" loads its options from the app; the console cannot')
    chosen = []
    for part in parts:
        found = _matches(part, [(option_text(o, names), o) for o in options])
        found = found or [o for o in options if str(o.get("value")) == part]
        if len(found) != 1:
            listed = ", ".join(f'"{option_text(o, names)}"' for o in options[:10])
            raise BadLine(f'"{part}" is not one of the choices of "{control.label}": {listed}')
        chosen.append(found[0])
    if kind in _MULTI_SELECTS:
        entry["selected_options"] = chosen
    else:
        entry["selected_option"] = chosen[0] if chosen else None
    return entry


def _resolve(name: str, prefix: str, lookup: Callable[[str], str | None], control: Control) -> str:
    found = lookup(name.removeprefix(prefix).lower())
    if found is None:
        raise BadLine(f'nobody/nothing called "{name}" for "{control.label}": use {prefix}name')
    return found


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def relative_day(text: str, today: date | None) -> str:
    """`+7d`, `today`, `friday` … as YYYY-MM-DD from `today`; anything else unchanged."""
    word, _, rest = text.strip().lower().partition(" ")
    if today is None:
        return text
    step = re.fullmatch(r"\+(\d+)([dw])", word)
    if step:
        days = int(step.group(1)) * (7 if step.group(2) == "w" else 1)
        day = today + timedelta(days=days)
    elif word in ("today", "tomorrow"):
        day = today + timedelta(days=word == "tomorrow")
    elif len(word) >= 3 and any(name.startswith(word) for name in _WEEKDAYS):
        weekday = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(word))
        day = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    else:
        return text
    return f"{day:%Y-%m-%d} {rest}".strip()


def _date_state(control: Control, text: str, timezone: str) -> dict[str, Any]:
    kind = control.kind
    formats = {"datepicker": "%Y-%m-%d", "timepicker": "%H:%M", "datetimepicker": "%Y-%m-%d %H:%M"}
    try:
        parsed = datetime.strptime(text.strip(), formats[kind])
    except ValueError:
        example = {
            "datepicker": "2026-12-01 or +7d",
            "timepicker": "09:30",
        }.get(kind, "2026-12-01 09:30 or +7d 09:30")
        raise BadLine(f'"{control.label}" takes a value like {example}') from None
    if kind == "datepicker":
        return {"type": kind, "selected_date": parsed.strftime("%Y-%m-%d")}
    if kind == "timepicker":
        return {"type": kind, "selected_time": parsed.strftime("%H:%M"), "timezone": timezone}
    moment = parsed.replace(tzinfo=ZoneInfo(timezone))
    return {"type": kind, "selected_date_time": int(moment.timestamp())}


def rich_text_value(text: str) -> dict[str, Any]:
    """What a rich_text_input holds for plain typed text."""
    return {
        "type": "rich_text",
        "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}],
    }


def chosen_option(control: Control, option: dict[str, Any]) -> dict[str, Any]:
    """An option as block_actions reports it (text and value only)."""
    return option_object(str(option.get("value")), option_text(option, Names()))


def click_value(control: Control, option: dict[str, Any] | None) -> tuple[Any, dict | None]:
    """(value, selected_option) a block action carries for a click on a control."""
    if option is None:
        return control.element.get("value"), None
    if control.kind in _MULTI_SELECTS:
        return [chosen_option(control, option)], None
    return None, chosen_option(control, option)


def empty_state(element: dict[str, Any]) -> dict[str, Any]:
    """The state of an input nobody filled (its initial value if it has one)."""
    kind = str(element.get("type"))
    entry: dict[str, Any] = {"type": kind}
    initial = {
        "initial_option": "selected_option",
        "initial_options": "selected_options",
        "initial_user": "selected_user",
        "initial_users": "selected_users",
        "initial_conversation": "selected_conversation",
        "initial_conversations": "selected_conversations",
        "initial_channel": "selected_channel",
        "initial_channels": "selected_channels",
        "initial_date": "selected_date",
        "initial_time": "selected_time",
        "initial_date_time": "selected_date_time",
    }
    for key, state_key in initial.items():
        if key in element:
            entry[state_key] = element[key]
            return entry
    if kind == "rich_text_input":
        entry["rich_text_value"] = element.get("initial_value") or rich_text_value("")
    elif kind in TEXT_INPUTS:
        initial_value = element.get("initial_value")
        entry["value"] = None if initial_value in (None, "") else str(initial_value)
    elif kind in _MULTI_SELECTS:
        entry[_multi_key(kind)] = []
    elif kind.endswith("select") or kind == "radio_buttons":
        entry[_single_key(kind)] = None
    return entry


def _multi_key(kind: str) -> str:
    for noun in ("users", "conversations", "channels"):
        if noun in kind:
            return f"selected_{noun}"
    return "selected_options"


def _single_key(kind: str) -> str:
    for noun in ("user", "conversation", "channel"):
        if f"{noun}s_select" in kind:
            return f"selected_{noun}"
    return "selected_option"


def is_empty(entry: dict[str, Any]) -> bool:
    """Whether a state entry holds nothing (a required field left blank)."""
    for key, value in entry.items():
        if key in ("type", "timezone"):
            continue
        if key == "rich_text_value":
            if any(
                piece.get("text", "").strip() or piece.get("type") != "text"
                for section in value.get("elements") or []
                for piece in section.get("elements") or []
            ):
                return False
            continue
        if value not in (None, "", []):
            return False
    return True


def submission(
    controls: list[Control], filled: dict[str, dict[str, dict]], language: str = "en"
) -> tuple[dict[str, dict[str, dict]], dict[str, str]]:
    """state.values of a modal being submitted, and the complaints Slack's client would make.

    Slack refuses to send a modal with an empty required field or a text outside its
    min/max length; it says so under the field, as returned here by block_id.
    """
    values: dict[str, dict[str, dict]] = {}
    problems: dict[str, str] = {}
    for control in controls:
        if not control.block_id or not control.action_id:
            continue
        entry = (filled.get(control.block_id) or {}).get(control.action_id)
        if entry is None and not control.in_input:
            continue
        entry = entry or empty_state(control.element)
        values.setdefault(control.block_id, {})[control.action_id] = entry
        if not control.in_input:
            continue
        if is_empty(entry):
            if not control.optional:
                problems[control.block_id] = t("console.required", language)
            continue
        text = entry.get("value") or ""
        low, high = control.element.get("min_length"), control.element.get("max_length")
        if low and len(text) < int(low):
            problems[control.block_id] = t("console.too_short", language, limit=low)
        elif high and len(text) > int(high):
            problems[control.block_id] = t("console.too_long", language, limit=high)
    return values, problems
