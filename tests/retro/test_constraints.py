"""The database itself refuses what would break a retro under concurrency, on SQLite and
PostgreSQL: a second open retro in a channel, a vote beyond the limit or twice on an item,
a reminder claimed twice. Each refusal leaves the transaction usable."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from storage import retro_actions as action_store
from storage import retros as store
from storage.db import make_engine, make_session_factory
from storage.migrate import upgrade
from storage.models import RetroVote

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_constraints_refuse_and_the_transaction_goes_on(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    sessions = make_session_factory(engine)
    retro_args = {
        "team_id": "T0001",
        "channel_id": "CGENERAL",
        "title": "Sprint",
        "facilitator_id": "UALICE",
        "language": "en",
        "votes_per_person": 2,
        "followup_weeks": 2,
        "learnings_since": NOW,
        "now": NOW,
    }
    with sessions.begin() as session:
        retro = store.create_retro(session, **retro_args)
        assert retro is not None
        assert store.create_retro(session, **retro_args) is None
        first, second = (
            store.add_item(
                session,
                team_id="T0001",
                retro_id=retro.id,
                column="went_well",
                text=text,
                lever="other",
                author_id=None,
                now=NOW,
            )
            for text in ("one", "two")
        )
        vote = {"team_id": "T0001", "retro_id": retro.id, "user_id": "UALICE", "now": NOW}
        assert store.insert_vote(session, item_id=first.id, slot=1, **vote)
        assert not store.insert_vote(session, item_id=second.id, slot=1, **vote)  # slot taken
        assert not store.insert_vote(session, item_id=first.id, slot=2, **vote)  # item taken
        assert store.insert_vote(session, item_id=second.id, slot=2, **vote)
        action = action_store.add_action(
            session,
            team_id="T0001",
            retro=retro,
            item=first,
            owner_id="UBRUNO",
            due_on=date(2026, 12, 3),
            now=NOW,
        )
        claim = {"team_id": "T0001", "action_id": action.id, "kind": "reminder", "now": NOW}
        assert action_store.claim_followup(session, for_date=date(2026, 12, 3), **claim) is not None
        assert action_store.claim_followup(session, for_date=date(2026, 12, 3), **claim) is None
        assert (
            action_store.claim_followup(session, for_date=date(2026, 12, 10), **claim) is not None
        )
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(RetroVote)) == 2
        assert store.close_retro(session, "T0001", retro.id, "UALICE", NOW)
        assert not store.close_retro(session, "T0001", retro.id, "UALICE", NOW)
        session.commit()
    with sessions.begin() as session:  # closed: the channel may open another one
        assert store.create_retro(session, **retro_args) is not None
    engine.dispose()
