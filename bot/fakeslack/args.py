"""Reading Web API arguments the lenient way Slack does (form strings or JSON values)."""

from __future__ import annotations

import base64
import secrets
from typing import Any

from .limits import MAX_TEXT_ARG, validate_blocks
from .store import ApiError, invalid


def flag(value: Any) -> bool:
    """Slack accepts true/1 (form) and JSON booleans alike."""
    return (
        value is True or value == 1 or (isinstance(value, str) and value.lower() in {"true", "1"})
    )


def int_arg(value: Any, default: int) -> int:
    """An integer argument, falling back to the default when absent or malformed."""
    try:
        return int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        return default


def id_list(value: Any) -> list[str]:
    """A comma-separated id list (or a JSON list) as Python list."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(",") if part.strip()]


def message_content(params: dict[str, Any], *, require: bool = True) -> dict[str, Any]:
    """Validate text/blocks/attachments of a chat.* call like Slack, return what to store."""
    text = params.get("text")
    blocks = params.get("blocks")
    attachments = params.get("attachments")
    if require and not text and not blocks and not attachments:
        raise ApiError("no_text")
    if isinstance(text, str) and len(text) > MAX_TEXT_ARG:
        raise ApiError("msg_too_long")
    content: dict[str, Any] = {}
    if text is not None:
        content["text"] = str(text)
    if blocks not in (None, ""):
        if not isinstance(blocks, list):
            raise ApiError("invalid_blocks_format")
        problems = validate_blocks(blocks, "message")
        if problems:
            raise invalid("invalid_blocks", problems)
        content["blocks"] = with_block_ids(blocks)
    if attachments not in (None, ""):
        if not isinstance(attachments, list):
            raise ApiError("invalid_attachments")
        content["attachments"] = attachments
    return content


def with_block_ids(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copy blocks, giving each block without a block_id a random one as Slack does."""
    used = {b.get("block_id") for b in blocks if isinstance(b, dict)}
    result = []
    for block in blocks:
        block = dict(block)
        if not block.get("block_id"):
            new_id = secrets.token_urlsafe(3)
            while new_id in used:
                new_id = secrets.token_urlsafe(3)
            used.add(new_id)
            block["block_id"] = new_id
        result.append(block)
    return result


def encode_cursor(offset: int) -> str:
    """An opaque pagination cursor, shaped like Slack's base64 ones."""
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def decode_cursor(cursor: Any) -> int:
    """Offset from a cursor made by encode_cursor; invalid_cursor otherwise."""
    if not cursor:
        return 0
    try:
        kind, _, value = base64.b64decode(str(cursor)).decode().partition(":")
        if kind != "offset":
            raise ValueError(kind)
        return int(value)
    except ValueError as exc:
        raise ApiError("invalid_cursor") from exc


def page(items: list[Any], params: dict[str, Any], default_limit: int) -> tuple[list[Any], str]:
    """Cut one page out of items using limit/cursor; returns (page, next_cursor or '')."""
    start = decode_cursor(params.get("cursor"))
    limit = int_arg(params.get("limit"), default_limit) or default_limit
    chunk = items[start : start + limit]
    more = start + limit < len(items)
    return chunk, encode_cursor(start + limit) if more else ""
