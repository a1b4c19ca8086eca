"""auth.test, team.info, users.*, oauth.v2.access and apps.connections.open."""

from __future__ import annotations

from typing import Any

from .args import flag, page
from .render import user_out
from .seed import install_workspace
from .store import ApiError, Store


def auth_test(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """auth.test for a bot token."""
    ws = store.workspace_for(token)
    answer: dict[str, Any] = {
        "ok": True,
        "url": ws.url,
        "team": ws.name,
        "user": store.users[ws.bot_user_id]["name"],
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }
    if ws.enterprise_id:
        answer["enterprise_id"] = ws.enterprise_id
    return answer


def team_info(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """team.info for the token's workspace (or another one it names)."""
    ws = store.workspace_for(token)
    wanted = params.get("team") or ws.team_id
    team = store.workspaces.get(wanted)
    if team is None:
        raise ApiError("team_not_found")
    answer: dict[str, Any] = {
        "id": team.team_id,
        "name": team.name,
        "url": team.url,
        "domain": team.domain,
        "email_domain": "",
        "icon": {"image_default": True},
        "is_verified": False,
    }
    if team.enterprise_id:
        answer.update(enterprise_id=team.enterprise_id, enterprise_name=team.enterprise_name)
    return {"ok": True, "team": answer}


def users_info(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """users.info; `locale` is only included with include_locale=true."""
    ws = store.workspace_for(token)
    user = store.user(ws, params.get("user"))
    return {"ok": True, "user": user_out(user, include_locale=flag(params.get("include_locale")))}


def users_list(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """users.list of the token's workspace, paginated by cursor."""
    ws = store.workspace_for(token)
    locale = flag(params.get("include_locale"))
    team_users = [
        user_out(u, include_locale=locale)
        for u in store.users.values()
        if u["team_id"] == ws.team_id
    ]
    chunk, cursor = page(team_users, params, 1000)
    return {
        "ok": True,
        "members": chunk,
        "cache_ts": int(store.clock()),
        "response_metadata": {"next_cursor": cursor},
    }


def oauth_v2_access(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """oauth.v2.access: exchange a registered, single-use code for a bot token."""
    if params.get("client_id") != store.client_id:
        raise ApiError("invalid_client_id")
    if params.get("client_secret") != store.client_secret:
        raise ApiError("bad_client_secret")
    grant = store.oauth_codes.get(params.get("code") or "")
    if grant is None:
        raise ApiError("invalid_code")
    if grant["redirect_uri"] and params.get("redirect_uri") != grant["redirect_uri"]:
        raise ApiError("bad_redirect_uri")
    del store.oauth_codes[params["code"]]
    ws = store.workspaces.get(grant["team_id"])
    if ws is None or ws.bot_token != grant["bot_token"]:
        ws = install_workspace(
            store,
            grant["team_id"],
            grant["bot_token"],
            name=grant["team_name"],
            domain=grant["team_name"].lower().replace(" ", "-"),
            bot_user_id=ws.bot_user_id if ws else f"UB{grant['team_id'][1:]}",
            bot_id=ws.bot_id if ws else f"BB{grant['team_id'][1:]}",
            bot_name=grant["bot_name"],
            enterprise_id=grant["enterprise_id"],
            enterprise_name=grant["enterprise_name"],
        )
    enterprise = {"id": ws.enterprise_id, "name": ws.enterprise_name} if ws.enterprise_id else None
    org_wide = bool(grant.get("org_wide") and enterprise)
    return {
        "ok": True,
        "app_id": store.app_id,
        "authed_user": {"id": grant["installer_user_id"]},
        "scope": grant["scope"],
        "token_type": "bot",
        "access_token": ws.bot_token,
        "bot_user_id": ws.bot_user_id,
        # An organisation-wide install names no workspace: its token serves all of them.
        "team": None if org_wide else {"id": ws.team_id, "name": ws.name},
        "enterprise": enterprise,
        "is_enterprise_install": org_wide,
    }


def connections_open(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """apps.connections.open: needs an app-level (xapp-) token."""
    if not token:
        raise ApiError("not_authed")
    if token in store.tokens:
        raise ApiError("not_allowed_token_type")
    if token not in store.app_tokens:
        raise ApiError("invalid_auth")
    if store.socket_link is None:
        raise ApiError("internal_error")
    return {"ok": True, "url": store.socket_link()}


METHODS = {
    "auth.test": auth_test,
    "team.info": team_info,
    "users.info": users_info,
    "users.list": users_list,
    "oauth.v2.access": oauth_v2_access,
    "apps.connections.open": connections_open,
}
