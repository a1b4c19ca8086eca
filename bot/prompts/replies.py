"""Replies to reflection prompts become learnings; edits and deletes follow them.

These functions take a session and plain values, never Slack objects. A Slack event is handled
once: its event_id is recorded with what it changed (a redelivery, with X-Slack-Retry-Num or
not, finds it), and a reply is stored at most once under its message key.

Slack does not promise the order of a message's events. An edit that comes before its message
stores the edited words as the learning; a delete that comes before it stores a deleted
learning with no words and no author in its place. Either way the message key is taken, so the
late original finds it and changes nothing: it neither adds a second learning, nor brings back
older words, nor revives a deleted reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.learning.capture import check_text
from storage.learnings import add_learning, find_by_message, soft_delete
from storage.models import Learning
from storage.prompts import first_time_event, get_prompt, prompt_in_thread

SOURCE = "prompt_reply"

# Message subtypes that are a person writing: a plain reply, one also sent to the channel,
# and one with a file.
REPLY_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})


@dataclass(frozen=True)
class Reply:
    """A human message in a thread."""

    team_id: str
    channel_id: str
    ts: str
    thread_ts: str
    user_id: str
    text: str


def reply_of(event: dict, team_id: str) -> Reply | None:
    """The reply a message event carries; None for bots, joins, and messages outside threads."""
    if event.get("subtype") not in REPLY_SUBTYPES or event.get("bot_id"):
        return None
    user_id, thread_ts, ts = event.get("user"), event.get("thread_ts"), event.get("ts")
    if not user_id or not thread_ts or not ts or thread_ts == ts or not event.get("channel"):
        return None
    return Reply(team_id, event["channel"], ts, thread_ts, user_id, event.get("text") or "")


def capture_reply(
    session: Session, reply: Reply, event_id: str | None, now: datetime
) -> int | InvalidInput | None:
    """Store a reply to a prompt as a learning under the prompt's lever: its id, the refusal of
    a reply that cannot be a learning (too long), or None when there is nothing to do."""
    prompt = prompt_in_thread(session, reply.team_id, reply.channel_id, reply.thread_ts)
    if prompt is None:
        return None
    if event_id and not first_time_event(session, reply.team_id, event_id, now):
        return None
    if find_by_message(session, reply.team_id, reply.channel_id, reply.ts) is not None:
        return None
    try:
        check_text(reply.text)
    except InvalidInput as refusal:
        return None if refusal.key == "learning.empty" else refusal
    # None when another delivery, or an early edit or delete, took the message key a moment ago.
    return _store_reply(session, reply, prompt.lever, now)


def apply_edit(
    session: Session,
    team_id: str,
    channel_id: str,
    ts: str,
    text: str,
    event_id: str | None,
    now: datetime,
) -> bool:
    """An edited reply updates its learning; True when it changed one."""
    learning = find_by_message(session, team_id, channel_id, ts)
    if learning is None or learning.source != SOURCE or learning.deleted_at is not None:
        return False
    if event_id and not first_time_event(session, team_id, event_id, now):
        return False
    return _take_words(learning, text, now)


def _take_words(learning: Learning, text: str, now: datetime) -> bool:
    try:
        learning.text = check_text(text)
    except InvalidInput:
        return False  # an emptied or over-long edit keeps the learning as it was
    learning.updated_at = now
    return True


def follow_edit(session: Session, reply: Reply, event_id: str | None, now: datetime) -> int | None:
    """An edited reply: its learning takes the new words. When the edit comes before its
    message, the edited words become the learning; its id is returned then (to react to the
    message once), else None."""
    if find_by_message(session, reply.team_id, reply.channel_id, reply.ts) is None:
        prompt = prompt_in_thread(session, reply.team_id, reply.channel_id, reply.thread_ts)
        if prompt is None:
            return None
        if event_id and not first_time_event(session, reply.team_id, event_id, now):
            return None
        try:
            check_text(reply.text)
        except InvalidInput:
            return None  # emptied or over-long: as for an edit of a stored reply, no change
        created = _store_reply(session, reply, prompt.lever, now)
        if created is not None:
            return created
        # The message was stored at the same instant: the edit is newer, so its words win.
        learning = find_by_message(session, reply.team_id, reply.channel_id, reply.ts)
        if learning is not None and learning.source == SOURCE and learning.deleted_at is None:
            _take_words(learning, reply.text, now)
        return None
    apply_edit(session, reply.team_id, reply.channel_id, reply.ts, reply.text, event_id, now)
    return None


def _store_reply(session: Session, reply: Reply, lever: str, now: datetime) -> int | None:
    """Store a reply's words as a learning; None when they cannot be one, or when the message
    key was taken meanwhile."""
    try:
        text = check_text(reply.text)
    except InvalidInput:
        return None
    try:
        with session.begin_nested():
            learning = add_learning(
                session,
                team_id=reply.team_id,
                text=text,
                lever=lever,
                source=SOURCE,
                user_id=reply.user_id,
                channel_id=reply.channel_id,
                message_channel_id=reply.channel_id,
                message_ts=reply.ts,
                visibility="post",
                now=now,
            )
    except IntegrityError:
        return None
    return learning.id


def apply_delete(
    session: Session,
    team_id: str,
    channel_id: str,
    ts: str,
    event_id: str | None,
    now: datetime,
    *,
    thread_ts: str | None = None,
) -> bool:
    """A deleted reply deletes its learning; True when it deleted one. A delete that comes
    before its message (`thread_ts` says which thread it was in) holds the message's place."""
    learning = find_by_message(session, team_id, channel_id, ts)
    if learning is None and thread_ts:
        return _hold_deleted_place(session, team_id, channel_id, ts, thread_ts, event_id, now)
    if learning is None or learning.source != SOURCE or learning.deleted_at is not None:
        return False
    if event_id and not first_time_event(session, team_id, event_id, now):
        return False
    soft_delete(learning, now)
    return True


def _hold_deleted_place(
    session: Session,
    team_id: str,
    channel_id: str,
    ts: str,
    thread_ts: str,
    event_id: str | None,
    now: datetime,
) -> bool:
    """A deleted learning with no words and no author under the message key of a reply not
    seen yet, so that the late message is not stored. It is purged with the other deleted
    learnings."""
    prompt = prompt_in_thread(session, team_id, channel_id, thread_ts)
    if prompt is None:
        return False
    if event_id and not first_time_event(session, team_id, event_id, now):
        return False
    try:
        with session.begin_nested():
            placeholder = add_learning(
                session,
                team_id=team_id,
                text="",
                lever=prompt.lever,
                source=SOURCE,
                user_id=None,
                channel_id=channel_id,
                message_channel_id=channel_id,
                message_ts=ts,
                visibility="post",
                now=now,
            )
            soft_delete(placeholder, now)
            session.flush()
    except IntegrityError:
        # The message was stored at the same instant: delete it after all.
        learning = find_by_message(session, team_id, channel_id, ts)
        if learning is None or learning.source != SOURCE or learning.deleted_at is not None:
            return False
        soft_delete(learning, now)
    return True


def set_message(
    session: Session,
    team_id: str,
    learning_id: int,
    *,
    permalink: str | None,
    channel_id: str | None = None,
    ts: str | None = None,
) -> None:
    """Record where a learning lives in Slack, once it is known."""
    learning = find_learning(session, team_id, learning_id)
    if learning is None:
        return
    learning.permalink = permalink
    if channel_id and ts:
        learning.message_channel_id, learning.message_ts = channel_id, ts


def find_learning(session: Session, team_id: str, learning_id: int) -> Learning | None:
    """A learning of this workspace, deleted or not."""
    learning = session.get(Learning, learning_id)
    return learning if learning is not None and learning.team_id == team_id else None


def capture_anonymous(
    session: Session, team_id: str, prompt_id: int, text: str, now: datetime
) -> tuple[int, str, str | None, str] | None:
    """Store an anonymous answer (no user anywhere): (learning id, channel, thread ts, prompt
    language), or None when the prompt is unknown. InvalidInput for empty or over-long text."""
    text = check_text(text)
    prompt = get_prompt(session, team_id, prompt_id)
    if prompt is None:
        return None
    learning = add_learning(
        session,
        team_id=team_id,
        text=text,
        lever=prompt.lever,
        source=SOURCE,
        user_id=None,
        channel_id=prompt.channel_id,
        visibility="post",
        now=now,
    )
    return learning.id, prompt.channel_id, prompt.message_ts, prompt.language
