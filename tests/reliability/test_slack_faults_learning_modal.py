"""The learning modal when Slack answers 429, 500, ok:false or too late, end to end.

For each fault: what the person sees, that the learning they submitted is stored once, and
that nothing Slack may have done already (a post, a modal, a message) is done again.
"""

from __future__ import annotations

import pytest

from bot.ids import LearningAction
from tests.learning.helpers import (
    answer_after,
    buttons,
    click,
    command,
    dm_messages,
    form,
    learnings,
    open_modal,
    shortcut,
    submit,
)
from tests.reliability.slack_fault_cases import (
    FAULT_PARAMS,
    FAULTS,
    REFUSED,
    done,
    logged,
    settle,
    short_timeout_bot,  # noqa: F401 - `bot`
)


def _posts(slack, channel: str = "CGENERAL") -> list[dict]:
    return [m for m in slack.messages(channel) if m.get("bot_id")]


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_learning_modal_slack_does_not_open_is_said_and_never_opened_twice(bot, slack, fault):
    slack.inject("views.open", **FAULTS[fault])
    response = command(bot, "")
    assert response.status == 200 and response.body.strip() == ""
    settle(bot, slack, "views.open")
    opened = done(slack, "views.open")
    if fault == "429-then-ok":
        assert len(opened) == 1
        assert slack.responses == []
    elif fault in REFUSED:
        assert opened == []
        [answer] = slack.wait_for_responses(1)
        assert "Slack did not open the form" in answer["text"]
        assert "`/learning &lt;what you learned&gt;`" in answer["text"]
    else:  # Slack opened it after the client stopped waiting: said, not opened again
        assert len(opened) == 1 and len(slack.calls_to("views.open")) == 1
        [answer] = slack.wait_for_responses(1)
        assert "If it is not on your screen" in answer["text"]
    assert learnings(bot) == []


@pytest.mark.parametrize("method", ["chat.getPermalink", "views.open"])
@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_save_as_learning_opens_its_modal_once_or_says_slack_did_not(bot, slack, fault, method):
    message = slack.post_user_message("CGENERAL", "UBRUNO", "Train volunteers on day one")
    slack.inject(method, **FAULTS[fault])
    assert shortcut(bot, message).status == 200
    settle(bot, slack, "views.open")
    opened = done(slack, "views.open")
    if method == "views.open" and fault in REFUSED:
        assert opened == []
        [answer] = slack.wait_for_responses(1)
        assert "Slack did not open the form" in answer["text"]
    else:  # a missing link never keeps the form from opening
        [view] = opened
        credit = str(view.params["view"])
        assert ("/archives/CGENERAL/p" in credit) == (
            method == "views.open" or fault == "429-then-ok"
        )
    assert len(slack.calls_to("views.open")) == (
        2 if (method, fault) == ("views.open", "429-then-ok") else 1
    )
    assert learnings(bot) == []


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_learning_slack_does_not_post_is_stored_once_and_its_author_told(bot, slack, fault):
    view = open_modal(bot)
    slack.inject("chat.postMessage", **FAULTS[fault])
    response = submit(bot, view, form("Pair newcomers with a buddy", share="post"))
    assert response.status == 200 and response.body.strip() == ""  # the modal closes
    [confirmation] = slack.wait_for_ephemerals(1, user="UALICE")
    [learning] = learnings(bot)  # stored before the modal closed, whatever Slack did
    assert learning.text == "Pair newcomers with a buddy" and learning.visibility == "post"
    assert f"learning #{learning.id}" in confirmation["text"]
    if fault == "429-then-ok":
        [post] = _posts(slack)
        assert "Posted in <#CGENERAL>" in confirmation["text"]
        assert learning.message_ts == post["ts"]
    elif fault in REFUSED:
        assert _posts(slack) == []
        assert "did not take the post in <#CGENERAL>" in confirmation["text"]
        assert "It is saved all the same" in confirmation["text"]
        assert learning.message_ts is None
    else:  # posted late: never posted again, and the author is asked to look
        [post] = slack.wait_for_messages("CGENERAL", 1)
        assert "did not confirm the post in <#CGENERAL>" in confirmation["text"]
        assert "It is saved all the same" in confirmation["text"]
        assert post["text"]
    bot.wait_idle()
    assert len(_posts(slack)) <= 1
    assert len([c for c in slack.calls_to("chat.postMessage") if c.status == 200]) <= 1
    assert len(learnings(bot)) == 1


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_post_whose_link_slack_does_not_give_is_still_known_as_posted(bot, slack, fault):
    view = open_modal(bot)
    slack.inject("chat.getPermalink", **FAULTS[fault])
    submit(bot, view, form("Rotate who chairs the meeting", share="post"))
    [confirmation] = slack.wait_for_ephemerals(1, user="UALICE")
    bot.wait_idle()
    [post] = _posts(slack)
    assert "Posted in <#CGENERAL>" in confirmation["text"]
    [learning] = learnings(bot)
    # Known as posted, so an edit updates the post and a deletion removes it.
    assert (learning.message_channel_id, learning.message_ts) == ("CGENERAL", post["ts"])
    assert bool(learning.permalink) == (fault == "429-then-ok")


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_confirmation_slack_does_not_show_comes_by_dm_once(bot, slack, fault):
    view = open_modal(bot)
    slack.inject("chat.postEphemeral", **FAULTS[fault])
    submit(bot, view, form("Keep meeting notes in one place"))
    settle(bot, slack, "chat.postEphemeral")
    [learning] = learnings(bot)
    shown = slack.ephemerals(user="UALICE")
    dms = dm_messages(bot, "UALICE")
    if fault in REFUSED:
        assert shown == []
        [dm] = dms
        assert f"learning #{learning.id}" in dm["text"]
    else:  # shown, if late: a DM as well would say it twice
        [ephemeral] = shown
        assert f"learning #{learning.id}" in ephemeral["text"]
        assert dms == []


def _posted_learning(bot, slack) -> int:
    """A learning logged with the modal and posted in #general; its id."""
    view = open_modal(bot)
    submit(bot, view, form("Share the minutes", lever="knowledge_tools", share="post"))
    slack.wait_for_ephemerals(1, user="UALICE")
    bot.wait_idle()
    [learning] = learnings(bot)
    assert learning.message_ts
    return learning.id


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_an_edit_is_saved_once_whatever_slack_answers_to_updating_its_post(
    bot, slack, caplog, fault
):
    learning_id = _posted_learning(bot, slack)
    [edit] = buttons(answer_after(bot, "mine"), LearningAction.EDIT)
    click(bot, edit)
    slack.wait_for("views.open", 2)
    editing = slack.current_view("UALICE")
    slack.inject("chat.update", **FAULTS[fault])
    submit(bot, editing, form("Share the minutes within a day", lever="team_learning"))
    [_, updated] = slack.wait_for("chat.postEphemeral", 2)
    assert f"Learning #{learning_id} is updated" in updated.params["text"]
    settle(bot, slack, "chat.update")
    [learning] = learnings(bot)
    assert (learning.id, learning.text) == (learning_id, "Share the minutes within a day")
    [post] = _posts(slack)
    assert ("within a day" in post["text"]) == (fault not in REFUSED)
    # Told only when Slack said no: after a timeout the post was updated late.
    told = "<#CGENERAL> still shows what it said before" in updated.params["text"]
    assert told == (fault in REFUSED)
    if fault in REFUSED:
        assert logged(caplog, f"post of learning {learning_id} not updated")
    assert len(slack.calls_to("chat.update")) == (2 if fault == "429-then-ok" else 1)


@pytest.mark.parametrize("fault", FAULT_PARAMS)
def test_a_deletion_is_done_once_and_said_whatever_slack_answers_to_removing_its_post(
    bot, slack, caplog, fault
):
    learning_id = _posted_learning(bot, slack)
    [delete] = buttons(answer_after(bot, "mine"), LearningAction.DELETE)
    slack.inject("chat.delete", **FAULTS[fault])
    click(bot, delete)
    deleted = slack.wait_for_responses(2)[1]
    assert f"Learning #{learning_id} is deleted" in deleted["text"]
    settle(bot, slack, "chat.delete")
    [learning] = learnings(bot)
    assert learning.deleted_at is not None
    assert (_posts(slack) == []) == (fault not in REFUSED)
    told = "post in <#CGENERAL> is still there" in deleted["text"]
    assert told == (fault in REFUSED)
    if fault in REFUSED:
        assert logged(caplog, f"post of learning {learning_id} not deleted")
    assert len(slack.calls_to("chat.delete")) == (2 if fault == "429-then-ok" else 1)
