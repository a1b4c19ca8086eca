"""The "Delete my data" button under `/learning my-data` (Slack asked for confirmation first)."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot.blocks.common import ephemeral
from bot.deps import deps_of
from bot.ids import MyDataAction
from bot.learning.my_data import delete_my_data
from bot.messages import t

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Attach the delete button."""
    app.action(MyDataAction.DELETE)(ack=ack_delete, lazy=[delete])


def ack_delete(ack: Ack) -> None:
    """Acknowledge the click; the deletion and its answer follow."""
    ack()


def delete(body: dict, action: dict, respond: Respond, client: WebClient, context: dict) -> None:
    """Delete the clicker's own data; a click carrying another person's id is refused."""
    deps = deps_of(context)
    team_id, user_id = body["team"]["id"], body["user"]["id"]
    language = deps.language_for(client, team_id, user_id)
    if action.get("value") != user_id:
        log.warning("a my-data deletion for someone else was refused", extra={"team_id": team_id})
        respond(**ephemeral(t("my_data.not_yours", language)), replace_original=False)
        return
    try:
        counts = delete_my_data(deps, team_id, user_id)
    except SQLAlchemyError:
        log.exception("a person's data could not be deleted", extra={"team_id": team_id})
        respond(**ephemeral(t("my_data.not_deleted", language)), replace_original=False)
        return
    message = t(
        "my_data.deleted",
        language,
        deleted=counts.get("learnings", 0),
        total=sum(counts.values()),
    )
    respond(**ephemeral(message), replace_original=True)
