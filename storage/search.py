"""Full-text search over learnings: SQLite FTS5, or PostgreSQL text search.

Both read `learnings.search_text`, the learning's words with accents and case folded in
Python, so "equipe" finds "équipe" without any database extension. Each term matches the
start of a word ("budget" finds "budgets"), and every term must match.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Integer, Subquery, column, func, literal_column, select, table
from sqlalchemy.dialects import postgresql  # noqa: F401 - registers func.to_tsvector & co.
from sqlalchemy.orm import Session

from storage.models import Learning

# PostgreSQL's `simple` configuration: no stemming (learnings are in two languages) and no
# stop words; the GIN index `ix_learnings_search` is on exactly this expression.
_PG_CONFIG = literal_column("'simple'::regconfig")

_FTS = table("learnings_fts", column("rowid", Integer))


def text_match(session: Session, terms: Sequence[str]) -> Subquery:
    """Learnings whose words start with every term: columns `id` and `rank` (lower is better).

    Terms must be folded words of letters and digits (see bot.search_query.terms_of).
    """
    if not terms or not all(term.isalnum() for term in terms):
        raise ValueError("search terms must be non-empty words of letters and digits")
    if session.get_bind().dialect.name == "postgresql":
        vector = func.to_tsvector(_PG_CONFIG, Learning.search_text)
        query = func.to_tsquery(_PG_CONFIG, " & ".join(f"'{term}':*" for term in terms))
        return (
            select(Learning.id.label("id"), (-func.ts_rank(vector, query)).label("rank"))
            .where(vector.op("@@")(query))
            .subquery("text_match")
        )
    match = " ".join(f'"{term}"*' for term in terms)
    fts = literal_column("learnings_fts")
    return (
        select(_FTS.c.rowid.label("id"), func.bm25(fts).label("rank"))
        .select_from(_FTS)
        .where(fts.op("MATCH")(match))
        .subquery("text_match")
    )
