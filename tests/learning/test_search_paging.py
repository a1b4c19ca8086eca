"""Pages of a search or a list past a hundred matches: the count stops at "more than 100",
the latest hundred matches are ranked and older ones follow newest first, every match is
shown exactly once across the pages, and filters and visibility stay exact on every page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from storage.db import make_engine, make_session_factory
from storage.learnings import (
    COUNTED,
    LearningFilter,
    Reader,
    add_learning,
    channels_of,
    find_page,
    soft_delete,
)
from storage.migrate import upgrade
from storage.models import Learning

START = datetime(2026, 1, 1, 9, tzinfo=UTC)


def _sessions(database_url: str):
    engine = make_engine(database_url)
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        session.execute(
            text(
                "INSERT INTO workspaces (team_id, settings, created_at) "
                "VALUES ('T1', '{}', CURRENT_TIMESTAMP)"
            )
        )
    return engine, sessions


def _add(session, n: int, words: str, **extra) -> int:
    fields = {"user_id": "UALICE", "channel_id": "CGENERAL", "lever": "other", **extra}
    learning = add_learning(
        session,
        team_id="T1",
        text=words,
        source="command",
        now=START + timedelta(hours=n),
        **fields,
    )
    return learning.id


def _all_pages(sessions, where: LearningFilter, limit: int = 10) -> tuple[list[int], list]:
    """Every page from the first, as a person pressing More would get them."""
    ids, pages, offset = [], [], 0
    while True:
        with sessions() as session:
            page = find_page(session, "T1", where, offset=offset, limit=limit)
        pages.append(page)
        ids += [item.id for item in page.items]
        if not page.has_more:
            return ids, pages
        offset += limit
        assert len(pages) < 100, "More never stops"


def test_past_a_hundred_matches_the_latest_are_ranked_then_older_ones_follow(database_url):
    engine, sessions = _sessions(database_url)
    with sessions.begin() as session:
        strong_old = _add(session, 0, "budget budget budget budget, the budget again")
        matches = [strong_old]
        for n in range(1, 130):
            matches.append(_add(session, n, f"note {n} about the budget and other things"))
            if n % 10 == 0:
                _add(session, n, "nothing to do with money")
        strong_new = _add(session, 200, "budget: the budget, budgets and budgeting")
        matches.append(strong_new)
        weak_new = _add(session, 201, "a budget line in a long text about many other things")
        matches.append(weak_new)
    ids, pages = _all_pages(sessions, LearningFilter(terms=("budget",)))

    assert sorted(ids) == sorted(matches)  # each match once, nothing else
    latest = sorted(matches, reverse=True)[:COUNTED]
    assert sorted(ids[:COUNTED]) == sorted(latest)  # the latest hundred come first...
    assert ids[0] == strong_new  # ...best match first
    assert ids.index(strong_new) < ids.index(weak_new)
    assert ids[COUNTED:] == sorted(ids[COUNTED:], reverse=True)  # then older, newest first
    assert ids[-1] == strong_old  # an old match is not ranked, but it is not lost
    assert all(page.total is None for page in pages[:-1])  # "more than 100"...
    assert pages[-1].total == len(matches)  # ...until the last page has counted them all
    assert [page.has_more for page in pages] == [True] * (len(pages) - 1) + [False]
    engine.dispose()


def test_a_page_straddling_the_ranked_hundred_misses_and_repeats_nothing(database_url):
    engine, sessions = _sessions(database_url)
    with sessions.begin() as session:
        matches = [_add(session, n, f"volunteers note {n}") for n in range(115)]
    where = LearningFilter(terms=("volunteers",))
    with sessions() as session:
        first = find_page(session, "T1", where, offset=0, limit=95)
        straddling = find_page(session, "T1", where, offset=95, limit=10)
        last = find_page(session, "T1", where, offset=105, limit=10)
        beyond = find_page(session, "T1", where, offset=500, limit=10)
    shown = [item.id for page in (first, straddling, last) for item in page.items]
    assert sorted(shown) == sorted(matches)
    assert len(straddling.items) == 10 and straddling.has_more
    assert len(last.items) == 10 and not last.has_more
    assert beyond.items == [] and not beyond.has_more
    engine.dispose()


def test_under_a_hundred_matches_the_total_is_exact(database_url):
    engine, sessions = _sessions(database_url)
    with sessions.begin() as session:
        for n in range(COUNTED):
            _add(session, n, f"mentor note {n}")
        _add(session, 500, "no match here")
    with sessions() as session:
        page = find_page(session, "T1", LearningFilter(terms=("mentor",)), offset=90, limit=10)
        listed = find_page(session, "T1", LearningFilter(), offset=0, limit=10)
    assert page.total == COUNTED and len(page.items) == 10 and not page.has_more
    assert listed.total is None and listed.has_more  # 101 learnings: past the count
    engine.dispose()


def test_filters_and_visibility_hold_on_every_page(database_url):
    engine, sessions = _sessions(database_url)
    with sessions.begin() as session:
        readable = []
        for n in range(240):
            if n % 4 == 0:
                _add(session, n, f"budget secret {n}", channel_id="CPRIVATE", user_id="UBRUNO")
            elif n % 4 == 1:
                _add(session, n, f"budget other lever {n}", lever="retention")
            elif n % 4 == 2:
                soft_delete(session.get(Learning, _add(session, n, f"budget gone {n}")), START)
            else:
                readable.append(_add(session, n, f"budget {n}", user_id="UBRUNO", channel_id=None))
        readable.append(_add(session, 300, "budget, one of mine", channel_id="CPRIVATE"))
    reader = Reader("UALICE", frozenset({"CGENERAL"}))
    where = LearningFilter(terms=("budget",), lever="other", reader=reader)
    found, _ = _all_pages(sessions, where)
    assert sorted(found) == sorted(readable)
    listed, _ = _all_pages(sessions, LearningFilter(lever="other", reader=reader))
    assert listed == sorted(readable, reverse=True)  # newest first (the hours follow the ids)
    engine.dispose()


def test_the_channels_to_ask_slack_about_are_those_of_matching_live_learnings(database_url):
    engine, sessions = _sessions(database_url)
    with sessions.begin() as session:
        _add(session, 1, "a", channel_id="CGENERAL", lever="onboarding")
        _add(session, 2, "b", channel_id="CPRIVATE", lever="retention")
        _add(session, 3, "c", channel_id=None)
        soft_delete(session.get(Learning, _add(session, 4, "d", channel_id="CGONE")), START)
        _add(session, 5, "e", channel_id="CLATE", user_id="UBRUNO")
    with sessions() as session:
        assert channels_of(session, "T1", LearningFilter()) == {"CGENERAL", "CPRIVATE", "CLATE"}
        assert channels_of(session, "T1", LearningFilter(lever="retention")) == {"CPRIVATE"}
        assert channels_of(session, "T1", LearningFilter(user_id="UBRUNO")) == {"CLATE"}
        since = LearningFilter(since=START + timedelta(hours=2))
        assert channels_of(session, "T1", since) == {"CPRIVATE", "CLATE"}
        assert channels_of(session, "T1", LearningFilter(channel_id="CGONE")) == set()
        assert channels_of(session, "T1", LearningFilter(channel_id="CLATE")) == {"CLATE"}
        assert channels_of(session, "T2", LearningFilter()) == set()
    engine.dispose()


def test_every_way_of_finding_matches_gives_the_same_pages(database_url, monkeypatch):
    """Small PROBE and WALK make a search walk in many ranges, then turn to the text index
    (or, for a list, to the filters' indexes): the pages must not change."""
    engine, sessions = _sessions(database_url)
    expected: dict[str, set[int]] = {"budget": set(), "rare": set(), "onboarding": set()}
    with sessions.begin() as session:
        for n in range(150):
            words = ("budget " if n % 5 else "") + ("rarething " if n % 37 == 0 else "") + "note"
            lever = "onboarding" if n % 9 == 0 else "other"
            channel = "CPRIVATE" if n % 4 == 0 else "CGENERAL"
            user = "UBRUNO" if n % 3 == 0 else "UALICE"
            learning_id = _add(
                session, n, f"{words} {n}", lever=lever, channel_id=channel, user_id=user
            )
            if n % 11 == 0:
                soft_delete(session.get(Learning, learning_id), START)
                continue
            if channel == "CPRIVATE" and user == "UBRUNO":
                continue  # Alice cannot read it
            expected["budget"] |= {learning_id} if "budget" in words else set()
            expected["rare"] |= {learning_id} if "rarething" in words else set()
            expected["onboarding"] |= {learning_id} if lever == "onboarding" else set()
    reader = Reader("UALICE", frozenset({"CGENERAL"}))
    queries = {
        "budget": LearningFilter(terms=("budget",), reader=reader),
        "rare": LearningFilter(terms=("rareth",), reader=reader),
        "onboarding": LearningFilter(lever="onboarding", reader=reader),
    }
    pages = {}
    for probe, walk in ((500, 20_000), (5, 1_000), (3, 10)):
        monkeypatch.setattr("storage.search.PROBE", probe)
        monkeypatch.setattr("storage.search.WALK", walk)
        for name, where in queries.items():
            ids, _ = _all_pages(sessions, where, limit=7)
            assert sorted(ids) == sorted(expected[name]), (name, probe, walk)
            assert pages.setdefault(name, ids) == ids, (name, probe, walk)
    engine.dispose()
