"""Onboarding buttons: a newcomer's Done, Stop and fresh eyes; admins' resources and settings.

Each click is acknowledged at once; the work (database, then Slack) runs in a lazy listener.
"""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.onboarding import fresh_eyes_modal, mark_done, parse_pair
from bot.blocks.onboarding_admin import parse_menu_choice, resource_modal, settings_modal
from bot.deps import Deps, deps_of
from bot.ids import OnboardingAction, row_id
from bot.messages import t
from bot.onboarding.home import add_home_sections, refresh_home
from bot.onboarding.newcomers import record_done, resource_card, send_dm, stop_path
from bot.onboarding.rules import DEFAULT_DAYS
from handlers.modals import open_modal
from storage.onboarding import (
    configured_days,
    get_newcomer,
    get_resource,
    move_resource,
    onboarding_channels,
    remove_resource,
)


def register(app: App) -> None:
    """Attach the onboarding actions, and contribute onboarding's App Home sections."""
    app.action(OnboardingAction.DONE)(ack=_ack, lazy=[done])
    app.action(OnboardingAction.STOP)(ack=_ack, lazy=[stop])
    app.action(OnboardingAction.FRESH_EYES)(ack=_ack, lazy=[open_fresh_eyes])
    app.action(OnboardingAction.ADD_RESOURCE)(ack=_ack, lazy=[open_new_resource])
    app.action(OnboardingAction.RESOURCE_MENU)(ack=_ack, lazy=[resource_menu])
    app.action(OnboardingAction.OPEN_SETTINGS)(ack=_ack, lazy=[open_settings])
    add_home_sections()


def _ack(ack: Ack) -> None:
    ack()


def _who(body: dict) -> tuple[str, str]:
    return body["team"]["id"], body["user"]["id"]


def _tell(body: dict, respond: Respond, client: WebClient, text: str) -> None:
    """An answer only the clicker sees: in place of a message's response, else by DM."""
    if body.get("response_url"):
        respond(text=text, response_type="ephemeral", replace_original=False)
    else:
        send_dm(client, body["user"]["id"], text=text)


# -- newcomers -----------------------------------------------------------------------------


def done(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Mark a resource done; the message shows it, and a finished path says so."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    pair = parse_pair(action.get("value") or "")
    if pair is None:
        return
    newcomer_id, resource_id = pair
    language = deps.language_for(client, team_id, user_id)
    with deps.sessions.begin() as session:
        outcome = record_done(session, team_id, user_id, newcomer_id, resource_id, deps.now())
    if outcome.refusal:
        _tell(body, respond, client, t(outcome.refusal, language))
        return
    message = body.get("message")
    if message and body.get("response_url"):
        blocks = mark_done(message.get("blocks") or [], resource_id, language)
        respond(text=message.get("text") or "", blocks=blocks, replace_original=True)
    else:
        refresh_home(deps, client, team_id, user_id)
    if outcome.finished:
        send_dm(client, user_id, text=t("onboarding.all_done", language))


def stop(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """The newcomer opts out of further nudges."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    language = deps.language_for(client, team_id, user_id)
    newcomer_id = row_id(action.get("value"))
    if newcomer_id is None:
        return
    with deps.sessions.begin() as session:
        refusal = stop_path(session, team_id, user_id, newcomer_id, deps.now())
    _tell(body, respond, client, t(refusal or "onboarding.stopped", language))


def open_fresh_eyes(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Open the fresh-eyes questions for the newcomer they were asked of."""
    deps = deps_of(context)
    team_id, user_id = _who(body)
    pair = parse_pair(action.get("value") or "")
    if pair is None:
        return
    newcomer_id, day = pair
    language = deps.language_for(client, team_id, user_id)
    with deps.sessions() as session:
        newcomer = get_newcomer(session, team_id, newcomer_id)
        mine = newcomer is not None and newcomer.user_id == user_id
    if not mine:
        _tell(body, respond, client, t("onboarding.not_yours", language))
        return
    view = fresh_eyes_modal(newcomer_id, day, language)
    open_modal(client, body["trigger_id"], view, "fresh-eyes")


# -- admins --------------------------------------------------------------------------------


def _admin_language(deps: Deps, body: dict, respond: Respond, client: WebClient) -> str | None:
    """The admin's language, or None (and a refusal said) for anyone else."""
    team_id, user_id = _who(body)
    language = deps.language_for(client, team_id, user_id)
    if not deps.is_admin(client, team_id, user_id):
        _tell(body, respond, client, t("onboarding.admins_only", language))
        return None
    return language


def open_new_resource(
    body: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Open the modal that adds a resource."""
    language = _admin_language(deps_of(context), body, respond, client)
    if language is not None:
        open_modal(client, body["trigger_id"], resource_modal(language), "resource")


def resource_menu(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Edit, move or remove a resource from the library."""
    deps = deps_of(context)
    language = _admin_language(deps, body, respond, client)
    choice = parse_menu_choice((action.get("selected_option") or {}).get("value") or "")
    if language is None or choice is None:
        return
    what, resource_id = choice
    team_id, user_id = _who(body)
    with deps.sessions.begin() as session:
        if what == "edit":
            row = get_resource(session, team_id, resource_id)
            resource = resource_card(row) if row else None
        elif what == "remove":
            resource = None
            remove_resource(session, team_id, resource_id)
        else:
            resource = None
            move_resource(session, team_id, resource_id, -1 if what == "up" else 1)
    if what == "edit":
        if resource is None:
            _tell(body, respond, client, t("onboarding.resource_gone", language))
        else:
            open_modal(client, body["trigger_id"], resource_modal(language, resource), "resource")
        return
    refresh_home(deps, client, team_id, user_id)


def open_settings(body: dict, respond: Respond, client: WebClient, context: BoltContext) -> None:
    """Open the onboarding channels and nudge days."""
    deps = deps_of(context)
    language = _admin_language(deps, body, respond, client)
    if language is None:
        return
    team_id, _user_id = _who(body)
    with deps.sessions() as session:
        channels = onboarding_channels(session, team_id)
        days = configured_days(session, team_id) or list(DEFAULT_DAYS)
    view = settings_modal(language, channels, days)
    open_modal(client, body["trigger_id"], view, "onboarding settings")
