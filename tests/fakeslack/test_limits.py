"""The pure Block Kit validator."""

from __future__ import annotations

from bot.fakeslack.limits import validate_blocks, validate_view


def button(action_id: str, text: str = "Go") -> dict:
    """A minimal button element."""
    return {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": text}}


def test_valid_message_has_no_problems() -> None:
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": "Title"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}, "accessory": button("a")},
        {"type": "actions", "elements": [button("b"), button("c")]},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "small"}]},
        {"type": "divider"},
    ]
    assert validate_blocks(blocks, "message") == []


def test_duplicate_ids() -> None:
    blocks = [
        {"type": "actions", "block_id": "x", "elements": [button("a"), button("a")]},
        {"type": "divider", "block_id": "x"},
    ]
    problems = validate_blocks(blocks, "message")
    assert any("duplicate action_id: a" in p for p in problems)
    assert any("duplicate block_id: x [json-pointer:/blocks/1/block_id]" in p for p in problems)


def test_element_and_id_limits() -> None:
    problems = validate_blocks(
        [
            {"type": "actions", "elements": [button(f"a{i}") for i in range(26)]},
            {"type": "actions", "elements": [button("long", "t" * 76)]},
            {"type": "divider", "block_id": "b" * 256},
            {"type": "input", "element": {"type": "plain_text_input", "action_id": "i"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": ""}},
            {"type": "carousel"},
        ],
        "message",
    )
    assert problems == [
        "[ERROR] no more than 25 items allowed [json-pointer:/blocks/0/elements]",
        "[ERROR] must be less than 76 characters [json-pointer:/blocks/1/elements/0/text/text]",
        "[ERROR] must be less than 256 characters [json-pointer:/blocks/2/block_id]",
        "[ERROR] missing required field: label [json-pointer:/blocks/3]",
        "[ERROR] must be more than 0 characters [json-pointer:/blocks/4/text/text]",
        "[ERROR] unsupported type: carousel [json-pointer:/blocks/5/type]",
    ]


def test_surface_block_counts() -> None:
    assert validate_blocks([{"type": "divider"}] * 100, "modal") == []
    assert validate_blocks([{"type": "divider"}] * 100, "home") == []
    assert validate_blocks([{"type": "divider"}] * 50, "message") == []
    assert validate_blocks([{"type": "divider"}] * 51, "message")


def test_modal_rules() -> None:
    title = {"type": "plain_text", "text": "Twenty-four characters!!"}
    field = {"type": "plain_text_input", "action_id": "v"}
    label = {"type": "plain_text", "text": "What"}
    modal = {"type": "modal", "title": title, "blocks": [{"type": "input", "label": label}]}
    modal["blocks"][0]["element"] = field
    assert validate_view(modal, "modal") == [
        "[ERROR] submit is required when an input block is present [json-pointer:/view]"
    ]
    modal["submit"] = {"type": "plain_text", "text": "Save"}
    assert validate_view(modal, "modal") == []
    modal["close"] = {"type": "mrkdwn", "text": "Cancel"}
    assert validate_view(modal, "modal") == [
        "[ERROR] must be one of: plain_text [json-pointer:/view/close/type]"
    ]
