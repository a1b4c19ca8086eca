"""`/learning checkin [weekly|monthly|quarterly|off]` and `/learning digest [weekly|monthly|off]`.

`checkin` turns this channel's "where do we stand" check-ins on (monthly by default), changes
their rhythm or turns them off; anyone may turn them on, only an admin or whoever set them up
may change them. `digest` makes this channel the digest's (admins only). Both answer in their
ack (a database write); whether the bot can post in the channel is checked after.
"""

from __future__ import annotations

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.blocks.common import ephemeral
from bot.blocks.digest import digest_set_text
from bot.deps import deps_of
from bot.errors import InvalidInput
from bot.insights.checkins import DEFAULT_CADENCE, OFF, parse_cadence
from bot.insights.digest import DIGEST_CADENCES
from bot.insights.digest_job import channel_problem
from bot.messages import t
from handlers.commands.learning import SUBCOMMANDS, Subcommand
from storage.checkins import get_setting, set_cadence
from storage.digests import get_digest_setting, set_digest, set_problem


def register(_app: App) -> None:
    """Add `checkin` and `digest` to `/learning`'s sub-commands."""
    SUBCOMMANDS["checkin"] = Subcommand(
        answer=answer_checkin, later=later_checkin, usage="checkin.usage"
    )
    SUBCOMMANDS["digest"] = Subcommand(
        answer=answer_digest, later=later_digest, usage="digest.usage"
    )


def _first_word(args: str) -> str:
    return args.split()[0] if args.split() else ""


def answer_checkin(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """Turn check-ins on, change their rhythm, or turn them off, in this channel."""
    deps = deps_of(context)
    team_id, user_id, channel_id = command["team_id"], command["user_id"], command["channel_id"]
    language = deps.language_for(client, team_id, user_id)
    try:
        cadence = parse_cadence(_first_word(args)) if args.strip() else DEFAULT_CADENCE
    except InvalidInput as refusal:
        ack(**ephemeral(t(refusal.key, language, **refusal.params)))
        return
    with deps.sessions() as session:
        setting = get_setting(session, team_id, channel_id)
        owner = setting.created_by if setting and setting.cadence != OFF else None
    if owner and owner != user_id and not deps.is_admin(client, team_id, user_id):
        ack(**ephemeral(t("checkin.not_allowed", language, user=owner)))
        return
    with deps.sessions.begin() as session:
        set_cadence(session, team_id, channel_id, cadence, user_id, deps.now())
    if cadence == OFF:
        ack(**ephemeral(t("checkin.turned_off", language)))
    else:
        rhythm = t(f"checkin.{cadence}", language)
        ack(**ephemeral(t("checkin.turned_on", language, cadence=rhythm)))


def later_checkin(command: dict, client: WebClient, context: dict, args: str) -> None:
    """Say at once when the bot is not in the channel, rather than failing silently later."""
    deps = deps_of(context)
    with deps.sessions() as session:
        setting = get_setting(session, command["team_id"], command["channel_id"])
        on = setting is not None and setting.cadence != OFF
    if on and channel_problem(client, command["channel_id"]) is not None:
        language = deps.language_for(client, command["team_id"], command["user_id"])
        Respond(response_url=command["response_url"])(
            **ephemeral(t("checkin.not_in_channel", language)), replace_original=False
        )


def answer_digest(ack: Ack, command: dict, client: WebClient, context: dict, args: str) -> None:
    """Admins: post the digest in this channel, weekly (default) or monthly, or stop it."""
    deps = deps_of(context)
    team_id, user_id, channel_id = command["team_id"], command["user_id"], command["channel_id"]
    language = deps.language_for(client, team_id, user_id)
    if not deps.is_admin(client, team_id, user_id):
        ack(**ephemeral(t("digest.admin_only", language)))
        return
    word = _first_word(args) or "weekly"
    try:
        cadence = parse_cadence(word)
        if cadence not in (*DIGEST_CADENCES, OFF):
            raise InvalidInput("digest.bad_cadence", field="cadence", value=word[:20])
    except InvalidInput:
        ack(**ephemeral(t("digest.bad_cadence", language, value=word[:20])))
        return
    with deps.sessions.begin() as session:
        if cadence == OFF:
            current = get_digest_setting(session, team_id)
            channel = current.channel_id if current else None
            set_digest(session, team_id, channel, OFF, user_id, deps.now())
        else:
            set_digest(session, team_id, channel_id, cadence, user_id, deps.now())
    if cadence == OFF:
        ack(**ephemeral(t("digest.turned_off", language)))
    else:
        ack(**ephemeral(digest_set_text(cadence, language)))


def later_digest(command: dict, client: WebClient, context: dict, args: str) -> None:
    """Check the bot can post in the digest channel; say so now if it cannot."""
    deps = deps_of(context)
    team_id = command["team_id"]
    with deps.sessions() as session:
        setting = get_digest_setting(session, team_id)
        on = setting is not None and setting.cadence != OFF
        channel_id = setting.channel_id if setting else None
    if not on or channel_id != command["channel_id"]:
        return
    problem = channel_problem(client, channel_id)
    with deps.sessions.begin() as session:
        set_problem(session, team_id, problem)
    if problem is not None:
        language = deps.language_for(client, team_id, command["user_id"])
        Respond(response_url=command["response_url"])(
            **ephemeral(t("digest.not_member", language, channel=channel_id)),
            replace_original=False,
        )
