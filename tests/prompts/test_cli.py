"""`learnloop schedule add|list|remove` and `learnloop prompt`, run as a user would."""

from __future__ import annotations

import logging
import subprocess

from bot.cli import main
from tests.prompts.support import bot_messages, learnings, message_event, prompts, schedules
from tests.support.processes import learnloop_env, run_learnloop


def learnloop(slack, database_url, tmp_path, *args: str) -> subprocess.CompletedProcess:
    return run_learnloop(list(args), learnloop_env(slack, database_url), tmp_path)


def test_schedule_add_list_remove(bot, slack, database_url, tmp_path):
    added = learnloop(
        slack, database_url, tmp_path,
        "schedule", "add", "--channel", "CGENERAL", "--cron", "0 10 * * MON",
        "--tz", "Europe/Paris", "--levers", "onboarding", "retention", "--language", "fr",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Schedule #1 added for channel CGENERAL: every Monday at 10:00")
    assert "in turn: Onboarding newcomers, Staff retention, in French" in added.stdout
    [schedule] = schedules(bot.deps)
    assert (schedule.team_id, schedule.timezone, schedule.language) == (
        "T0001",
        "Europe/Paris",
        "fr",
    )
    assert (schedule.lever_mode, schedule.levers) == ("subset", ["onboarding", "retention"])
    assert schedule.created_by is None

    again = learnloop(slack, database_url, tmp_path, "schedule", "add", "--channel", "CGENERAL")
    assert again.returncode == 2 and "already has prompt schedule #1" in again.stderr

    listed = learnloop(slack, database_url, tmp_path, "schedule", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split("\t")[:4] == ["#1", "CGENERAL", "0 10 * * MON", "Europe/Paris"]
    assert "\ton\t" in listed.stdout

    removed = learnloop(slack, database_url, tmp_path, "schedule", "remove", "1")
    assert removed.returncode == 0 and "Schedule #1 removed" in removed.stdout
    assert schedules(bot.deps) == []
    missing = learnloop(slack, database_url, tmp_path, "schedule", "remove", "1")
    assert missing.returncode == 2 and "There is no prompt schedule #1" in missing.stderr


def test_bad_input_names_the_field_and_saves_nothing(
    bot, slack, database_url, tmp_path, monkeypatch, capsys
):
    slack.add_channel("CNOBOT", "nobot", members=["UALICE"])
    bad_cron = learnloop(
        slack,
        database_url,
        tmp_path,
        "schedule",
        "add",
        "--channel",
        "CGENERAL",
        "--cron",
        "0 10 * *",
    )
    assert bad_cron.returncode == 2
    assert bad_cron.stderr.strip().splitlines()[-1] == (
        "learnloop: `0 10 * *` is not a cron expression: write five fields (minute hour day "
        "month weekday), for example `0 10 * * MON`."
    )
    not_in = learnloop(slack, database_url, tmp_path, "schedule", "add", "--channel", "CNOBOT")
    assert not_in.returncode == 2
    assert "channel: I am not a member of `CNOBOT`" in not_in.stderr

    # The same command line, in this process, for the other refusals (main() sets up logging:
    # what it changes on the root logger is put back after the test).
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    for name, value in learnloop_env(slack, database_url).items():
        monkeypatch.setenv(name, value)
    cases = [
        (["schedule", "add", "--channel", "CGENERAL", "--cron", "0 25 * * MON"], "cron expression"),
        (["schedule", "add", "--channel", "CGENERAL", "--tz", "Europe/Atlantis"], "time zone"),
        (["schedule", "add", "--channel", "CGENERAL", "--levers", "happiness"], "not a lever"),
        (
            ["schedule", "add", "--channel", "CGENERAL", "--language", "de"],
            "`de` is not a language",
        ),
        (["prompt", "--channel", "CNOWHERE"], "channel: `CNOWHERE` was not found"),
        (["prompt", "--channel", "CGENERAL", "--lever", "x"], "`x` is not a lever"),
    ]
    for argv, said in cases:
        assert main(argv) == 2, argv
        assert said in capsys.readouterr().err, argv
    assert schedules(bot.deps) == []
    assert prompts(bot.deps) == []
    assert slack.calls_to("chat.postMessage") == []


def test_prompt_now_is_recorded_so_the_running_bot_recognises_replies(
    bot, slack, database_url, tmp_path
):
    result = learnloop(
        slack, database_url, tmp_path, "prompt", "--channel", "CGENERAL", "--lever", "tools"
    )
    assert result.returncode == 0, result.stderr
    assert "posted in CGENERAL (Tools to store and share information)" in result.stdout
    [message] = bot_messages(slack)
    [prompt] = prompts(bot.deps)
    assert (prompt.message_ts, prompt.lever, prompt.due_at) == (
        message["ts"],
        "knowledge_tools",
        None,
    )

    # The separate `serve` process (here: the bot under test) captures a reply to it.
    reply = slack.post_user_message(
        "CGENERAL", "UALICE", "Templates live in the wiki", message["ts"]
    )
    bot.requester.event(
        message_event("CGENERAL", "UALICE", reply["text"], reply["ts"], message["ts"])
    )
    bot.wait_idle()
    [learning] = learnings(bot.deps)
    assert (learning.lever, learning.source) == ("knowledge_tools", "prompt_reply")
