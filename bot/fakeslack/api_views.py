"""views.* Web API methods and the modal stack they drive."""

from __future__ import annotations

import copy
from typing import Any

from .args import with_block_ids
from .limits import validate_view
from .store import ApiError, Store, Workspace, invalid

MAX_STACK = 3  # Slack lets a modal stack hold three views


def _view_arg(params: dict[str, Any], surface: str) -> dict[str, Any]:
    """The `view` argument, validated; schema problems answer invalid_arguments like Slack."""
    view = params.get("view")
    if not isinstance(view, dict):
        raise invalid("invalid_arguments", ["[ERROR] missing required field: view"])
    problems = validate_view(view, surface)
    if problems:
        raise invalid("invalid_arguments", problems)
    return view


def build_view(
    store: Store,
    ws: Workspace,
    view: dict[str, Any],
    *,
    view_id: str | None = None,
    root_id: str | None = None,
    previous_id: str | None = None,
) -> dict[str, Any]:
    """The full view object Slack stores and returns (ids, hash, state, app identity)."""
    view_id = view_id or store.next_id("V")
    built: dict[str, Any] = {
        "id": view_id,
        "team_id": ws.team_id,
        "type": view["type"],
        "blocks": with_block_ids(view.get("blocks") or []),
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "state": {"values": {}},
        "hash": store.view_hash(),
        "clear_on_close": bool(view.get("clear_on_close", False)),
        "notify_on_close": bool(view.get("notify_on_close", False)),
        "root_view_id": root_id or view_id,
        "previous_view_id": previous_id,
        "app_id": store.app_id,
        "external_id": view.get("external_id", ""),
        "app_installed_team_id": ws.team_id,
        "bot_id": ws.bot_id,
    }
    for key in ("title", "submit", "close"):
        if key in view:
            built[key] = copy.deepcopy(view[key])
    return built


def _check_external_id(store: Store, ws: Workspace, view: dict[str, Any], own: str = "") -> None:
    """external_id must be unique among the team's views."""
    external_id = view.get("external_id")
    if not external_id:
        return
    for other in store.views.values():
        same_team = other["team_id"] == ws.team_id
        if same_team and other["external_id"] == external_id and other["id"] != own:
            raise ApiError("duplicate_external_id")


def _remember(store: Store, built: dict[str, Any], user: str | None, action: str) -> None:
    """Store the view and log it for FakeSlack.views."""
    store.views[built["id"]] = built
    store.view_owner[built["id"]] = user
    store.view_log.append(
        {"id": built["id"], "view": copy.deepcopy(built), "user": user, "action": action}
    )


def _trigger_user(store: Store, params: dict[str, Any]) -> str | None:
    """The user a trigger_id was issued for; empty triggers are rejected."""
    trigger = params.get("trigger_id")
    if not trigger or not isinstance(trigger, str):
        raise ApiError("invalid_trigger_id")
    return store.triggers.get(trigger)


def open_(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """views.open: starts a new modal stack for the triggering user."""
    ws = store.workspace_for(token)
    user = _trigger_user(store, params)
    view = _view_arg(params, "modal")
    _check_external_id(store, ws, view)
    built = build_view(store, ws, view)
    _remember(store, built, user, "open")
    store.view_stacks[user or ""] = [built["id"]]
    return {"ok": True, "view": copy.deepcopy(built)}


def push(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """views.push: a view on top of the user's stack (three at most)."""
    ws = store.workspace_for(token)
    user = _trigger_user(store, params)
    view = _view_arg(params, "modal")
    stack = store.view_stacks.setdefault(user or "", [])
    if len(stack) >= MAX_STACK:
        raise ApiError("push_limit_reached")
    _check_external_id(store, ws, view)
    previous = stack[-1] if stack else None
    root = store.views[stack[0]]["root_view_id"] if stack else None
    built = build_view(store, ws, view, root_id=root, previous_id=previous)
    _remember(store, built, user, "push")
    stack.append(built["id"])
    return {"ok": True, "view": copy.deepcopy(built)}


def _find_view(store: Store, ws: Workspace, params: dict[str, Any]) -> dict[str, Any]:
    """The view addressed by view_id or external_id (not both)."""
    view_id, external_id = params.get("view_id"), params.get("external_id")
    if view_id and external_id:
        message = "[ERROR] Cannot provide both `view_id` and `external_id`"
        raise invalid("invalid_arguments", [message])
    for view in store.views.values():
        if view["team_id"] != ws.team_id:
            continue
        if (view_id and view["id"] == view_id) or (
            external_id and view["external_id"] == external_id
        ):
            return view
    raise ApiError("not_found")


def replace_view(
    store: Store, ws: Workspace, old: dict[str, Any], view: dict[str, Any], action: str
) -> dict[str, Any]:
    """Swap a view's content in place, keeping its id and place in the stack."""
    built = build_view(
        store,
        ws,
        view,
        view_id=old["id"],
        root_id=old["root_view_id"],
        previous_id=old["previous_view_id"],
    )
    user = store.view_owner.get(old["id"])
    _remember(store, built, user, action)
    if built["type"] == "home" and user:
        store.home_views[user] = built
    return built


def update(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """views.update: a stale `hash` answers hash_conflict."""
    ws = store.workspace_for(token)
    old = _find_view(store, ws, params)
    view = _view_arg(params, old["type"])
    if params.get("hash") and params["hash"] != old["hash"]:
        raise ApiError("hash_conflict")
    _check_external_id(store, ws, view, own=old["id"])
    return {"ok": True, "view": copy.deepcopy(replace_view(store, ws, old, view, "update"))}


def publish(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """views.publish: the user's Home tab."""
    ws = store.workspace_for(token)
    user = store.user(ws, params.get("user_id"))["id"]
    view = _view_arg(params, "home")
    current = store.home_views.get(user)
    if current is not None and params.get("hash") and params["hash"] != current["hash"]:
        raise ApiError("hash_conflict")
    built = build_view(store, ws, view, view_id=current["id"] if current else None)
    store.views[built["id"]] = built
    store.view_owner[built["id"]] = user
    store.home_views[user] = built
    return {"ok": True, "view": copy.deepcopy(built)}


def close_view(store: Store, user: str | None, view_id: str, *, clear: bool = False) -> None:
    """Close a view (and whatever sits above it), or the whole stack when clear."""
    stack = store.view_stacks.get(user or "", [])
    if clear:
        stack.clear()
    elif view_id in stack:
        del stack[stack.index(view_id) :]


def apply_submission_answer(
    store: Store, user: str | None, view_id: str, answer: dict[str, Any] | None
) -> None:
    """Do what Slack does with an app's view_submission ack (clear/update/push/errors/close)."""
    view = store.views.get(view_id)
    if view is None:
        return
    ws = store.workspaces[view["team_id"]]
    answer = answer or {}
    action, new_view = answer.get("response_action"), answer.get("view")
    if action == "errors":
        return  # the modal stays open showing the errors
    if action == "clear":
        close_view(store, user, view_id, clear=True)
    elif action == "update" and isinstance(new_view, dict):
        replace_view(store, ws, view, new_view, "update")
    elif action == "push" and isinstance(new_view, dict):
        built = build_view(store, ws, new_view, root_id=view["root_view_id"], previous_id=view_id)
        _remember(store, built, user, "push")
        store.view_stacks.setdefault(user or "", []).append(built["id"])
    else:
        close_view(store, user, view_id)


METHODS = {
    "views.open": open_,
    "views.push": push,
    "views.update": update,
    "views.publish": publish,
}
