"""`app_uninstalled` and `tokens_revoked`: stop a workspace's schedules and forget its tokens.

Both are quick database writes, so they run in the request; a redelivered event finds the
work already done.
"""

from __future__ import annotations

from slack_bolt import App, BoltContext

from bot.deps import deps_of
from bot.workspaces.install import tokens_revoked, uninstalled


def register(app: App) -> None:
    """Attach the install lifecycle events."""
    app.event("app_uninstalled")(on_app_uninstalled)
    app.event("tokens_revoked")(on_tokens_revoked)


def _team(body: dict, context: BoltContext) -> str:
    return context.team_id or body["team_id"]


def on_app_uninstalled(body: dict, context: BoltContext) -> None:
    """The app was removed from a workspace (or from a whole organisation)."""
    uninstalled(
        deps_of(context),
        _team(body, context),
        context.enterprise_id,
        org_wide=bool(context.is_enterprise_install),
    )


def on_tokens_revoked(event: dict, body: dict, context: BoltContext) -> None:
    """Some tokens were revoked: the bot's means the app can no longer act there."""
    tokens = event.get("tokens") or {}
    tokens_revoked(
        deps_of(context),
        _team(body, context),
        context.enterprise_id,
        bot_user_ids=list(tokens.get("bot") or []),
        user_ids=list(tokens.get("oauth") or []),
        org_wide=bool(context.is_enterprise_install),
    )
