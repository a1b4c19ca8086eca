"""Block Kit as text: messages, modals and the Home tab, each interactive element numbered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.console.mrkdwn import Line, Names, inline, line, mrkdwn_lines, plain, unescape
from bot.messages import t

BODY_INDENT = 4

BUTTONS = frozenset({"button", "workflow_button"})
STATIC_MENUS = frozenset({"static_select", "multi_static_select", "overflow"})
CHOICES = frozenset({"radio_buttons", "checkboxes"})
TEXT_INPUTS = frozenset(
    {"plain_text_input", "email_text_input", "url_text_input", "number_input", "rich_text_input"}
)


@dataclass(frozen=True)
class Control:
    """An interactive element as shown, with the number the person refers to it by."""

    number: int
    kind: str  # the element's type
    label: str
    element: dict[str, Any]
    block_id: str | None
    in_input: bool = False  # a field of a modal, filled with `fill`
    optional: bool = False
    dispatch: bool = False  # an input block that tells the app as soon as it changes

    @property
    def action_id(self) -> str:
        return str(self.element.get("action_id") or "")

    @property
    def options(self) -> list[dict[str, Any]]:
        """The element's options, option groups flattened."""
        return element_options(self.element)


@dataclass
class Rendered:
    """Lines to print and the controls they show."""

    lines: list[Line] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)


def element_options(element: dict[str, Any]) -> list[dict[str, Any]]:
    """Options of a menu, radio group or checkbox group, option groups flattened."""
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options.extend(group.get("options") or [])
    return options


class _Surface:
    """Collects lines and numbers controls while blocks are walked in order."""

    def __init__(self, names: Names, values: dict, errors: dict, first: int, language: str) -> None:
        self.names = names
        self.language = language
        self.values = values
        self.errors = errors
        self.rendered = Rendered()
        self.next_number = first

    def add(self, *lines: Line) -> None:
        self.rendered.lines.extend(lines)

    def control(self, element: dict, block_id: str | None, label: str, **extra: Any) -> Control:
        made = Control(
            self.next_number, str(element.get("type")), label, element, block_id, **extra
        )
        self.next_number += 1
        self.rendered.controls.append(made)
        return made

    def state(self, block_id: str | None, element: dict) -> dict | None:
        return (self.values.get(block_id or "") or {}).get(str(element.get("action_id")))


def render_blocks(
    blocks: list[dict[str, Any]],
    names: Names,
    *,
    values: dict[str, dict[str, dict]] | None = None,
    errors: dict[str, str] | None = None,
    indent: int = BODY_INDENT,
    first: int = 1,
    language: str = "en",
) -> Rendered:
    """Blocks as lines; `values` are the state of filled fields, `errors` by block_id.

    `language` is the reader's, for the few words Slack's client adds ("(optional)").
    """
    surface = _Surface(names, values or {}, errors or {}, first, language)
    for block in blocks or []:
        _BLOCKS.get(str(block.get("type")), _unknown)(surface, block, indent)
    return surface.rendered


def _section(surface: _Surface, block: dict, indent: int) -> None:
    text = block.get("text")
    if text:
        surface.add(*_text_lines(text, surface.names, indent))
    for item in block.get("fields") or []:
        body = _text_lines(item, surface.names, 0)
        first = body[0].segments if body else ()
        surface.add(Line((("· ", "dim"), *first), indent))
        surface.add(*(Line(rest.segments, indent + 2) for rest in body[1:]))
    accessory = block.get("accessory")
    if accessory:
        _element(surface, accessory, block.get("block_id"), indent)


def _text_lines(obj: dict, names: Names, indent: int, style: str = "") -> list[Line]:
    if obj.get("type") == "mrkdwn":
        return mrkdwn_lines(str(obj.get("text") or ""), names, indent, style)
    return [line((part, style), indent=indent) for part in str(obj.get("text") or "").split("\n")]


def _header(surface: _Surface, block: dict, indent: int) -> None:
    surface.add(line((plain(block.get("text"), surface.names), "header"), indent=indent))


def _divider(surface: _Surface, _block: dict, indent: int) -> None:
    surface.add(line(("─" * 24, "dim"), indent=indent))


def _context(surface: _Surface, block: dict, indent: int) -> None:
    segments: list[tuple[str, str]] = []
    for element in block.get("elements") or []:
        if segments:
            segments.append(("  ·  ", "dim"))
        if element.get("type") == "image":
            segments.append((f"[image: {element.get('alt_text') or ''}]", "dim"))
        elif element.get("type") == "mrkdwn":
            flat = str(element.get("text") or "").replace("\n", " ")
            segments.extend((t, f"{s} dim".strip()) for t, s in inline(flat, surface.names))
        else:
            segments.append((plain(element, surface.names), "dim"))
    surface.add(Line(tuple(segments), indent))


def _actions(surface: _Surface, block: dict, indent: int) -> None:
    buttons: list[tuple[str, str]] = []
    for element in block.get("elements") or []:
        if element.get("type") in BUTTONS:
            if buttons:
                buttons.append(("  ", ""))
            buttons.extend(_button(surface, element, block.get("block_id")))
        else:
            if buttons:
                surface.add(Line(tuple(buttons), indent))
                buttons = []
            _element(surface, element, block.get("block_id"), indent)
    if buttons:
        surface.add(Line(tuple(buttons), indent))


def _button(surface: _Surface, element: dict, block_id: str | None) -> list[tuple[str, str]]:
    label = plain(element.get("text"), surface.names)
    made = surface.control(element, block_id, label)
    style = {"primary": "primary", "danger": "danger"}.get(str(element.get("style")), "button")
    shown = [(f"[{made.number} {label}]", style)]
    if element.get("url"):
        shown.append((f" ↗ {element['url']}", "dim"))
    return shown


def _element(surface: _Surface, element: dict, block_id: str | None, indent: int) -> None:
    """An interactive element outside an input block: a numbered control on its own line."""
    kind = str(element.get("type"))
    if kind in BUTTONS:
        surface.add(Line(tuple(_button(surface, element, block_id)), indent))
        return
    if kind == "image":
        surface.add(line((f"[image: {element.get('alt_text') or ''}]", "dim"), indent=indent))
        return
    label = plain(element.get("placeholder"), surface.names) or str(element.get("action_id"))
    made = surface.control(element, block_id, label)
    state = surface.state(block_id, element)
    surface.add(*_element_lines(made, state, surface.names, indent, numbered=True))


_PICKERS = {"datepicker": "date:", "timepicker": "time:", "datetimepicker": "date and time:"}


def _element_lines(
    control: Control, state: dict | None, names: Names, indent: int, *, numbered: bool
) -> list[Line]:
    """How an element shows its current value (filled state, else its initial value)."""
    element, kind = control.element, control.kind
    tag = f"{control.number} " if numbered else ""
    current = shown_value(element, state, names)
    if kind in CHOICES:
        marks = ("(•)", "( )") if kind == "radio_buttons" else ("[x]", "[ ]")
        chosen = set(current)
        parts = [
            f"{marks[0] if option_text(o, names) in chosen else marks[1]} {option_text(o, names)}"
            for o in control.options
        ]
        head = f"[{control.number}] " if numbered else ""
        return [line((head, "control"), ("  ".join(parts), ""), indent=indent)]
    glyph = "✎" if kind in TEXT_INPUTS else _PICKERS.get(kind, "▾")
    if kind == "overflow":
        head = [line((f"[{tag}⋯]", "control"), indent=indent)]
    elif not current:
        # Nothing in it yet: an ellipsis, and the placeholder Slack shows greyed out.
        placeholder = plain(element.get("placeholder"), names)
        head = [
            line(
                (f"[{tag}{glyph} …]", "control"),
                (f"  ({placeholder})" if placeholder else "", "dim"),
                indent=indent,
            )
        ]
    else:
        parts = ", ".join(current).split("\n")
        head = [line((f"[{tag}{glyph} ", "control"), (parts[0], "value"), indent=indent)]
        head.extend(line(("   ", ""), (more, "value"), indent=indent) for more in parts[1:])
        last = head[-1]
        head[-1] = Line((*last.segments, ("]", "control")), last.indent)
    if control.options:
        listed = " · ".join(option_text(o, names) for o in control.options)
        return [*head, line(("options: ", "dim"), (listed, ""), indent=indent + 2)]
    return head


def option_text(option: dict, names: Names) -> str:
    """The text an option shows."""
    return plain(option.get("text"), names)


def shown_value(element: dict, state: dict | None, names: Names) -> list[str]:
    """What an element holds, as texts: the filled state if any, else its initial value."""
    source = state if state is not None else _initial_state(element)
    if not source:
        return []
    if "selected_option" in source:
        chosen = source["selected_option"]
        return [option_text(chosen, names)] if chosen else []
    if "selected_options" in source:
        return [option_text(o, names) for o in source["selected_options"] or []]
    for key, prefix in (
        ("selected_user", "@"),
        ("selected_conversation", "#"),
        ("selected_channel", "#"),
    ):
        if source.get(key):
            lookup = names.user if prefix == "@" else names.channel
            return [prefix + lookup(source[key])]
    for key, prefix in (
        ("selected_users", "@"),
        ("selected_conversations", "#"),
        ("selected_channels", "#"),
    ):
        if source.get(key):
            lookup = names.user if prefix == "@" else names.channel
            return [prefix + lookup(i) for i in source[key]]
    for key in ("selected_date", "selected_time", "selected_date_time"):
        if source.get(key):
            return [str(source[key])]
    if source.get("rich_text_value"):
        return [rich_text_plain(source["rich_text_value"], names)]
    value = source.get("value")
    return [str(value)] if value not in (None, "") else []


def _initial_state(element: dict) -> dict | None:
    """An element's initial value in the shape of a state entry."""
    keys = {
        "initial_option": "selected_option",
        "initial_options": "selected_options",
        "initial_user": "selected_user",
        "initial_users": "selected_users",
        "initial_conversation": "selected_conversation",
        "initial_conversations": "selected_conversations",
        "initial_channel": "selected_channel",
        "initial_channels": "selected_channels",
        "initial_date": "selected_date",
        "initial_time": "selected_time",
        "initial_date_time": "selected_date_time",
        "initial_value": "value",
    }
    for initial, key in keys.items():
        if element.get(initial) is not None:
            if element.get("type") == "rich_text_input" and initial == "initial_value":
                return {"rich_text_value": element[initial]}
            return {key: element[initial]}
    return None


def _input(surface: _Surface, block: dict, indent: int) -> None:
    element = block.get("element") or {}
    label = plain(block.get("label"), surface.names)
    optional = bool(block.get("optional"))
    made = surface.control(
        element,
        block.get("block_id"),
        label,
        in_input=True,
        optional=optional,
        dispatch=bool(block.get("dispatch_action")),
    )
    heading = [(f"[{made.number}] ", "control"), (label, "field")]
    if optional:
        heading.append((" " + t("console.optional", surface.language), "dim"))
    surface.add(line(*heading, indent=indent))
    state = surface.state(block.get("block_id"), element)
    surface.add(*_element_lines(made, state, surface.names, indent + 4, numbered=False))
    hint = block.get("hint")
    if hint:
        surface.add(line((plain(hint, surface.names), "dim"), indent=indent + 4))
    error = surface.errors.get(str(block.get("block_id")))
    if error:
        surface.add(line(("⚠ " + error, "warning"), indent=indent + 4))


def _image(surface: _Surface, block: dict, indent: int) -> None:
    title = plain(block.get("title"), surface.names)
    text = f"[image: {block.get('alt_text') or title or block.get('image_url', '')}]"
    surface.add(line((text, "dim"), indent=indent))


def _file(surface: _Surface, block: dict, indent: int) -> None:
    surface.add(line((f"[file: {block.get('external_id') or ''}]", "dim"), indent=indent))


def _video(surface: _Surface, block: dict, indent: int) -> None:
    title = plain(block.get("title"), surface.names)
    surface.add(
        line(
            (f"[video: {title}] ", "dim"),
            (str(block.get("video_url") or ""), "link"),
            indent=indent,
        )
    )


def _markdown(surface: _Surface, block: dict, indent: int) -> None:
    for text in str(block.get("text") or "").split("\n"):
        surface.add(line(text, indent=indent))


def _rich_text(surface: _Surface, block: dict, indent: int) -> None:
    for text in rich_text_plain(block, surface.names).split("\n"):
        surface.add(line(text, indent=indent))


def rich_text_plain(block: dict, names: Names) -> str:
    """A rich_text block (or rich_text_value) flattened to text, lists and quotes marked."""
    out: list[str] = []
    for element in block.get("elements") or []:
        kind = element.get("type")
        if kind == "rich_text_list":
            ordered = element.get("style") == "ordered"
            for index, item in enumerate(element.get("elements") or [], 1):
                mark = f"{index}. " if ordered else "• "
                out.append(mark + _rich_section(item, names))
        elif kind == "rich_text_quote":
            out.append("│ " + _rich_section(element, names))
        else:
            out.append(_rich_section(element, names).rstrip("\n"))
    return "\n".join(out)


def _rich_section(section: dict, names: Names) -> str:
    parts = []
    for piece in section.get("elements") or []:
        kind = piece.get("type")
        if kind == "text":
            parts.append(piece.get("text", ""))
        elif kind == "user":
            parts.append("@" + names.user(piece.get("user_id", "")))
        elif kind == "channel":
            parts.append("#" + names.channel(piece.get("channel_id", "")))
        elif kind == "link":
            parts.append(piece.get("text") or piece.get("url", ""))
        elif kind == "emoji":
            parts.append(f":{piece.get('name', '')}:")
        elif kind == "broadcast":
            parts.append("@" + piece.get("range", "here"))
        elif "elements" in piece:
            parts.append(_rich_section(piece, names))
    return "".join(parts)


def _table(surface: _Surface, block: dict, indent: int) -> None:
    for row in block.get("rows") or []:
        cells = [
            rich_text_plain(cell, surface.names)
            if cell.get("type") == "rich_text"
            else str(cell.get("text") or "")
            for cell in row
        ]
        surface.add(line(" | ".join(cells), indent=indent))


def _unknown(surface: _Surface, block: dict, indent: int) -> None:
    surface.add(line((f"[{block.get('type')} block]", "dim"), indent=indent))


_BLOCKS = {
    "section": _section,
    "header": _header,
    "divider": _divider,
    "context": _context,
    "actions": _actions,
    "input": _input,
    "image": _image,
    "file": _file,
    "video": _video,
    "markdown": _markdown,
    "rich_text": _rich_text,
    "table": _table,
}


def render_message(message: dict[str, Any], names: Names, indent: int = BODY_INDENT) -> Rendered:
    """A message's body: its blocks (else its text), attachments, files and reactions."""
    blocks = message.get("blocks") or []
    if blocks:
        rendered = render_blocks(blocks, names, indent=indent)
    else:
        rendered = Rendered(mrkdwn_lines(str(message.get("text") or ""), names, indent))
    for attachment in message.get("attachments") or []:
        _attachment(rendered, attachment, names, indent)
    for item in message.get("files") or []:
        title = item.get("title") or item.get("name")
        name = item.get("name") or ""
        text = f"[file: {name}" + (f" — {title}" if title and title != name else "") + "]"
        rendered.lines.append(line((text, "file"), indent=indent))
    reactions = [f":{r['name']}: {r.get('count', 1)}" for r in message.get("reactions") or []]
    if reactions:
        rendered.lines.append(line(("  ".join(reactions), "dim"), indent=indent))
    return rendered


def _attachment(rendered: Rendered, attachment: dict, names: Names, indent: int) -> None:
    """A legacy attachment, with a bar in front of each of its lines."""
    lines: list[Line] = []
    for key in ("pretext", "title", "text"):
        if attachment.get(key):
            style = "bold" if key == "title" else ""
            lines.extend(mrkdwn_lines(str(attachment[key]), names, 0, style))
    for item in attachment.get("fields") or []:
        lines.append(
            line((f"{item.get('title', '')}: ", "bold"), unescape(str(item.get("value", ""))))
        )
    if attachment.get("blocks"):
        first = (rendered.controls[-1].number + 1) if rendered.controls else 1
        inner = render_blocks(attachment["blocks"], names, indent=0, first=first)
        lines.extend(inner.lines)
        rendered.controls.extend(inner.controls)
    if attachment.get("footer"):
        lines.append(line((str(attachment["footer"]), "dim")))
    for body in lines:
        rendered.lines.append(Line((("┃ ", "dim"), *body.segments), indent + body.indent))


def render_view(
    view: dict[str, Any],
    names: Names,
    *,
    values: dict[str, dict[str, dict]] | None = None,
    errors: dict[str, str] | None = None,
    language: str = "en",
) -> Rendered:
    """A modal or Home tab: its blocks, then the modal's submit and close buttons."""
    blocks = view.get("blocks") or []
    rendered = render_blocks(blocks, names, values=values, errors=errors, language=language)
    footer = []
    if view.get("type") == "modal":
        if view.get("submit"):
            footer.append((f"[submit: {plain(view['submit'], names)}]", "primary"))
        close = plain(view.get("close"), names) or t("console.cancel", language)
        if footer:
            footer.append(("  ", ""))
        footer.append((f"[close: {close}]", "button"))
        rendered.lines.append(Line(tuple(footer), BODY_INDENT))
    return rendered
