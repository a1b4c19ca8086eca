"""Block Kit as text, and what a click or a fill means: pure functions."""

from __future__ import annotations

from datetime import date

import pytest

from bot.console.controls import click_value, fill_state, find_control, find_field, submission
from bot.console.lines import BadLine
from bot.console.mrkdwn import Names, inline, mrkdwn_lines
from bot.console.render import render_blocks, render_message, render_view

NAMES = Names(users={"UALICE": "alice", "UBOT": "learnloop"}, channels={"CTEAM": "team"})


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def option(text: str, value: str) -> dict:
    return {"text": {"type": "plain_text", "text": text}, "value": value}


def section(text: str, **extra) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def test_mrkdwn_resolves_mentions_links_and_entities() -> None:
    text = "Hi <@UALICE>, see <#CTEAM> and <https://wiki.example|the wiki> &amp; <!here> &lt;b&gt;"
    assert "".join(t for t, _ in inline(text, NAMES)) == (
        "Hi @alice, see #team and the wiki (https://wiki.example) & @here <b>"
    )


def test_mrkdwn_markers_become_styles_and_leave_the_text() -> None:
    segments = inline("Saved under *Team learning*, _guessed_, `code`, ~old~", NAMES)
    assert "".join(t for t, _ in segments) == "Saved under Team learning, guessed, code, old"
    styles = dict(segments)
    assert styles["Team learning"] == "bold"
    assert styles["guessed"] == "italic"
    assert styles["code"] == "code"
    assert styles["old"] == "strike"


def test_asterisks_inside_words_are_not_bold() -> None:
    assert "".join(t for t, _ in inline("2*3*4 and a*b", NAMES)) == "2*3*4 and a*b"


def test_quotes_and_code_blocks_keep_their_lines() -> None:
    lines = mrkdwn_lines("Saved:\n> pair each newcomer\n```\nline 1\nline 2\n```\nend", NAMES)
    assert texts(lines) == ["Saved:", "│ pair each newcomer", "  line 1", "  line 2", "end"]


def test_a_message_shows_sections_fields_context_header_and_divider() -> None:
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Retro: Q3"}},
        section("*What went well*", fields=[{"type": "mrkdwn", "text": "*Owner*\n<@UALICE>"}]),
        {"type": "divider"},
        {
            "type": "context",
            "elements": [
                {"type": "mrkdwn", "text": "by <@UALICE>"},
                {"type": "image", "image_url": "https://x.example/a.png", "alt_text": "chart"},
            ],
        },
        {"type": "image", "image_url": "https://x.example/b.png", "alt_text": "levers chart"},
    ]
    rendered = render_blocks(blocks, NAMES, indent=0)
    assert texts(rendered.lines) == [
        "Retro: Q3",
        "What went well",
        "· Owner",
        "  @alice",
        "─" * 24,
        "by @alice  ·  [image: chart]",
        "[image: levers chart]",
    ]
    assert rendered.controls == []


def test_buttons_and_menus_are_numbered_in_order() -> None:
    blocks = [
        section(
            "Pick a lever",
            accessory={
                "type": "static_select",
                "action_id": "lever",
                "placeholder": {"type": "plain_text", "text": "Lever"},
                "options": [option("Team learning", "team"), option("Onboarding", "onb")],
                "initial_option": option("Onboarding", "onb"),
            },
        ),
        {
            "type": "actions",
            "block_id": "acts",
            "elements": [
                {
                    "type": "button",
                    "action_id": "add",
                    "text": {"type": "plain_text", "text": "Add item"},
                    "style": "primary",
                },
                {
                    "type": "button",
                    "action_id": "close",
                    "text": {"type": "plain_text", "text": "Close retro"},
                },
                {
                    "type": "overflow",
                    "action_id": "more",
                    "options": [option("Edit", "edit"), option("Delete", "delete")],
                },
            ],
        },
    ]
    rendered = render_blocks(blocks, NAMES, indent=0)
    assert texts(rendered.lines) == [
        "Pick a lever",
        "[1 ▾ Onboarding]",
        "  options: Team learning · Onboarding",
        "[2 Add item]  [3 Close retro]",
        "[4 ⋯]",
        "  options: Edit · Delete",
    ]
    assert [(c.number, c.kind, c.label) for c in rendered.controls] == [
        (1, "static_select", "Lever"),
        (2, "button", "Add item"),
        (3, "button", "Close retro"),
        (4, "overflow", "more"),
    ]
    assert rendered.controls[1].block_id == "acts"


def modal() -> dict:
    return {
        "type": "modal",
        "id": "V1",
        "title": {"type": "plain_text", "text": "Add a learning"},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [
            {
                "type": "input",
                "block_id": "what",
                "label": {"type": "plain_text", "text": "What did you learn?"},
                "hint": {"type": "plain_text", "text": "One or two sentences"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "max_length": 20,
                },
            },
            {
                "type": "input",
                "block_id": "lever",
                "label": {"type": "plain_text", "text": "Lever"},
                "element": {
                    "type": "static_select",
                    "action_id": "pick",
                    "options": [
                        option(":wave: Onboarding newcomers", "onboarding"),
                        option("Team learning", "team"),
                    ],
                },
            },
            {
                "type": "input",
                "block_id": "who",
                "optional": True,
                "label": {"type": "plain_text", "text": "Owner"},
                "element": {"type": "users_select", "action_id": "user"},
            },
            {
                "type": "input",
                "block_id": "when",
                "optional": True,
                "label": {"type": "plain_text", "text": "Due"},
                "element": {"type": "datepicker", "action_id": "day"},
            },
        ],
    }


def test_a_modal_shows_its_fields_values_errors_and_buttons() -> None:
    values = {"what": {"text": {"type": "plain_text_input", "value": "pair\nnewcomers"}}}
    rendered = render_view(modal(), NAMES, values=values, errors={"lever": "Pick one"})
    assert texts(rendered.lines) == [
        "    [1] What did you learn?",
        "        [✎ pair",
        "           newcomers]",
        "        One or two sentences",
        "    [2] Lever",
        "        [▾ …]",
        "          options: :wave: Onboarding newcomers · Team learning",
        "        ⚠ Pick one",
        "    [3] Owner (optional)",
        "        [▾ …]",
        "    [4] Due (optional)",
        "        [date: …]",
        "    [submit: Save]  [close: Cancel]",
    ]
    assert all(c.in_input for c in rendered.controls)


def test_fields_are_found_by_label_or_number_and_filled_as_slack_would() -> None:
    controls = render_view(modal(), NAMES).controls
    users = {"alice": "UALICE"}
    fill = {"user_id": users.get, "channel_id": {}.get, "timezone": "UTC"}
    assert find_field(controls, "what did").block_id == "what"
    assert find_field(controls, "2").block_id == "lever"
    lever = fill_state(find_field(controls, "Lever"), "onboarding newcomers", NAMES, **fill)
    assert lever == {
        "type": "static_select",
        "selected_option": option(":wave: Onboarding newcomers", "onboarding"),
    }
    owner = fill_state(find_field(controls, "Owner"), "@alice", NAMES, **fill)
    assert owner == {"type": "users_select", "selected_user": "UALICE"}
    due = fill_state(find_field(controls, "Due"), "2026-12-01", NAMES, **fill)
    assert due == {"type": "datepicker", "selected_date": "2026-12-01"}
    thursday = date(2026, 11, 26)
    relative = {**fill, "today": thursday}
    for typed, day in [("+7d", "2026-12-03"), ("tomorrow", "2026-11-27"), ("thu", "2026-12-03")]:
        due = fill_state(find_field(controls, "Due"), typed, NAMES, **relative)
        assert due == {"type": "datepicker", "selected_date": day}
    with pytest.raises(BadLine, match="not one of the choices"):
        fill_state(find_field(controls, "Lever"), "retention", NAMES, **fill)
    with pytest.raises(BadLine, match="takes a value like 2026-12-01"):
        fill_state(find_field(controls, "Due"), "tomorrow", NAMES, **fill)
    with pytest.raises(BadLine, match='no field "Colour"'):
        find_field(controls, "Colour")


def test_a_submission_holds_every_field_and_slack_refuses_blank_required_ones() -> None:
    controls = render_view(modal(), NAMES).controls
    values, problems = submission(controls, {})
    assert problems == {
        "what": "Please complete this required field.",
        "lever": "Please complete this required field.",
    }
    filled = {
        "what": {"text": {"type": "plain_text_input", "value": "x" * 21}},
        "lever": {
            "pick": {"type": "static_select", "selected_option": option("Team learning", "team")}
        },
    }
    values, problems = submission(controls, filled)
    assert problems == {"what": "Please enter no more than 20 characters."}
    filled["what"]["text"]["value"] = "pair newcomers"
    values, problems = submission(controls, filled)
    assert problems == {}
    assert values["what"] == {"text": {"type": "plain_text_input", "value": "pair newcomers"}}
    assert values["who"] == {"user": {"type": "users_select", "selected_user": None}}
    assert values["when"] == {"day": {"type": "datepicker"}}


def test_a_click_finds_a_button_or_a_menu_option_by_label() -> None:
    blocks = [
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "add",
                    "value": "7",
                    "text": {"type": "plain_text", "text": ":heavy_plus_sign: Add item"},
                },
                {
                    "type": "button",
                    "action_id": "addall",
                    "text": {"type": "plain_text", "text": "Add all"},
                },
                {
                    "type": "static_select",
                    "action_id": "lever",
                    "options": [option("Team learning", "team")],
                },
            ],
        }
    ]
    controls = render_blocks(blocks, NAMES).controls
    button, chosen = find_control(controls, "add item", NAMES)
    assert (button.action_id, chosen) == ("add", None)
    assert click_value(button, None) == ("7", None)
    assert find_control(controls, "1", NAMES)[0].action_id == "add"
    menu, chosen = find_control(controls, "team", NAMES)
    assert menu.action_id == "lever" and chosen["value"] == "team"
    assert click_value(menu, chosen) == (
        None,
        option("Team learning", "team")
        | {"text": {"type": "plain_text", "text": "Team learning", "emoji": True}},
    )
    with pytest.raises(BadLine, match='"Add" could be "'):
        find_control(controls, "Add", NAMES)
    with pytest.raises(BadLine, match='no button or option "Remove"'):
        find_control(controls, "Remove", NAMES)


def test_a_message_without_blocks_shows_its_text_attachments_files_and_reactions() -> None:
    message = {
        "text": "Digest for <#CTEAM>",
        "attachments": [
            {
                "title": "This week",
                "text": "3 learnings",
                "fields": [{"title": "Top", "value": "Onboarding"}],
            }
        ],
        "files": [{"name": "digest.png", "title": "Levers this month"}],
        "reactions": [{"name": "tada", "count": 2}],
    }
    assert texts(render_message(message, NAMES, indent=0).lines) == [
        "Digest for #team",
        "┃ This week",
        "┃ 3 learnings",
        "┃ Top: Onboarding",
        "[file: digest.png — Levers this month]",
        ":tada: 2",
    ]


def test_rich_text_lists_and_unknown_blocks_still_show() -> None:
    blocks = [
        {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_section",
                    "elements": [
                        {"type": "text", "text": "Actions for "},
                        {"type": "user", "user_id": "UALICE"},
                    ],
                },
                {
                    "type": "rich_text_list",
                    "style": "bullet",
                    "elements": [
                        {
                            "type": "rich_text_section",
                            "elements": [{"type": "text", "text": "book the room"}],
                        },
                        {
                            "type": "rich_text_section",
                            "elements": [{"type": "text", "text": "send notes"}],
                        },
                    ],
                },
            ],
        },
        {"type": "call", "call_id": "R1"},
    ]
    assert texts(render_blocks(blocks, NAMES, indent=0).lines) == [
        "Actions for @alice",
        "• book the room",
        "• send notes",
        "[call block]",
    ]
