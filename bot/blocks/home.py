"""App Home: the member's view, the admins' settings, and the modals opened from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.blocks.checkins import result_line
from bot.blocks.common import context, lever_label, plain, section
from bot.blocks.my_data import retention_input, retention_value
from bot.ids import HomeAction, HomeBlock, HomeView
from bot.insights.checkins import MIN_ANSWERS, LeverResult
from bot.learning.search_query import MAX_QUERY_CHARS
from bot.levers import Lever
from bot.messages import t
from bot.prompts.schedules import MAX_TIMEZONE_CHARS
from bot.settings import LANGUAGES
from bot.text import escape, quote
from storage.admin_settings import ANONYMITY_POLICIES

ITEM_CHARS = 280  # a learning's excerpt in App Home
LIST_SHOWN = 15  # lines of an admin list


@dataclass(frozen=True)
class Item:
    """A learning as App Home lists it."""

    learning_id: int
    lever: str
    text: str
    day: str
    author_id: str | None
    useful: bool | None = None  # None: no button (one's own); False: button; True: marked


def home_view(blocks: list[dict]) -> dict:
    """The Home tab view."""
    return {"type": "home", "blocks": blocks}


def header(text: str) -> dict:
    """A section title."""
    return {"type": "header", "text": plain(text[:150])}


def more_line(key: str, language: str, **params: object) -> dict:
    """A context line saying that more exists than is shown."""
    return context(t(key, language, **params))


def intro(language: str) -> list[dict]:
    """The title, a line on what the bot is for, and the two buttons everyone has."""
    return [
        header(t("home.title", language)),
        section(t("home.intro", language)),
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": HomeAction.LOG_LEARNING,
                    "style": "primary",
                    "text": plain(t("home.log_button", language)),
                },
                {
                    "type": "button",
                    "action_id": HomeAction.SEARCH,
                    "text": plain(t("home.search_button", language)),
                },
            ],
        },
    ]


def item_block(item: Item, language: str, *, mine: bool = False) -> dict:
    """One learning: lever, day, author (unless it is the reader's list) and an excerpt."""
    lever = lever_label(item.lever, language)
    text_quote = quote(item.text, ITEM_CHARS)
    if mine:
        text = t("home.item_mine", language, lever=lever, date=item.day, quote=text_quote)
    else:
        author = f"<@{item.author_id}>" if item.author_id else t("common.anonymous", language)
        text = t("home.item", language, lever=lever, date=item.day, author=author, quote=text_quote)
    if item.useful:
        text += "\n" + t("home.found_useful", language)
    block = section(text)
    if item.useful is False:
        block["accessory"] = {
            "type": "button",
            "action_id": HomeAction.USEFUL,
            "text": plain(t("home.useful_button", language)),
            "value": str(item.learning_id),
        }
    return block


def mine_section(items: Sequence[Item], total: int, language: str) -> list[dict]:
    """The reader's latest learnings."""
    blocks = [header(t("home.mine_title", language))]
    if not items:
        return [*blocks, section(t("home.mine_empty", language))]
    blocks += [item_block(item, language, mine=True) for item in items]
    if total > len(items):
        blocks.append(more_line("home.mine_more", language, count=total - len(items)))
    return blocks


def team_section(
    by_lever: Sequence[tuple[Lever, Sequence[Item], int]], language: str
) -> list[dict]:
    """The latest learnings of each lever; `int` is how many more the lever holds."""
    blocks = [header(t("home.team_title", language))]
    empty = []
    for lever, items, more in by_lever:
        if not items:
            empty.append(lever_label(lever, language))
            continue
        blocks += [item_block(item, language) for item in items]
        if more > 0:
            blocks.append(
                more_line(
                    "home.lever_more", language, count=more, lever=lever_label(lever, language)
                )
            )
    if empty:
        blocks.append(context(t("home.team_empty", language, levers=", ".join(empty))))
    return blocks


def stand_section(period: str | None, found: Sequence[LeverResult], language: str) -> list[dict]:
    """Where we stand: the latest closed check-in, one field per lever."""
    blocks = [header(t("home.stand_title", language))]
    if period is None:
        return [*blocks, section(t("home.stand_none", language))]
    blocks.append(context(t("home.stand_period", language, period=period, min=MIN_ANSWERS)))
    fields = [{"type": "mrkdwn", "text": result_line(result, language)} for result in found]
    blocks.append({"type": "section", "fields": fields[:10]})
    return blocks


@dataclass(frozen=True)
class SettingsView:
    """What the admins' settings section shows."""

    language: str | None
    timezone: str | None
    digest_channel: str | None
    digest_cadence: str
    digest_problem: str | None
    anonymity: str
    retention_days: int = 0


def settings_section(view: SettingsView, default: str, language: str) -> list[dict]:
    """The workspace settings, and a button to change them."""
    language_value = t(f"home.language_{view.language}", language) if view.language else default
    if view.digest_channel and view.digest_cadence != "off":
        digest = t(
            "home.digest_value",
            language,
            cadence=t(f"digest.{view.digest_cadence}", language),
            channel=view.digest_channel,
        )
    else:
        digest = t("home.digest_off", language)
    fields = [
        t("home.language", language, value=language_value),
        t("home.timezone", language, value=escape(view.timezone or default)),
        t("home.digest", language, value=digest),
        t("home.anonymity", language, value=t(f"home.anonymity_{view.anonymity}", language)),
        t("my_data.retention", language, value=retention_value(view.retention_days, language)),
    ]
    blocks = [
        header(t("home.settings_title", language)),
        {
            "type": "section",
            "fields": [{"type": "mrkdwn", "text": field} for field in fields],
            "accessory": {
                "type": "button",
                "action_id": HomeAction.SETTINGS,
                "text": plain(t("home.settings_button", language)),
            },
        },
    ]
    if view.digest_problem and view.digest_channel:
        blocks.append(
            context(
                t(
                    "home.digest_problem",
                    language,
                    channel=view.digest_channel,
                    reason=view.digest_problem,
                )
            )
        )
    return blocks


def list_section(title: str, lines: Sequence[str], empty: str, language: str) -> list[dict]:
    """A titled list in one section, capped so it stays within a section's 3,000 characters."""
    if not lines:
        return [header(title), section(empty)]
    shown = list(lines[:LIST_SHOWN])
    text = "\n".join(f"• {line}" for line in shown)
    blocks = [header(title), section(text[:2900])]
    if len(lines) > len(shown):
        blocks.append(more_line("home.list_more", language, count=len(lines) - len(shown)))
    return blocks


def settings_modal(view: SettingsView, default_timezone: str, language: str) -> dict:
    """Language, time zone, digest channel and rhythm, anonymity, retention: for admins."""
    languages = [
        {"text": plain(t(f"home.language_{code}", language)), "value": code} for code in LANGUAGES
    ]
    language_select: dict = {
        "type": "static_select",
        "action_id": HomeBlock.LANGUAGE,
        "options": languages,
    }
    if view.language in LANGUAGES:
        language_select["initial_option"] = languages[LANGUAGES.index(view.language)]
    cadences = [
        {"text": plain(t(f"digest.{code}", language)), "value": code}
        for code in ("weekly", "monthly")
    ] + [{"text": plain(t("home.digest_off", language)), "value": "off"}]
    chosen = {"weekly": 0, "monthly": 1}.get(view.digest_cadence, 2)
    channel_select: dict = {
        "type": "conversations_select",
        "action_id": HomeBlock.DIGEST_CHANNEL,
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if view.digest_channel:
        channel_select["initial_conversation"] = view.digest_channel
    policies = [
        {"text": plain(t(f"home.anonymity_{code}", language)), "value": code}
        for code in ANONYMITY_POLICIES
    ]
    return {
        "type": "modal",
        "callback_id": HomeView.SETTINGS,
        "title": plain(t("home.settings_modal_title", language)),
        "submit": plain(t("common.save", language)),
        "close": plain(t("common.cancel", language)),
        "blocks": [
            _input(HomeBlock.LANGUAGE, t("home.language_label", language), language_select),
            _input(
                HomeBlock.TIMEZONE,
                t("home.timezone_label", language),
                {
                    "type": "plain_text_input",
                    "action_id": HomeBlock.TIMEZONE,
                    "initial_value": view.timezone or default_timezone,
                    "max_length": MAX_TIMEZONE_CHARS,
                },
                hint=t("home.timezone_hint", language),
            ),
            _input(
                HomeBlock.DIGEST_CHANNEL,
                t("home.digest_channel_label", language),
                channel_select,
                optional=True,
            ),
            _input(
                HomeBlock.DIGEST_CADENCE,
                t("home.digest_cadence_label", language),
                {
                    "type": "static_select",
                    "action_id": HomeBlock.DIGEST_CADENCE,
                    "options": cadences,
                    "initial_option": cadences[chosen],
                },
            ),
            _input(
                HomeBlock.ANONYMITY,
                t("home.anonymity_label", language),
                {
                    "type": "radio_buttons",
                    "action_id": HomeBlock.ANONYMITY,
                    "options": policies,
                    "initial_option": policies[ANONYMITY_POLICIES.index(view.anonymity)],
                },
            ),
            retention_input(view.retention_days, language),
        ],
    }


def _input(
    block_id: str, label: str, element: dict, *, optional: bool = False, hint: str | None = None
) -> dict:
    block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def search_modal(
    language: str,
    query: str = "",
    results: Sequence[Item] | None = None,
    limit: int = 10,
    *,
    searching: bool = False,
) -> dict:
    """A search box, and once searched, the newest matching learnings the reader may see."""
    box: dict = {
        "type": "plain_text_input",
        "action_id": HomeBlock.QUERY,
        "max_length": MAX_QUERY_CHARS,
    }
    if query:
        box["initial_value"] = query
    blocks = [_input(HomeBlock.QUERY, t("home.query_label", language), box)]
    if searching:
        blocks.append(context(t("home.searching", language)))
    elif results is not None:
        shown = escape(query)
        if results:
            blocks.append(context(t("home.search_results", language, query=shown, limit=limit)))
            blocks += [item_block(item, language) for item in results]
        else:
            blocks.append(section(t("home.search_none", language, query=shown)))
    return {
        "type": "modal",
        "callback_id": HomeView.SEARCH,
        "private_metadata": language,
        "title": plain(t("home.search_title", language)[:24]),
        "submit": plain(t("home.search_submit", language)),
        "close": plain(t("home.close", language)),
        "blocks": blocks,
    }
