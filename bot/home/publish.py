"""Publishing App Home for one person, and what its buttons do.

`publish_home(client, deps, team_id, user_id)` is the one way to show or refresh someone's
home; any feature may call it after a change that person should see.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

import bot.home.core_sections  # noqa: F401 - puts the core sections first in the home
from bot.blocks.home import Item, home_view, more_line
from bot.deps import Deps
from bot.home.compose import HomeContext, compose
from bot.home.core_sections import item_of
from bot.learning.visibility import ChannelAccess
from bot.levers import fold
from storage.insights import search_candidates

log = logging.getLogger(__name__)

SEARCH_SHOWN = 10
SEARCH_READ = 2000  # the newest learnings a search from App Home looks through


def publish_home(client: WebClient, deps: Deps, team_id: str, user_id: str) -> bool:
    """Compose and publish a person's home; False (and logged) when it could not be shown."""
    extra = {"team_id": team_id, "user_id": user_id}
    person = deps.person(client, team_id, user_id)
    if person is None or person.deleted or person.is_bot:
        log.warning("App Home not published: Slack does not show this user to the bot", extra=extra)
        return False
    language = person.language or deps.workspace_language(team_id)
    access = ChannelAccess(client, user_id)
    with deps.sessions() as session:
        ctx = HomeContext(
            session=session,
            team_id=team_id,
            user_id=user_id,
            is_admin=person.is_admin,
            language=language,
            now=deps.now(),
            can_see=access.can_see,
        )
        blocks = compose(ctx, lambda count: more_line("home.cut", language, count=count))
    try:
        client.views_publish(user_id=user_id, view=home_view(blocks))
    except SlackApiError as error:
        log.warning("App Home not published: %s", error.response.get("error"), extra=extra)
        return False
    except OSError as error:
        # No answer in time: Slack may show it late; the next opening publishes it anyway.
        log.warning("App Home not published: no answer (%r)", error, extra=extra)
        return False
    return True


def search_words(query: str) -> list[str]:
    """The folded words of a query."""
    return [word for word in fold(query).split() if word]


def search(client: WebClient, deps: Deps, team_id: str, user_id: str, query: str) -> list[Item]:
    """The newest learnings holding every word (accents and case ignored) the person may see."""
    words = search_words(query)
    access = ChannelAccess(client, user_id)
    found: list[Item] = []
    with deps.sessions() as session:
        for learning in search_candidates(session, team_id, SEARCH_READ):
            haystack = fold(" ".join([learning.text, *(learning.tags or [])]))
            if all(word in haystack for word in words) and access.can_see(learning.channel_id):
                found.append(item_of(learning))
                if len(found) == SEARCH_SHOWN:
                    break
    return found
