"""Opening a modal from a click: once, and logged when Slack would not open it."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)


def open_modal(client: WebClient, trigger_id: str, view: dict, name: str) -> None:
    """Open a modal once; a click has no reply to say it failed in, so it is logged."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except (SlackApiError, OSError) as error:
        # After a timeout Slack may have opened it late: it is not opened again.
        log.warning("the %s modal was not opened: %r", name, error)
