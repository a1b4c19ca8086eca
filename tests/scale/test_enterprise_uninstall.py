"""Enterprise Grid: an organisation-wide install serves every workspace of the organisation,
and removing it stops every one of them (schedules paused, data kept 30 days)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.models import SLACK_BOTS, SLACK_INSTALLATIONS, Schedule, Workspace
from tests.prompts.support import message_event
from tests.scale.install_flow import install

ORG = "E0001"
ORG_TOKEN = "xoxb-organisation"


def _org_authorizations(team_id: str | None) -> list[dict]:
    """What Slack puts in an event of an organisation-wide install."""
    return [
        {
            "enterprise_id": ORG,
            "team_id": team_id,
            "user_id": "UB0003",
            "is_bot": True,
            "is_enterprise_install": True,
        }
    ]


def _seen_in_org(bot, team_id: str) -> None:
    """A workspace of the organisation sends an event (a plain channel message)."""
    event = message_event("CORG", "UORG", "hello", "1700000000.000100", None)
    response = bot.requester.event(
        event, team_id=team_id, authorizations=_org_authorizations(team_id)
    )
    assert response.status == 200


def _schedule(bot, team_id: str) -> None:
    with bot.deps.sessions.begin() as session:
        session.add(
            Schedule(team_id=team_id, channel_id="CORG", cron="0 9 * * MON", timezone="UTC")
        )


def _schedules(bot) -> dict[str, tuple[bool, str | None]]:
    with bot.deps.sessions() as session:
        rows = session.scalars(select(Schedule))
        return {row.team_id: (row.enabled, row.paused_reason) for row in rows}


def _tokens(bot) -> set[tuple[str | None, str | None]]:
    with bot.deps.sessions() as session:
        rows = session.execute(select(SLACK_BOTS.c.enterprise_id, SLACK_BOTS.c.team_id)).all()
        return {tuple(row) for row in rows}


def _organisation(bot, slack):
    """T0003 and T0004 served by the organisation's install; T0005 of the same organisation
    with an install of its own; T0001 outside it."""
    slack.add_workspace("T0004", "xoxb-fake-only-4", enterprise_id=ORG)
    page = install(bot, "T0003", ORG_TOKEN, enterprise_id=ORG, org_wide=True)
    assert page.status == 200, page.text
    install(bot, "T0005", "xoxb-own-5", enterprise_id=ORG)
    install(bot, "T0001", slack.bot_token)
    # Slack never lists an organisation's workspaces: learnloop learns them from their requests.
    assert bot.deps.client_for("T0004").token is None
    for team in ("T0003", "T0004"):
        _seen_in_org(bot, team)
    for team in ("T0001", "T0003", "T0004", "T0005"):
        _schedule(bot, team)


def test_an_organisation_wide_install_serves_the_workspaces_it_has_seen(oauth_bot, slack):
    _organisation(oauth_bot, slack)
    with oauth_bot.deps.sessions() as session:
        assert session.get(Workspace, "T0004").enterprise_id == ORG
        installs = session.execute(
            select(SLACK_INSTALLATIONS.c.team_id, SLACK_INSTALLATIONS.c.is_enterprise_install)
        ).all()
        assert (None, True) in installs
    for team in ("T0003", "T0004"):
        assert oauth_bot.deps.client_for(team).token == ORG_TOKEN
    assert oauth_bot.deps.client_for("T0005").token == "xoxb-own-5"


@pytest.mark.parametrize("how", ["app_uninstalled", "tokens_revoked"])
def test_removing_the_organisation_install_stops_every_workspace_it_served(
    oauth_bot, slack, clock, how
):
    _organisation(oauth_bot, slack)
    event = {"type": how}
    if how == "tokens_revoked":
        event["tokens"] = {"oauth": [], "bot": ["UB0003"]}
    response = oauth_bot.requester.event(
        event, team_id="T0003", authorizations=_org_authorizations(None)
    )
    assert response.status == 200

    assert _schedules(oauth_bot) == {
        "T0001": (True, None),
        "T0003": (False, "uninstalled"),
        "T0004": (False, "uninstalled"),
        "T0005": (True, None),  # its own install is still there
    }
    assert _tokens(oauth_bot) == {(None, "T0001"), (ORG, "T0005")}
    with oauth_bot.deps.sessions() as session:
        rows = session.execute(select(Workspace.team_id, Workspace.uninstalled_at)).all()
    assert dict(rows) == {
        "T0001": None,
        "T0003": clock.current,
        "T0004": clock.current,
        "T0005": None,
    }
    for team in ("T0003", "T0004"):
        assert oauth_bot.deps.client_for(team).token is None

    # The organisation installs the app again: every workspace it serves resumes.
    assert install(oauth_bot, "T0003", ORG_TOKEN, enterprise_id=ORG, org_wide=True).status == 200
    assert set(_schedules(oauth_bot).values()) == {(True, None)}
    with oauth_bot.deps.sessions() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(Workspace)
                .where(Workspace.uninstalled_at.is_not(None))
            )
            == 0
        )
    assert oauth_bot.deps.client_for("T0004").token == ORG_TOKEN


def test_one_workspace_removing_its_own_install_leaves_the_organisation_running(oauth_bot, slack):
    _organisation(oauth_bot, slack)
    oauth_bot.requester.event({"type": "app_uninstalled"}, team_id="T0005")
    schedules = _schedules(oauth_bot)
    assert schedules["T0005"] == (False, "uninstalled")
    assert schedules["T0003"] == schedules["T0004"] == (True, None)
    assert (None, "T0003") not in _tokens(oauth_bot)
    assert oauth_bot.deps.client_for("T0004").token == ORG_TOKEN
