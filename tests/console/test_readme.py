"""The README's quick start runs as written: `learnloop console --script examples/week.txt`."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from sqlalchemy import select

from bot.runtime import open_runtime
from bot.settings import parse_settings
from storage.models import Learning
from tests.support.processes import learnloop_env, run_learnloop

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WEEK = (ROOT / "examples" / "week.txt").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def fenced(text: str) -> list[tuple[str, list[str]]]:
    """(language, lines) of each fenced block of a text."""
    blocks = re.findall(r"^```(\w*)\n(.*?)\n```$", text, re.DOTALL | re.MULTILINE)
    return [(kind, body.splitlines()) for kind, body in blocks]


def block_after(text: str, marker: str) -> list[str]:
    """The lines of the first fenced block after `marker`."""
    match = re.search(re.escape(marker) + r".*?\n```\w*\n(.*?)\n```", text, re.DOTALL)
    assert match, f"no block after {marker!r} in the README"
    return match.group(1).splitlines()


def test_the_quick_start_script_plays_a_week_from_the_readme_as_written(tmp_path):
    tried = section("Try it in a terminal")
    shell = next(body for kind, body in fenced(tried) if kind == "sh")
    [command] = [line.split("#", 1)[0].strip() for line in shell if "--script" in line]
    args = shlex.split(command)
    assert args[:2] == ["learnloop", "console"]
    database_url = f"sqlite:///{tmp_path / 'learnloop.db'}"

    # From the root of the clone, as the README says; nothing but DATABASE_URL set.
    result = run_learnloop(args[1:], learnloop_env(None, database_url), ROOT)

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("? ")]

    # The README's excerpt is part of the script, and prints what the README shows.
    excerpt = block_after(tried, "<!-- console-script")
    played = [line for line in WEEK.splitlines() if line.strip() and not line.startswith("#")]
    assert any(played[i : i + len(excerpt)] == excerpt for i in range(len(played)))
    shown = block_after(tried, "<!-- console-transcript")
    actual = result.stdout.splitlines()
    position = 0
    for expected in shown:
        if expected.startswith(("──", "⏱")):
            continue  # the dates of the week it runs
        prefix = expected.endswith("…")
        wanted = expected.removesuffix("…").rstrip()
        for index in range(position, len(actual)):
            if actual[index] == wanted or (prefix and actual[index].startswith(wanted)):
                position = index + 1
                break
        else:
            raise AssertionError(f"the README shows {expected!r}, the console did not print it")

    # The week's learnings reached the database: prompt replies (one anonymous), a command.
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}), migrate=False)
    try:
        with runtime.deps.sessions() as session:
            stored = {row.text: row for row in session.scalars(select(Learning))}
    finally:
        runtime.engine.dispose()
    reply = stored["I learn fastest when I pair with someone who has done the task before"]
    assert (reply.user_id, reply.channel_id) == ("UALICE", "CTEAM")
    anonymous = stored["I would like more time to read what other teams wrote"]
    assert anonymous.user_id is None
    command = stored["We moved every template to the shared drive and people finally find them"]
    assert command.lever == "team_learning"
