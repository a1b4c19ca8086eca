"""Who a Slack user is (language, admin, bot, guest, deactivated), asked from Slack and cached."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.clients import answered_within
from bot.settings import LANGUAGES

log = logging.getLogger(__name__)

PROFILE_TTL_S = 300.0
# users.info is asked inside acks, which Slack wants within 3 s: it may take this long at most,
# retries and Retry-After included, and once it went unanswered it is not asked again for a
# while (a stalled API would otherwise cost every request the wait).
LOOKUP_TIMEOUT_S = 1.5
UNANSWERED_TTL_S = 30.0


@dataclass(frozen=True)
class Person:
    """What the bot needs to know of a Slack user."""

    user_id: str
    language: str | None
    is_admin: bool
    is_bot: bool
    is_restricted: bool
    deleted: bool
    timezone: str | None


def language_of_locale(locale: str | None) -> str | None:
    """`fr` for `fr-FR` or `fr-CA`, `en` for `en-GB`; None for a language we do not speak."""
    if not locale:
        return None
    language = locale.split("-", 1)[0].lower()
    return language if language in LANGUAGES else None


def person_from_user(user: dict) -> Person:
    """A Person from a users.info `user` object."""
    return Person(
        user_id=user["id"],
        language=language_of_locale(user.get("locale")),
        is_admin=bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner")),
        is_bot=bool(user.get("is_bot")) or user.get("id") == "USLACKBOT",
        is_restricted=bool(user.get("is_restricted") or user.get("is_ultra_restricted")),
        deleted=bool(user.get("deleted")),
        timezone=user.get("tz"),
    )


class People:
    """users.info answers, kept a few minutes per user.

    A cache only: every process may hold its own, and losing it costs one users.info call.
    """

    def __init__(self, ttl_s: float = PROFILE_TTL_S) -> None:
        self._ttl_s = ttl_s
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, str], tuple[float, Person]] = {}
        self._unanswered: dict[str, float] = {}

    def get(self, client: WebClient, team_id: str, user_id: str) -> Person | None:
        """The person, or None when Slack does not know them or cannot be asked now."""
        key = (team_id, user_id)
        now = time.monotonic()
        with self._lock:
            cached = self._entries.get(key)
            unanswered_at = self._unanswered.get(team_id)
        if cached is not None and now - cached[0] <= self._ttl_s:
            return cached[1]
        if unanswered_at is not None and now - unanswered_at <= UNANSWERED_TTL_S:
            return None
        try:
            response = answered_within(
                client,
                LOOKUP_TIMEOUT_S,
                lambda asked: asked.users_info(user=user_id, include_locale=True),
            )
        except SlackApiError as error:
            # Not cached: the next request asks again.
            log.warning("users.info failed: %s", error.response.get("error"))
            return None
        except OSError as error:
            # No answer in time (or no connection): a read, so simply unknown for now.
            log.warning("users.info got no answer: %r", error)
            with self._lock:
                self._unanswered[team_id] = now
            return None
        person = person_from_user(response["user"])
        with self._lock:
            self._entries[key] = (now, person)
            self._unanswered.pop(team_id, None)
        return person

    def forget(self, team_id: str, user_id: str) -> None:
        """Drop what is cached of a user, after Slack said they changed."""
        with self._lock:
            self._entries.pop((team_id, user_id), None)
