"""`/learning list` and `mine`; editing and deleting one's own; admins delete any; the purge."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.ids import LearningAction, LearningField
from bot.learning.curation import purge_deleted_learnings
from bot.scheduler import JOBS, run_due_jobs
from tests.learning.helpers import (
    answer_after,
    buttons,
    click,
    command,
    form,
    initial_value,
    learnings,
    open_modal,
    seed,
    submit,
    texts,
)


def test_list_shows_the_latest_first_and_can_keep_to_one_lever(bot):
    old = seed(bot, "buddies for newcomers", lever="onboarding", day=1)
    new = seed(bot, "exit interviews", lever="retention", day=9)
    newest = seed(bot, "welcome pack", lever="onboarding", day=20)
    answer = answer_after(bot, "list")
    shown = texts(answer)
    assert shown.index("welcome pack") < shown.index("exit interviews") < shown.index("buddies")
    assert "The latest learnings" in shown
    onboarding = texts(answer_after(bot, "list onboarding"))
    assert "welcome pack" in onboarding and "buddies" in onboarding
    assert "exit interviews" not in onboarding
    assert "Onboarding newcomers" in onboarding
    french = texts(answer_after(bot, "list Intégration des nouveaux collaborateurs", user="UBRUNO"))
    assert "welcome pack" in french and "Intégration des nouveaux collaborateurs" in french
    assert {old, new, newest} == {item.id for item in learnings(bot)}


def test_list_refuses_a_lever_that_does_not_exist(bot):
    answer = command(bot, "list gardening").json()
    assert answer["text"].startswith("`gardening` is not a lever")
    assert "`onboarding`" in answer["text"]


def test_mine_shows_only_ones_own_with_edit_and_delete_buttons(bot):
    mine = seed(bot, "mine: keep notes", user="UALICE")
    credited = seed(bot, "Bruno's words, credited to me", user="UBRUNO", author_id="UALICE")
    seed(bot, "someone else's", user="UBRUNO")
    seed(bot, "anonymous", user=None)
    answer = answer_after(bot, "mine")
    shown = texts(answer)
    assert "keep notes" in shown and "credited to me" in shown
    assert "someone else" not in shown and "anonymous" not in shown.replace("_anonymous", "")
    assert {b["value"] for b in buttons(answer, LearningAction.EDIT)} == {str(mine), str(credited)}
    deletes = buttons(answer, LearningAction.DELETE)
    assert {b["value"] for b in deletes} == {str(mine), str(credited)}
    assert all(b["confirm"]["confirm"]["text"] == "Delete" for b in deletes)
    assert all(b["style"] == "danger" for b in deletes)
    empty = answer_after(bot, "mine", user="UADMIN")
    assert "You have not logged any learning yet" in empty["text"]


def test_editing_ones_own_learning_opens_it_and_saves_the_change(bot):
    view = open_modal(bot)
    submit(bot, view, form("Share the minutes", lever="knowledge_tools", share="post", why="lost"))
    bot.slack.wait_for_ephemerals(1, user="UALICE")
    [learning] = learnings(bot)
    answer = answer_after(bot, "mine")
    [edit] = buttons(answer, LearningAction.EDIT)
    assert click(bot, edit).status == 200
    bot.slack.wait_for("views.open", 2)
    editing = bot.slack.current_view("UALICE")
    assert editing["title"]["text"] == f"Edit learning #{learning.id}"
    assert initial_value(editing, LearningField.TEXT) == "Share the minutes"
    assert initial_value(editing, LearningField.LEVER) == "knowledge_tools"
    assert initial_value(editing, LearningField.WHY) == "lost"
    assert LearningField.ANONYMOUS not in str(editing["blocks"])
    submit(bot, editing, form("Share the minutes within a day", lever="team_learning"))
    [_, updated] = bot.slack.wait_for("chat.postEphemeral", 2)
    assert f"Learning #{learning.id} is updated" in updated.params["text"]
    [edited] = learnings(bot)
    assert (edited.id, edited.lever) == (learning.id, "team_learning")
    assert edited.text == "Share the minutes within a day"
    assert edited.aar_why is None
    [post] = bot.slack.messages("CGENERAL")
    assert "within a day" in post["text"]  # the post in the channel follows the edit


def test_nobody_can_edit_or_delete_someone_elses_learning(bot):
    theirs = seed(bot, "Bruno's learning", user="UBRUNO")
    answer = answer_after(bot, "list", user="UALICE")
    assert buttons(answer, LearningAction.EDIT) == []
    assert buttons(answer, LearningAction.DELETE) == []
    forged = {"action_id": LearningAction.EDIT, "value": str(theirs)}
    click(bot, forged, user="UALICE")
    [refusal] = bot.slack.wait_for_responses(2)[1:]
    assert "Only the author of learning" in refusal["text"]
    assert bot.slack.current_view("UALICE") is None
    click(bot, {"action_id": LearningAction.DELETE, "value": str(theirs)}, user="UALICE")
    refusal = bot.slack.wait_for_responses(3)[2]
    assert f"Only the author of learning #{theirs} or an admin can delete it" in refusal["text"]
    [kept] = learnings(bot)
    assert kept.deleted_at is None and kept.text == "Bruno's learning"
    # Submitting an edit modal for it (a forged view) is refused too.
    view = open_modal(bot)
    view["private_metadata"] = f'{{"learning_id": {theirs}}}'
    answer = submit(bot, view, form("hijacked")).json()
    assert answer["response_action"] == "errors"
    assert learnings(bot)[0].text == "Bruno's learning"


def test_deleting_ones_own_hides_it_everywhere_and_removes_its_post(bot):
    view = open_modal(bot)
    submit(bot, view, form("Rotate the chair of meetings", share="post"))
    bot.slack.wait_for_ephemerals(1, user="UALICE")
    [learning] = learnings(bot)
    [delete] = buttons(answer_after(bot, "mine"), LearningAction.DELETE)
    click(bot, delete)
    deleted = bot.slack.wait_for_responses(2)[1]
    assert f"Learning #{learning.id} is deleted" in deleted["text"]
    assert "30 days" in deleted["text"]
    [row] = learnings(bot)
    assert row.deleted_at == bot.deps.now()
    assert bot.slack.messages("CGENERAL") == []
    assert "Rotate" not in texts(answer_after(bot, "search rotate"))
    assert "Rotate" not in texts(answer_after(bot, "list"))


def test_an_admin_can_delete_anyones_learning_but_not_edit_it(bot):
    theirs = seed(bot, "Alice's learning", user="UALICE")
    answer = answer_after(bot, "list", user="UADMIN")
    assert buttons(answer, LearningAction.EDIT) == []
    [delete] = buttons(answer, LearningAction.DELETE)
    click(bot, delete, user="UADMIN")
    bot.slack.wait_for_responses(2)
    [row] = learnings(bot)
    assert row.id == theirs and row.deleted_at is not None


def test_deleted_learnings_are_purged_after_thirty_days_by_the_scheduler(bot):
    assert purge_deleted_learnings in JOBS
    recent = seed(bot, "deleted on the 20th", day=20, deleted=True)
    seed(bot, "deleted on the 1st", day=1, deleted=True)
    live = seed(bot, "still here", day=1)
    run_due_jobs(bot.deps, datetime(2026, 12, 1, 9, tzinfo=UTC))  # 30 days after the 1st
    assert len(learnings(bot)) == 3
    run_due_jobs(bot.deps, datetime(2026, 12, 1, 9, 1, tzinfo=UTC))
    assert {item.id for item in learnings(bot)} == {recent, live}
    run_due_jobs(bot.deps, datetime(2026, 12, 20, 9, 1, tzinfo=UTC))
    assert {item.id for item in learnings(bot)} == {live}
