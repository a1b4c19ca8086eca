"""The workspace settings admins change from App Home: reading the form, checking, saving."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.blocks.home import SettingsView
from bot.deps import Deps
from bot.errors import InvalidInput
from bot.ids import HomeBlock, MyDataBlock
from bot.insights.digest import DIGEST_CADENCES
from bot.learning.my_data import parse_retention
from bot.prompts.schedules import check_timezone
from bot.settings import LANGUAGES
from storage.admin_settings import ANONYMITY_POLICIES, anonymity_policy, save_workspace_settings
from storage.digests import get_digest_setting, set_digest
from storage.models import Workspace
from storage.my_data import retention_days_of


@dataclass(frozen=True)
class SettingsForm:
    """A submitted settings form, checked."""

    language: str
    timezone: str
    digest_channel: str | None
    digest_cadence: str
    anonymity: str
    retention_days: int = 0


def settings_view(session: Session, team_id: str) -> SettingsView:
    """What the settings section and modal show."""
    workspace = session.get(Workspace, team_id)
    digest = get_digest_setting(session, team_id)
    return SettingsView(
        language=workspace.language if workspace else None,
        timezone=workspace.timezone if workspace else None,
        digest_channel=digest.channel_id if digest else None,
        digest_cadence=digest.cadence if digest else "off",
        digest_problem=digest.problem if digest else None,
        anonymity=anonymity_policy(workspace),
        retention_days=retention_days_of(workspace.settings if workspace else None),
    )


def current_settings(deps: Deps, team_id: str) -> SettingsView:
    """The settings as stored now."""
    with deps.sessions() as session:
        return settings_view(session, team_id)


def _selected(values: dict, block: str) -> str | None:
    state = (values.get(block) or {}).get(block) or {}
    option = state.get("selected_option") or {}
    return option.get("value") or state.get("selected_conversation") or state.get("value")


def read_settings(values: dict, default_language: str) -> SettingsForm:
    """The form's values, or InvalidInput naming the block that is wrong."""
    language = _selected(values, HomeBlock.LANGUAGE) or default_language
    timezone = check_timezone(
        _selected(values, HomeBlock.TIMEZONE) or "",
        key="home.bad_timezone",
        field=HomeBlock.TIMEZONE,
    )
    channel = _selected(values, HomeBlock.DIGEST_CHANNEL)
    cadence = _selected(values, HomeBlock.DIGEST_CADENCE) or "off"
    if cadence not in (*DIGEST_CADENCES, "off"):
        cadence = "off"
    if cadence != "off" and not channel:
        raise InvalidInput("home.digest_needs_channel", field=HomeBlock.DIGEST_CHANNEL)
    anonymity = _selected(values, HomeBlock.ANONYMITY)
    retention_days = parse_retention(_selected(values, MyDataBlock.RETENTION))
    return SettingsForm(
        language=language if language in LANGUAGES else default_language,
        timezone=timezone,
        digest_channel=channel,
        digest_cadence=cadence,
        anonymity=anonymity if anonymity in ANONYMITY_POLICIES else "allowed",
        retention_days=retention_days,
    )


def save_settings(deps: Deps, team_id: str, user_id: str, form: SettingsForm) -> bool:
    """Store the form; True when the digest now goes to a channel (to check the bot is in it)."""
    now = deps.now()
    with deps.sessions.begin() as session:
        save_workspace_settings(
            session,
            team_id,
            language=form.language,
            timezone=form.timezone,
            anonymity=form.anonymity,
            retention_days=form.retention_days,
        )
        before = get_digest_setting(session, team_id)
        unchanged = before is not None and (before.channel_id, before.cadence) == (
            form.digest_channel,
            form.digest_cadence,
        )
        if not unchanged:
            set_digest(session, team_id, form.digest_channel, form.digest_cadence, user_id, now)
    return bool(form.digest_channel) and form.digest_cadence != "off"
