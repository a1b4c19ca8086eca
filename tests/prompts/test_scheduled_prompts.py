"""Scheduled prompts: the right UTC instant across daylight saving, once whatever happens."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from bot.prompts.posting import post_due_prompts
from bot.prompts.schedules import GRACE
from bot.runtime import open_runtime
from bot.scheduler import run_due_jobs
from tests.prompts.support import bot_messages, new_schedule, prompts, schedules
from tests.support import bot as running


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_weekly_paris_schedule_fires_at_the_right_utc_instant_across_dst(bot):
    new_schedule(bot.deps, cron="0 10 * * MON", timezone="Europe/Paris")
    # Summer time (UTC+2): Monday 19 October 2026, 10:00 in Paris is 08:00 UTC.
    post_due_prompts(bot.deps, at(2026, 10, 19, 7, 59, 50))
    assert prompts(bot.deps) == []
    post_due_prompts(bot.deps, at(2026, 10, 19, 8, 0, 10))
    post_due_prompts(bot.deps, at(2026, 10, 19, 8, 0, 30))  # the next tick posts nothing more
    assert [p.due_at for p in prompts(bot.deps)] == [at(2026, 10, 19, 8)]
    # Clocks went back on 25 October: Monday 26 October, 10:00 in Paris is 09:00 UTC.
    run_due_jobs(bot.deps, at(2026, 10, 26, 8, 0, 10))
    assert len(prompts(bot.deps)) == 1
    run_due_jobs(bot.deps, at(2026, 10, 26, 9, 0, 10))
    assert [p.due_at for p in prompts(bot.deps)] == [at(2026, 10, 19, 8), at(2026, 10, 26, 9)]
    assert all(p.status == "posted" and p.message_ts for p in prompts(bot.deps))
    assert len(bot_messages(bot.slack)) == 2


def test_spring_forward_moves_the_utc_instant_back_an_hour(bot):
    new_schedule(bot.deps, cron="0 10 * * 1", timezone="Europe/Paris")  # numeric Monday
    post_due_prompts(bot.deps, at(2026, 3, 23, 9, 0, 5))  # winter: 09:00 UTC
    post_due_prompts(bot.deps, at(2026, 3, 30, 8, 0, 5))  # summer: 08:00 UTC
    assert [p.due_at for p in prompts(bot.deps)] == [at(2026, 3, 23, 9), at(2026, 3, 30, 8)]


def test_a_missed_due_time_is_posted_once_within_grace_and_never_replayed(bot):
    new_schedule(bot.deps, cron="0 10 * * *", timezone="Europe/Paris")  # every day
    # Down for three days: coming back within the grace period posts the latest one only.
    back = at(2026, 11, 26, 9) + GRACE - timedelta(minutes=1)
    post_due_prompts(bot.deps, back)
    post_due_prompts(bot.deps, back + timedelta(seconds=20))
    assert [p.due_at for p in prompts(bot.deps)] == [at(2026, 11, 26, 9)]
    # Back too late for the next day's one: skipped, nothing posted.
    post_due_prompts(bot.deps, at(2026, 11, 27, 9) + GRACE + timedelta(minutes=1))
    assert len(prompts(bot.deps)) == 1
    assert len(bot_messages(bot.slack)) == 1


def test_a_schedule_never_fires_a_due_time_from_before_it_was_set_up(bot):
    new_schedule(bot.deps, cron="0 10 * * *", timezone="UTC", since=at(2026, 11, 26, 10, 5))
    post_due_prompts(bot.deps, at(2026, 11, 26, 10, 6))
    assert prompts(bot.deps) == []
    post_due_prompts(bot.deps, at(2026, 11, 27, 10, 0, 1))
    assert len(prompts(bot.deps)) == 1


def test_two_schedulers_on_one_database_post_one_prompt(bot, slack, database_url):
    new_schedule(bot.deps, cron="*/5 * * * *", timezone="UTC")
    other = open_runtime(running.test_settings(slack, database_url))
    try:
        for minute in (0, 5, 10, 15, 20):
            now = at(2026, 11, 26, 9, minute, 1)
            start = threading.Barrier(2)
            errors: list[BaseException] = []

            def tick(deps, now=now, start=start, errors=errors) -> None:
                start.wait()
                try:
                    post_due_prompts(deps, now)
                except BaseException as error:  # surfaced below
                    errors.append(error)

            threads = [
                threading.Thread(target=tick, args=(deps,)) for deps in (bot.deps, other.deps)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
            assert errors == []
    finally:
        other.engine.dispose()
    assert len(prompts(bot.deps)) == 5
    assert len(slack.calls_to("chat.postMessage")) == 5
    assert len(bot_messages(slack)) == 5


def test_rate_limited_then_success_posts_exactly_once(bot, slack):
    new_schedule(bot.deps)
    slack.inject("chat.postMessage", status=429, retry_after=0)
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 5))
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 25))
    calls = slack.calls_to("chat.postMessage")
    assert [c.status for c in calls] == [429, 200]
    assert len(bot_messages(slack)) == 1
    [prompt] = prompts(bot.deps)
    assert prompt.status == "posted"


def test_a_failure_is_logged_and_tried_again_next_tick_then_less_often(bot, slack, caplog):
    schedule_id = new_schedule(bot.deps)
    slack.inject("chat.postMessage", error="internal_error", times=2)
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 5))
    [prompt] = prompts(bot.deps)
    assert (prompt.status, prompt.error) == ("failed", "internal_error")
    assert any(
        "CGENERAL" in record.getMessage() and "internal_error" in record.getMessage()
        for record in caplog.records
    )
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 25))  # next tick: tried, fails again
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 45))  # too soon after two failures
    assert len(slack.calls_to("chat.postMessage")) == 2
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 1, 5))
    [prompt] = prompts(bot.deps)
    assert (prompt.status, prompt.attempts, prompt.error) == ("posted", 3, None)
    assert len(bot_messages(slack)) == 1
    [schedule] = schedules(bot.deps)
    assert schedule.id == schedule_id and schedule.paused_reason is None


def test_a_removed_bot_pauses_the_schedule_and_tells_its_creator_once(bot, slack):
    new_schedule(bot.deps, created_by="UBRUNO")
    slack.set_bot_in_channel("CGENERAL", False)
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 5))
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 25))
    post_due_prompts(bot.deps, at(2026, 12, 7, 9, 0, 5))
    [schedule] = schedules(bot.deps)
    assert schedule.paused_reason == "not_in_channel"
    assert schedule.enabled is True  # paused, not lost
    dms = [c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "UBRUNO"]
    assert len(dms) == 1
    assert "mis en pause" in dms[0].params["text"]  # Bruno reads French
    assert [p.status for p in prompts(bot.deps)] == ["skipped"]

    # Added back: the schedule resumes from now and says so in the channel.
    slack.set_bot_in_channel("CGENERAL", True)
    bot.requester.event({"type": "member_joined_channel", "user": "UBOT", "channel": "CGENERAL"})
    slack.wait_for("chat.postMessage", predicate=lambda c: c.params.get("channel") == "CGENERAL")
    bot.wait_idle()
    assert schedules(bot.deps)[0].paused_reason is None
    assert "reflection prompts resume here" in slack.messages("CGENERAL")[-1]["text"]


def test_an_archived_channel_pauses_its_schedule(bot, slack):
    new_schedule(bot.deps)
    slack.archive_channel("CGENERAL")
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 5))
    assert schedules(bot.deps)[0].paused_reason == "is_archived"
    dms = [c for c in slack.calls_to("chat.postMessage") if c.params["channel"] == "UALICE"]
    assert len(dms) == 1 and "it was archived" in dms[0].params["text"]


def test_levers_rotate_and_questions_follow_the_five_then_obstacles(bot, slack):
    new_schedule(
        bot.deps,
        cron="0 * * * *",
        timezone="UTC",
        lever_mode="subset",
        levers=("onboarding", "retention"),
    )
    for hour in range(4):
        post_due_prompts(bot.deps, at(2026, 11, 30, hour, 0, 5))
    posted = prompts(bot.deps)
    assert [p.lever for p in posted] == ["onboarding", "retention", "onboarding", "retention"]
    assert [p.question_key for p in posted] == [
        "prompts.q.onboarding.why",
        "prompts.q.retention.why",
        "prompts.q.onboarding.actions",
        "prompts.q.retention.actions",
    ]
    first = bot_messages(slack)[0]
    assert "Onboarding newcomers" in first["text"]
    assert "Why did we make onboarding newcomers a priority?" in first["text"]
    blocks = str(first["blocks"])
    assert "Reply in this thread" in blocks and "Answer anonymously" in blocks


def test_french_prompts_read_as_natural_french(bot, slack):
    new_schedule(bot.deps, language="fr", lever_mode="fixed", levers=("decentralisation",))
    post_due_prompts(bot.deps, at(2026, 11, 30, 9, 0, 5))
    [message] = bot_messages(slack)
    text = str(message["blocks"])
    assert "Un temps de réflexion : Décentralisation de la décision" in text
    assert (
        "Pourquoi avons-nous fait de la décentralisation de la décision une priorité ? "
        "Quelles décisions devraient être prises au plus près du terrain ?"
    ) in text
    assert "Répondez dans ce fil : chaque réponse est enregistrée comme un apprentissage" in text
    assert "Répondre anonymement" in text
