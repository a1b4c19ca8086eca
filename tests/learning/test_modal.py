"""`/learning` alone opens the learning modal; submitting it stores one learning and confirms."""

from __future__ import annotations

from bot.ids import LearningField, LearningView
from tests.learning.helpers import (
    block_ids,
    dm_messages,
    form,
    initial_value,
    learnings,
    open_modal,
    submit,
)


def test_the_command_alone_opens_the_modal_at_once(bot):
    view = open_modal(bot)
    assert view["callback_id"] == LearningView.CAPTURE
    assert view["title"]["text"] == "Log a learning"
    ids = block_ids(view)
    for field in LearningField:
        assert field in ids
    assert initial_value(view, LearningField.SHARE) == "private"
    assert learnings(bot) == []


def test_a_submitted_modal_stores_one_learning_with_its_review_and_confirms(bot):
    view = open_modal(bot)
    response = submit(
        bot,
        view,
        form(
            "Pair each newcomer with a buddy",
            lever="onboarding",
            expected="Newcomers would find their way alone",
            happened="Two left in their first month",
            why="Nobody to ask the small questions",
            keep="A buddy for every first week",
            tags="buddies, #Onboarding, buddies",
        ),
    )
    assert response.status == 200
    assert response.body.strip() == ""  # the modal closes
    [learning] = learnings(bot)
    assert learning.source == "modal"
    assert (learning.user_id, learning.channel_id, learning.lever) == (
        "UALICE",
        "CGENERAL",
        "onboarding",
    )
    assert learning.aar_expected == "Newcomers would find their way alone"
    assert learning.aar_next == "A buddy for every first week"
    assert learning.tags == ["buddies", "Onboarding"]
    assert learning.visibility == "private"
    [confirmation] = bot.slack.wait_for_ephemerals(1, user="UALICE")
    assert confirmation["channel"] == "CGENERAL"
    assert f"learning #{learning.id}" in confirmation["text"]
    assert "Onboarding newcomers" in confirmation["text"]
    assert bot.slack.messages("CGENERAL") == []


def test_a_french_speaker_gets_the_modal_and_the_confirmation_in_french(bot):
    view = open_modal(bot, user="UBRUNO")
    assert view["title"]["text"] == "Noter un apprentissage"
    assert "Qu'avez-vous appris" in str(view["blocks"])
    submit(bot, view, form("Un binôme pour chaque nouvel arrivant"), user="UBRUNO")
    [confirmation] = bot.slack.wait_for_ephemerals(1, user="UBRUNO")
    assert "Enregistré comme apprentissage" in confirmation["text"]


def test_a_lever_left_empty_is_guessed_from_the_text(bot):
    view = open_modal(bot)
    submit(bot, view, form("We moved every template to the wiki"))
    [learning] = learnings(bot)
    assert learning.lever == "knowledge_tools"


def test_errors_show_next_to_their_field_and_nothing_is_stored(bot):
    view = open_modal(bot)
    answer = submit(bot, view, form("   ", tags="a" * 40, why="w" * 1001)).json()
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == {LearningField.TEXT, LearningField.TAGS, LearningField.WHY}
    assert "Write what you learned" in answer["errors"][LearningField.TEXT]
    assert "longer than 30 characters" in answer["errors"][LearningField.TAGS]
    assert "1001 characters" in answer["errors"][LearningField.WHY]
    assert bot.slack.current_view("UALICE")["id"] == view["id"]  # still open
    assert learnings(bot) == []

    too_long = submit(bot, view, form("x" * 3001)).json()
    assert "3001 characters" in too_long["errors"][LearningField.TEXT]
    assert learnings(bot) == []


def test_post_it_to_the_channel_posts_it_escaped_and_links_to_the_post(bot):
    text = "other: <!channel> read <https://evil.example|the bank> with <@UADMIN> & co"
    view = open_modal(bot)
    submit(bot, view, form(text, lever="other", share="post"))
    [confirmation] = bot.slack.wait_for_ephemerals(1, user="UALICE")  # sent last
    [post] = bot.slack.messages("CGENERAL")
    assert post["bot_id"]
    shown = str(post["blocks"]) + post["text"]
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown
    assert "<https://evil.example|" not in shown and "<@UADMIN>" not in shown
    assert "&amp; co" in shown
    assert "<@UALICE>" in shown  # credited to its author
    [learning] = learnings(bot)
    assert learning.text == text  # stored as written
    assert learning.visibility == "post"
    assert (learning.message_channel_id, learning.message_ts) == ("CGENERAL", post["ts"])
    assert learning.permalink.endswith(post["ts"].replace(".", ""))
    assert "Posted in <#CGENERAL>" in confirmation["text"]
    assert "<!channel>" not in str(confirmation)


def test_an_anonymous_learning_stores_no_trace_of_its_author(bot):
    view = open_modal(bot)
    submit(bot, view, form("Funding gaps hurt retention", share="post", anonymous=True))
    [post] = bot.slack.wait_for_messages("CGENERAL", 1)
    assert "UALICE" not in str(post)
    assert "anonymous" in post["text"]
    [learning] = learnings(bot)
    assert learning.user_id is None and learning.author_id is None
    row = {column.key: getattr(learning, column.key) for column in learning.__table__.columns}
    assert "UALICE" not in str(row)
    [confirmation] = bot.slack.wait_for_ephemerals(1, user="UALICE")
    assert "you cannot edit it" in confirmation["text"]


def test_when_the_bot_cannot_post_it_says_so_in_a_dm_and_keeps_the_learning(bot):
    bot.slack.add_channel("COTHER", "other", members=["UALICE"])
    view = open_modal(bot, channel="COTHER")
    submit(bot, view, form("Meet partners on site", share="post"))
    bot.slack.wait_for("chat.postMessage", 2)
    [dm] = dm_messages(bot, "UALICE")
    assert "could not post it in <#COTHER>" in dm["text"]
    assert "/invite @learnloop" in dm["text"]
    [learning] = learnings(bot)
    assert learning.channel_id == "COTHER"


def test_in_a_direct_message_the_modal_offers_no_posting(bot):
    view = open_modal(bot, channel="D0000001")
    assert LearningField.SHARE not in block_ids(view)
    submit(bot, view, form("Read one chapter a week"))
    [learning] = learnings(bot)
    assert learning.channel_id == "D0000001"
    dm = bot.slack.wait_for("chat.postMessage", 1)[0]
    assert dm.params["channel"] == "UALICE"
