"""Logging to stderr, as text or JSON lines, with secrets masked."""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar

# Slack tokens (bot, user, app-level, refresh, config) and signing secrets in "v0=" signatures.
_SECRET = re.compile(r"\b(xox[abposre]-|xapp-)[A-Za-z0-9-]+")
_CONTEXT_FIELDS = ("team_id", "request_id")


# The team and request a log line belongs to, set once per request by the app's middleware.
_request_fields: ContextVar[tuple[tuple[str, str], ...]] = ContextVar(
    "learnloop_request_fields", default=()
)


def bind_request(**fields: str | None) -> None:
    """Attach fields (team_id, request_id) to every log line of the current request."""
    _request_fields.set(tuple((name, value) for name, value in fields.items() if value))


class RequestFieldsFilter(logging.Filter):
    """Copies the bound request fields onto each record that does not carry them already."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in _request_fields.get():
            if not getattr(record, name, None):
                setattr(record, name, value)
        return True


def redact(text: str) -> str:
    """Mask anything that looks like a Slack token."""
    return _SECRET.sub(lambda match: match.group(1) + "[redacted]", text)


class RedactingFormatter(logging.Formatter):
    """Text lines with tokens masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line, with the team and request id when known."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in _CONTEXT_FIELDS:
            if getattr(record, name, None):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False))


def setup_logging(log_format: str = "text", level: int = logging.INFO) -> None:
    """Send every log record to stderr in the chosen format."""
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RequestFieldsFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
