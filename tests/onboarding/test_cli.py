"""`learnloop resources …` and `learnloop onboarding …`, run as a user would."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

from bot.runtime import open_runtime
from bot.settings import parse_settings
from storage.onboarding import list_resources, start_newcomer
from storage.workspaces import ensure_workspace
from tests.support.processes import learnloop_env, run_learnloop

SAMPLE = """\
resources:
  - title: Our handbook
    url: https://example.org/handbook
    description: Who we are and how we work.
    day: 0
  - title: Field safety
    url: https://example.org/safety
    lever: knowledge_tools
    day: 3
    audience: staff
  - title: Volunteer charter
    url: https://example.org/charter
    day: 1
    audience: volunteer
"""


def learnloop(*args: str, database_url: str, cwd, slack=None) -> subprocess.CompletedProcess:
    return run_learnloop(list(args), learnloop_env(slack, database_url), cwd)


def _workspace(database_url: str, team_id: str = "T1") -> None:
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    with runtime.deps.sessions.begin() as session:
        ensure_workspace(session, team_id)
    runtime.engine.dispose()


def _titles(database_url: str) -> list[str]:
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    with runtime.deps.sessions() as session:
        titles = [row.title for row in list_resources(session, "T1")]
    runtime.engine.dispose()
    return titles


def _last_line(result: subprocess.CompletedProcess) -> str:
    return result.stderr.strip().splitlines()[-1]


def test_add_list_and_remove(database_url, tmp_path):
    _workspace(database_url)
    added = learnloop(
        "resources",
        "add",
        "Our handbook",
        "https://example.org/handbook",
        "--day",
        "3",
        "--audience",
        "staff",
        "--lever",
        "outils",
        "--description",
        "Chapter one",
        database_url=database_url,
        cwd=tmp_path,
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout == ("Added resource #1: Our handbook (day 3, staff, knowledge_tools).\n")
    listed = learnloop("resources", "list", database_url=database_url, cwd=tmp_path)
    assert listed.stdout.splitlines() == [
        "#1\t3\tstaff\tknowledge_tools\tOur handbook\thttps://example.org/handbook"
    ]
    removed = learnloop("resources", "remove", "1", database_url=database_url, cwd=tmp_path)
    assert removed.stdout == "Removed resource #1.\n"
    assert _titles(database_url) == []
    again = learnloop("resources", "remove", "1", database_url=database_url, cwd=tmp_path)
    assert again.returncode == 2 and "There is no resource #1" in _last_line(again)


def test_bad_input_is_refused_with_the_field_named_and_nothing_saved(database_url, tmp_path):
    _workspace(database_url)
    cases = [
        (["ftp://example.org/x"], "The url `ftp://example.org/x` is not a web link"),
        (["https://example.org", "--day", "366"], "The day `366` is not a whole number"),
        (["https://example.org", "--audience", "donors"], "The audience `donors` is unknown"),
        (["https://example.org", "--lever", "fundraising"], "`fundraising` is not a lever"),
    ]
    for args, words in cases:
        result = learnloop(
            "resources", "add", "Title", *args, database_url=database_url, cwd=tmp_path
        )
        assert result.returncode == 2, args
        assert words in _last_line(result), result.stderr
        assert result.stdout == ""
    assert _titles(database_url) == []


def test_import_adds_then_updates_by_link(database_url, tmp_path):
    _workspace(database_url)
    sample = tmp_path / "resources.yml"
    sample.write_text(SAMPLE)
    first = learnloop("resources", "import", str(sample), database_url=database_url, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == f"{sample}: 3 added, 0 updated.\n"
    sample.write_text(SAMPLE.replace("day: 3", "day: 5"))
    second = learnloop("resources", "import", str(sample), database_url=database_url, cwd=tmp_path)
    assert second.stdout == f"{sample}: 0 added, 3 updated.\n"
    listed = learnloop("resources", "list", database_url=database_url, cwd=tmp_path).stdout
    assert "\t5\tstaff\tknowledge_tools\tField safety\t" in listed
    assert len(listed.splitlines()) == 3


def test_an_import_with_one_bad_entry_imports_nothing(database_url, tmp_path):
    _workspace(database_url)
    sample = tmp_path / "resources.yml"
    sample.write_text(SAMPLE.replace("audience: volunteer", "audience: donors"))
    result = learnloop("resources", "import", str(sample), database_url=database_url, cwd=tmp_path)
    assert result.returncode == 2
    assert _last_line(result) == (
        f"learnloop: {sample}: resource 3 of the file: The audience `donors` is unknown: use "
        "staff, volunteer, partner or everyone, for example `everyone`. Nothing was imported."
    )
    assert _titles(database_url) == []
    broken = tmp_path / "broken.yml"
    broken.write_text("resources: [unclosed\n")
    result = learnloop("resources", "import", str(broken), database_url=database_url, cwd=tmp_path)
    assert result.returncode == 2 and "not valid YAML" in _last_line(result)
    missing = learnloop(
        "resources", "import", "nowhere.yml", database_url=database_url, cwd=tmp_path
    )
    assert missing.returncode == 2 and "Cannot read `nowhere.yml`" in _last_line(missing)


def test_the_workspace_comes_from_the_bot_token_on_a_fresh_database(database_url, tmp_path, slack):
    result = learnloop(
        "resources",
        "add",
        "Our handbook",
        "https://example.org/handbook",
        database_url=database_url,
        cwd=tmp_path,
        slack=slack,
    )
    assert result.returncode == 0, result.stderr
    listed = learnloop(
        "resources", "list", "--team", "T0001", database_url=database_url, cwd=tmp_path
    )
    assert "Our handbook" in listed.stdout


def test_without_a_workspace_or_a_token_the_team_must_be_named(database_url, tmp_path):
    result = learnloop("resources", "list", database_url=database_url, cwd=tmp_path)
    assert result.returncode == 2 and "--team" in _last_line(result)


def test_onboarding_status_and_settings(database_url, tmp_path):
    _workspace(database_url)
    learnloop(
        "resources",
        "add",
        "Handbook",
        "https://example.org/h",
        database_url=database_url,
        cwd=tmp_path,
    )
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    with runtime.deps.sessions.begin() as session:
        start_newcomer(
            session,
            "T1",
            "UNEW",
            is_guest=False,
            source="team_join",
            days=[],
            now=datetime(2026, 11, 2, 9, tzinfo=UTC),
        )
    runtime.engine.dispose()
    status = learnloop("onboarding", "status", database_url=database_url, cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    header, row = status.stdout.splitlines()
    assert header == "user\tstarted\tday\tstatus\tdone"
    assert row.startswith("UNEW\t2026-11-02\t") and row.endswith("\tactive\t0/1")

    shown = learnloop("onboarding", "settings", database_url=database_url, cwd=tmp_path)
    assert shown.stdout == "Onboarding channels: none. Nudge days: 1, 3, 7, 14, 30.\n"
    changed = learnloop(
        "onboarding",
        "settings",
        "--channels",
        "C0WELCOME,C0TEAM",
        "--days",
        "2,5",
        database_url=database_url,
        cwd=tmp_path,
    )
    assert changed.stdout == "Onboarding channels: C0WELCOME, C0TEAM. Nudge days: 2, 5.\n"
    refused = learnloop(
        "onboarding",
        "settings",
        "--channels",
        "#general",
        database_url=database_url,
        cwd=tmp_path,
    )
    assert refused.returncode == 2 and "not channel ids" in _last_line(refused)


def test_empty_lists_say_so(database_url, tmp_path):
    _workspace(database_url)
    status = learnloop("onboarding", "status", database_url=database_url, cwd=tmp_path)
    assert status.stdout == "Nobody is on an onboarding path yet.\n"
    listed = learnloop("resources", "list", database_url=database_url, cwd=tmp_path)
    assert listed.stdout.startswith("No resources yet: add one with `learnloop resources add")
