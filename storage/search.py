"""Full-text search over learnings: SQLite FTS5, or PostgreSQL text search.

Both read `learnings.search_text`, the learning's words with accents and case folded in
Python, so "equipe" finds "équipe" without any database extension. Each term matches the
start of a word ("budget" finds "budgets"), and every term must match.

A search, or a list of learnings, never reads every match: it wants the latest ones (by id,
the order learnings were logged in) and stops once it has them, so its cost follows what it
returns and how rare the matches are, not the size of the table. Where it looks depends on
what it learns on the way:

- A channel or a person named (`in:`, `from:`, `mine`): their learnings, read on their own
  index newest first, a bounded range at a time as below. On SQLite a person's ids are a
  rowid IN list (migration 0009 tells the planner a workspace is no selective filter); on
  PostgreSQL, whose planner ORs indexes only as bitmaps in no order, the ranges of the
  person's two indexes (logged by, credited to) are read each in order and merged
  (migration 0010 put id last in ix_learnings_team_channel, _team_user and _team_author).
- Otherwise the workspace's latest learnings (a lever's, if one is named: migration 0009's
  `ix_learnings_team_lever`), a bounded range at a time, each tested against the filters and
  the terms, for as long as matches come often enough to be reached within WALK learnings.
- Rare matches: the text index, which finds them wherever they are (SQLite's FTS5 table,
  walked by descending rowid; PostgreSQL's GIN index `ix_learnings_search`, each match
  tested against the filters); for a list, whatever index the database picks for the filters.

A range's learnings are tested in the select list, where no planner can turn a test into a
read of an index: offered `channel_id IN (20 channels)` as a condition, PostgreSQL read a
bitmap of every learning of those channels to keep a few hundred.

The text indexes are not asked first because both read every match of a common prefix
before returning one (FTS5 gathers a prefix's matches, GIN has no order), and PostgreSQL's
planner cannot tell how many words a prefix such as `budget:*` matches, so the choice is
made here from what the walk found. On PostgreSQL a learning is tested on its stored tsvector
`search_vector` (the walk uses `ix_learnings_search_recent`, team_id and id); on SQLite with
words_start, which splits words as FTS5's unicode61 tokenizer does (letters and digits).
Migrations 0003 and 0008 made the FTS5 table, the column and the indexes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
    table,
    union,
)
from sqlalchemy.dialects import postgresql  # noqa: F401 - registers func.to_tsquery & co.
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from storage.models import Learning

PROBE = 500  # learnings the walk tests first, at least
WALK = 20_000  # learnings the walk may test before it turns to the text index

# PostgreSQL's `simple` configuration: no stemming (learnings are in two languages) and no
# stop words; the generated column `search_vector` is to_tsvector of exactly this.
_PG_CONFIG = literal_column("'simple'::regconfig")
# Not a model column (migration 0008 adds it to PostgreSQL only): named, never loaded.
_PG_VECTOR = literal_column("learnings.search_vector")
# The same vector, hidden from the GIN index: PostgreSQL can only test it row by row.
_PG_VECTOR_UNINDEXED = literal_column("(learnings.search_vector || ''::tsvector)")

_FTS = table("learnings_fts", column("rowid", Integer))
_FTS_TABLE = literal_column("learnings_fts")
_SQLITE_WORDS_START = "learnloop_words_start"

_WORD = re.compile(r"[^\W_]+")

# Relevance: BM25's saturation of repeated words and its length normalisation, against a
# typical learning of AVERAGE_WORDS words (no collection statistics to read).
K1, B, AVERAGE_WORDS = 1.2, 0.75, 30


def matching(session: Session, terms: Sequence[str]) -> ColumnElement[bool]:
    """A condition on learnings: their words start with every term (for exports, unbounded).

    Terms must be folded words of letters and digits (see bot.learning.search_query.terms_of).
    """
    terms = _checked(terms)
    if _is_postgresql(session):
        return _PG_VECTOR.op("@@")(_pg_query(terms))
    return Learning.id.in_(select(_FTS.c.rowid).where(_fts_match(terms)))


def latest_matches(
    session: Session,
    team_id: str,
    terms: Sequence[str],
    conditions: Sequence[ColumnElement[bool]],
    *,
    limit: int,
    channel_id: str | None = None,
    user_id: str | None = None,
    lever: str | None = None,
) -> list[int]:
    """Ids of the `limit` latest learnings of a workspace that meet the conditions (which
    must hold the workspace's own) and match the terms if any, newest first.

    `channel_id`, `user_id`, `lever`: the conditions keep only this channel's learnings,
    this person's (logged by or credited to them), this lever's; indexes find those in order.
    """
    on_postgresql = _is_postgresql(session)
    narrow = bool(channel_id or user_id)
    if narrow and not terms and not on_postgresql:
        # SQLite: a channel's or a person's learnings off their own indexes, newest first.
        statement = select(Learning.id).where(*conditions).order_by(Learning.id.desc())
        return list(session.scalars(statement.limit(limit)))
    words = [_tested_one_by_one(session, _checked(terms))] if terms else []
    if narrow and on_postgresql:
        # The channel's or the person's learnings newest first, each tested for everything.
        scope, tests = _own(team_id, channel_id, user_id), [*conditions, *words]
    elif narrow:
        # SQLite: the channel's or the person's learnings newest first (ix_learnings_team_
        # channel, or the person's ids as a rowid IN list), each tested for the words.
        scope, tests = [conditions], words
    else:
        # The workspace's learnings, newest first, each tested for everything.
        scope, tests = [_workspace(session, team_id, lever)], [*conditions, *words]
    found: list[int] = []
    upper: int | None = None  # learnings below this id are still to look at
    walked, size = 0, PROBE
    while True:
        wanted = limit - len(found)
        hits, count, lowest = _walk(session, scope, tests, upper, size, wanted)
        found += hits[:wanted]
        walked += count
        if len(found) >= limit or count < size:
            return found
        upper = lowest
        # How many more learnings the missing ones should take, at the rate found so far.
        expected = (limit - len(found)) * walked / len(found) if found else WALK
        if expected > WALK - walked:
            return found + _rare(session, terms, conditions, upper, limit - len(found))
        size = min(max(int(expected * 1.5), PROBE), WALK - walked)


def _workspace(session: Session, team_id: str, lever: str | None) -> list[ColumnElement[bool]]:
    """The workspace's learnings, or a lever's: a range an index gives newest first, no sort."""
    if lever is not None:
        # ix_learnings_team_lever, which SQLite uses only where `lever IS NOT NULL` is said.
        return [Learning.team_id == team_id, Learning.lever == lever, Learning.lever.is_not(None)]
    if _is_postgresql(session):
        return [Learning.team_id == team_id]  # ix_learnings_search_recent: team_id, id
    # SQLite walks the table itself (its rowid is the id) newest first, never an index of
    # team_id that it would then have to sort: `team_id || ''` is no indexed column.
    return [Learning.team_id.concat("") == team_id]


def _own(
    team_id: str, channel_id: str | None, user_id: str | None
) -> list[list[ColumnElement[bool]]]:
    """PostgreSQL: a channel's learnings, or else a person's (logged by them, or credited to
    them), as ranges that ix_learnings_team_channel, _team_user and _team_author give newest
    first; `from:` and `in:` together walk the channel, testing the person."""
    if channel_id:
        return [[Learning.team_id == team_id, Learning.channel_id == channel_id]]
    return [
        [Learning.team_id == team_id, Learning.user_id == user_id],
        [Learning.team_id == team_id, Learning.author_id == user_id],
    ]


def _walk(
    session: Session,
    scope: Sequence[Sequence[ColumnElement[bool]]],
    tests: Sequence[ColumnElement[bool]],
    upper: int | None,
    size: int,
    wanted: int,
) -> tuple[list[int], int, int]:
    """Test the `size` latest learnings in scope below `upper`: (up to `wanted` ids of those
    passing, newest first; how many learnings the range held, or were read before `wanted`
    passed; the lowest id read).

    The scope is one or more lists of conditions (a learning is in it if it meets one), each
    a range an index gives newest first. The tests are evaluated on the range's learnings,
    never offered to the planner as conditions: it would read their own indexes whole (on
    PostgreSQL, a bitmap of every learning of the 20 channels a person may read, for a range
    of a few hundred).
    """
    bounded = [[*branch, Learning.id < upper] if upper is not None else branch for branch in scope]
    within = or_(*(and_(*branch) for branch in bounded))
    passing = case((and_(*tests), 1), else_=0)
    if _is_postgresql(session):
        # The range off its index alone (ix_learnings_search_recent, _team_lever, ...), then
        # its learnings, tested in an aggregate: one row back, not one a learning. Each of
        # a person's indexes gives its latest `size`, merged: the latest `size` are in them.
        ranges = [
            select(Learning.id).where(*branch).order_by(Learning.id.desc()).limit(size)
            for branch in bounded
        ]
        if len(ranges) > 1:
            merged = union(*ranges).subquery("merged")
            ranges = [select(merged.c.id).order_by(merged.c.id.desc()).limit(size)]
        span = ranges[0].subquery("span")
        count, lowest = session.execute(select(func.count(), func.min(span.c.id))).one()
        if not count:
            return [], 0, 0
        tested = select(Learning.id, passing.label("passed")).where(within, Learning.id >= lowest)
        tested = tested.subquery("tested")
        hits = func.array_agg(aggregate_order_by(tested.c.id, tested.c.id.desc()))
        ids = session.scalar(select(hits.filter(tested.c.passed == 1)))
        return list(ids or ()), count, lowest
    # SQLite reads the range as the rows are fetched: it stops where `wanted` have passed.
    statement = select(Learning.id, passing).where(within).order_by(Learning.id.desc())
    hits: list[int] = []
    count = lowest = 0
    if session.autoflush:
        session.flush()  # as session.execute would; Core's result is not read ahead
    with session.connection().execute(statement.limit(size)) as rows:
        for learning_id, passed in rows:
            count, lowest = count + 1, learning_id
            if passed:
                hits.append(learning_id)
                if len(hits) == wanted:
                    break
    return hits, count, lowest


def _rare(
    session: Session,
    terms: Sequence[str],
    conditions: Sequence[ColumnElement[bool]],
    upper: int,
    limit: int,
) -> list[int]:
    """The `limit` latest learnings below `upper` meeting conditions that few meet: through
    the text index when there are terms, else through the conditions' own indexes."""
    if terms:
        return _indexed(session, terms, conditions, upper, limit)
    statement = select(Learning.id).where(Learning.id < upper, *conditions)
    return list(session.scalars(statement.order_by(Learning.id.desc()).limit(limit)))


def _indexed(
    session: Session,
    terms: Sequence[str],
    conditions: Sequence[ColumnElement[bool]],
    upper: int,
    limit: int,
) -> list[int]:
    """The `limit` latest matches below `upper`, found through the text index."""
    if _is_postgresql(session):
        # Every older match off the GIN index (a CTE, so the planner cannot walk instead),
        # then the latest of them. The conditions are tested on each match, not offered to
        # the planner, which would AND the GIN bitmap with a bitmap of the whole workspace
        # or of every readable channel: it cannot tell how few learnings a prefix matches.
        passing = case((and_(*conditions), 1), else_=0)
        matches = (
            select(Learning.id.label("id"), passing.label("passed"))
            .where(Learning.id < upper, _PG_VECTOR.op("@@")(_pg_query(terms)))
            .cte("matches")
            .prefix_with("MATERIALIZED")
        )
        statement = select(matches.c.id).where(matches.c.passed == 1)
        return list(session.scalars(statement.order_by(matches.c.id.desc()).limit(limit)))
    # FTS5 is the only table of the query, so SQLite cannot choose to walk the learnings and
    # probe the index for each one: each match is looked up by primary key.
    meets = exists().where(Learning.id == _FTS.c.rowid, *conditions)
    statement = (
        select(_FTS.c.rowid)
        .where(_fts_match(terms), _FTS.c.rowid < upper, meets)
        .order_by(_FTS.c.rowid.desc())
        .limit(limit)
    )
    return list(session.scalars(statement))


def _tested_one_by_one(session: Session, terms: Sequence[str]) -> ColumnElement[bool]:
    """A condition testing each learning's own words, without the text index."""
    if _is_postgresql(session):
        return _PG_VECTOR_UNINDEXED.op("@@")(_pg_query(terms))
    connection = session.connection().connection.driver_connection
    connection.create_function(_SQLITE_WORDS_START, 2, words_start, deterministic=True)
    return getattr(func, _SQLITE_WORDS_START)(Learning.search_text, " ".join(terms)) == 1


def words_start(search_text: str | None, terms: str) -> bool:
    """Whether each of the space-separated terms starts a word of the folded text."""
    return all(_starting(term).search(search_text or "") for term in terms.split())


@lru_cache(maxsize=256)
def _starting(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])" + re.escape(term))


def relevance(search_text: str, terms: Sequence[str]) -> float:
    """How well a learning's folded words match the terms: higher is better, 0 for none.

    Each term counts the words it starts; repeats add less and less, and a long text weighs
    less than a short one saying the same.
    """
    words = _WORD.findall(search_text)
    length = 1 - B + B * len(words) / AVERAGE_WORDS
    score = 0.0
    for term in terms:
        count = sum(1 for word in words if word.startswith(term))
        score += count * (K1 + 1) / (count + K1 * length)
    return score


def _checked(terms: Sequence[str]) -> Sequence[str]:
    if not terms or not all(term.isalnum() for term in terms):
        raise ValueError("search terms must be non-empty words of letters and digits")
    return terms


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _pg_query(terms: Sequence[str]) -> ColumnElement:
    return func.to_tsquery(_PG_CONFIG, " & ".join(f"'{term}':*" for term in terms))


def _fts_match(terms: Sequence[str]) -> ColumnElement[bool]:
    return _FTS_TABLE.op("MATCH")(" ".join(f'"{term}"*' for term in terms))
