"""`/learning my-data`: the person's data as a file in their DM, and the button to delete it."""

from __future__ import annotations

import logging

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.blocks.common import ephemeral
from bot.blocks.my_data import my_data_answer
from bot.deps import deps_of
from bot.learning.my_data import export_json
from bot.messages import t

log = logging.getLogger(__name__)


def answer(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """Say the file is on its way, explain deleting, and offer the button (only to them)."""
    deps = deps_of(context)
    user_id = command["user_id"]
    language = deps.language_for(client, command["team_id"], user_id)
    ack(**my_data_answer(user_id, language))


def later(command: dict, client: WebClient, context: dict, args: str) -> None:
    """Upload the JSON file of everything about the person to their DM with the bot."""
    deps = deps_of(context)
    team_id, user_id = command["team_id"], command["user_id"]
    language = deps.language_for(client, team_id, user_id)
    content, count = export_json(deps, team_id, user_id)
    day = deps.now().date().isoformat()
    try:
        dm = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(
            channel=dm,
            content=content,
            filename=f"my-learnloop-data-{day}.json",
            title=t("my_data.file_title", language, day=day),
            initial_comment=t("my_data.file_ready", language, count=count),
        )
        return
    except (SlackApiError, SlackRequestError) as error:
        log.warning("a my-data export was not uploaded: %r", error)
        key = "my_data.upload_failed"
    except OSError as error:
        # No answer in time: the file may have reached the DM, so it is not sent again.
        log.warning("a my-data export: no answer from Slack (%r); not sent again", error)
        key = "my_data.upload_unconfirmed"
    Respond(response_url=command["response_url"])(
        **ephemeral(t(key, language)), replace_original=False
    )
