"""Block Kit of data rights: the `/learning my-data` answer and the retention setting."""

from __future__ import annotations

from bot.blocks.common import ephemeral, plain, section
from bot.ids import MyDataAction, MyDataBlock
from bot.learning.my_data import MAX_RETENTION_CHARS
from bot.messages import t


def my_data_answer(user_id: str, language: str) -> dict:
    """The ephemeral answer: the file is coming, what deleting does, and the button."""
    button = {
        "type": "button",
        "action_id": MyDataAction.DELETE,
        "value": user_id,
        "style": "danger",
        "text": plain(t("my_data.delete_button", language)),
        "confirm": {
            "title": plain(t("my_data.confirm_title", language)),
            "text": plain(t("my_data.confirm_text", language)),
            "confirm": plain(t("my_data.confirm_yes", language)),
            "deny": plain(t("common.cancel", language)),
            "style": "danger",
        },
    }
    started = t("my_data.started", language)
    return ephemeral(
        started,
        [
            section(started),
            section(t("my_data.explain", language)),
            {"type": "actions", "elements": [button]},
        ],
    )


def retention_value(days: int, language: str) -> str:
    """How the settings section shows the retention period."""
    if not days:
        return t("my_data.retention_forever", language)
    return t("my_data.retention_days", language, days=days)


def retention_input(days: int, language: str) -> dict:
    """The retention field of the settings modal (optional: empty means keep forever)."""
    return {
        "type": "input",
        "block_id": MyDataBlock.RETENTION,
        "optional": True,
        "label": plain(t("my_data.retention_label", language)),
        "hint": plain(t("my_data.retention_hint", language)),
        "element": {
            "type": "plain_text_input",
            "action_id": MyDataBlock.RETENTION,
            "initial_value": str(days),
            "max_length": MAX_RETENTION_CHARS,
        },
    }
