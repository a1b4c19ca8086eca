"""The manifest parses, follows Slack's schema, and agrees with the listeners the app registers."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bot.ids import Command
from bot.manifest import manifest_yaml

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "slack-manifest.schema.json").read_text())


@pytest.mark.parametrize("http_url", [None, "https://learnloop.example.org"])
def test_the_manifest_is_yaml_that_follows_slacks_schema(http_url):
    manifest = yaml.safe_load(manifest_yaml(http_url))
    jsonschema.validate(manifest, SCHEMA)
    commands = {entry["command"] for entry in manifest["features"]["slash_commands"]}
    assert {"/learning", "/retro"} <= commands
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_socket_mode_by_default_and_urls_in_http_mode():
    socket = yaml.safe_load(manifest_yaml())
    assert socket["settings"]["socket_mode_enabled"] is True
    http = yaml.safe_load(manifest_yaml("https://learnloop.example.org/"))
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["settings"]["event_subscriptions"]["request_url"] == (
        "https://learnloop.example.org/slack/events"
    )
    assert all(
        entry["url"] == "https://learnloop.example.org/slack/events"
        for entry in http["features"]["slash_commands"]
    )


def test_every_command_in_the_manifest_is_declared_once_in_the_ids():
    manifest = yaml.safe_load(manifest_yaml())
    assert {entry["command"] for entry in manifest["features"]["slash_commands"]} == {
        str(command) for command in Command
    }
