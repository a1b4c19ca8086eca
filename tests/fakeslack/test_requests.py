"""SlackRequester: signatures Slack's verifier accepts, and full flows against a Bolt app."""

from __future__ import annotations

import time

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.fakeslack import FakeSlack, SlackRequester
from bot.fakeslack.payloads import state_value

from .bolt_http import BoltServer

SECRET = "test-signing-secret"


def make_app(slack: FakeSlack) -> App:
    """A Bolt app wired to the fake."""
    client = WebClient(token=slack.bot_token, base_url=slack.api_url)
    return App(client=client, signing_secret=SECRET)


def test_signatures_are_accepted_by_slack_sdk() -> None:
    requester = SlackRequester("http://127.0.0.1:9/unused", SECRET)
    body = b"token=x&command=%2Flearning"
    headers = requester.sign(body)
    verifier = SignatureVerifier(SECRET)
    assert verifier.is_valid(
        body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    )
    stale = requester.sign(body, timestamp=int(time.time()) - 3600)
    assert not verifier.is_valid_request(body, stale)


def test_bad_signature_is_rejected_by_bolt(fake_slack: FakeSlack) -> None:
    with BoltServer(make_app(fake_slack)) as server:
        requester = SlackRequester(server.url, SECRET, fake_slack)
        body = b"command=%2Flearning"
        headers = {**requester.sign(body), "X-Slack-Signature": "v0=deadbeef"}
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        assert requester.raw(body, headers).status == 401


def test_command_respond_and_modal_flow(fake_slack: FakeSlack) -> None:
    app = make_app(fake_slack)
    modal = {
        "type": "modal",
        "callback_id": "add",
        "title": {"type": "plain_text", "text": "Add a learning"},
        "submit": {"type": "plain_text", "text": "Save"},
        "private_metadata": "C0001",
        "blocks": [
            {
                "type": "input",
                "block_id": "what",
                "label": {"type": "plain_text", "text": "What"},
                "element": {"type": "plain_text_input", "action_id": "text"},
            }
        ],
    }

    @app.command("/learning")
    def on_command(ack, body, client, respond) -> None:  # type: ignore[no-untyped-def]
        ack()
        respond(f"working on {body['text']}")
        client.views_open(trigger_id=body["trigger_id"], view=modal)

    @app.view("add")
    def on_submit(ack, view, client) -> None:  # type: ignore[no-untyped-def]
        ack()
        text = view["state"]["values"]["what"]["text"]["value"]
        client.chat_postMessage(channel=view["private_metadata"], text=text)

    with BoltServer(app) as server:
        requester = SlackRequester(server.url, SECRET, fake_slack)
        response = requester.command("/learning", "onboarding", user_id="U0001")
        assert response.status == 200 and response.elapsed < 5
        fake_slack.wait_for("views.open")
        assert fake_slack.ephemerals(user="U0001")[0]["text"] == "working on onboarding"

        opened = fake_slack.current_view("U0001")
        values = {"what": {"text": state_value("plain_text_input", "pair early")}}
        assert requester.view_submission(opened, values, user_id="U0001").status == 200
        fake_slack.wait_for("chat.postMessage")
        assert fake_slack.messages("C0001")[-1]["text"] == "pair early"
        assert fake_slack.current_view("U0001") is None  # an empty ack closes the modal


def test_event_and_button_action(fake_slack: FakeSlack) -> None:
    app = make_app(fake_slack)

    @app.event("app_mention")
    def on_mention(event, say) -> None:  # type: ignore[no-untyped-def]
        say(
            text="pick one",
            blocks=[
                {
                    "type": "actions",
                    "block_id": "pick",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "yes",
                            "value": "y",
                            "text": {"type": "plain_text", "text": "Yes"},
                        }
                    ],
                }
            ],
        )

    @app.action("yes")
    def on_yes(ack, body, respond) -> None:  # type: ignore[no-untyped-def]
        ack()
        respond(replace_original=True, text=f"chose {body['actions'][0]['value']}")

    with BoltServer(app) as server:
        requester = SlackRequester(server.url, SECRET, fake_slack)
        mention = {"type": "app_mention", "user": "U0001", "channel": "C0001", "text": "hi"}
        mention["ts"] = fake_slack.post_user_message("C0001", "U0001", "<@UBOT> hi")["ts"]
        assert requester.event(mention).status == 200
        fake_slack.wait_for("chat.postMessage")
        posted = fake_slack.messages("C0001")[-1]

        assert requester.block_action("yes", message=posted, user_id="U0001").status == 200
        deadline = time.time() + 5
        while fake_slack.messages("C0001")[-1]["text"] != "chose y" and time.time() < deadline:
            time.sleep(0.02)
        assert fake_slack.messages("C0001")[-1]["text"] == "chose y"
        assert fake_slack.responses[-1]["replace_original"] is True

        retried = requester.event(mention, retry_num=1, retry_reason="http_timeout")
        assert retried.status == 200
        assert requester.url_verification("abc").json() == {"challenge": "abc"}
