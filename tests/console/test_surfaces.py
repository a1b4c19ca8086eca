"""The console renders whatever an app sends and turns each verb into what Slack would send.

A small Bolt app written here exercises every surface (modal, errors, edits, deletions,
threads, reactions, ephemerals replaced through response_url, App Home, DMs); the console
is the product's, played in-process with its output captured.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from slack_bolt import App
from slack_sdk import WebClient

from bot.console.output import Output
from bot.console.session import Session, open_console
from bot.deps import Deps
from bot.settings import Settings

SEEN: list[dict] = []


def demo_app(deps: Deps) -> App:
    """An app with one listener per surface, talking to the console's fake Slack."""
    settings = deps.settings
    client = WebClient(token=settings.bot_token, base_url=settings.api_url)
    app = App(client=client, signing_secret=settings.signing_secret, process_before_response=True)

    @app.command("/demo")
    def open_modal(ack, command, client):
        ack()
        client.views_open(trigger_id=command["trigger_id"], view=_modal(command["channel_id"]))

    @app.view("demo")
    def submitted(ack, view, body, client):
        values = view["state"]["values"]
        title = values["title"]["text"]["value"]
        if title == "bad":
            ack(response_action="errors", errors={"title": "Give it a real title"})
            return
        ack()
        lever = values["lever"]["pick"]["selected_option"]["text"]["text"]
        client.chat_postMessage(
            channel=view["private_metadata"],
            text=f"Retro {title}",
            blocks=[
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": f"Retro *{title}* ({lever})"},
                },
                {
                    "type": "actions",
                    "elements": [
                        _button("Done", "done"),
                        _button("Delete", "delete"),
                    ],
                },
            ],
        )

    @app.action("done")
    def done(ack, body, client):
        ack()
        client.chat_update(
            channel=body["channel"]["id"], ts=body["message"]["ts"], text="Retro closed", blocks=[]
        )

    @app.action("delete")
    def delete(ack, body, client):
        ack()
        client.chat_delete(channel=body["channel"]["id"], ts=body["message"]["ts"])

    @app.event("message")
    def message(event, client):
        SEEN.append(event)
        if event.get("thread_ts"):
            client.chat_postMessage(
                channel=event["channel"], thread_ts=event["thread_ts"], text="noted"
            )
            client.reactions_add(
                channel=event["channel"], timestamp=event["thread_ts"], name="eyes"
            )

    @app.command("/undoable")
    def undoable(ack):
        ack(
            text="Saved",
            blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": "Saved"}},
                {"type": "actions", "elements": [_button("Undo", "undo")]},
            ],
        )

    @app.action("undo")
    def undo(ack, respond, body):
        ack()
        SEEN.append(body)
        respond(text="Undone", replace_original=True)

    @app.event("app_home_opened")
    def home(event, client):
        client.views_publish(user_id=event["user"], view=_home("Hello"))

    @app.action("refresh")
    def refresh(ack, body, client):
        ack()
        client.views_publish(user_id=body["user"]["id"], view=_home("Refreshed"))

    @app.shortcut("save_message")
    def save_message(ack, shortcut, client):
        ack()
        text = shortcut["message"]["text"]
        client.chat_postEphemeral(
            channel=shortcut["channel"]["id"], user=shortcut["user"]["id"], text=f"Kept: {text}"
        )

    @app.shortcut("new_retro")
    def new_retro(ack, shortcut, client):
        ack()
        client.views_open(trigger_id=shortcut["trigger_id"], view=_modal("CGENERAL"))

    @app.event("team_join")
    def welcome(event, client):
        client.chat_postMessage(channel=event["user"]["id"], text="Welcome aboard")

    return app


def _button(label: str, action_id: str) -> dict:
    return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": label}}


def _modal(channel: str) -> dict:
    return {
        "type": "modal",
        "callback_id": "demo",
        "private_metadata": channel,
        "title": {"type": "plain_text", "text": "New retro"},
        "submit": {"type": "plain_text", "text": "Start"},
        "blocks": [
            {
                "type": "input",
                "block_id": "title",
                "label": {"type": "plain_text", "text": "Title"},
                "element": {"type": "plain_text_input", "action_id": "text"},
            },
            {
                "type": "input",
                "block_id": "lever",
                "label": {"type": "plain_text", "text": "Lever"},
                "element": {
                    "type": "static_select",
                    "action_id": "pick",
                    "options": [
                        {"text": {"type": "plain_text", "text": "Team learning"}, "value": "t"},
                        {"text": {"type": "plain_text", "text": "Onboarding"}, "value": "o"},
                    ],
                },
            },
        ],
    }


def _home(greeting: str) -> dict:
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": greeting}},
            {"type": "actions", "elements": [_button("Refresh", "refresh")]},
        ],
    }


@pytest.fixture
def console(database_url: str) -> Iterator[tuple[Session, io.StringIO]]:
    SEEN.clear()
    transcript = io.StringIO()
    with open_console(
        Settings(database_url=database_url),
        Output(transcript, color=False),
        user="alice",
        channel="general",
        language="en",
        build=demo_app,
        commands=["/demo", "/undoable"],
        shortcuts=[
            {"name": "Keep this", "type": "message", "callback_id": "save_message"},
            {"name": "New retro", "type": "global", "callback_id": "new_retro"},
        ],
    ) as session:
        yield session, transcript


def play(session: Session, transcript: io.StringIO, *lines: str) -> str:
    """Play lines; what they printed."""
    start = len(transcript.getvalue())
    for text in lines:
        assert session.play(text)
    return transcript.getvalue()[start:]


def test_a_modal_is_filled_refused_fixed_and_submitted(console) -> None:
    session, transcript = console
    shown = play(session, transcript, "/demo")
    assert "[1] modal “New retro” · @alice" in shown
    assert "[1] Title" in shown and "options: Team learning · Onboarding" in shown
    assert "[submit: Start]  [close: Cancel]" in shown

    shown = play(session, transcript, "submit")
    assert "Slack does not send the modal yet" in shown
    assert shown.count("⚠ Please complete this required field.") == 2

    shown = play(session, transcript, "fill Title bad", "fill lever onboarding", "submit")
    assert "✎ Title: bad" in shown and "✎ Lever: Onboarding" in shown
    assert "the app refused it" in shown and "⚠ Give it a real title" in shown
    assert "[▾ Onboarding]" in shown

    shown = play(session, transcript, 'fill "Title" Q3 review', 'click "Start"')
    assert "[1] modal closed" in shown
    assert "[2] learnloop · #general" in shown
    assert "Retro Q3 review (Onboarding)" in shown
    assert "[1 Done]  [2 Delete]" in shown
    assert session.refused == 0


def test_buttons_edit_and_delete_messages_and_threads_are_followed(console) -> None:
    session, transcript = console
    play(session, transcript, "/demo", "fill title Q3", "fill lever team learning", "submit")
    shown = play(session, transcript, "reply 2 we shipped on time")
    assert "[3] alice · #general · in the thread of [2]" in shown
    assert "[4] learnloop · #general · in the thread of [2]" in shown and "noted" in shown
    assert "[2] reactions: :eyes: 1" in shown
    event = SEEN[-1]
    assert event["thread_ts"] == session.slack.messages("CGENERAL")[0]["ts"]
    assert event["parent_user_id"] == session.slack.bot_user_id
    assert event["channel_type"] == "channel"

    shown = play(session, transcript, 'click 2 "Done"')
    assert "[2] learnloop · #general · edited" in shown and "Retro closed" in shown
    shown = play(session, transcript, "click 2 Delete")
    assert 'no button or option "Delete" there; it shows nothing to click' in shown

    play(session, transcript, "/demo", "fill title Q4", "fill lever team learning", "submit")
    shown = play(session, transcript, "click 6 Delete")
    assert "[6] deleted" in shown
    shown = play(session, transcript, "click 6 Done")
    assert "[6] is gone (deleted or closed)" in shown
    assert session.refused == 2


def test_an_ephemeral_answer_is_replaced_through_its_response_url(console) -> None:
    session, transcript = console
    shown = play(session, transcript, "/undoable")
    assert "[1] learnloop · #general · only @alice sees this" in shown and "[1 Undo]" in shown
    shown = play(session, transcript, 'click "Undo"')
    assert "[1] learnloop · #general · only @alice sees this · replaced" in shown
    assert "Undone" in shown
    action = SEEN[-1]
    assert action["container"]["is_ephemeral"] is True and "message" not in action


def test_the_home_tab_opens_and_updates_in_place(console) -> None:
    session, transcript = console
    shown = play(session, transcript, "home")
    assert "[1] App Home · @alice" in shown and "Hello" in shown and "[1 Refresh]" in shown
    shown = play(session, transcript, 'click "Refresh"')
    assert "[1] App Home · @alice · updated" in shown and "Refreshed" in shown


def test_a_newcomer_is_welcomed_in_a_dm_only_they_can_answer(console) -> None:
    session, transcript = console
    shown = play(session, transcript, "join @newbie")
    assert "@newbie joins the workspace and #general" in shown
    assert "[1] learnloop · DM @newbie" in shown and "Welcome aboard" in shown
    shown = play(session, transcript, "reply 1 thanks")
    assert "only @newbie sees [1]: type `as @newbie` first" in shown
    shown = play(session, transcript, "as @newbie", "reply 1 thanks!")
    assert "[2] newbie · DM @newbie · in the thread of [1]" in shown
    assert SEEN[-1]["channel_type"] == "im"


def test_people_and_channels_are_made_on_first_use(console) -> None:
    session, transcript = console
    shown = play(session, transcript, "as @chloe fr", "in #team", "say salut @alice, voir #general")
    assert "you are @chloe (new, fr)" in shown
    assert "you created #team and invited learnloop" in shown
    assert "[1] chloe · #team" in shown and "salut @alice, voir #general" in shown
    event = SEEN[-1]
    assert event["text"] == "salut <@UALICE>, voir <#CGENERAL|general>"
    assert event["user"] == "UCHLOE" and event["channel"] == "CTEAM"
    assert session.slack.user("UCHLOE")["locale"] == "fr-FR"
    assert session.prompt == "chloe in #team › "


def test_shortcuts_from_the_manifest_reach_the_app(console) -> None:
    session, transcript = console
    shown = play(session, transcript, "say buddies help", 'shortcut 1 "keep this"')
    assert "[2] learnloop · #general · only @alice sees this" in shown
    assert "Kept: buddies help" in shown
    shown = play(session, transcript, 'shortcut "New retro"', "close")
    assert "[3] modal “New retro” · @alice" in shown and "[3] modal closed" in shown
    shown = play(session, transcript, 'shortcut 1 "Archive"', "shortcut 2 keep this")
    assert '? no message shortcut "Archive"; the app has: "Keep this"' in shown
    assert "? [2] is not a message: shortcuts work on messages" in shown


def test_time_moves_forward_and_the_scheduler_runs_on_the_way(console) -> None:
    session, transcript = console
    before = session.clock()
    shown = play(session, transcript, "time +1d", "time")
    assert (session.clock() - before).total_seconds() >= 24 * 3600
    assert shown.count("⏱") == 2 and "⏱ it is now" in shown


def test_bad_lines_get_a_hint_and_the_session_goes_on(console) -> None:
    session, transcript = console
    shown = play(
        session,
        transcript,
        "hello",
        "reply 7 hi",
        "click 3 Save",
        "fill Title x",
        "/nope",
        "as @learnloop",
        "say still here",
    )
    hints = [line for line in shown.splitlines() if line.startswith("? ")]
    assert hints == [
        '? unknown verb "hello": to post a message type "say hello", '
        'or "help" for the list of verbs',
        "? there is no [7] (numbers shown so far: none yet)",
        "? there is no [3] (numbers shown so far: none yet)",
        "? no modal is open: a button or a command opens one",
        "? the app has no command /nope; it has /demo, /undoable",
        "? @learnloop is the bot; speak as a person",
    ]
    assert "[1] alice · #general" in shown
    assert session.refused == 6
    assert session.play("quit") is False
