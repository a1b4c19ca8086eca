"""What the fake offers a driver playing Slack's side: command answers, all messages, DMs, joins."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.fakeslack import FakeSlack


def test_an_in_channel_command_answer_is_posted_by_the_app(fake_slack: FakeSlack) -> None:
    made = fake_slack.apply_command_answer(
        "C0001", "U0001", {"response_type": "in_channel", "text": "Retro started"}
    )
    [message] = fake_slack.messages("C0001")
    assert made is not None and made["ts"] == message["ts"]
    assert (message["text"], message["user"], message["bot_id"]) == (
        "Retro started",
        fake_slack.bot_user_id,
        fake_slack.bot_id,
    )
    assert fake_slack.ephemerals() == []


def test_other_command_answers_are_shown_to_the_user_alone(fake_slack: FakeSlack) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Saved*"}}]
    fake_slack.apply_command_answer("C0001", "U0001", {"text": "Saved", "blocks": blocks})
    fake_slack.apply_command_answer("C0001", "U0001", "plain text answer")
    first, second = fake_slack.ephemerals(user="U0001")
    assert (first["text"], first["source"], first["channel"]) == ("Saved", "command", "C0001")
    assert first["blocks"][0]["text"]["text"] == "*Saved*"
    assert second["text"] == "plain text answer"
    assert fake_slack.messages("C0001") == []


def test_an_empty_command_answer_shows_nothing(fake_slack: FakeSlack) -> None:
    assert fake_slack.apply_command_answer("C0001", "U0001", "") is None
    assert fake_slack.apply_command_answer("C0001", "U0001", None) is None
    assert fake_slack.apply_command_answer("C0001", "U0001", {}) is None
    assert fake_slack.ephemerals() == [] and fake_slack.messages("C0001") == []


def test_all_messages_span_channels_and_dms_oldest_first(fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("C0002", "team", members=["U0001", fake_slack.bot_user_id])
    first = fake_slack.post_user_message("C0002", "U0001", "first")
    second = fake_slack.post_user_message("C0001", "U0001", "second")
    dm = fake_slack.im_channel("U0001")
    third = fake_slack.post_user_message(dm, "U0001", "third")
    assert [m["ts"] for m in fake_slack.all_messages()] == [
        first["ts"],
        second["ts"],
        third["ts"],
    ]
    assert [m["channel"] for m in fake_slack.all_messages()] == ["C0002", "C0001", dm]


def test_the_dm_with_a_user_is_the_one_conversations_open_gives(fake_slack: FakeSlack) -> None:
    dm = fake_slack.im_channel("U0001")
    assert fake_slack.im_channel("U0001") == dm
    client = WebClient(token=fake_slack.bot_token, base_url=fake_slack.api_url)
    assert client.conversations_open(users="U0001")["channel"]["id"] == dm


def test_a_person_joins_a_channel_once(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("U0002", "bob")
    assert fake_slack.add_member("C0001", "U0002") is True
    assert fake_slack.add_member("C0001", "U0002") is False
    assert "U0002" in fake_slack.channel("C0001")["members"]
