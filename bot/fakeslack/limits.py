"""Block Kit limits Slack enforces, as pure validation functions.

Each problem is reported the way Slack words it in `response_metadata.messages`:
"[ERROR] <problem> [json-pointer:<path>]". The numbers come from Slack's Block Kit
reference; only limits Slack documents (or visibly rejects) are checked.
"""

from __future__ import annotations

from typing import Any

MAX_MESSAGE_BLOCKS = 50
MAX_SURFACE_BLOCKS = 100  # modals and the Home tab
MAX_TEXT_ARG = 40_000  # chat.* `text` argument; above this Slack answers msg_too_long
MAX_SECTION_TEXT = 3000
MAX_SECTION_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_MARKDOWN_BLOCK_TEXT = 12_000
MAX_LABEL_TEXT = 2000
MAX_ID = 255  # block_id, action_id, callback_id, external_id
MAX_ACTIONS_ELEMENTS = 25
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_URL = 3000
MAX_ALT_TEXT = 2000
MAX_PLACEHOLDER = 150
MAX_OPTIONS = 100
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_CHOICE_OPTIONS = 10  # checkboxes, radio_buttons
MAX_OVERFLOW_OPTIONS = 5
MAX_INPUT_LENGTH = 3000  # plain_text_input min_length / max_length
MAX_VIEW_TITLE = 24  # modal title, submit and close texts
MAX_PRIVATE_METADATA = 3000

BLOCK_TYPES = frozenset(
    {
        "actions",
        "call",
        "context",
        "context_actions",
        "divider",
        "file",
        "header",
        "image",
        "input",
        "markdown",
        "rich_text",
        "section",
        "table",
        "video",
    }
)
SELECTS = frozenset(
    {
        "static_select",
        "multi_static_select",
        "external_select",
        "multi_external_select",
        "users_select",
        "multi_users_select",
        "conversations_select",
        "multi_conversations_select",
        "channels_select",
        "multi_channels_select",
    }
)
TEXT_INPUTS = frozenset(
    {"plain_text_input", "email_text_input", "url_text_input", "number_input", "rich_text_input"}
)
OTHER_ELEMENTS = frozenset(
    {
        "button",
        "checkboxes",
        "datepicker",
        "datetimepicker",
        "file_input",
        "image",
        "overflow",
        "radio_buttons",
        "timepicker",
        "workflow_button",
    }
)
ELEMENT_TYPES = SELECTS | TEXT_INPUTS | OTHER_ELEMENTS


def _err(problem: str, path: str) -> str:
    """Format one problem like Slack's response_metadata messages."""
    return f"[ERROR] {problem} [json-pointer:{path}]"


def _too_long(value: Any, limit: int, path: str) -> list[str]:
    """Slack says 'must be less than N+1 characters' for an N-character limit."""
    if isinstance(value, str) and len(value) > limit:
        return [_err(f"must be less than {limit + 1} characters", path)]
    return []


def check_text(obj: Any, path: str, limit: int, *, plain_only: bool = False) -> list[str]:
    """Validate a text composition object."""
    if not isinstance(obj, dict):
        return [_err("must provide an object", path)]
    allowed = ("plain_text",) if plain_only else ("plain_text", "mrkdwn")
    if obj.get("type") not in allowed:
        return [_err(f"must be one of: {', '.join(allowed)}", f"{path}/type")]
    text = obj.get("text")
    if not isinstance(text, str):
        return [_err("missing required field: text", path)]
    if not text:
        return [_err("must be more than 0 characters", f"{path}/text")]
    return _too_long(text, limit, f"{path}/text")


def _check_options(options: Any, path: str, limit: int) -> list[str]:
    """Validate an options array of a select, overflow, checkboxes or radio group."""
    if not isinstance(options, list):
        return [_err("must provide an array", path)]
    if len(options) > limit:
        return [_err(f"no more than {limit} items allowed", path)]
    errors: list[str] = []
    for i, option in enumerate(options):
        p = f"{path}/{i}"
        if not isinstance(option, dict):
            errors.append(_err("must provide an object", p))
            continue
        errors += check_text(option.get("text"), f"{p}/text", MAX_OPTION_TEXT)
        errors += _too_long(option.get("value"), MAX_OPTION_VALUE, f"{p}/value")
    return errors


def check_element(element: Any, path: str) -> list[str]:
    """Validate one interactive (or image) element."""
    if not isinstance(element, dict):
        return [_err("must provide an object", path)]
    kind = element.get("type")
    if kind not in ELEMENT_TYPES:
        return [_err(f"unsupported type: {kind}", f"{path}/type")]
    errors = _too_long(element.get("action_id"), MAX_ID, f"{path}/action_id")
    if kind == "button":
        errors += check_text(element.get("text"), f"{path}/text", MAX_BUTTON_TEXT, plain_only=True)
        errors += _too_long(element.get("value"), MAX_BUTTON_VALUE, f"{path}/value")
        errors += _too_long(element.get("url"), MAX_URL, f"{path}/url")
    elif kind == "image":
        errors += _check_image_fields(element, path)
    elif kind in ("static_select", "multi_static_select") and "option_groups" not in element:
        errors += _check_options(element.get("options"), f"{path}/options", MAX_OPTIONS)
    elif kind == "overflow":
        errors += _check_options(element.get("options"), f"{path}/options", MAX_OVERFLOW_OPTIONS)
    elif kind in ("checkboxes", "radio_buttons"):
        errors += _check_options(element.get("options"), f"{path}/options", MAX_CHOICE_OPTIONS)
    elif kind == "plain_text_input":
        for key in ("min_length", "max_length"):
            value = element.get(key)
            if isinstance(value, int) and value > MAX_INPUT_LENGTH:
                errors.append(_err(f"must be at most {MAX_INPUT_LENGTH}", f"{path}/{key}"))
    if "placeholder" in element:
        errors += check_text(
            element["placeholder"], f"{path}/placeholder", MAX_PLACEHOLDER, plain_only=True
        )
    return errors


def _check_image_fields(obj: dict[str, Any], path: str) -> list[str]:
    """Image blocks and image elements share url and alt_text rules."""
    errors: list[str] = []
    if "image_url" not in obj and "slack_file" not in obj:
        errors.append(_err("missing required field: image_url", path))
    errors += _too_long(obj.get("image_url"), MAX_URL, f"{path}/image_url")
    if not obj.get("alt_text"):
        errors.append(_err("missing required field: alt_text", path))
    errors += _too_long(obj.get("alt_text"), MAX_ALT_TEXT, f"{path}/alt_text")
    return errors


def _check_section(block: dict[str, Any], path: str) -> list[str]:
    """Sections need text or fields; text is capped at 3000, fields at 10 x 2000."""
    errors: list[str] = []
    if "text" not in block and "fields" not in block:
        errors.append(_err("must provide either text or fields", path))
    if "text" in block:
        errors += check_text(block["text"], f"{path}/text", MAX_SECTION_TEXT)
    fields = block.get("fields")
    if fields is not None:
        if not isinstance(fields, list) or len(fields) > MAX_SECTION_FIELDS:
            errors.append(
                _err(f"no more than {MAX_SECTION_FIELDS} items allowed", f"{path}/fields")
            )
        else:
            for i, field in enumerate(fields):
                errors += check_text(field, f"{path}/fields/{i}", MAX_FIELD_TEXT)
    if "accessory" in block:
        errors += check_element(block["accessory"], f"{path}/accessory")
    return errors


def _check_actions(block: dict[str, Any], path: str) -> list[str]:
    """Actions blocks hold 1..25 interactive elements."""
    elements = block.get("elements")
    if not isinstance(elements, list) or not elements:
        return [_err("missing required field: elements", path)]
    if len(elements) > MAX_ACTIONS_ELEMENTS:
        return [_err(f"no more than {MAX_ACTIONS_ELEMENTS} items allowed", f"{path}/elements")]
    errors: list[str] = []
    for i, element in enumerate(elements):
        errors += check_element(element, f"{path}/elements/{i}")
    return errors


def _check_context(block: dict[str, Any], path: str) -> list[str]:
    """Context blocks hold 1..10 text or image elements."""
    elements = block.get("elements")
    if not isinstance(elements, list) or not elements:
        return [_err("missing required field: elements", path)]
    if len(elements) > MAX_CONTEXT_ELEMENTS:
        return [_err(f"no more than {MAX_CONTEXT_ELEMENTS} items allowed", f"{path}/elements")]
    errors: list[str] = []
    for i, element in enumerate(elements):
        p = f"{path}/elements/{i}"
        if isinstance(element, dict) and element.get("type") == "image":
            errors += _check_image_fields(element, p)
        else:
            errors += check_text(element, p, MAX_SECTION_TEXT)
    return errors


def _check_input(block: dict[str, Any], path: str) -> list[str]:
    """Input blocks need a plain_text label and one element."""
    errors: list[str] = []
    if "label" not in block:
        errors.append(_err("missing required field: label", path))
    else:
        errors += check_text(block["label"], f"{path}/label", MAX_LABEL_TEXT, plain_only=True)
    if "hint" in block:
        errors += check_text(block["hint"], f"{path}/hint", MAX_LABEL_TEXT, plain_only=True)
    if "element" not in block:
        errors.append(_err("missing required field: element", path))
    else:
        errors += check_element(block["element"], f"{path}/element")
    return errors


def check_block(block: Any, path: str) -> list[str]:
    """Validate one block (not its id uniqueness, see validate_blocks)."""
    if not isinstance(block, dict):
        return [_err("must provide an object", path)]
    kind = block.get("type")
    if kind not in BLOCK_TYPES:
        return [_err(f"unsupported type: {kind}", f"{path}/type")]
    errors = _too_long(block.get("block_id"), MAX_ID, f"{path}/block_id")
    if kind == "section":
        errors += _check_section(block, path)
    elif kind == "header":
        errors += check_text(block.get("text"), f"{path}/text", MAX_HEADER_TEXT, plain_only=True)
    elif kind == "actions":
        errors += _check_actions(block, path)
    elif kind == "context":
        errors += _check_context(block, path)
    elif kind == "input":
        errors += _check_input(block, path)
    elif kind == "image":
        errors += _check_image_fields(block, path)
        if "title" in block:
            errors += check_text(block["title"], f"{path}/title", MAX_ALT_TEXT, plain_only=True)
    elif kind == "markdown":
        errors += _too_long(block.get("text"), MAX_MARKDOWN_BLOCK_TEXT, f"{path}/text")
    return errors


def block_elements(block: dict[str, Any]) -> list[dict[str, Any]]:
    """The interactive elements a block carries (for action_id checks and lookups)."""
    if block.get("type") in ("actions", "context_actions"):
        return [e for e in block.get("elements") or [] if isinstance(e, dict)]
    found = block.get("accessory") if block.get("type") == "section" else block.get("element")
    return [found] if isinstance(found, dict) else []


def _check_unique_ids(blocks: list[Any], prefix: str) -> list[str]:
    """Slack rejects duplicate block_ids in a surface and duplicate action_ids in a block."""
    errors: list[str] = []
    seen_blocks: set[str] = set()
    for i, block in enumerate(blocks):
        if not isinstance(block, dict):
            continue
        block_id = block.get("block_id")
        if isinstance(block_id, str):
            if block_id in seen_blocks:
                errors.append(_err(f"duplicate block_id: {block_id}", f"{prefix}/{i}/block_id"))
            seen_blocks.add(block_id)
        seen_actions: set[str] = set()
        for element in block_elements(block):
            action_id = element.get("action_id")
            if isinstance(action_id, str):
                if action_id in seen_actions:
                    errors.append(_err(f"duplicate action_id: {action_id}", f"{prefix}/{i}"))
                seen_actions.add(action_id)
    return errors


def validate_blocks(blocks: Any, surface: str = "message") -> list[str]:
    """Return Slack-style problems for a blocks array on surface message, modal or home."""
    prefix = "/blocks" if surface == "message" else "/view/blocks"
    if not isinstance(blocks, list):
        return [_err("must provide an array", prefix)]
    limit = MAX_MESSAGE_BLOCKS if surface == "message" else MAX_SURFACE_BLOCKS
    if len(blocks) > limit:
        return [_err(f"no more than {limit} items allowed", prefix)]
    errors: list[str] = []
    for i, block in enumerate(blocks):
        errors += check_block(block, f"{prefix}/{i}")
    return errors + _check_unique_ids(blocks, prefix)


def validate_view(view: Any, surface: str = "modal") -> list[str]:
    """Return Slack-style problems for a modal or home view object."""
    if not isinstance(view, dict):
        return [_err("must provide an object", "/view")]
    if view.get("type") != surface:
        return [_err(f"must be {surface}", "/view/type")]
    errors: list[str] = []
    if surface == "modal":
        errors += check_text(view.get("title"), "/view/title", MAX_VIEW_TITLE, plain_only=True)
        for key in ("submit", "close"):
            if key in view:
                errors += check_text(view[key], f"/view/{key}", MAX_VIEW_TITLE, plain_only=True)
        blocks = view.get("blocks")
        has_input = isinstance(blocks, list) and any(
            isinstance(b, dict) and b.get("type") == "input" for b in blocks
        )
        if has_input and "submit" not in view:
            errors.append(_err("submit is required when an input block is present", "/view"))
    errors += _too_long(
        view.get("private_metadata"), MAX_PRIVATE_METADATA, "/view/private_metadata"
    )
    errors += _too_long(view.get("callback_id"), MAX_ID, "/view/callback_id")
    errors += _too_long(view.get("external_id"), MAX_ID, "/view/external_id")
    return errors + validate_blocks(view.get("blocks"), surface)
