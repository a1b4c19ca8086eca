"""The external upload flow: files.getUploadURLExternal, the upload POST, completeUploadExternal."""

from __future__ import annotations

import mimetypes
from typing import Any

from .api_chat import postable_channel
from .args import id_list, int_arg
from .render import file_out
from .store import ApiError, Store, invalid


def get_upload_url(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """files.getUploadURLExternal: a URL on this server to POST the bytes to."""
    ws = store.workspace_for(token)
    filename = params.get("filename")
    length = int_arg(params.get("length"), -1)
    if not filename or length < 0:
        raise invalid("invalid_arguments", ["[ERROR] missing required field: filename/length"])
    file_id = store.next_id("F")
    store.uploads[file_id] = {
        "filename": str(filename),
        "length": length,
        "content": None,
        "team_id": ws.team_id,
        "user": ws.bot_user_id,
        "alt_txt": params.get("alt_txt"),
        "snippet_type": params.get("snippet_type"),
    }
    return {"ok": True, "upload_url": f"{store.base_url}upload/v1/{file_id}", "file_id": file_id}


def receive_upload(store: Store, file_id: str, body: bytes) -> tuple[int, str]:
    """Handle the bytes POSTed to an upload_url; answers like files.slack.com does."""
    pending = store.uploads.get(file_id)
    if pending is None:
        return 404, "Not Found"
    pending["content"] = body
    return 200, f"OK - {len(body)}"


def complete_upload(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """files.completeUploadExternal: create the files and share them in one message."""
    ws = store.workspace_for(token)
    items = params.get("files")
    if not isinstance(items, list) or not items:
        raise invalid("invalid_arguments", ["[ERROR] missing required field: files"])
    targets = id_list(params.get("channels"))
    if params.get("channel_id"):
        targets.insert(0, str(params["channel_id"]))
    channels = [postable_channel(store, ws, c) for c in targets]
    pendings = []
    for item in items:
        pending = store.uploads.get(item.get("id") if isinstance(item, dict) else None)
        if pending is None or pending["content"] is None or pending["team_id"] != ws.team_id:
            raise ApiError("file_not_found")
        pendings.append((item, pending))
    created = int(store.clock())
    records = []
    for item, pending in pendings:
        file_id = item["id"]
        filename = pending["filename"]
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        record = {
            "id": file_id,
            "filename": filename,
            "title": item.get("title") or filename,
            "content": pending["content"],
            "channel_id": channels[0].id if channels else None,
            "initial_comment": params.get("initial_comment"),
            "thread_ts": params.get("thread_ts") or None,
            "user": pending["user"],
            "created": created,
            "mimetype": mimetype,
            "filetype": filename.rsplit(".", 1)[-1] if "." in filename else "binary",
            "url_private": f"{store.base_url}files-pri/{ws.team_id}-{file_id}/{filename}",
            "permalink": f"https://{ws.domain}.slack.com/files/{pending['user']}/{file_id}",
        }
        del store.uploads[file_id]
        store.files.append(record)
        records.append(record)
    for channel in channels:
        store.add_message(
            channel,
            user=ws.bot_user_id,
            bot_id=ws.bot_id,
            text=params.get("initial_comment") or "",
            thread_ts=params.get("thread_ts") or None,
            files=[file_out(r) for r in records],
        )
    return {"ok": True, "files": [file_out(r) for r in records]}


def files_info(store: Store, token: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """files.info for a completed upload."""
    store.workspace_for(token)
    for record in store.files:
        if record["id"] == params.get("file"):
            return {"ok": True, "file": file_out(record), "comments": []}
    raise ApiError("file_not_found")


METHODS = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
    "files.info": files_info,
}
