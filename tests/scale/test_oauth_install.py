"""Many workspaces: installed through Slack's OAuth flow, each served with its own token."""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from storage.models import SLACK_BOTS, Learning, Workspace
from tests.scale.browser import Browser, state_of
from tests.scale.install_flow import install
from tests.support.processes import learnloop_env, run_learnloop

SECOND_TOKEN = "xoxb-second-workspace"


def _seed_second_workspace(slack) -> None:
    slack.add_user("UCARLA", "carla", team_id="T0002", locale="fr-FR")
    slack.add_channel("CTEAM2", "equipe", team_id="T0002", members=["UCARLA", "UB0002"])


def _exported(database_url, tmp_path, team_id):
    result = run_learnloop(
        ["export", "--team", team_id], learnloop_env(None, database_url), tmp_path
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_two_workspaces_installed_through_oauth_never_see_each_others_data(
    oauth_bot, slack, database_url, tmp_path
):
    first = install(oauth_bot, "T0001", slack.bot_token)
    second = install(oauth_bot, "T0002", SECOND_TOKEN)
    assert first.status == 200 and "learnloop is installed" in first.text
    assert second.status == 200 and "Workspace T0002" in second.text
    assert len(slack.calls_to("oauth.v2.access")) == 2
    _seed_second_workspace(slack)

    requester = oauth_bot.requester
    mine = requester.command(
        "/learning",
        "onboarding: pair each newcomer with a buddy",
        user_id="UALICE",
        channel_id="CGENERAL",
        team_id="T0001",
    )
    theirs = requester.command(
        "/learning",
        "retention: dire merci chaque vendredi",
        user_id="UCARLA",
        channel_id="CTEAM2",
        team_id="T0002",
    )
    assert mine.status == 200 and "Onboarding newcomers" in mine.json()["text"]
    assert theirs.status == 200 and "Fidélisation du personnel" in theirs.json()["text"]

    # Each workspace's Slack calls carried that workspace's own token.
    asked = {(call.params["user"], call.token) for call in slack.calls_to("users.info")}
    assert asked == {("UALICE", slack.bot_token), ("UCARLA", SECOND_TOKEN)}
    assert oauth_bot.deps.client_for("T0002").token == SECOND_TOKEN
    assert oauth_bot.deps.client_for("T0001").token == slack.bot_token

    assert [row["text"] for row in _exported(database_url, tmp_path, "T0001")] == [
        "pair each newcomer with a buddy"
    ]
    assert [row["text"] for row in _exported(database_url, tmp_path, "T0002")] == [
        "dire merci chaque vendredi"
    ]
    with oauth_bot.deps.sessions() as session:
        rows = session.execute(select(Learning.team_id, Learning.channel_id)).all()
        assert sorted(rows) == [("T0001", "CGENERAL"), ("T0002", "CTEAM2")]
        names = dict(session.execute(select(Workspace.team_id, Workspace.name)).all())
        assert names == {"T0001": "Test Workspace", "T0002": "Workspace T0002"}
        tokens = session.execute(select(SLACK_BOTS.c.team_id, SLACK_BOTS.c.bot_token)).all()
        assert sorted(tokens) == [("T0001", slack.bot_token), ("T0002", SECOND_TOKEN)]


def test_an_enterprise_grid_workspace_is_served_with_its_own_token(oauth_bot, slack):
    page = install(oauth_bot, "T0003", "xoxb-grid-workspace", enterprise_id="E0001")
    assert page.status == 200
    slack.add_user("UDIEGO", "diego", team_id="T0003")
    response = oauth_bot.requester.command(
        "/learning", "team_learning: demo day", user_id="UDIEGO", team_id="T0003"
    )
    assert "Team learning" in response.json()["text"]
    with oauth_bot.deps.sessions() as session:
        assert session.get(Workspace, "T0003").enterprise_id == "E0001"
    assert oauth_bot.deps.client_for("T0003").token == "xoxb-grid-workspace"


def test_a_replayed_callback_is_refused_with_a_page_saying_what_to_do(oauth_bot, slack):
    browser = Browser()
    start = browser.get(oauth_bot.url + "/slack/install")
    state = state_of(start.headers["location"])
    slack.add_oauth_code("code-once", "T0001", slack.bot_token)
    callback = f"{oauth_bot.url}/slack/oauth_redirect?code=code-once&state={state}"
    assert browser.get(callback).status == 200

    replayed = browser.get(callback)
    assert replayed.status == 401
    assert "has expired or has already been used" in replayed.text
    assert 'href="/slack/install"' in replayed.text
    assert len(slack.calls_to("oauth.v2.access")) == 1


def test_a_made_up_state_is_refused_in_the_browsers_language(oauth_bot, slack):
    browser = Browser()
    browser.get(oauth_bot.url + "/slack/install")
    page = browser.get(
        f"{oauth_bot.url}/slack/oauth_redirect?code=x&state=not-a-state",
        accept_language="fr-FR,fr;q=0.9,en;q=0.5",
    )
    assert page.status == 400  # the state is not the one this browser was given
    assert "L&#x27;installation n&#x27;a pas abouti" in page.text
    assert "autorisant les cookies" in page.text
    assert slack.calls_to("oauth.v2.access") == []


def test_a_state_nobody_issued_is_refused_even_with_a_matching_cookie(oauth_bot, slack):
    browser = Browser(cookies={"slack-app-oauth-state": "forged"})
    page = browser.get(f"{oauth_bot.url}/slack/oauth_redirect?code=x&state=forged")
    assert page.status == 401
    assert "Start the installation again" in page.text
    assert slack.calls_to("oauth.v2.access") == []


def test_a_cancelled_install_says_nothing_was_installed(oauth_bot):
    page = Browser().get(f"{oauth_bot.url}/slack/oauth_redirect?error=access_denied&state=s")
    assert page.status == 200
    assert "cancelled in Slack, so nothing was installed" in page.text


def test_a_request_from_a_workspace_without_installation_is_logged_and_answered(
    oauth_bot, slack, caplog
):
    slack.add_workspace("T0009", "xoxb-never-installed")
    slack.add_user("UERIN", "erin", team_id="T0009")
    with caplog.at_level(logging.WARNING):
        response = oauth_bot.requester.command(
            "/learning", "self_learning: read more", user_id="UERIN", team_id="T0009"
        )
    assert response.status == 200
    assert "not installed in this workspace any more" in str(slack.wait_for_responses(1))
    assert any(
        "no installation for workspace T0009" in record.getMessage() for record in caplog.records
    )
    with oauth_bot.deps.sessions() as session:
        assert session.scalars(select(Learning)).all() == []

    # A job asking for that workspace's client gets one Slack refuses, and a log line.
    with caplog.at_level(logging.WARNING):
        client = oauth_bot.deps.client_for("T0009")
    assert client.token is None
    assert not oauth_bot.deps.installed("T0009")
    assert "no installation for workspace T0009" in caplog.text
