"""`learnloop export` takes the same filters as `/learning export`, words included."""

from __future__ import annotations

import json

from bot.runtime import open_runtime
from bot.settings import parse_settings
from tests.support.processes import learnloop_env, run_learnloop


def test_the_cli_export_filters_by_words_and_by_person_and_skips_deleted(database_url, tmp_path):
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    with runtime.deps.sessions.begin() as session:
        from storage.learnings import add_learning, soft_delete

        def add(text, user):
            return add_learning(
                session,
                team_id="T1",
                text=text,
                lever="team_learning",
                source="command",
                user_id=user,
                channel_id="C1",
            )

        equipe = add("L'équipe se réunit le lundi", "U1").id
        add("Budget review", "U2")
        soft_delete(add("L'équipe supprimée", "U1"), runtime.deps.now())
    runtime.engine.dispose()
    env = learnloop_env(None, database_url)
    found = run_learnloop(["export", "--search", "equipe", "--user", "U1"], env, tmp_path)
    assert found.returncode == 0, found.stderr
    assert [json.loads(line)["id"] for line in found.stdout.splitlines()] == [equipe]
