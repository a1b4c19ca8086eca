"""`/retro`: start a retrospective in the channel, close it, list past ones, export one.

`/retro [start] [title] [votes=N] [weeks=N]`, `/retro close`, `/retro history`,
`/retro export [number]`, `/retro help` (French words work too); a one-word title needs
`start`. Each answers in its ack; what needs Slack (posting the retro, opening the close
modal, uploading) runs after it, told what to do by the ack through Bolt's context.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import ephemeral
from bot.blocks.retro import mention
from bot.blocks.retro_followup import history_message
from bot.deps import Deps, deps_of
from bot.errors import InvalidInput
from bot.ids import Command
from bot.messages import t
from bot.retro.actions import load_history
from bot.retro.board import parse_start, start_retro
from bot.retro.export import export_filename, retro_markdown
from bot.retro.posting import LATER, may_close, open_close_modal, post_retro, read_board, team_today
from bot.subcommands import first_word, is_command_word
from bot.text import escape
from storage import retros as store

WORDS = {
    "start": "start",
    "demarrer": "start",
    "démarrer": "start",
    "lancer": "start",
    "close": "close",
    "clore": "close",
    "fermer": "close",
    "clôturer": "close",
    "cloturer": "close",
    "history": "history",
    "historique": "history",
    "export": "export",
    "exporter": "export",
    "help": "help",
    "aide": "help",
}


def register(app: App) -> None:
    """Attach `/retro`."""
    app.command(Command.RETRO)(ack=answer, lazy=[finish])


def split(text: str) -> tuple[str, str]:
    """The sub-command a text names and its arguments. A bare title starts a retro, but a
    lone word shaped like a command is one misspelt, or one /retro does not have: starting a
    retro in front of the channel would be the wrong answer."""
    word, rest = first_word(text)
    name = WORDS.get(word.lower())
    if name is not None:
        return name, rest
    if is_command_word(text):
        return "unknown", word
    return "start", text.strip()


def answer(ack: Ack, command: dict, client: WebClient, context: dict) -> None:
    """Route `/retro …` to its sub-command, which acks."""
    deps = deps_of(context)
    name, args = split(command.get("text") or "")
    language = deps.language_for(client, command["team_id"], command["user_id"])
    ANSWERS[name](ack, command, client, context, deps, language, args)


def finish(command: dict, client: WebClient, context: dict, respond: Respond) -> None:
    """What the ack left to do, after Slack got its response."""
    later = context.get(LATER)
    if not later:
        return
    deps = deps_of(context)
    language = deps.language_for(client, command["team_id"], command["user_id"])
    LATERS[later["do"]](command, client, respond, deps, language, later)


# -- start -------------------------------------------------------------------------------


def _start(
    ack: Ack,
    command: dict,
    client: WebClient,
    context: dict,
    deps: Deps,
    language: str,
    args: str,
) -> None:
    team_id, channel_id = command["team_id"], command["channel_id"]
    if channel_id.startswith("D"):
        ack(**ephemeral(t("retro.not_in_dm", language)))
        return
    try:
        options = parse_start(args)
    except InvalidInput as refusal:
        ack(**ephemeral(t(refusal.key, language, **refusal.params)))
        return
    now = deps.now()
    with deps.sessions.begin() as session:
        day = team_today(deps, session, team_id).isoformat()
        started = start_retro(
            session,
            team_id=team_id,
            channel_id=channel_id,
            user_id=command["user_id"],
            language=language,
            options=options,
            default_title=t("retro.default_title", language, day=day),
            now=now,
        )
    title = escape(started.title)
    if not started.created:
        link = f"<{started.permalink}|{title}>" if started.permalink else f"*{title}*"
        ack(**ephemeral(t("retro.already_open", language, link=link)))
        return
    context[LATER] = {"do": "post", "retro": started.retro_id}
    ack(**ephemeral(t("retro.started", language, title=title)))


def _post(
    command: dict, client: WebClient, respond: Respond, deps: Deps, language: str, later: dict
) -> None:
    error = post_retro(deps, client, command["team_id"], later["retro"])
    if error:
        respond(**ephemeral(t("retro.cannot_post", language, error=error)))


# -- close -------------------------------------------------------------------------------


def _close(
    ack: Ack,
    command: dict,
    client: WebClient,
    context: dict,
    deps: Deps,
    language: str,
    args: str,
) -> None:
    team_id, user_id = command["team_id"], command["user_id"]
    with deps.sessions() as session:
        retro = store.open_retro(session, team_id, command["channel_id"])
    if retro is None:
        ack(**ephemeral(t("retro.nothing_to_close", language)))
        return
    if not may_close(deps, client, team_id, user_id, retro.facilitator_id):
        facilitator = mention(retro.facilitator_id)
        ack(**ephemeral(t("retro.not_facilitator", language, facilitator=facilitator)))
        return
    context[LATER] = {"do": "close", "retro": retro.id}
    ack()


def _open_close_modal(
    command: dict, client: WebClient, respond: Respond, deps: Deps, language: str, later: dict
) -> None:
    open_close_modal(
        deps, client, command["team_id"], later["retro"], command["trigger_id"], language
    )


# -- history and export ------------------------------------------------------------------


def _history(
    ack: Ack,
    command: dict,
    client: WebClient,
    context: dict,
    deps: Deps,
    language: str,
    args: str,
) -> None:
    team_id = command["team_id"]
    with deps.sessions() as session:
        today = team_today(deps, session, team_id)
        lines = load_history(session, team_id, command["channel_id"], today)
    ack(**history_message(lines, language))


def _export(
    ack: Ack,
    command: dict,
    client: WebClient,
    context: dict,
    deps: Deps,
    language: str,
    args: str,
) -> None:
    team_id, channel_id = command["team_id"], command["channel_id"]
    wanted = args.strip().lstrip("#").removeprefix("n°")
    with deps.sessions() as session:
        if not wanted:
            found = store.channel_retros(session, team_id, channel_id, 1)
            retro = found[0] if found else None
        elif wanted.isascii() and wanted.isdigit() and len(wanted) <= 9:  # an int4 id
            retro = store.get_retro(session, team_id, int(wanted))
        else:
            retro = None
    if retro is None or retro.channel_id != channel_id:
        key = "retro.export_not_found" if wanted else "retro.export_none"
        ack(**ephemeral(t(key, language, value=escape(args.strip()[:20]))))
        return
    context[LATER] = {"do": "export", "retro": retro.id}
    ack(**ephemeral(t("retro.export_started", language, title=escape(retro.title))))


def _upload(
    command: dict, client: WebClient, respond: Respond, deps: Deps, language: str, later: dict
) -> None:
    team_id = command["team_id"]
    board, _ = read_board(deps, team_id, later["retro"])
    if board is None:
        return
    names = {}
    for owner in {action.owner_id for action in board.decided}:
        try:
            user = client.users_info(user=owner)["user"]
            names[owner] = user.get("real_name") or user.get("name") or owner
        except SlackApiError:
            names[owner] = owner
    try:
        client.files_upload_v2(
            channel=command["channel_id"],
            content=retro_markdown(board, names, language),
            filename=export_filename(board),
            title=t("retro.header", language, title=board.title),
            initial_comment=t(
                "retro.export_comment",
                language,
                title=escape(board.title),
                user=mention(command["user_id"]),
            ),
        )
    except SlackApiError as error:
        respond(**ephemeral(t("retro.export_failed", language, error=error.response.get("error"))))


def _help(
    ack: Ack,
    command: dict,
    client: WebClient,
    context: dict,
    deps: Deps,
    language: str,
    args: str,
) -> None:
    ack(**ephemeral(t("retro.help", language)))


def _unknown(
    ack: Ack,
    command: dict,
    client: WebClient,
    context: dict,
    deps: Deps,
    language: str,
    word: str,
) -> None:
    unknown = t("retro.unknown_word", language, word=escape(word))
    ack(**ephemeral(f"{unknown}\n{t('retro.help', language)}"))


Answer = Callable[..., None]

ANSWERS: dict[str, Answer] = {
    "start": _start,
    "close": _close,
    "history": _history,
    "export": _export,
    "help": _help,
    "unknown": _unknown,
}
LATERS: dict[str, Answer] = {"post": _post, "close": _open_close_modal, "export": _upload}
