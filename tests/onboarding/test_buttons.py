"""A newcomer's Done and Stop buttons, and the fresh-eyes questions they answer."""

from __future__ import annotations

from bot.fakeslack.payloads import state_value
from bot.ids import OnboardingAction, OnboardingBlock
from bot.scheduler import run_due_jobs
from tests.onboarding.support import (
    buttons,
    days_later,
    dms,
    join,
    learnings,
    newcomer,
    seed_resource,
    text_of,
)


def _click(bot, message: dict, action_id: str, user_id: str = "UNEW", index: int = 0):
    button = buttons(message, action_id)[index]
    response = bot.requester.block_action(
        action_id, button["value"], user_id=user_id, message=message
    )
    assert response.status == 200
    bot.wait_idle()
    return button


def test_done_marks_the_resource_and_updates_the_message(bot):
    handbook = seed_resource(bot, "Our handbook")
    seed_resource(bot, "Who is who")
    join(bot, "UNEW")
    [welcome] = dms(bot, "UNEW")

    _click(bot, welcome, OnboardingAction.DONE)

    [updated] = dms(bot, "UNEW")
    assert len(buttons(updated, OnboardingAction.DONE)) == 1
    marked = next(b for b in updated["blocks"] if b.get("block_id", "").endswith(f":{handbook}"))
    assert (
        "Our handbook" in marked["text"]["text"]
        and ":white_check_mark: Done" in (marked["text"]["text"])
    )
    assert newcomer(bot, "UNEW").status == "active"


def test_doing_everything_ends_the_path_and_says_so(bot, clock):
    seed_resource(bot, "Our handbook")
    seed_resource(bot, "Field safety", day=3)
    join(bot, "UNEW")
    _click(bot, dms(bot, "UNEW")[0], OnboardingAction.DONE)
    clock.current = days_later(clock.current, 3)
    run_due_jobs(bot.deps, clock.current)
    day3 = dms(bot, "UNEW")[1]
    _click(bot, day3, OnboardingAction.DONE)

    assert newcomer(bot, "UNEW").status == "done"
    assert "your onboarding path is complete" in text_of(dms(bot, "UNEW")[-1])
    clock.current = days_later(clock.current, 30)
    run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 3  # nothing after the completion message


def test_someone_else_cannot_press_a_newcomers_done(bot):
    seed_resource(bot, "Our handbook")
    join(bot, "UNEW")
    [welcome] = dms(bot, "UNEW")
    _click(bot, welcome, OnboardingAction.DONE, user_id="UALICE")
    [refusal] = bot.slack.responses
    assert "someone else's onboarding" in refusal["text"]
    assert len(buttons(dms(bot, "UNEW")[0], OnboardingAction.DONE)) == 1


def test_stop_ends_the_nudges(bot, clock):
    seed_resource(bot, "Field safety", day=3)
    join(bot, "UNEW")
    _click(bot, dms(bot, "UNEW")[0], OnboardingAction.STOP)
    assert "no more onboarding messages" in bot.slack.responses[-1]["text"]
    assert newcomer(bot, "UNEW").status == "stopped"
    clock.current = days_later(clock.current, 3)
    run_due_jobs(bot.deps, clock.current)
    assert len(dms(bot, "UNEW")) == 1


def _fresh_eyes_modal(bot, clock) -> dict:
    start = clock.current
    join(bot, "UNEW")
    clock.current = days_later(start, 7)
    run_due_jobs(bot.deps, clock.current)
    _click(bot, dms(bot, "UNEW")[-1], OnboardingAction.FRESH_EYES)
    [opened] = bot.slack.views
    return opened["view"]


def _answer(surprised: str = "", wish: str = "", anonymous: bool = False) -> dict:
    return {
        OnboardingBlock.SURPRISED: {
            OnboardingBlock.SURPRISED: state_value("plain_text_input", surprised or None)
        },
        OnboardingBlock.WISH: {OnboardingBlock.WISH: state_value("plain_text_input", wish or None)},
        OnboardingBlock.ANONYMOUS: {
            OnboardingBlock.ANONYMOUS: state_value("checkboxes", ["anonymous"] if anonymous else [])
        },
    }


def test_fresh_eyes_answers_are_stored_as_onboarding_learnings(bot, clock):
    view = _fresh_eyes_modal(bot, clock)
    response = bot.requester.view_submission(
        view,
        _answer("Decisions wait for HQ", "Where the templates live"),
        user_id="UNEW",
    )
    assert response.json()["response_action"] == "update"
    stored = learnings(bot)
    assert [(x.text, x.lever, x.source, x.user_id) for x in stored] == [
        ("Decisions wait for HQ", "onboarding", "modal", "UNEW"),
        ("Where the templates live", "onboarding", "modal", "UNEW"),
    ]
    assert stored[0].tags == ["fresh-eyes", "surprised"]


def test_fresh_eyes_can_be_anonymous(bot, clock):
    view = _fresh_eyes_modal(bot, clock)
    bot.requester.view_submission(view, _answer(wish="A buddy", anonymous=True), user_id="UNEW")
    [stored] = learnings(bot)
    assert (stored.text, stored.user_id, stored.lever) == ("A buddy", None, "onboarding")


def test_an_empty_fresh_eyes_answer_is_refused_and_stores_nothing(bot, clock):
    view = _fresh_eyes_modal(bot, clock)
    answer = bot.requester.view_submission(view, _answer(), user_id="UNEW").json()
    assert answer["response_action"] == "errors"
    assert "at least one" in answer["errors"][OnboardingBlock.SURPRISED]
    assert learnings(bot) == []


def test_fresh_eyes_of_someone_else_cannot_be_answered(bot, clock):
    view = _fresh_eyes_modal(bot, clock)
    answer = bot.requester.view_submission(view, _answer("x"), user_id="UALICE").json()
    assert answer["response_action"] == "errors"
    assert learnings(bot) == []
