"""`learnloop report` writes the digest as Markdown (chart beside it) or HTML (chart inside)."""

from __future__ import annotations

import base64
import io
import re
import subprocess
from datetime import UTC, datetime, timedelta

import matplotlib.image

from bot.insights.charts import CHART_SIZE
from bot.periods import period_of, previous
from bot.runtime import open_runtime
from bot.settings import parse_settings
from storage.checkins import claim_round, save_answer, set_round_status
from storage.learnings import add_learning
from tests.support.processes import learnloop_env, run_learnloop


def learnloop(*args: str, database_url: str, cwd) -> subprocess.CompletedProcess:
    return run_learnloop(list(args), learnloop_env(None, database_url), cwd)


def _seed(database_url: str) -> None:
    """Learnings in last week (as the CLI's clock sees it) and a closed check-in with comments."""
    week = previous(period_of("weekly", datetime.now(UTC), "UTC"), "UTC")
    runtime = open_runtime(parse_settings({"DATABASE_URL": database_url}))
    with runtime.deps.sessions.begin() as session:
        for lever, text in [
            ("onboarding", "buddies"),
            ("onboarding", "a checklist"),
            ("retention", "stay interviews"),
        ]:
            add_learning(
                session,
                team_id="T1",
                text=text,
                lever=lever,
                source="command",
                user_id="U1",
                channel_id="C1",
                now=week.start + timedelta(days=1),
            )
        checkin_round = claim_round(
            session,
            team_id="T1",
            channel_id="C1",
            cadence="monthly",
            period="2026-10",
            period_start=week.start - timedelta(days=40),
            period_end=week.start,
            language="en",
            created_at=week.start - timedelta(days=40),
        )
        for user, level, comment in [
            ("U1", 2, "slow & steady"),
            ("U2", 3, None),
            ("U3", 3, "<b>better</b>"),
        ]:
            save_answer(
                session,
                checkin_round,
                "onboarding",
                user,
                level,
                week.start,
                comment,
                set_comment=True,
            )
        save_answer(
            session, checkin_round, "retention", "U1", 1, week.start, "only me", set_comment=True
        )
        set_round_status(session, checkin_round.id, "closed")
    runtime.engine.dispose()


def test_markdown_report_with_its_chart_beside_it(database_url, tmp_path):
    _seed(database_url)
    out = tmp_path / "reports" / "week.md"
    result = learnloop(
        "report", "--format", "md", "--out", str(out), database_url=database_url, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "week.md" in result.stdout and "week-chart.png" in result.stdout

    report = out.read_text()
    assert report.startswith("# learnloop report, ")
    assert "![Chart: learnings per lever" in report and "(week-chart.png)" in report
    assert "## New learnings: 3" in report
    assert "- Onboarding newcomers: 2" in report and "- Staff retention: 1" in report
    assert "- Onboarding newcomers: 2.7 / 4 (3 answers)" in report
    assert "- Staff retention: fewer than 3 answers, not shown" in report
    # Comments only where at least three answered, without names.
    assert "Onboarding newcomers: slow & steady" in report
    assert "only me" not in report
    assert "U2" not in report and "@U1" not in report
    image = matplotlib.image.imread(tmp_path / "reports" / "week-chart.png")
    assert image.shape[:2] == (CHART_SIZE[1], CHART_SIZE[0])


def test_html_report_embeds_its_chart_and_escapes_text(database_url, tmp_path):
    _seed(database_url)
    out = tmp_path / "week.html"
    result = learnloop(
        "report",
        "--format",
        "html",
        "--out",
        str(out),
        "--language",
        "fr",
        database_url=database_url,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr

    page = out.read_text()
    assert "<h2>Nouveaux apprentissages : 3</h2>" in page
    assert "&lt;b&gt;better&lt;/b&gt;" in page and "<b>better</b>" not in page
    [data] = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    image = matplotlib.image.imread(io.BytesIO(base64.b64decode(data)), format="png")
    assert image.shape[:2] == (CHART_SIZE[1], CHART_SIZE[0])
    assert not list(tmp_path.glob("*.png"))


def test_an_empty_database_gets_an_honest_report_without_a_chart(database_url, tmp_path):
    out = tmp_path / "empty.md"
    result = learnloop("report", "--out", str(out), database_url=database_url, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = out.read_text()
    assert "No chart this time" in report
    assert "## New learnings: 0" in report
    assert not list(tmp_path.glob("*.png"))


def test_an_unknown_format_is_refused_with_an_example(database_url, tmp_path):
    result = learnloop(
        "report",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "r.pdf"),
        database_url=database_url,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "`pdf` is not a report format: use md or html, for example `--format html`" in (
        result.stderr
    )
    assert not (tmp_path / "r.pdf").exists()
