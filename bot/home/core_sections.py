"""The core sections of App Home: what everyone sees first, and the admins' settings.

Importing this module puts them at the front of MEMBER_SECTIONS and ADMIN_SECTIONS, before
the sections other features add (open actions, onboarding path, newcomers, resources).
Each section caps its lists and says how many more there are.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.blocks.common import section
from bot.blocks.digest import coverage_block
from bot.blocks.home import (
    Item,
    header,
    intro,
    list_section,
    mine_section,
    settings_section,
    stand_section,
    team_section,
)
from bot.home.compose import ADMIN_SECTIONS, MEMBER_SECTIONS, HomeContext
from bot.home.settings import settings_view
from bot.insights.checkins import results
from bot.insights.coverage import team_coverage
from bot.levers import Lever
from bot.messages import t
from storage.checkins import closed_periods, settings_of_team
from storage.insights import authorship, count_by_lever, latest_of_lever, learnings_of_user
from storage.models import Learning, Schedule
from storage.reuses import reused_by

MINE_SHOWN = 5
PER_LEVER_SHOWN = 2
# Read a few more than shown, since some may sit in channels the reader is not in.
PER_LEVER_READ = 12


def item_of(learning: Learning, useful: bool | None = None) -> Item:
    """A learning as App Home lists it; the credited author first, then who logged it."""
    return Item(
        learning_id=learning.id,
        lever=learning.lever,
        text=learning.text,
        day=learning.created_at.date().isoformat(),
        author_id=learning.author_id or learning.user_id,
        useful=useful,
    )


def intro_section(ctx: HomeContext) -> list[dict]:
    """Title, purpose, and the "Log a learning" and "Search" buttons."""
    return intro(ctx.language)


def my_learnings(ctx: HomeContext) -> list[dict]:
    """The reader's own latest learnings."""
    latest, total = learnings_of_user(ctx.session, ctx.team_id, ctx.user_id, MINE_SHOWN)
    return mine_section([item_of(learning) for learning in latest], total, ctx.language)


def team_latest(ctx: HomeContext) -> list[dict]:
    """The team's latest learnings of each lever that the reader may see."""
    totals = count_by_lever(ctx.session, ctx.team_id)
    chosen: list[tuple[Lever, list[Learning]]] = []
    for lever in Lever:
        read = latest_of_lever(ctx.session, ctx.team_id, lever.value, PER_LEVER_READ)
        visible = [item for item in read if ctx.can_see(item.channel_id)]
        chosen.append((lever, visible[:PER_LEVER_SHOWN]))
    ids = [learning.id for _, shown in chosen for learning in shown]
    marked = reused_by(ctx.session, ctx.team_id, ctx.user_id, ids)
    by_lever = []
    for lever, shown in chosen:
        items = [
            item_of(
                learning,
                None
                if ctx.user_id in (learning.user_id, learning.author_id)
                else learning.id in marked,
            )
            for learning in shown
        ]
        by_lever.append((lever, items, totals.get(lever.value, 0) - len(items)))
    return team_section(by_lever, ctx.language)


def where_we_stand(ctx: HomeContext) -> list[dict]:
    """The latest closed check-in, as counts and averages of at least three answers."""
    periods = closed_periods(ctx.session, ctx.team_id, 1)
    if not periods:
        return stand_section(None, [], ctx.language)
    return stand_section(periods[-1].period, results(periods[-1].levels), ctx.language)


def admin_settings(ctx: HomeContext) -> list[dict]:
    """Language, time zone, digest and anonymity, with a button to change them."""
    view = settings_view(ctx.session, ctx.team_id)
    return settings_section(view, t("home.default_value", ctx.language), ctx.language)


def admin_schedules(ctx: HomeContext) -> list[dict]:
    """Prompt schedules and check-ins, channel by channel."""
    language = ctx.language
    schedules = ctx.session.scalars(
        select(Schedule)
        .where(Schedule.team_id == ctx.team_id)
        .order_by(Schedule.channel_id, Schedule.id)
    ).all()
    prompt_lines = [
        t(
            "home.schedule_line",
            language,
            channel=item.channel_id,
            cron=item.cron,
            timezone=item.timezone,
            state=_schedule_state(item, language),
        )
        for item in schedules
    ]
    checkin_lines = [
        t(
            "home.checkin_line",
            language,
            channel=item.channel_id,
            cadence=t(f"checkin.{item.cadence}", language),
            state=t("checkin.paused", language, reason=item.paused_reason)
            if item.paused_reason
            else "",
        )
        for item in settings_of_team(ctx.session, ctx.team_id)
    ]
    return [
        *list_section(
            t("home.schedules_title", language),
            prompt_lines,
            t("home.schedules_none", language),
            language,
        ),
        *list_section(
            t("home.checkins_title", language),
            checkin_lines,
            t("home.checkins_none", language),
            language,
        ),
    ]


def _schedule_state(schedule: Schedule, language: str) -> str:
    if schedule.paused_reason:
        return t("home.schedule_paused", language, reason=schedule.paused_reason)
    if not schedule.enabled:
        return t("home.schedule_off", language)
    return ""


def admin_coverage(ctx: HomeContext) -> list[dict]:
    """Levers with few or stale learnings, and topics held by one (named) person."""
    found = team_coverage(authorship(ctx.session, ctx.team_id), ctx.now)
    text = "\n".join(coverage_block(found, ctx.language, named=True))
    return [header(t("home.coverage_title", ctx.language)), section(text[:2900])]


CORE_MEMBER_SECTIONS = [intro_section, my_learnings, team_latest, where_we_stand]
CORE_ADMIN_SECTIONS = [admin_settings, admin_schedules, admin_coverage]

if intro_section not in MEMBER_SECTIONS:
    MEMBER_SECTIONS[:0] = CORE_MEMBER_SECTIONS
    ADMIN_SECTIONS[:0] = CORE_ADMIN_SECTIONS
