"""Data rights: `/learning my-data` exports and deletes everything about a person; retention."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import String, select

from bot.fakeslack.payloads import state_value
from bot.ids import HomeAction, HomeBlock, HomeView, MyDataAction, MyDataBlock
from bot.scheduler import run_due_jobs
from storage.learnings import add_learning
from storage.models import (
    Base,
    CheckinAnswer,
    CheckinRound,
    CheckinSetting,
    Departure,
    DigestSetting,
    Handover,
    Learning,
    LearningReuse,
    Newcomer,
    OnboardingNudge,
    OnboardingResource,
    OnboardingSettings,
    ResourceDone,
    Retro,
    RetroAction,
    RetroEvidence,
    RetroFollowup,
    RetroItem,
    RetroVote,
    Schedule,
    Workspace,
)
from storage.my_data import PERSON_COLUMNS
from tests.home.helpers import open_home

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
# Names of columns that hold a person's Slack id, wherever they appear.
PERSON_COLUMN_NAMES = {
    "user_id",
    "author_id",
    "owner_id",
    "facilitator_id",
    "created_by",
    "updated_by",
    "requested_by",
    "successor_id",
    "closed_by",
}


def _seed_person(session, user: str, channel: str, other: str) -> dict[str, int]:
    """One row naming `user` in every table that can; texts carry the user id to find them."""
    learning = add_learning(
        session,
        team_id="T0001",
        text=f"learned by {user}",
        lever="other",
        source="command",
        user_id=user,
        channel_id="CGENERAL",
        now=NOW,
    )
    credited = add_learning(
        session,
        team_id="T0001",
        text=f"words of {user}, saved by a colleague",
        lever="other",
        source="shortcut",
        user_id=other,
        author_id=user,
        channel_id="CGENERAL",
        now=NOW,
    )
    anonymous = add_learning(
        session,
        team_id="T0001",
        text=f"anonymous note near {channel}",
        lever="other",
        source="command",
        user_id=None,
        channel_id="CGENERAL",
        now=NOW,
    )
    session.add(LearningReuse(team_id="T0001", learning_id=credited.id, user_id=user, kind="x"))
    retro = Retro(
        team_id="T0001",
        channel_id=channel,
        title=f"retro of {user}",
        facilitator_id=user,
        language="en",
        learnings_since=NOW,
        closed_by=user,
        status="closed",
    )
    session.add(retro)
    session.flush()
    item = RetroItem(
        team_id="T0001",
        retro_id=retro.id,
        column="went_well",
        text=f"item by {user}",
        lever="other",
        author_id=user,
    )
    session.add(item)
    session.flush()
    session.add(
        RetroVote(team_id="T0001", retro_id=retro.id, item_id=item.id, user_id=user, slot=1)
    )
    action = RetroAction(
        team_id="T0001",
        retro_id=retro.id,
        item_id=item.id,
        channel_id=channel,
        text=f"action of {user}",
        owner_id=user,
        due_on=date(2026, 12, 1),
    )
    session.add(action)
    session.flush()
    session.add(
        RetroFollowup(
            team_id="T0001", action_id=action.id, kind="reminder", for_date=date(2026, 12, 1)
        )
    )
    session.add(RetroEvidence(team_id="T0001", action_id=action.id, user_id=user, outcome="worked"))
    resource = OnboardingResource(
        team_id="T0001",
        title=f"guide by {user}",
        url="https://example.com",
        lever="onboarding",
        audience="all",
        day=0,
        position=1,
        created_by=user,
    )
    newcomer = Newcomer(team_id="T0001", user_id=user, source="team_join", started_at=NOW)
    session.add_all([resource, newcomer])
    session.flush()
    session.add(
        ResourceDone(team_id="T0001", newcomer_id=newcomer.id, resource_id=resource.id, done_at=NOW)
    )
    session.add(
        OnboardingNudge(
            team_id="T0001", newcomer_id=newcomer.id, day=0, status="sent", claimed_at=NOW
        )
    )
    session.add(
        Handover(
            team_id="T0001", user_id=user, requested_by=other, successor_id=other, created_at=NOW
        )
    )
    session.add(
        Handover(
            team_id="T0001", user_id=other, requested_by=user, successor_id=user, created_at=NOW
        )
    )
    session.add(Departure(team_id="T0001", user_id=user, deactivated_at=NOW))
    round_ = CheckinRound(
        team_id="T0001",
        channel_id=channel,
        cadence="monthly",
        period="2026-11",
        period_start=NOW,
        period_end=NOW,
        language="en",
        status="open",
    )
    session.add(round_)
    session.flush()
    session.add(
        CheckinAnswer(team_id="T0001", round_id=round_.id, lever="other", user_id=user, level=3)
    )
    session.add(
        Schedule(
            team_id="T0001", channel_id=channel, cron="0 9 * * 1", timezone="UTC", created_by=user
        )
    )
    session.add(CheckinSetting(team_id="T0001", channel_id=channel, created_by=user))
    session.flush()
    return {"learning": learning.id, "credited": credited.id, "anonymous": anonymous.id}


def _seed(bot) -> dict[str, dict[str, int]]:
    with bot.deps.sessions.begin() as session:
        alice = _seed_person(session, "UALICE", "CGENERAL", "UBRUNO")
        bruno = _seed_person(session, "UBRUNO", "CPRIVATE", "UADMIN")
        session.add(DigestSetting(team_id="T0001", channel_id="CGENERAL", created_by="UALICE"))
        session.add(OnboardingSettings(team_id="T0001", updated_by="UALICE"))
    return {"UALICE": alice, "UBRUNO": bruno}


def _where_named(bot, user: str) -> set[tuple[str, str]]:
    """(table, column) of every text column, in every table, holding exactly this user id."""
    found = set()
    with bot.deps.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if (
                    isinstance(column.type, String)
                    and session.execute(select(column).where(column == user).limit(1)).first()
                ):
                    found.add((table.name, column.name))
    return found


def _my_data(bot, user: str = "UALICE") -> dict:
    before = len(bot.slack.files)
    response = bot.requester.command("/learning", "my-data", user_id=user, channel_id="CGENERAL")
    assert response.status == 200
    bot.slack.wait_for("files.completeUploadExternal", before + 1)
    return response.json()


def _delete_button(answer: dict) -> dict:
    [button] = [
        element
        for block in answer["blocks"]
        for element in block.get("elements") or []
        if element.get("action_id") == MyDataAction.DELETE
    ]
    return button


def _click(bot, button: dict, user: str):
    before = len(bot.slack.responses)
    container = {"type": "message", "channel_id": "CGENERAL", "is_ephemeral": True}
    response = bot.requester.block_action(
        MyDataAction.DELETE,
        button["value"],
        user_id=user,
        channel_id="CGENERAL",
        container=container,
    )
    assert response.status == 200
    return bot.slack.wait_for_responses(before + 1)[before]


def test_every_column_naming_a_person_is_exported_and_forgotten():
    covered = {(model.__tablename__, name) for model, name, _ in PERSON_COLUMNS}
    covered.add(("learnings", "author_id"))
    named = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        if not table.name.startswith("slack_")
        for column in table.columns
        if column.name in PERSON_COLUMN_NAMES
    }
    assert named == covered


def test_my_data_exports_everything_about_the_person_and_nothing_about_others(bot):
    seeded = _seed(bot)
    answer = _my_data(bot)
    assert "JSON file of everything" in answer["text"]
    assert "anonymously hold no trace of you" in str(answer["blocks"])
    [upload] = bot.slack.files
    dm = bot.slack.calls_to("conversations.open")[-1].params["users"]
    assert dm == "UALICE" and upload["filename"].endswith(".json")
    export = json.loads(upload["content"])
    assert export["user_id"] == "UALICE"
    tables = export["tables"]
    # Every table where Alice is named is in the file, every row of it names her.
    assert {table for table, _ in _where_named(bot, "UALICE")} <= set(tables) | {
        "onboarding_nudges",
        "onboarding_done",
        "retro_followups",
    }
    for name in ("onboarding_nudges", "onboarding_done", "retro_followups"):
        assert len(tables[name]) == 1
    learned = {row["id"] for row in tables["learnings"]}
    assert learned == {seeded["UALICE"]["learning"], seeded["UALICE"]["credited"]}
    assert len(tables["handovers"]) == 2  # her debrief, and the one she asked of Bruno
    content = (
        upload["content"].decode() if isinstance(upload["content"], bytes) else upload["content"]
    )
    assert "UBRUNO" not in content and "UADMIN" not in content
    assert "learned by UBRUNO" not in content and "anonymous note" not in content
    assert "words of UALICE, saved by a colleague" in content


def test_delete_with_confirmation_leaves_nothing_that_names_the_person(bot):
    seeded = _seed(bot)
    bruno_before = _where_named(bot, "UBRUNO")
    button = _delete_button(_my_data(bot))
    assert button["value"] == "UALICE" and button["style"] == "danger"
    assert button["confirm"]["confirm"]["text"] == "Delete"
    answer = _click(bot, button, "UALICE")
    assert answer["text"].startswith("Done: 1 learnings you logged were deleted")
    assert _where_named(bot, "UALICE") == set()
    assert _where_named(bot, "UBRUNO") == bruno_before
    with bot.deps.sessions() as session:
        texts = set(session.scalars(select(Learning.text)))
        credited = session.get(Learning, seeded["UALICE"]["credited"])
    assert "learned by UALICE" not in texts
    assert "anonymous note near CGENERAL" in texts  # not hers to find
    assert credited.user_id == "UBRUNO" and credited.author_id is None
    assert "learned by UBRUNO" in texts
    # Asking again: the export is empty.
    _my_data(bot)
    assert json.loads(bot.slack.files[-1]["content"])["tables"] == {}


def test_another_user_cannot_delete_someone_elses_data(bot):
    _seed(bot)
    button = _delete_button(_my_data(bot))
    before = _where_named(bot, "UALICE")
    answer = _click(bot, button, "UBRUNO")
    assert answer["text"].startswith("Seule la personne concernée")  # Bruno reads French
    assert _where_named(bot, "UALICE") == before
    assert _where_named(bot, "UBRUNO")


def _learning(bot, team_id: str, text: str, when: datetime) -> None:
    with bot.deps.sessions.begin() as session:
        add_learning(
            session,
            team_id=team_id,
            text=text,
            lever="other",
            source="command",
            user_id="UALICE",
            channel_id="CGENERAL",
            now=when,
        )


def _settings_values(retention: str | None) -> dict:
    def option(value):
        return {"selected_option": {"value": value, "text": {"type": "plain_text", "text": value}}}

    return {
        HomeBlock.LANGUAGE: {HomeBlock.LANGUAGE: {"type": "static_select", **option("en")}},
        HomeBlock.TIMEZONE: {HomeBlock.TIMEZONE: {"type": "plain_text_input", "value": "UTC"}},
        HomeBlock.DIGEST_CHANNEL: {
            HomeBlock.DIGEST_CHANNEL: {
                "type": "conversations_select",
                "selected_conversation": None,
            }
        },
        HomeBlock.DIGEST_CADENCE: {
            HomeBlock.DIGEST_CADENCE: {"type": "static_select", **option("off")}
        },
        HomeBlock.ANONYMITY: {HomeBlock.ANONYMITY: {"type": "radio_buttons", **option("allowed")}},
        MyDataBlock.RETENTION: {MyDataBlock.RETENTION: state_value("plain_text_input", retention)},
    }


def _settings_modal(bot, user: str = "UADMIN") -> dict:
    home = open_home(bot, user)
    before = len(bot.slack.calls_to("views.open"))
    bot.requester.block_action(HomeAction.SETTINGS, user_id=user, view=home)
    bot.slack.wait_for("views.open", before + 1)
    modal = bot.slack.current_view(user)
    assert modal["callback_id"] == HomeView.SETTINGS
    return modal


def _retention(bot) -> int | None:
    with bot.deps.sessions() as session:
        workspace = session.get(Workspace, "T0001")
        return (workspace.settings or {}).get("retention_days") if workspace else None


def test_retention_purges_only_older_learnings_only_in_that_workspace(bot):
    modal = _settings_modal(bot)
    assert "0 keeps them forever" in str(modal["blocks"])
    response = bot.requester.view_submission(modal, _settings_values("90"), user_id="UADMIN")
    assert response.status == 200 and not response.body.strip()
    assert _retention(bot) == 90
    now = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
    _learning(bot, "T0001", "old one", now - timedelta(days=91))
    _learning(bot, "T0001", "recent one", now - timedelta(days=89))
    _learning(bot, "T0002", "old elsewhere", now - timedelta(days=400))
    run_due_jobs(bot.deps, now)
    run_due_jobs(bot.deps, now)  # twice: nothing more goes
    with bot.deps.sessions() as session:
        left = {(row.team_id, row.text) for row in session.scalars(select(Learning))}
    assert left == {("T0001", "recent one"), ("T0002", "old elsewhere")}
    home = open_home(bot, "UADMIN", count=2)
    assert "90 days" in str(home["blocks"])


def test_a_non_admin_cannot_set_retention(bot):
    modal = _settings_modal(bot)
    response = bot.requester.view_submission(modal, _settings_values("30"), user_id="UALICE")
    assert response.json()["response_action"] == "errors"
    assert _retention(bot) is None


def test_bad_retention_values_are_refused_next_to_the_field(bot):
    modal = _settings_modal(bot)
    for bad in ("ten", "10", "4000", "-30", "1.5"):
        response = bot.requester.view_submission(modal, _settings_values(bad), user_id="UADMIN")
        answer = response.json()
        assert answer["response_action"] == "errors"
        error = answer["errors"][MyDataBlock.RETENTION]
        assert f"`{bad}` is not a retention period" in error and "30 to 3650" in error
    assert _retention(bot) is None
    response = bot.requester.view_submission(modal, _settings_values(""), user_id="UADMIN")
    assert response.status == 200 and not response.body.strip()
    assert _retention(bot) == 0
