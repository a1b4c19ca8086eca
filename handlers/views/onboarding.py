"""Onboarding modals: an admin's resource and settings, a newcomer's fresh eyes.

Each submission is checked and stored in its ack, which answers with the field in error
(nothing stored) or closes the modal; refreshing App Home comes after, in a lazy listener.
"""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks.onboarding import parse_pair, thanks_view
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.ids import OnboardingBlock, OnboardingView, row_id
from bot.learning.capture import check_text
from bot.levers import Lever, lever_name
from bot.messages import t
from bot.onboarding.home import refresh_home
from bot.onboarding.rules import check_resource, parse_days
from storage.learnings import add_learning
from storage.onboarding import (
    add_resource,
    get_newcomer,
    get_resource,
    save_settings,
    update_resource,
)

# Where each refused field is shown in the resource modal.
FIELD_BLOCKS = {
    "title": OnboardingBlock.TITLE,
    "url": OnboardingBlock.URL,
    "description": OnboardingBlock.DESCRIPTION,
    "day": OnboardingBlock.DAY,
    "audience": OnboardingBlock.AUDIENCE,
    "lever": OnboardingBlock.LEVER,
}


def register(app: App) -> None:
    """Attach the onboarding modals."""
    app.view(OnboardingView.RESOURCE)(ack=save_resource, lazy=[_refresh])
    app.view(OnboardingView.SETTINGS)(ack=save_onboarding_settings, lazy=[_refresh])
    app.view(OnboardingView.FRESH_EYES)(save_fresh_eyes)


def state(view: dict, block_id: str) -> dict:
    """The state of the one element in an input block."""
    return (view.get("state", {}).get("values", {}).get(block_id) or {}).get(block_id) or {}


def text_of(view: dict, block_id: str) -> str:
    """A text input's value ('' when left empty)."""
    return state(view, block_id).get("value") or ""


def option_of(view: dict, block_id: str) -> str | None:
    """A select's chosen value."""
    return (state(view, block_id).get("selected_option") or {}).get("value")


def _who(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def _errors(ack: Ack, errors: dict[str, str]) -> None:
    ack(response_action="errors", errors=errors)


def save_resource(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    """Add or edit a resource; a bad field is named under it and nothing changes."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    language = deps.language_for(client, team_id, user_id)
    if not deps.is_admin(client, team_id, user_id):
        _errors(ack, {OnboardingBlock.TITLE: t("onboarding.admins_only", language)})
        return
    try:
        resource = check_resource(
            text_of(view, OnboardingBlock.TITLE),
            text_of(view, OnboardingBlock.URL),
            lever=option_of(view, OnboardingBlock.LEVER),
            day=text_of(view, OnboardingBlock.DAY),
            audience=option_of(view, OnboardingBlock.AUDIENCE) or "everyone",
            description=text_of(view, OnboardingBlock.DESCRIPTION),
        )
    except InvalidInput as refusal:
        block = FIELD_BLOCKS.get(refusal.field or "", OnboardingBlock.TITLE)
        _errors(ack, {block: t(refusal.key, language, **refusal.params)})
        return
    editing = view.get("private_metadata") or ""
    with deps.sessions.begin() as session:
        if (resource_id := row_id(editing)) is not None:
            row = get_resource(session, team_id, resource_id)
            if row is None:
                _errors(ack, {OnboardingBlock.TITLE: t("onboarding.resource_gone", language)})
                return
            update_resource(row, resource, deps.now())
        else:
            add_resource(session, team_id, resource, now=deps.now(), user_id=user_id)
    ack()


def save_onboarding_settings(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    """Save the onboarding channels and nudge days."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    language = deps.language_for(client, team_id, user_id)
    if not deps.is_admin(client, team_id, user_id):
        _errors(ack, {OnboardingBlock.DAYS: t("onboarding.admins_only", language)})
        return
    try:
        days = parse_days(text_of(view, OnboardingBlock.DAYS))
    except InvalidInput as refusal:
        _errors(ack, {OnboardingBlock.DAYS: t(refusal.key, language, **refusal.params)})
        return
    channels = state(view, OnboardingBlock.CHANNELS).get("selected_conversations") or []
    with deps.sessions.begin() as session:
        save_settings(
            session, team_id, now=deps.now(), user_id=user_id, channel_ids=channels, days=days
        )
    ack()


def _refresh(body: dict, client: WebClient, context: BoltContext) -> None:
    team_id, user_id = _who(body)
    refresh_home(deps_of(context), client, team_id, user_id)


def save_fresh_eyes(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    """Keep a newcomer's fresh eyes as onboarding learnings, without their name if they wish."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    language = deps.language_for(client, team_id, user_id)
    pair = parse_pair(view.get("private_metadata") or "")
    answers = [
        (tag, text_of(view, block).strip())
        for tag, block in (("surprised", OnboardingBlock.SURPRISED), ("wish", OnboardingBlock.WISH))
    ]
    answers = [(tag, text) for tag, text in answers if text]
    if not answers:
        _errors(ack, {OnboardingBlock.SURPRISED: t("onboarding.fresh_eyes_empty", language)})
        return
    blocks = {"surprised": OnboardingBlock.SURPRISED, "wish": OnboardingBlock.WISH}
    for number, (tag, text) in enumerate(answers):
        try:
            answers[number] = (tag, check_text(text))
        except InvalidInput as refusal:
            _errors(ack, {blocks[tag]: t(refusal.key, language, **refusal.params)})
            return
    anonymous = bool(state(view, OnboardingBlock.ANONYMOUS).get("selected_options"))
    with deps.sessions.begin() as session:
        newcomer = get_newcomer(session, team_id, pair[0]) if pair else None
        if newcomer is None or newcomer.user_id != user_id:
            _errors(ack, {OnboardingBlock.SURPRISED: t("onboarding.not_yours", language)})
            return
        for tag, text in answers:
            add_learning(
                session,
                team_id=team_id,
                text=text,
                lever=Lever.ONBOARDING.value,
                source="modal",
                user_id=None if anonymous else user_id,
                channel_id=None,
                tags=["fresh-eyes", tag],
                now=deps.now(),
            )
    thanks = t(
        "onboarding.fresh_eyes_thanks", language, lever=lever_name(Lever.ONBOARDING, language)
    )
    title = t("onboarding.fresh_eyes_title", language)
    ack(response_action="update", view=thanks_view(title, thanks, language))
