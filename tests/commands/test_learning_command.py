"""`/learning <text>` over signed HTTP: stored once, confirmed ephemerally, lever named or guessed."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.ids import Action, LearningView
from storage.models import Learning, Workspace
from storage.models.core import search_text_of


def _learnings(bot) -> list[Learning]:
    with bot.deps.sessions() as session:
        return list(session.scalars(select(Learning).order_by(Learning.id)))


def test_a_learning_with_a_lever_marker_is_stored_once_and_confirmed(bot):
    response = bot.requester.command(
        "/learning",
        "onboarding: pair each newcomer with a buddy",
        user_id="UALICE",
        channel_id="CGENERAL",
    )

    assert response.status == 200
    assert response.elapsed < 3
    answer = response.json()
    assert answer.get("response_type", "ephemeral") == "ephemeral"
    assert "Onboarding newcomers" in answer["text"]
    assert "pair each newcomer with a buddy" in answer["text"]
    [learning] = _learnings(bot)
    assert (learning.team_id, learning.channel_id, learning.user_id) == (
        "T0001",
        "CGENERAL",
        "UALICE",
    )
    assert learning.lever == "onboarding"
    assert learning.text == "pair each newcomer with a buddy"
    assert learning.source == "command"
    assert learning.created_at == bot.deps.now()
    assert f"#{learning.id}" in answer["text"]


def test_a_french_speaker_is_answered_in_french(bot):
    response = bot.requester.command(
        "/learning",
        "intégration : un binôme pour chaque arrivant",
        user_id="UBRUNO",
        channel_id="CGENERAL",
    )
    answer = response.json()
    assert "Intégration des nouveaux collaborateurs" in answer["text"]
    assert "Enregistré" in answer["text"]


def test_a_guessed_lever_is_said_and_can_be_changed_from_the_menu(bot):
    response = bot.requester.command(
        "/learning", "We moved every template to the wiki", user_id="UALICE", channel_id="CGENERAL"
    )
    answer = response.json()
    assert "I guessed the lever *Tools to store and share information*" in answer["text"]
    menu = answer["blocks"][0]["accessory"]
    assert menu["action_id"] == Action.SET_LEVER
    [learning] = _learnings(bot)
    assert learning.lever == "knowledge_tools"

    team_option = next(o for o in menu["options"] if o["value"].endswith(":team_learning"))
    click = bot.requester.block_action(
        Action.SET_LEVER,
        user_id="UALICE",
        channel_id="CGENERAL",
        selected_option=team_option,
        action_type="static_select",
    )
    assert click.status == 200
    [replaced] = bot.slack.wait_for_responses(1)
    assert replaced["replace_original"] is True
    assert "now under *Team learning*" in replaced["text"]
    assert _learnings(bot)[0].lever == "team_learning"


def test_only_the_author_can_change_the_lever(bot):
    bot.requester.command(
        "/learning", "We moved every template to the wiki", user_id="UALICE", channel_id="CGENERAL"
    )
    [learning] = _learnings(bot)
    bot.requester.block_action(
        Action.SET_LEVER,
        user_id="UBRUNO",
        channel_id="CGENERAL",
        selected_option={
            "text": {"type": "plain_text", "text": "x"},
            "value": f"{learning.id}:retention",
        },
        action_type="static_select",
    )
    [refusal] = bot.slack.wait_for_responses(1)
    assert "Seul l'auteur" in refusal["text"]
    assert _learnings(bot)[0].lever == "knowledge_tools"


def test_an_empty_learning_opens_the_modal_and_stores_nothing(bot):
    response = bot.requester.command("/learning", "   ", user_id="UALICE", channel_id="CGENERAL")
    assert response.status == 200 and response.body.strip() == ""
    [opened] = bot.slack.wait_for("views.open", 1)
    assert opened.params["view"]["callback_id"] == LearningView.CAPTURE
    assert _learnings(bot) == []


def test_an_over_long_learning_is_refused_with_the_limit_named(bot):
    answer = bot.requester.command(
        "/learning", "x" * 3001, user_id="UALICE", channel_id="CGENERAL"
    ).json()
    assert "3001 characters" in answer["text"] and "limit is 3000" in answer["text"]
    assert "nothing was saved" in answer["text"]
    assert _learnings(bot) == []


def test_a_learning_of_exactly_the_limit_is_kept_whole(bot):
    bot.requester.command("/learning", "y" * 3000, user_id="UALICE", channel_id="CGENERAL")
    assert len(_learnings(bot)[0].text) == 3000


def test_mentions_and_links_are_stored_as_written_and_echoed_escaped(bot):
    text = "other: <!channel> read <https://evil.example|the bank> with <@UADMIN>"
    answer = bot.requester.command(
        "/learning", text, user_id="UALICE", channel_id="CGENERAL"
    ).json()
    assert "<!channel>" not in answer["text"]
    assert "&lt;!channel&gt;" in answer["text"]
    assert "<https://evil.example|" not in answer["text"]
    assert "<@UADMIN>" not in str(answer["blocks"])
    assert _learnings(bot)[0].text == text.removeprefix("other: ")


def test_a_bad_or_stale_signature_gets_401_and_changes_nothing(bot):
    body = b"command=%2Flearning&text=other%3A+x&team_id=T0001&user_id=UALICE&channel_id=CGENERAL"
    headers = bot.requester.sign(body)
    headers["X-Slack-Signature"] = "v0=" + "0" * 64
    assert bot.requester.raw(body, headers).status == 401
    stale = bot.requester.sign(body, timestamp=1_000_000_000)
    assert bot.requester.raw(body, stale).status == 401
    with bot.deps.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Learning)) == 0


def test_the_first_learning_of_a_workspace_creates_its_row_and_is_searchable(bot):
    with bot.deps.sessions() as session:
        assert session.get(Workspace, "T0001") is None  # the first learning finds no row

    for text in ("onboarding: Pair each newcomer with a Buddy", "onboarding: Écrire le guide"):
        response = bot.requester.command("/learning", text, user_id="UALICE", channel_id="CGENERAL")
        assert response.status == 200
        assert "#" in response.json()["text"]

    learnings = _learnings(bot)
    assert [learning.search_text for learning in learnings] == [
        search_text_of(learning) for learning in learnings
    ]
    assert [learning.search_text for learning in learnings] == [
        "pair each newcomer with a buddy",
        "ecrire le guide",
    ]
    assert [(learning.tags, learning.visibility) for learning in learnings] == [([], "private")] * 2
    with bot.deps.sessions() as session:
        assert session.get(Workspace, "T0001") is not None
