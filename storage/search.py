"""Full-text search over learnings: SQLite FTS5, or PostgreSQL text search.

Both read `learnings.search_text`, the learning's words with accents and case folded in
Python, so "equipe" finds "équipe" without any database extension. Each term matches the
start of a word ("budget" finds "budgets"), and every term must match.

A search, or a list of learnings, never reads every match: it wants the latest ones (by id,
the order learnings were logged in) and stops once it has them, so its cost follows what it
returns and how rare the matches are, not the size of the table. Where it looks depends on
what it learns on the way:

- A channel or a person named (`in:`, `from:`, `mine`): their learnings, read on their own
  index newest first, each tested against the terms.
- Otherwise the workspace's latest learnings, a bounded range at a time, each tested against
  the terms, for as long as matches come often enough to be reached within WALK learnings.
- Rare matches: the text index, which finds them wherever they are (SQLite's FTS5 table,
  walked by descending rowid; PostgreSQL's GIN index `ix_learnings_search`); for a list,
  whatever index the database picks for the filters.

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
    select,
    table,
)
from sqlalchemy.dialects import postgresql  # noqa: F401 - registers func.to_tsquery & co.
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
    narrow: bool = False,
) -> list[int]:
    """Ids of the `limit` latest learnings of a workspace that meet the conditions (which
    must hold the workspace's own) and match the terms if any, newest first.

    `narrow`: the conditions name a channel or a person, whose learnings an index finds.
    """
    tests = [*conditions, _tested_one_by_one(session, _checked(terms))] if terms else conditions
    if narrow:
        statement = select(Learning.id).where(*tests).order_by(Learning.id.desc())
        return list(session.scalars(statement.limit(limit)))
    found: list[int] = []
    upper: int | None = None  # learnings below this id are still to look at
    walked, size = 0, PROBE
    while True:
        wanted = limit - len(found)
        hits, count, lowest = _walk(session, team_id, tests, upper, size, wanted)
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


def _walk(
    session: Session,
    team_id: str,
    tests: Sequence[ColumnElement[bool]],
    upper: int | None,
    size: int,
    wanted: int,
) -> tuple[list[int], int, int]:
    """Test the workspace's `size` latest learnings below `upper`: (up to `wanted` ids of
    those passing, newest first; how many learnings the range held; the lowest id in it)."""
    below = [Learning.team_id == team_id]
    if upper is not None:
        below.append(Learning.id < upper)
    if _is_postgresql(session):
        # The range is read off ix_learnings_search_recent first, so whatever plan the
        # planner picks for the tests reads no learning outside it.
        span = select(Learning.id).where(*below).order_by(Learning.id.desc()).limit(size)
        span = span.subquery("span")
        count, lowest = session.execute(select(func.count(), func.min(span.c.id))).one()
        if not count:
            return [], 0, 0
        statement = select(Learning.id).where(*below, Learning.id >= lowest, *tests)
        statement = statement.order_by(Learning.id.desc()).limit(wanted)
        return list(session.scalars(statement)), count, lowest
    # SQLite walks the table itself (its rowid is the id) newest first, never an index of
    # team_id that it would then have to sort: `team_id || ''` is no indexed column.
    below[0] = Learning.team_id.concat("") == team_id
    passing = case((and_(*tests), 1), else_=0)
    statement = select(Learning.id, passing).where(*below).order_by(Learning.id.desc())
    rows = session.execute(statement.limit(size)).all()
    hits = [learning_id for learning_id, passed in rows if passed]
    return hits, len(rows), rows[-1][0] if rows else 0


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
        # then the latest of them.
        matches = (
            select(Learning.id.label("id"))
            .where(Learning.id < upper, _PG_VECTOR.op("@@")(_pg_query(terms)), *conditions)
            .cte("matches")
            .prefix_with("MATERIALIZED")
        )
        statement = select(matches.c.id).order_by(matches.c.id.desc()).limit(limit)
        return list(session.scalars(statement))
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
