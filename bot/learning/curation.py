"""Keeping learnings right: who may change what, and saving what the modal submitted."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.deps import Deps
from bot.errors import InvalidInput
from bot.learning.form import POST, PRIVATE, LearningForm, ModalContext
from storage.learnings import (
    add_learning,
    find_by_message,
    get_learning,
    purge_deleted,
    set_review,
    soft_delete,
    teams_with_deleted,
)
from storage.models import Learning

log = logging.getLogger(__name__)

# A deleted learning is kept this long (so a mistake can be undone by an operator), then purged.
RETENTION = timedelta(days=30)


def may_edit(learning: Learning, user_id: str) -> bool:
    """Whether a person may edit a learning: they logged it, or it is credited to them."""
    return bool(user_id) and user_id in (learning.user_id, learning.author_id)


def may_delete(learning: Learning, user_id: str, *, is_admin: bool) -> bool:
    """Whether a person may delete a learning: their own, or any if they are an admin."""
    return is_admin or may_edit(learning, user_id)


@dataclass(frozen=True)
class Saved:
    """What a submitted modal did, for the confirmation and the post that follow."""

    learning_id: int
    created: bool
    post: bool
    anonymous: bool


def save_form(
    session: Session,
    *,
    team_id: str,
    user_id: str,
    about: ModalContext,
    form: LearningForm,
    now: datetime,
) -> Saved:
    """Store a new learning, update the one edited, or the one saved from the same message.

    InvalidInput when the edited learning is gone or is someone else's.
    """
    if about.learning_id is not None:
        learning = _editable(session, team_id, user_id, about.learning_id)
        _fill(learning, form, now)
        return Saved(learning.id, created=False, post=False, anonymous=learning.user_id is None)
    saver = None if form.anonymous else user_id
    author = about.author_id
    permalink = about.permalink
    if form.anonymous and author == user_id:
        # Saving one's own message anonymously: nothing may point back to the person.
        author, permalink = None, None
    if about.from_message:
        return _save_message(session, team_id, user_id, saver, author, permalink, about, form, now)
    learning = add_learning(
        session,
        team_id=team_id,
        text=form.text,
        lever=form.lever,
        source="modal",
        user_id=saver,
        channel_id=about.channel_id,
        tags=form.tags,
        visibility=POST if form.post else PRIVATE,
        review=form.review,
        now=now,
    )
    return Saved(learning.id, created=True, post=form.post, anonymous=saver is None)


def _editable(session: Session, team_id: str, user_id: str, learning_id: int) -> Learning:
    learning = get_learning(session, team_id, learning_id)
    if learning is None:
        raise InvalidInput("learning.not_found", field="text", id=learning_id)
    if not may_edit(learning, user_id):
        raise InvalidInput("learning.not_yours", field="text", id=learning_id)
    return learning


def _fill(learning: Learning, form: LearningForm, now: datetime) -> None:
    learning.text = form.text
    learning.lever = form.lever
    learning.tags = list(form.tags)
    set_review(learning, form.review)
    learning.updated_at = now


def _save_message(
    session: Session,
    team_id: str,
    user_id: str,
    saver: str | None,
    author: str | None,
    permalink: str | None,
    about: ModalContext,
    form: LearningForm,
    now: datetime,
) -> Saved:
    """Saving a Slack message: the same message saved again updates its learning."""
    assert about.message_channel_id and about.message_ts
    for _attempt in range(2):
        existing = find_by_message(session, team_id, about.message_channel_id, about.message_ts)
        if existing is not None and existing.deleted_at is None:
            if not may_edit(existing, user_id):
                raise InvalidInput("learning.already_saved", field="text", id=existing.id)
            _fill(existing, form, now)
            return Saved(existing.id, created=False, post=form.post, anonymous=saver is None)
        if existing is not None:
            # Deleted before: saved afresh, as if new.
            _fill(existing, form, now)
            existing.user_id, existing.author_id, existing.permalink = saver, author, permalink
            existing.visibility = POST if form.post else PRIVATE
            existing.source, existing.created_at, existing.deleted_at = "shortcut", now, None
            return Saved(existing.id, created=True, post=form.post, anonymous=saver is None)
        try:
            with session.begin_nested():
                learning = add_learning(
                    session,
                    team_id=team_id,
                    text=form.text,
                    lever=form.lever,
                    source="shortcut",
                    user_id=saver,
                    channel_id=about.message_channel_id,
                    tags=form.tags,
                    message_channel_id=about.message_channel_id,
                    message_ts=about.message_ts,
                    permalink=permalink,
                    author_id=author,
                    visibility=POST if form.post else PRIVATE,
                    review=form.review,
                    now=now,
                )
        except IntegrityError:
            continue  # saved by someone else at the same instant: update theirs instead
        return Saved(learning.id, created=True, post=form.post, anonymous=saver is None)
    raise InvalidInput("common.error", field="text")


def delete_learning(
    session: Session, team_id: str, learning_id: int, user_id: str, *, is_admin: bool, now: datetime
) -> Learning:
    """Soft-delete a learning, or InvalidInput when it is gone or not the person's to delete."""
    learning = get_learning(session, team_id, learning_id)
    if learning is None:
        raise InvalidInput("learning.not_found", id=learning_id)
    if not may_delete(learning, user_id, is_admin=is_admin):
        raise InvalidInput("learning.not_yours_delete", id=learning_id)
    soft_delete(learning, now)
    return learning


def purge_deleted_learnings(deps: Deps, now: datetime) -> None:
    """Scheduled: remove for good the learnings deleted more than RETENTION ago.

    Deleting is idempotent and calls no Slack method, so two clocks running it is harmless.
    """
    cutoff = now - RETENTION
    with deps.sessions.begin() as session:
        for team_id in teams_with_deleted(session, cutoff):
            purged = purge_deleted(session, team_id, cutoff)
            log.info("purged %d deleted learnings", purged, extra={"team_id": team_id})
