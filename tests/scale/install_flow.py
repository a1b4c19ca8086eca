"""Installing the app in a workspace through the OAuth flow, as a person in a browser would."""

from __future__ import annotations

from bot.fakeslack import FakeSlack
from tests.scale.browser import Browser, Page, state_of
from tests.support.bot import RunningBot


def install(
    bot: RunningBot,
    team_id: str,
    bot_token: str,
    *,
    browser: Browser | None = None,
    enterprise_id: str | None = None,
    org_wide: bool = False,
) -> Page:
    """Start at /slack/install, 'allow' at Slack, come back to /slack/oauth_redirect."""
    slack: FakeSlack = bot.slack
    browser = browser or Browser()
    start = browser.get(bot.url + "/slack/install")
    assert start.status == 302, start.text
    state = state_of(start.headers["location"])
    code = f"code-{team_id}-{state[:8]}"
    slack.add_oauth_code(code, team_id, bot_token, enterprise_id=enterprise_id, org_wide=org_wide)
    return browser.get(f"{bot.url}/slack/oauth_redirect?code={code}&state={state}")
