"""The "Save as learning" message shortcut: the modal prefilled, the author credited, no duplicates."""

from __future__ import annotations

from bot.ids import LearningField
from tests.learning.helpers import form, initial_value, learnings, shortcut, submit


def _saved_from(bot, message, user="UALICE", **fields):
    before = len(bot.slack.calls_to("views.open"))
    assert shortcut(bot, message, user=user).status == 200
    bot.slack.wait_for("views.open", before + 1)
    view = bot.slack.current_view(user)
    return view, submit(bot, view, form(**fields), user=user)


def test_the_modal_opens_on_the_message_with_its_author_credited(bot):
    message = bot.slack.post_user_message(
        "CGENERAL", "UBRUNO", "Les bénévoles restent quand on les forme dès le premier jour"
    )
    assert shortcut(bot, message).status == 200
    bot.slack.wait_for("views.open", 1)
    view = bot.slack.current_view("UALICE")
    assert initial_value(view, LearningField.TEXT) == message["text"]
    assert initial_value(view, LearningField.LEVER) == "onboarding"  # guessed from the text
    credit = str(view["blocks"][0])
    assert "<@UBRUNO>" in credit and "/archives/CGENERAL/p" in credit

    submit(bot, view, form(message["text"], lever="retention"))
    [learning] = learnings(bot)
    assert learning.source == "shortcut"
    assert (learning.user_id, learning.author_id) == ("UALICE", "UBRUNO")
    assert (learning.message_channel_id, learning.message_ts) == ("CGENERAL", message["ts"])
    assert learning.permalink.endswith("/archives/CGENERAL/p" + message["ts"].replace(".", ""))
    assert learning.lever == "retention"
    [confirmation] = bot.slack.wait_for_ephemerals(1, user="UALICE")
    assert f"#{learning.id}" in confirmation["text"]


def test_saving_the_same_message_twice_updates_the_learning(bot):
    message = bot.slack.post_user_message("CGENERAL", "UBRUNO", "Write the budget with the field")
    _saved_from(bot, message, text="Write the budget with the field")
    view, _ = _saved_from(bot, message, text="Write the budget with the field team", tags="budget")
    assert initial_value(view, LearningField.TEXT) == "Write the budget with the field"
    [learning] = learnings(bot)
    assert learning.text == "Write the budget with the field team"
    assert learning.tags == ["budget"]
    confirmations = bot.slack.wait_for_ephemerals(2, user="UALICE")
    assert f"Learning #{learning.id} is updated" in confirmations[1]["text"]


def test_someone_else_cannot_overwrite_a_saved_message(bot):
    message = bot.slack.post_user_message("CGENERAL", "UADMIN", "Decide locally, report weekly")
    _saved_from(bot, message, text="Decide locally, report weekly")
    assert shortcut(bot, message, user="UBRUNO").status == 200
    [refusal] = bot.slack.wait_for_responses(1)
    assert "déjà enregistré" in refusal["text"]
    assert bot.slack.current_view("UBRUNO") is None
    [learning] = learnings(bot)
    assert learning.user_id == "UALICE"


def test_saving_ones_own_message_anonymously_keeps_nothing_that_points_back(bot):
    message = bot.slack.post_user_message("CGENERAL", "UALICE", "I almost quit in March")
    _saved_from(bot, message, text="I almost quit in March", anonymous=True)
    [learning] = learnings(bot)
    assert (learning.user_id, learning.author_id, learning.permalink) == (None, None, None)


def test_a_deleted_saved_message_can_be_saved_again(bot):
    message = bot.slack.post_user_message("CGENERAL", "UBRUNO", "Archive every contract")
    _saved_from(bot, message, text="Archive every contract")
    with bot.deps.sessions.begin() as session:
        from storage.learnings import get_learning, soft_delete

        soft_delete(get_learning(session, "T0001", learnings(bot)[0].id), bot.deps.now())
    _saved_from(bot, message, user="UADMIN", text="Archive every signed contract")
    [learning] = learnings(bot)
    assert learning.deleted_at is None
    assert (learning.user_id, learning.text) == ("UADMIN", "Archive every signed contract")


def test_a_message_saved_again_with_post_chosen_is_posted_only_once(bot):
    message = bot.slack.post_user_message("CGENERAL", "UBRUNO", "Thank volunteers by name")
    _saved_from(bot, message, text="Thank volunteers by name", share="post")
    bot.slack.wait_for("chat.postEphemeral", 1)
    _saved_from(bot, message, text="Thank volunteers by name, publicly", share="post")
    bot.slack.wait_for("chat.postEphemeral", 2)
    posts = [m for m in bot.slack.messages("CGENERAL") if m.get("bot_id")]
    assert len(posts) == 1
    [learning] = learnings(bot)
    assert learning.permalink.endswith(message["ts"].replace(".", ""))  # still the message's
