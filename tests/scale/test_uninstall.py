"""Uninstall: schedules stop and tokens go at once; data is kept 30 days, then purged."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.scheduler import run_due_jobs
from bot.workspaces.install import RETENTION
from storage.learnings import add_learning
from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Learning, Schedule, Workspace
from tests.scale.install_flow import install
from tests.support.processes import learnloop_env, run_learnloop


def _workspace_with_data(bot, team_id: str, channel_id: str) -> None:
    with bot.deps.sessions.begin() as session:
        add_learning(
            session,
            team_id=team_id,
            text=f"what {team_id} learned",
            lever="retention",
            source="command",
            user_id="UALICE",
            channel_id=channel_id,
        )
        session.add(
            Schedule(team_id=team_id, channel_id=channel_id, cron="0 9 * * MON", timezone="UTC")
        )


def _count(session, table, team_id):
    return session.scalar(select(func.count()).select_from(table).where(table.c.team_id == team_id))


def _two_installed_workspaces(oauth_bot, slack):
    install(oauth_bot, "T0001", slack.bot_token)
    install(oauth_bot, "T0002", "xoxb-second")
    _workspace_with_data(oauth_bot, "T0001", "CGENERAL")
    _workspace_with_data(oauth_bot, "T0002", "CTEAM2")


def test_uninstall_stops_schedules_and_deletes_tokens_but_keeps_the_data(oauth_bot, slack, clock):
    _two_installed_workspaces(oauth_bot, slack)
    assert oauth_bot.deps.client_for("T0001").token == slack.bot_token

    response = oauth_bot.requester.event({"type": "app_uninstalled"}, team_id="T0001")
    assert response.status == 200

    with oauth_bot.deps.sessions() as session:
        schedules = {s.team_id: s for s in session.scalars(select(Schedule))}
        assert (schedules["T0001"].enabled, schedules["T0001"].paused_reason) == (
            False,
            "uninstalled",
        )
        assert (schedules["T0002"].enabled, schedules["T0002"].paused_reason) == (True, None)
        for table in (SLACK_BOTS, SLACK_INSTALLATIONS):
            assert _count(session, table, "T0001") == 0
            assert _count(session, table, "T0002") == 1
        assert session.get(Workspace, "T0001").uninstalled_at == clock.current
        assert session.get(Workspace, "T0002").uninstalled_at is None
        assert session.scalar(select(func.count()).select_from(Learning)) == 2
    assert oauth_bot.deps.client_for("T0001").token is None
    assert oauth_bot.deps.client_for("T0002").token == "xoxb-second"

    # Reinstalled within the retention period: the data is there and the schedules resume.
    install(oauth_bot, "T0001", slack.bot_token)
    with oauth_bot.deps.sessions() as session:
        schedule = session.scalars(select(Schedule).where(Schedule.team_id == "T0001")).one()
        assert (schedule.enabled, schedule.paused_reason) == (True, None)
        assert session.get(Workspace, "T0001").uninstalled_at is None


def test_a_revoked_bot_token_stops_the_workspace_like_an_uninstall(oauth_bot, slack):
    _two_installed_workspaces(oauth_bot, slack)
    oauth_bot.requester.event(
        {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UB0002"]}}, team_id="T0002"
    )
    with oauth_bot.deps.sessions() as session:
        assert _count(session, SLACK_BOTS, "T0002") == 0
        assert _count(session, SLACK_BOTS, "T0001") == 1
        paused = session.scalars(select(Schedule.team_id).where(Schedule.enabled.is_(False)))
        assert list(paused) == ["T0002"]


def test_the_clock_purges_a_workspace_30_days_after_it_uninstalled(oauth_bot, slack, clock):
    _two_installed_workspaces(oauth_bot, slack)
    oauth_bot.requester.event({"type": "app_uninstalled"}, team_id="T0001")
    uninstalled_at = clock.current

    run_due_jobs(oauth_bot.deps, uninstalled_at + RETENTION - timedelta(minutes=1))
    with oauth_bot.deps.sessions() as session:
        assert session.get(Workspace, "T0001") is not None
        assert session.scalar(select(func.count()).select_from(Learning)) == 2

    run_due_jobs(oauth_bot.deps, uninstalled_at + RETENTION + timedelta(minutes=1))
    with oauth_bot.deps.sessions() as session:
        assert session.get(Workspace, "T0001") is None
        assert list(session.scalars(select(Learning.team_id))) == ["T0002"]
        assert list(session.scalars(select(Schedule.team_id))) == ["T0002"]
        assert session.get(Workspace, "T0002") is not None


def test_purge_deletes_every_row_of_one_workspace_at_once(bot, database_url, tmp_path):
    _workspace_with_data(bot, "T0001", "CGENERAL")
    _workspace_with_data(bot, "T0002", "CTEAM2")
    env = learnloop_env(None, database_url)

    result = run_learnloop(["purge", "--team", "T0001"], env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "purged workspace T0001: 3 rows deleted"
    with bot.deps.sessions() as session:
        assert list(session.scalars(select(Workspace.team_id))) == ["T0002"]
        assert list(session.scalars(select(Learning.team_id))) == ["T0002"]
        assert list(session.scalars(select(Schedule.team_id))) == ["T0002"]

    again = run_learnloop(["purge", "--team", "T0001"], env, tmp_path)
    assert again.stdout == "nothing stored for workspace T0001\n"
