"""The fake's Web API, exercised through a real slack_sdk WebClient."""

from __future__ import annotations

import time

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.fakeslack import FakeSlack


def client_for(slack: FakeSlack, token: str | None = None, **kwargs: object) -> WebClient:
    """A WebClient pointed at the fake."""
    return WebClient(token=token or slack.bot_token, base_url=slack.api_url, **kwargs)


def error_of(call: object) -> SlackApiError:
    """Run a zero-arg call expected to fail and return the SlackApiError."""
    with pytest.raises(SlackApiError) as info:
        call()  # type: ignore[operator]
    return info.value


def test_post_update_delete_and_history(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    first = client.chat_postMessage(channel="C0001", text="hello")
    assert first["channel"] == "C0001" and first["message"]["user"] == "UBOT"
    second = client.chat_postMessage(channel="C0001", text="second")
    assert float(second["ts"]) > float(first["ts"])

    client.chat_update(channel="C0001", ts=first["ts"], text="hello, edited")
    client.chat_delete(channel="C0001", ts=second["ts"])

    stored = fake_slack.messages("C0001")
    assert [m["text"] for m in stored] == ["hello, edited"]
    assert stored[0]["bot_id"] == "BBOT" and stored[0]["reactions"] == []
    history = client.conversations_history(channel="C0001")
    assert [m["text"] for m in history["messages"]] == ["hello, edited"]
    assert [c.method for c in fake_slack.calls][-1] == "conversations.history"


def test_threads_replies_and_permalink(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    parent = fake_slack.post_user_message("C0001", "U0001", "a question")
    reply = client.chat_postMessage(channel="C0001", text="an answer", thread_ts=parent["ts"])

    replies = client.conversations_replies(channel="C0001", ts=parent["ts"])["messages"]
    assert [m["text"] for m in replies] == ["a question", "an answer"]
    assert replies[0]["reply_count"] == 1
    history = client.conversations_history(channel="C0001")["messages"]
    assert [m["text"] for m in history] == ["a question"]

    link = client.chat_getPermalink(channel="C0001", message_ts=reply["ts"])["permalink"]
    digits = reply["ts"].replace(".", "")
    assert link == (
        f"https://test-workspace.slack.com/archives/C0001/p{digits}"
        f"?thread_ts={parent['ts']}&cid=C0001"
    )


def test_auth_errors(fake_slack: FakeSlack) -> None:
    assert error_of(lambda: client_for(fake_slack, "xoxb-nope").auth_test()).response["error"] == (
        "invalid_auth"
    )
    no_token = WebClient(base_url=fake_slack.api_url)
    assert error_of(no_token.auth_test).response["error"] == "not_authed"
    assert len(fake_slack.calls_to("auth.test")) == 2  # failures are recorded too


def test_channel_errors(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    fake_slack.add_channel("C0002", "random", members=["U0001"])
    fake_slack.add_channel("C0003", "old", members=["UBOT"], is_archived=True)
    fake_slack.add_workspace("T0002", "xoxb-other")
    fake_slack.add_channel("C0009", "elsewhere", team_id="T0002", members=["UB0002"])

    def post(channel: str) -> str:
        return error_of(lambda: client.chat_postMessage(channel=channel, text="x")).response[
            "error"
        ]

    assert post("C0002") == "not_in_channel"
    assert post("C0003") == "is_archived"
    assert post("C0009") == "channel_not_found"
    assert post("CNOPE") == "channel_not_found"
    fake_slack.set_bot_in_channel("C0002", True)
    assert client.chat_postMessage(channel="C0002", text="x")["ok"]


def test_block_limits_rejected_like_slack(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    divider = {"type": "divider"}

    too_many = error_of(
        lambda: client.chat_postMessage(channel="C0001", text="t", blocks=[divider] * 51)
    )
    assert too_many.response["error"] == "invalid_blocks"
    assert too_many.response["response_metadata"]["messages"] == [
        "[ERROR] no more than 50 items allowed [json-pointer:/blocks]"
    ]

    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}
    long_section = error_of(
        lambda: client.chat_postMessage(channel="C0001", text="t", blocks=[section])
    )
    assert "3001" in long_section.response["response_metadata"]["messages"][0]

    header = {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}
    long_header = error_of(
        lambda: client.chat_postMessage(channel="C0001", text="t", blocks=[header])
    )
    assert long_header.response["error"] == "invalid_blocks"

    too_long = error_of(lambda: client.chat_postMessage(channel="C0001", text="x" * 40_001))
    assert too_long.response["error"] == "msg_too_long"
    assert fake_slack.messages("C0001") == []


def test_view_limits_rejected_like_slack(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    trigger = fake_slack.issue_trigger("U0001")
    title = {"type": "plain_text", "text": "ok"}
    many = {"type": "modal", "title": title, "blocks": [{"type": "divider"}] * 101}
    answer = error_of(lambda: client.views_open(trigger_id=trigger, view=many)).response
    assert answer["error"] == "invalid_arguments"
    assert answer["response_metadata"]["messages"] == [
        "[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]"
    ]
    long_title = {"type": "modal", "title": {"type": "plain_text", "text": "t" * 25}, "blocks": []}
    answer = error_of(lambda: client.views_open(trigger_id=trigger, view=long_title)).response
    assert "[json-pointer:/view/title/text]" in answer["response_metadata"]["messages"][0]
    good = {"type": "modal", "title": title, "blocks": []}
    assert error_of(lambda: client.views_open(trigger_id="", view=good)).response["error"] == (
        "invalid_trigger_id"
    )


def test_views_open_update_and_hash_conflict(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    view = {"type": "modal", "title": {"type": "plain_text", "text": "Add"}, "blocks": []}
    opened = client.views_open(trigger_id=fake_slack.issue_trigger("U0001"), view=view)["view"]
    assert fake_slack.current_view("U0001")["id"] == opened["id"]

    changed = {**view, "title": {"type": "plain_text", "text": "Edit"}}
    client.views_update(view_id=opened["id"], hash=opened["hash"], view=changed)
    stale = error_of(
        lambda: client.views_update(view_id=opened["id"], hash=opened["hash"], view=view)
    )
    assert stale.response["error"] == "hash_conflict"
    assert [v["action"] for v in fake_slack.views] == ["open", "update"]
    assert fake_slack.current_view("U0001")["title"]["text"] == "Edit"


def test_rate_limit_then_success_with_retry_handler(fake_slack: FakeSlack) -> None:
    fake_slack.inject("chat.postMessage", status=429, retry_after=0)
    client = client_for(fake_slack, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    assert client.chat_postMessage(channel="C0001", text="eventually")["ok"]
    calls = fake_slack.calls_to("chat.postMessage")
    assert [c.status for c in calls] == [429, 200]
    assert calls[0].response == {"ok": False, "error": "ratelimited"}
    assert len(fake_slack.messages("C0001")) == 1


def test_injected_error_and_delay(fake_slack: FakeSlack) -> None:
    fake_slack.inject("chat.postMessage", error="fatal_error")
    client = client_for(fake_slack)
    assert error_of(lambda: client.chat_postMessage(channel="C0001", text="x")).response[
        "error"
    ] == ("fatal_error")
    fake_slack.inject("auth.test", delay=0.5)
    with pytest.raises(TimeoutError):
        client_for(fake_slack, timeout=0.1).auth_test()
    fake_slack.wait_for("auth.test", timeout=2)


def test_wait_for_reports_what_was_called(fake_slack: FakeSlack) -> None:
    client_for(fake_slack).auth_test()
    with pytest.raises(AssertionError, match=r"auth.test\(ok\)"):
        fake_slack.wait_for("chat.postMessage", timeout=0.1)


def test_files_upload_v2_round_trip(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    result = client.files_upload_v2(
        channel="C0001",
        content=b"col1,col2\n1,2\n",
        filename="export.csv",
        title="Export",
        initial_comment="here you go",
    )
    assert result["file"]["title"] == "Export"
    (stored,) = fake_slack.files
    assert stored["content"] == b"col1,col2\n1,2\n"
    assert (stored["filename"], stored["channel_id"]) == ("export.csv", "C0001")
    (message,) = fake_slack.messages("C0001")
    assert message["text"] == "here you go" and message["files"][0]["id"] == stored["id"]


def test_oauth_v2_access(fake_slack: FakeSlack) -> None:
    fake_slack.add_oauth_code("code-1", "T0042", "xoxb-new", installer_user_id="U0042")
    anonymous = WebClient(base_url=fake_slack.api_url)
    answer = anonymous.oauth_v2_access(
        client_id=fake_slack.client_id, client_secret=fake_slack.client_secret, code="code-1"
    )
    assert answer["access_token"] == "xoxb-new" and answer["token_type"] == "bot"
    assert answer["team"]["id"] == "T0042" and answer["authed_user"]["id"] == "U0042"
    assert client_for(fake_slack, "xoxb-new").auth_test()["team_id"] == "T0042"
    reused = error_of(
        lambda: anonymous.oauth_v2_access(
            client_id=fake_slack.client_id, client_secret=fake_slack.client_secret, code="code-1"
        )
    )
    assert reused.response["error"] == "invalid_code"


def test_users_info_locale_only_when_asked(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0002", "bruno", locale="fr-FR")
    client = client_for(fake_slack)
    assert "locale" not in client.users_info(user="U0002")["user"]
    assert client.users_info(user="U0002", include_locale=True)["user"]["locale"] == "fr-FR"
    assert error_of(lambda: client.users_info(user="UNOPE")).response["error"] == ("user_not_found")


def test_conversations_open_and_dm(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    dm = client.conversations_open(users="U0001")["channel"]["id"]
    assert dm.startswith("D")
    client.chat_postMessage(channel=dm, text="psst")
    assert fake_slack.messages(dm)[0]["text"] == "psst"
    again = client.conversations_open(users="U0001")
    assert again["channel"]["id"] == dm and again["already_open"]
    bot = error_of(lambda: client.conversations_open(users="UBOT"))
    assert bot.response["error"] == "cannot_dm_bot"


def test_reactions_and_unknown_method(fake_slack: FakeSlack) -> None:
    client = client_for(fake_slack)
    message = fake_slack.post_user_message("C0001", "U0001", "nice")
    client.reactions_add(channel="C0001", timestamp=message["ts"], name="eyes")
    twice = error_of(
        lambda: client.reactions_add(channel="C0001", timestamp=message["ts"], name="eyes")
    )
    assert twice.response["error"] == "already_reacted"
    assert fake_slack.reactions("C0001", message["ts"]) == [
        {"name": "eyes", "users": ["UBOT"], "count": 1}
    ]
    assert error_of(lambda: client.api_call("nope.nothing")).response["error"] == ("unknown_method")


def test_response_url_posts(fake_slack: FakeSlack) -> None:
    original = client_for(fake_slack).chat_postMessage(channel="C0001", text="v1")
    url = fake_slack.response_url(channel_id="C0001", user_id="U0001", message_ts=original["ts"])
    WebhookClient(url).send(text="only you")
    WebhookClient(url).send(text="v2", replace_original=True)
    WebhookClient(url).send(text="everyone", response_type="in_channel")
    bad = WebhookClient(url).send(text="x", blocks=[{"type": "divider"}] * 51)
    assert (bad.status_code, bad.body) == (400, "invalid_blocks")

    assert len(fake_slack.wait_for_responses(4)) == 4
    assert [e["text"] for e in fake_slack.ephemerals("C0001", "U0001")] == ["only you"]
    assert [m["text"] for m in fake_slack.messages("C0001")] == ["v2", "everyone"]


def test_a_client_that_stops_waiting_is_not_an_error_of_the_fake(fake_slack: FakeSlack, capfd):
    fake_slack.inject("auth.test", delay=0.5)
    client = client_for(fake_slack, timeout=0.1)
    with pytest.raises(TimeoutError):
        client.auth_test()
    time.sleep(0.6)  # the fake answers a client that has hung up

    assert client_for(fake_slack).auth_test()["ok"]  # and goes on serving
    assert "Traceback" not in capfd.readouterr().err
