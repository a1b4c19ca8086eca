"""`learnloop run`: Socket Mode against a local fake, acks checked by envelope_id."""

from __future__ import annotations

import signal

from sqlalchemy import select

from bot.fakeslack.payloads import command_payload, event_envelope
from bot.runtime import open_runtime
from bot.settings import parse_settings
from storage.models import Learning
from tests.support.processes import learnloop_env, start_learnloop


def test_run_connects_acks_a_command_and_an_event_and_stops_cleanly(slack, database_url, tmp_path):
    process = start_learnloop(["run"], learnloop_env(slack, database_url), tmp_path)
    try:
        slack.socket.wait_connected(timeout=30)
        envelope_id = slack.socket.send(
            "slash_commands",
            command_payload(
                "/learning",
                "retention: stay interviews every quarter",
                user_id="UALICE",
                channel_id="CGENERAL",
            ),
        )
        ack = slack.socket.wait_ack(envelope_id, timeout=10)
        assert ack["envelope_id"] == envelope_id
        assert "Staff retention" in ack["payload"]["text"]

        event = event_envelope(
            {"type": "app_home_opened", "user": "UALICE", "channel": "D0001", "tab": "home"},
            event_id="Ev0001",
        )
        event_envelope_id = slack.socket.send("events_api", event)
        assert (
            slack.socket.wait_ack(event_envelope_id, timeout=10)["envelope_id"] == event_envelope_id
        )
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=15)

    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}), migrate=False)
    with runtime.deps.sessions() as session:
        texts = list(session.scalars(select(Learning.text)))
    runtime.engine.dispose()
    assert texts == ["stay interviews every quarter"]
