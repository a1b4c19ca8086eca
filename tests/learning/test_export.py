"""`/learning export`: a file of every matching learning the person may read, sent by DM."""

from __future__ import annotations

import csv
import io
import json

from storage.learnings import Review
from tests.learning.helpers import command, seed


def _export(bot, text: str, user: str = "UALICE") -> dict:
    before = len(bot.slack.files)
    response = command(bot, text, user=user)
    assert response.status == 200
    assert response.elapsed < 3
    assert "Preparing your export" in response.json()["text"] or user == "UBRUNO"
    bot.slack.wait_for("files.completeUploadExternal", before + 1)
    return bot.slack.files[before]


def _seed_team(bot) -> dict[str, int]:
    return {
        "buddy": seed(
            bot,
            "Pair each newcomer with a buddy",
            lever="onboarding",
            user="UBRUNO",
            day=2,
            permalink="https://test-workspace.slack.com/archives/CGENERAL/p100",
            review=Review(expected="They find their way alone", next="A buddy in week one"),
            tags=["buddies"],
        ),
        "exit": seed(bot, 'Exit interviews, "quoted", with a comma', lever="retention", day=8),
        "welcome": seed(bot, "Welcome pack\nwith a map", lever="onboarding", user=None, day=15),
        "secret": seed(bot, "Secret reorganisation", lever="retention", channel="CPRIVATE", day=16),
        "deleted": seed(bot, "Deleted learning", lever="onboarding", day=17, deleted=True),
    }


def test_the_markdown_export_reads_as_a_document_grouped_by_lever(bot):
    ids = _seed_team(bot)
    file = _export(bot, "export")
    assert file["filename"] == "learnings-2026-11-26.md"
    dm = bot.slack.channel(file["channel_id"])
    assert dm["is_im"] and dm["im_user"] == "UALICE"
    assert "Learnings in it: 4." in file["initial_comment"]
    assert "Learnings: 4, grouped by lever" in file["content"].decode()
    text = file["content"].decode()
    assert text.startswith("# What our team learned\n")
    retention = text.index("## Staff retention (2)")  # levers in their usual order
    onboarding = text.index("## Onboarding newcomers (2)")
    assert retention < text.index("Exit interviews") < onboarding
    assert onboarding < text.index("Pair each newcomer") < text.index("Welcome pack")
    assert "- **2026-11-02** · bruno · [message](https://test-workspace.slack.com/archives/" in text
    assert "  - *Expected:* They find their way alone" in text
    assert "  - *Keep or change:* A buddy in week one" in text
    assert "  - *Tags:* buddies" in text
    assert "**2026-11-15** · anonymous" in text
    assert "  with a map" in text  # lines of a learning are kept
    assert "Secret reorganisation" in text  # Alice is a member of the private channel
    assert "Deleted learning" not in text
    assert len(ids) == 5


def test_csv_and_json_exports_hold_every_match_and_nothing_deleted_or_private(bot):
    ids = _seed_team(bot)
    content = _export(bot, "export csv", user="UBRUNO")["content"].decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {int(row["id"]) for row in rows} == {ids["buddy"], ids["exit"], ids["welcome"]}
    exit_row = next(row for row in rows if int(row["id"]) == ids["exit"])
    assert exit_row["text"] == 'Exit interviews, "quoted", with a comma'
    assert exit_row["lever"] == "retention" and exit_row["user_id"] == "UALICE"
    filtered = _export(bot, "export json lever:onboarding since:2026-11-10")
    records = [json.loads(line) for line in filtered["content"].decode().splitlines()]
    assert [record["id"] for record in records] == [ids["welcome"]]
    assert records[0]["user_id"] is None
    by_author = _export(bot, "export json from:@bruno")
    assert [json.loads(line)["id"] for line in by_author["content"].decode().splitlines()] == [
        ids["buddy"]
    ]


def test_an_export_with_nothing_matching_still_sends_a_file(bot):
    file = _export(bot, "export md lever:decentralisation")
    assert "No learnings match yet." in file["content"].decode()


def test_bad_exports_are_refused_at_once_and_send_nothing(bot):
    cases = {
        "export xml": "`xml` is not an export format: use csv, md or json",
        "export csv budget": "An export takes a format and filters, not words such as `budget`",
        "export csv since:soon": "`soon` is not a date",
    }
    for text, expected in cases.items():
        assert expected in command(bot, text).json()["text"], text
    assert bot.slack.calls_to("files.getUploadURLExternal") == []
