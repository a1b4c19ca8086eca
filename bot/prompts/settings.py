"""The schedule settings form, as plain data: reading it, checking it, and who may change it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.errors import InvalidInput
from bot.ids import PromptAction, PromptBlock
from bot.prompts.schedules import (
    DAY_NAMES,
    DEFAULT_CRON,
    check_cron,
    check_language,
    check_timezone,
    lever_selection,
)

CADENCES = ("weekly", "weekdays", "monthly", "custom")
_PRESET = re.compile(r"^(?P<minute>\d{1,2}) (?P<hour>\d{1,2}) (?P<day>\*|1) \* (?P<weekday>\S+)$")
_TIME = re.compile(r"^(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)$")


@dataclass(frozen=True)
class SettingsForm:
    """What the settings form shows or received."""

    cadence: str = "weekly"
    day: str = "mon"
    time: str = "10:00"
    cron: str = DEFAULT_CRON
    timezone: str = "UTC"
    lever_mode: str = "rotate"
    levers: tuple[str, ...] = ()
    language: str = "en"
    enabled: bool = True


@dataclass(frozen=True)
class ScheduleValues:
    """A checked schedule, ready to store."""

    cron: str
    timezone: str
    lever_mode: str
    levers: list[str] = field(default_factory=list)
    language: str | None = None
    enabled: bool = True


def form_from_cron(cron: str, **rest: object) -> SettingsForm:
    """The form for a stored cron expression: a preset when it is one, else custom."""
    match = _PRESET.match(cron)
    if match:
        time = f"{int(match['hour']):02d}:{int(match['minute']):02d}"
        weekday, day = match["weekday"].lower(), match["day"]
        if day == "*" and weekday in DAY_NAMES:
            return SettingsForm(cadence="weekly", day=weekday, time=time, cron=cron, **rest)
        if day == "*" and weekday == "mon-fri":
            return SettingsForm(cadence="weekdays", time=time, cron=cron, **rest)
        if day == "1" and weekday == "*":
            return SettingsForm(cadence="monthly", time=time, cron=cron, **rest)
    return SettingsForm(cadence="custom", cron=cron, **rest)


def cron_of(form: SettingsForm) -> str:
    """The cron expression the form describes (InvalidInput for a bad time or custom cron)."""
    if form.cadence == "custom":
        return check_cron(form.cron or "")
    match = _TIME.match(form.time or "")
    if not match:
        raise InvalidInput("prompts.bad_time", field="time", value=(form.time or "")[:10])
    minute, hour = int(match["minute"]), int(match["hour"])
    if form.cadence == "weekdays":
        return f"{minute} {hour} * * MON-FRI"
    if form.cadence == "monthly":
        return f"{minute} {hour} 1 * *"
    day = form.day if form.day in DAY_NAMES else "mon"
    return f"{minute} {hour} * * {day.upper()}"


def check_form(form: SettingsForm) -> tuple[ScheduleValues | None, list[tuple[str, InvalidInput]]]:
    """The schedule a form describes, or every refusal with the block it belongs to."""
    refusals: list[tuple[str, InvalidInput]] = []
    values: dict = {}
    for block, check in (
        (PromptBlock.CRON if form.cadence == "custom" else PromptBlock.TIME, lambda: cron_of(form)),
        (PromptBlock.TIMEZONE, lambda: check_timezone(form.timezone or "")),
        (PromptBlock.LEVERS, lambda: lever_selection(form.levers, form.lever_mode)),
        (PromptBlock.LANGUAGE, lambda: check_language(form.language)),
    ):
        try:
            values[block] = check()
        except InvalidInput as refusal:
            refusals.append((block, refusal))
    if refusals:
        return None, refusals
    cron_block = PromptBlock.CRON if form.cadence == "custom" else PromptBlock.TIME
    mode, levers = values[PromptBlock.LEVERS]
    return ScheduleValues(
        cron=values[cron_block],
        timezone=values[PromptBlock.TIMEZONE],
        lever_mode=mode,
        levers=levers,
        language=values[PromptBlock.LANGUAGE],
        enabled=form.enabled,
    ), []


def form_from_state(state: dict) -> SettingsForm:
    """Read a submitted settings modal's state.values."""

    def entry(block: str, action: str) -> dict:
        return (state.get(block) or {}).get(action) or {}

    def selected(block: str, action: str, default: str) -> str:
        option = entry(block, action).get("selected_option") or {}
        return option.get("value") or default

    levers = entry(PromptBlock.LEVERS, PromptAction.LEVERS).get("selected_options") or []
    enabled = entry(PromptBlock.ENABLED, PromptAction.ENABLED).get("selected_options") or []
    return SettingsForm(
        cadence=selected(PromptBlock.CADENCE, PromptAction.CADENCE, "weekly"),
        day=selected(PromptBlock.DAY, PromptAction.DAY, "mon"),
        time=entry(PromptBlock.TIME, PromptAction.TIME).get("selected_time") or "",
        cron=(entry(PromptBlock.CRON, PromptAction.CRON).get("value") or "").strip(),
        timezone=(entry(PromptBlock.TIMEZONE, PromptAction.TIMEZONE).get("value") or "").strip(),
        lever_mode=selected(PromptBlock.LEVER_MODE, PromptAction.LEVER_MODE, "rotate"),
        levers=tuple(option["value"] for option in levers),
        language=selected(PromptBlock.LANGUAGE, PromptAction.LANGUAGE, "en"),
        enabled=bool(enabled),
    )


def may_change(
    created_by: str | None, user_id: str, is_admin: bool, channel_creator: str | None = None
) -> bool:
    """Only a workspace admin, whoever set the schedule up, or the channel's creator may change it."""
    return is_admin or user_id in {created_by, channel_creator} - {None}
