"""Onboarding's App Home sections: the library and newcomers for admins, a newcomer's path."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.blocks.onboarding_admin import (
    NewcomerLine,
    newcomers_section,
    path_section,
    resources_section,
)
from bot.deps import Deps
from bot.home.compose import ADMIN_SECTIONS, MEMBER_SECTIONS, HomeContext
from bot.home.publish import publish_home
from bot.onboarding.newcomers import resource_card
from bot.onboarding.rules import ACTIVE, DEFAULT_DAYS, audiences_for, day_of_path
from storage.onboarding import (
    configured_days,
    done_ids,
    list_resources,
    newcomer_of,
    onboarding_channels,
    progress,
)


def resources_home(ctx: HomeContext) -> list[dict]:
    """Admins: the resources library with its buttons, and where newcomers are welcomed."""
    resources = [resource_card(r) for r in list_resources(ctx.session, ctx.team_id)]
    days = configured_days(ctx.session, ctx.team_id) or list(DEFAULT_DAYS)
    channels = onboarding_channels(ctx.session, ctx.team_id)
    return resources_section(resources, channels, days, ctx.language)


def newcomers_home(ctx: HomeContext) -> list[dict]:
    """Admins: each newcomer's progress."""
    lines = [
        NewcomerLine(
            user_id=row.newcomer.user_id,
            day=day_of_path(row.newcomer.started_at, ctx.now),
            done=row.done,
            total=row.total,
            status=row.newcomer.status,
        )
        for row in progress(ctx.session, ctx.team_id, limit=50)
    ]
    return newcomers_section(lines, ctx.language)


def my_path_home(ctx: HomeContext) -> list[dict]:
    """A newcomer on a running path: what is still open for them (nothing for others)."""
    newcomer = newcomer_of(ctx.session, ctx.team_id, ctx.user_id)
    if newcomer is None or newcomer.status != ACTIVE:
        return []
    day = day_of_path(newcomer.started_at, ctx.now)
    resources = list_resources(ctx.session, ctx.team_id, audiences_for(newcomer.is_guest))
    done = done_ids(ctx.session, ctx.team_id, newcomer.id)
    mine = [r for r in resources if r.day <= day]
    still_open = [resource_card(r) for r in mine if r.id not in done]
    return path_section(
        newcomer.id,
        day,
        len([r for r in resources if r.id in done]),
        len(resources),
        still_open,
        ctx.language,
    )


def add_home_sections() -> None:
    """Contribute the sections to App Home, once however many apps are built."""
    for sections, section in (
        (MEMBER_SECTIONS, my_path_home),
        (ADMIN_SECTIONS, resources_home),
        (ADMIN_SECTIONS, newcomers_home),
    ):
        if section not in sections:
            sections.append(section)


def refresh_home(deps: Deps, client: WebClient, team_id: str, user_id: str) -> None:
    """Show a person their App Home again after onboarding changed what it shows."""
    publish_home(client, deps, team_id, user_id)
