"""Reference app: a bare Bolt app that only acks `/learning` (no database, no Web API call)."""

from __future__ import annotations

import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

app = App(
    # As in learnloop: a client on SLACK_API_URL (auth.test once per worker, then cached).
    client=WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]),
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    process_before_response=True,  # the same setting as learnloop's
)


@app.command("/learning")
def ack_only(ack) -> None:
    ack(text="ok")


application = SlackRequestHandler(app, path="/slack/events")
