"""Web API method registry, and one call's life: fault injection, dispatch, recording."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from . import api_chat, api_conversations, api_files, api_identity, api_views
from .postlimits import POSTING_METHODS, retry_after_s
from .store import ApiError, Call, Store

Handler = Callable[[Store, str | None, dict[str, Any]], dict[str, Any]]

METHODS: dict[str, Handler] = {
    **api_chat.METHODS,
    **api_conversations.METHODS,
    **api_files.METHODS,
    **api_identity.METHODS,
    **api_views.METHODS,
}

log = logging.getLogger(__name__)


def dispatch(store: Store, method: str, token: str | None, params: dict[str, Any]) -> dict:
    """Run one method handler (store lock held) and return Slack's JSON answer."""
    handler = METHODS.get(method)
    if handler is None:
        return {"ok": False, "error": "unknown_method", "req_method": method}
    try:
        return handler(store, token, params)
    except ApiError as exc:
        return exc.answer()
    except Exception:
        # A bug in the fake must not look like a Slack answer the app could handle.
        log.exception("fakeslack: %s crashed", method)
        return {"ok": False, "error": "fakeslack_internal_error"}


def _fault_answer(fault_status: int | None, error: str | None) -> dict[str, Any]:
    """The body Slack sends with a rate limit, a server error or a plain API error."""
    if fault_status == 429:
        return {"ok": False, "error": "ratelimited"}
    return {"ok": False, "error": error or "fatal_error"}


def _posting_wait(store: Store, method: str, token: str | None, params: dict[str, Any]) -> float:
    """Seconds a post must wait under limit_posting(), 0.0 when it may go (or is not limited)."""
    limits = store.post_limits
    if limits is None or method not in POSTING_METHODS or token not in store.tokens:
        return 0.0
    return limits.admit(store.tokens[token], str(params.get("channel")))


def call_method(
    store: Store, method: str, token: str | None, params: dict[str, Any]
) -> tuple[int, dict[str, str], dict[str, Any]]:
    """Answer one Web API request: (HTTP status, extra headers, JSON body)."""
    with store.lock:
        fault = store.take_fault(method)
    if fault is not None and fault.delay:
        time.sleep(fault.delay)  # outside the lock so other calls keep flowing
    headers: dict[str, str] = {}
    status = 200
    with store.lock:
        wait = _posting_wait(store, method, token, params)
        if fault is not None and (fault.status or fault.error):
            status = fault.status or 200
            answer = _fault_answer(fault.status, fault.error)
            if status == 429:
                headers["Retry-After"] = str(1 if fault.retry_after is None else fault.retry_after)
        elif wait:
            status, answer = 429, _fault_answer(429, None)
            headers["Retry-After"] = str(retry_after_s(wait))
        else:
            answer = dispatch(store, method, token, params)
        store.record(Call(method, params, token, store.clock(), answer, status))
    return status, headers, answer
