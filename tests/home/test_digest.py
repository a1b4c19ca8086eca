"""The digest over the fake Slack: a real PNG uploaded with the text, counts matching the
store, reuse, trend and coverage; honest empty states; a channel the bot is not in."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import matplotlib.image
import pytest
from sqlalchemy import func, select

from bot.insights.charts import CHART_SIZE
from bot.insights.digest_job import run_digests
from bot.scheduler import run_due_jobs
from storage.checkins import claim_round, save_answer, set_round_status
from storage.digests import set_digest
from storage.models import DigestRun, DigestSetting, Learning
from storage.reuses import record_reuse
from tests.home.helpers import seed_learning

MONDAY_9 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # the digest of 23–29 November is due
WEEK = (datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC))


def _choose_digest_channel(bot, channel="CGENERAL"):
    answer = bot.requester.command(
        "/learning", "digest weekly", user_id="UADMIN", channel_id=channel
    ).json()
    assert "posted in this channel every week" in answer["text"]


def _closed_round(bot, period, start, levels_by_lever):
    with bot.deps.sessions.begin() as session:
        checkin_round = claim_round(
            session,
            team_id="T0001",
            channel_id="CGENERAL",
            cadence="monthly",
            period=period,
            period_start=start,
            period_end=start + timedelta(days=30),
            language="en",
            created_at=start,
        )
        for lever, levels in levels_by_lever.items():
            for index, level in enumerate(levels):
                save_answer(session, checkin_round, lever, f"U{index:04d}", level, start)
        set_round_status(session, checkin_round.id, "closed")


def _store_counts(bot):
    with bot.deps.sessions() as session:
        return dict(
            session.execute(
                select(Learning.lever, func.count())
                .where(Learning.created_at >= WEEK[0], Learning.created_at < WEEK[1])
                .group_by(Learning.lever)
            ).all()
        )


def test_the_weekly_digest_uploads_a_real_chart_and_counts_that_match_the_store(bot, clock):
    _choose_digest_channel(bot)
    in_week = datetime(2026, 11, 25, 14, tzinfo=UTC)
    for text, lever in [
        ("buddies for newcomers", "onboarding"),
        ("a welcome checklist", "onboarding"),
        ("shadow a partner visit", "onboarding"),
        ("stay interviews each year", "retention"),
        ("weekly show and tell", "team_learning"),
    ]:
        seed_learning(bot, text=text, lever=lever, when=in_week)
    seed_learning(bot, text="older one", lever="retention", when=datetime(2026, 11, 3, tzinfo=UTC))
    useful = seed_learning(
        bot,
        text="a shared calendar of who is where",
        lever="knowledge_tools",
        user_id="UBRUNO",
        when=in_week,
        tags=("calendar",),
    )
    secret = seed_learning(
        bot,
        text="salary bands are negotiable",
        lever="retention",
        channel_id="CPRIVATE",
        when=in_week,
    )
    with bot.deps.sessions.begin() as session:
        for user in ("UALICE", "UADMIN"):
            record_reuse(session, "T0001", useful, user, "useful", in_week)
        record_reuse(session, "T0001", secret, "UBRUNO", "useful", in_week)
    _closed_round(
        bot,
        "2026-10",
        datetime(2026, 10, 1, tzinfo=UTC),
        {"onboarding": [1, 2, 2], "retention": [2, 2]},
    )
    _closed_round(
        bot,
        "2026-11",
        datetime(2026, 11, 1, tzinfo=UTC),
        {"onboarding": [2, 3, 3, 4], "retention": [1, 4]},
    )

    clock.current = MONDAY_9 - timedelta(minutes=1)
    run_due_jobs(bot.deps, clock.current)
    assert bot.slack.files == []  # not before Monday 09:00

    clock.current = MONDAY_9
    run_due_jobs(bot.deps, clock.current)
    run_due_jobs(bot.deps, clock.current + timedelta(minutes=5))  # claimed: never twice

    [upload] = bot.slack.files
    assert upload["channel_id"] == "CGENERAL"
    assert upload["filename"] == "learnloop-2026-W48.png"
    image = matplotlib.image.imread(io.BytesIO(upload["content"]), format="png")
    width, height = CHART_SIZE
    assert image.shape[:2] == (height, width)
    assert image.std() > 0.01  # not a blank image

    text = upload["initial_comment"]
    [message] = [m for m in bot.slack.messages("CGENERAL") if m.get("files")]
    assert message["text"] == text
    counts = _store_counts(bot)
    assert f"*New learnings: {sum(counts.values())}*" in text
    assert ":wave: Onboarding newcomers: 3" in text and counts["onboarding"] == 3
    assert ":anchor: Staff retention: 2" in text and counts["retention"] == 2
    assert ":busts_in_silhouette: Team learning: 1" in text
    assert ":compass: Decentralised decisions: 0" in text
    # Most reused: the public one quoted, the private one never.
    assert "reused 2×: “a shared calendar of who is where”" in text
    assert "(a learning from a private conversation)" in text
    assert "salary bands" not in text
    # Trend: only averages of at least three answers, with the previous period.
    assert "Latest check-in: 2026-11." in text
    assert "Onboarding newcomers: 3.0 / 4 (4 answers), was 1.7" in text
    assert "Staff retention: fewer than 3 answers, not shown" in text
    # Coverage: a lever with no recent learning and a one-author topic, nobody named.
    assert "Decentralised decisions: no learning yet" in text
    assert "#calendar" not in text  # one learning is not yet a topic
    assert "Retros held: 0" in text
    with bot.deps.sessions() as session:
        [run] = session.scalars(select(DigestRun)).all()
    assert (run.period, run.status, run.file_id) == ("2026-W48", "posted", upload["id"])


def test_coverage_in_the_digest_names_a_stale_lever_and_a_one_author_topic(bot, clock):
    _choose_digest_channel(bot)
    long_ago = datetime(2026, 8, 1, tzinfo=UTC)
    seed_learning(
        bot, text="decisions at the field office", lever="decentralisation", when=long_ago
    )
    for text in ("grant reports due in March", "donor reports use one template"):
        seed_learning(
            bot,
            text=text,
            lever="knowledge_tools",
            tags=("Reporting",),
            user_id="UBRUNO",
            when=datetime(2026, 11, 24, tzinfo=UTC),
        )
    clock.current = MONDAY_9
    run_digests(bot.deps, clock.current)

    [upload] = bot.slack.files
    text = upload["initial_comment"]
    assert (
        "Decentralised decisions: no learning in the last 60 days (the last on 2026-08-01)" in text
    )
    assert "#reporting: all 2 learnings come from one person" in text
    assert "UBRUNO" not in text


def test_an_empty_period_posts_the_text_with_a_sentence_instead_of_a_chart(bot, clock):
    _choose_digest_channel(bot)
    clock.current = MONDAY_9
    run_digests(bot.deps, clock.current)

    assert bot.slack.files == []
    [posted] = [
        c for c in bot.slack.calls_to("chat.postMessage") if c.params.get("channel") == "CGENERAL"
    ]
    text = posted.params["text"]
    assert "*New learnings: 0*" in text
    assert "No chart this time" in text
    assert "No check-in has closed yet." in text


def test_a_digest_channel_the_bot_is_not_in_is_skipped_and_the_admin_told_once(bot, clock):
    bot.slack.add_channel("CQUIET", "quiet", members=["UADMIN"])
    with bot.deps.sessions.begin() as session:
        set_digest(session, "T0001", "CQUIET", "weekly", "UADMIN", clock.current)
    seed_learning(
        bot, text="something to chart", lever="onboarding", when=datetime(2026, 11, 24, tzinfo=UTC)
    )

    clock.current = MONDAY_9
    run_due_jobs(bot.deps, clock.current)
    clock.current = MONDAY_9 + timedelta(days=7)
    run_due_jobs(bot.deps, clock.current)

    assert bot.slack.files == []
    assert not bot.slack.calls_to("files.getUploadURLExternal")
    dms = [c for c in bot.slack.calls_to("chat.postMessage") if c.params["channel"] == "UADMIN"]
    assert len(dms) == 1
    assert "could not be posted in <#CQUIET> (not_in_channel)" in dms[0].params["text"]
    with bot.deps.sessions() as session:
        assert session.get(DigestSetting, "T0001").problem == "not_in_channel"
        statuses = [r.status for r in session.scalars(select(DigestRun).order_by(DigestRun.id))]
    assert statuses == ["failed", "failed"]


def test_digest_is_for_admins_and_refuses_a_bad_rhythm(bot):
    refused = bot.requester.command(
        "/learning", "digest", user_id="UALICE", channel_id="CGENERAL"
    ).json()
    assert "Only a workspace admin" in refused["text"]
    bad = bot.requester.command(
        "/learning", "digest yearly", user_id="UADMIN", channel_id="CGENERAL"
    ).json()
    assert "`yearly` is not a digest rhythm" in bad["text"]
    with bot.deps.sessions() as session:
        assert session.get(DigestSetting, "T0001") is None


@pytest.mark.parametrize("language", ["fr"])
def test_a_french_workspace_gets_a_french_digest(bot, clock, language):
    from storage.admin_settings import save_workspace_settings

    with bot.deps.sessions.begin() as session:
        save_workspace_settings(
            session, "T0001", language=language, timezone="Europe/Paris", anonymity="allowed"
        )
    _choose_digest_channel(bot)
    seed_learning(
        bot, text="un binôme", lever="onboarding", when=datetime(2026, 11, 25, tzinfo=UTC)
    )
    clock.current = MONDAY_9
    run_digests(bot.deps, clock.current)
    [upload] = bot.slack.files
    assert "Bilan learnloop du 2026-11-23 au 2026-11-29" in upload["initial_comment"]
    assert ":wave: Intégration des nouveaux collaborateurs : 1" in upload["initial_comment"]
