"""`/learning search`: full text in both languages, ranked, filtered, private channels kept private."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.blocks.learning_library import more_value
from bot.ids import LearningAction
from storage.learnings import add_learning
from tests.learning.helpers import answer_after, buttons, click, command, seed, texts


def _found_ids(answer: dict) -> list[int]:
    """The learning ids a results message shows, in order."""
    return [
        int(block["text"]["text"].split("*#", 1)[1].split("*", 1)[0])
        for block in answer.get("blocks") or []
        if block["type"] == "section" and "*#" in block["text"]["text"]
    ]


def test_equipe_finds_equipe_with_its_accent_and_shows_who_when_and_where(bot):
    french = seed(
        bot,
        "L'Équipe apprend ensemble chaque vendredi",
        user="UBRUNO",
        lever="team_learning",
        day=3,
        permalink="https://test-workspace.slack.com/archives/CGENERAL/p1",
    )
    seed(bot, "Nothing to do with it", day=4)
    answer = answer_after(bot, "search equipe", user="UBRUNO")
    assert answer["response_type"] == "ephemeral"
    assert _found_ids(answer) == [french]
    shown = texts(answer)
    assert "Apprentissage en équipe" in shown  # the lever, in Bruno's language
    assert "<@UBRUNO>" in shown
    at = int(datetime(2026, 11, 3, 9, tzinfo=UTC).timestamp())
    assert f"<!date^{at}^{{date_short}}|2026-11-03>" in shown
    assert "<https://test-workspace.slack.com/archives/CGENERAL/p1|voir le message>" in shown
    assert "1 à 1 sur 1" in shown


def test_search_is_case_and_accent_blind_both_ways_and_matches_word_starts(bot):
    found = seed(bot, "Les bénévoles gèrent le budget de l'équipe")
    for words in ("BENEVOLES", "bénévole", "Equipe budg", "gerent"):
        assert _found_ids(answer_after(bot, f"search {words}")) == [found], words
    assert _found_ids(answer_after(bot, "search budget xylophone")) == []


def test_results_are_ranked_and_come_ten_at_a_time_with_a_more_button(bot):
    once = seed(bot, "volunteers left after the rainy season", day=1)
    often = seed(bot, "volunteers, volunteers, volunteers: thank your volunteers", day=2)
    for day in range(3, 13):
        seed(bot, f"budget note {day} about volunteers and a long list of other things", day=day)
    first = answer_after(bot, "search volunteers")
    ids = _found_ids(first)
    assert len(ids) == 10
    assert ids[0] == often
    assert once not in ids[:1]
    assert "1–10 of 12" in texts(first)
    [more] = buttons(first, LearningAction.MORE)
    assert click(bot, more).status == 200
    [_, second] = bot.slack.wait_for_responses(2)
    assert second["replace_original"] is True
    rest = _found_ids(second)
    assert len(rest) == 2 and not set(rest) & set(ids)
    assert "11–12 of 12" in texts(second)
    assert buttons(second, LearningAction.MORE) == []


def test_past_a_hundred_matches_the_count_stops_there_and_more_still_goes_on(bot):
    with bot.deps.sessions.begin() as session:
        for n in range(105):
            at = datetime(2026, 11, 1, 9, tzinfo=UTC) + timedelta(minutes=n)
            add_learning(
                session,
                team_id="T0001",
                text=f"volunteers note {n}",
                lever="other",
                source="command",
                user_id="UALICE",
                channel_id="CGENERAL",
                now=at,
            )
    first = answer_after(bot, "search volunteers")
    assert "1–10 of more than 100" in texts(first)
    [more] = buttons(first, LearningAction.MORE)
    # The eleventh page, as after ten presses of More: the button carries the offset.
    eleventh = {**more, "value": more_value("search", "volunteers", 100)}
    assert click(bot, eleventh).status == 200
    [_, last] = bot.slack.wait_for_responses(2)
    assert "101–105 of 105" in texts(last)  # the last page has counted them all
    assert len(_found_ids(last)) == 5 and buttons(last, LearningAction.MORE) == []
    french = answer_after(bot, "search volunteers", user="UBRUNO")
    assert "1 à 10 sur plus de 100" in texts(french)


def test_filters_narrow_the_results(bot):
    onboarding = seed(bot, "budget for a buddy lunch", lever="onboarding", user="UBRUNO", day=5)
    retention = seed(bot, "budget for training", lever="retention", user="UALICE", day=15)
    private = seed(bot, "budget of the secret project", channel="CPRIVATE", day=20)
    everything = {onboarding, retention, private}
    assert set(_found_ids(answer_after(bot, "search budget"))) == everything
    cases = {
        "lever:onboarding": {onboarding},
        "levier:fidelisation": {retention},
        "from:<@UBRUNO|bruno>": {onboarding},
        "from:@bruno": {onboarding},
        'from:"bruno"': {onboarding},
        "in:#secret": {private},
        "in:<#CGENERAL|general>": {onboarding, retention},
        "since:2026-11-10": {retention, private},
        "depuis:2026-11-10 lever:retention": {retention},
    }
    for filters, expected in cases.items():
        found = set(_found_ids(answer_after(bot, f"search budget {filters}")))
        assert found == expected, filters
    # Filters alone list what they match, newest first.
    assert _found_ids(answer_after(bot, "search lever:onboarding")) == [onboarding]


def test_a_private_channels_learnings_are_never_shown_to_a_non_member(bot):
    shared = seed(bot, "budget lines need a partner review", channel="CGENERAL")
    secret = seed(bot, "budget cut coming for the partner", channel="CPRIVATE", user="UALICE")
    assert set(_found_ids(answer_after(bot, "search budget", user="UALICE"))) == {shared, secret}
    for text in ("search budget", "search budget in:CPRIVATE", "list", "search partner"):
        answer = answer_after(bot, text, user="UBRUNO")
        assert secret not in _found_ids(answer), text
        assert "budget cut" not in texts(answer)
    admin = answer_after(bot, "search budget", user="UADMIN")  # an admin, but not a member
    assert _found_ids(admin) == [shared]


def test_a_public_channels_learnings_are_found_by_people_who_never_joined_it(bot, slack):
    slack.add_channel("CFIELD", "field", members=["UALICE", slack.bot_user_id])
    field = seed(bot, "the field team decides small purchases", channel="CFIELD")
    assert _found_ids(answer_after(bot, "search purchases", user="UBRUNO")) == [field]


def test_deleted_learnings_are_never_found(bot):
    kept = seed(bot, "keep the archive tidy")
    seed(bot, "keep the archive messy", deleted=True)
    assert _found_ids(answer_after(bot, "search archive")) == [kept]


def test_text_is_shown_escaped_and_anonymous_learnings_say_so(bot):
    seed(bot, "funding <!channel> see <https://evil.example|bank> <@UADMIN>", user=None)
    answer = answer_after(bot, "search funding")
    shown = texts(answer)
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown
    assert "<https://evil.example|" not in shown and "<@UADMIN>" not in shown
    assert "anonymous" in shown


def test_bad_searches_get_one_clear_line_with_an_example_at_once(bot):
    cases = {
        "search": "Tell me what to look for, for example `/learning search",
        "search   ": "Tell me what to look for",
        "search budget foo:bar": "`foo:` is not a filter",
        "search budget since:yesterday": "`yesterday` is not a date: write it as YYYY-MM-DD",
        "search budget lever:nope": "`nope` is not a lever",
        "search budget lever:": "`lever:` needs a value",
        "search since:<!channel>": "is not a date",
    }
    for text, expected in cases.items():
        response = command(bot, text)
        answer = response.json()
        assert expected in answer["text"], text
        assert "\n" not in answer["text"].split(". For example")[0], text
        assert "<!channel>" not in answer["text"]
    assert bot.slack.responses == []


def test_unknown_people_and_channels_are_named_in_the_answer(bot):
    seed(bot, "budget")
    assert "nobody called `nobody`" in answer_after(bot, "search budget from:@nobody")["text"]
    answer = answer_after(bot, "search budget in:#nowhere")
    assert "no channel called `nowhere`" in answer["text"]


def test_a_french_speaker_gets_refusals_in_french(bot):
    answer = command(bot, "search budget depuis:hier", user="UBRUNO").json()
    assert answer["text"].startswith("`hier` n'est pas une date")
