"""Planning paced sends: per channel, per workspace with a burst, workspaces side by side."""

from __future__ import annotations

import itertools
import threading

import pytest

from bot.fakeslack.postlimits import PostLimits
from bot.pacing import (
    DEFAULT_LIMITS,
    RATE_LIMIT_TURNS,
    Limits,
    Pacer,
    Turn,
    fan_out,
    lower_bound_s,
    plan,
)

LIMITS = Limits(channel_interval_s=1.0, workspace_per_s=4.0, workspace_burst=3, jitter_s=0.0)


def test_a_burst_goes_at_once_then_the_workspace_pace_applies():
    sends = plan([("T1", f"C{i}", i) for i in range(5)], LIMITS)
    assert [s.at_s for s in sends] == pytest.approx([0, 0, 0, 0.25, 0.5])


def test_sends_that_wait_for_a_limit_keep_a_margin_that_does_not_add_up():
    limits = Limits(channel_interval_s=1.0, workspace_per_s=4.0, workspace_burst=3, jitter_s=0.05)
    sends = plan([("T1", f"C{i}", i) for i in range(6)], limits)
    assert [s.at_s for s in sends] == pytest.approx([0, 0, 0, 0.3, 0.55, 0.8])
    assert lower_bound_s([("T1", f"C{i}", i) for i in range(6)], limits) == pytest.approx(0.75)


def test_workspaces_do_not_wait_for_each_other():
    targets = [(team, f"C{team}{i}", (team, i)) for team in ("T1", "T2") for i in range(4)]
    sends = plan(targets, LIMITS)
    by_team = {team: [s.at_s for s in sends if s.team_id == team] for team in ("T1", "T2")}
    assert by_team["T1"] == pytest.approx([0, 0, 0, 0.25])
    assert by_team["T2"] == by_team["T1"]
    assert lower_bound_s(targets, LIMITS) == pytest.approx(0.25)


def test_a_channel_gets_one_send_a_second_and_does_not_hold_back_others():
    targets = [("T1", "CBUSY", n) for n in range(3)] + [("T1", "CQUIET", 9)]
    sends = plan(targets, LIMITS)
    busy = [s.at_s for s in sends if s.channel_id == "CBUSY"]
    assert busy == pytest.approx([0, 1, 2])
    assert next(s.at_s for s in sends if s.channel_id == "CQUIET") == 0


def test_sends_are_planned_in_time_order():
    sends = plan([("T1", "C1", n) for n in range(3)] + [("T1", "C2", 7)], LIMITS)
    assert [s.at_s for s in sends] == sorted(s.at_s for s in sends)


def test_the_planned_sustained_pace_is_the_workspace_limit_and_the_margin_does_not_slow_it():
    targets = [("T1", f"C{i}", i) for i in range(100)]
    sends = plan(targets, DEFAULT_LIMITS)  # a burst of 20, then 4 a second, a 0.05 s margin
    paced = [s.at_s for s in sends[DEFAULT_LIMITS.workspace_burst :]]
    gaps = [later - earlier for earlier, later in itertools.pairwise(paced)]
    assert gaps == pytest.approx([1.0 / DEFAULT_LIMITS.workspace_per_s] * len(gaps))
    assert lower_bound_s(targets, DEFAULT_LIMITS) == pytest.approx(80 * 0.25)
    assert sends[-1].at_s == pytest.approx(80 * 0.25 + DEFAULT_LIMITS.jitter_s)


def test_sends_planned_for_the_same_moment_take_the_workspaces_in_turn():
    targets = [(team, f"C{team}{i}", (team, i)) for team in ("T1", "T2", "T3") for i in range(4)]
    sends = plan(targets, LIMITS)
    # Every workspace starts its burst at once, not after the others' bursts.
    assert [s.team_id for s in sends[:6]] == ["T1", "T2", "T3", "T1", "T2", "T3"]
    assert [s.at_s for s in sends] == sorted(s.at_s for s in sends)


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds


def test_fan_out_sends_each_item_once_at_its_moment_and_reports_failures():
    time = FakeTime()
    sent: list[tuple[float, int]] = []

    def send(item: int, _turn: Turn) -> str:
        if item == 3:
            raise RuntimeError("channel_not_found")
        sent.append((time.now, item))
        return f"ts{item}"

    outcomes = fan_out(
        [("T1", f"C{i}", i) for i in range(5)],
        send,
        limits=LIMITS,
        workers=1,
        clock=time.clock,
        sleep=time.sleep,
    )
    assert sent == [(0, 0), (0, 1), (0, 2), (0.5, 4)]
    assert {o.item: o.result for o in outcomes if o.error is None} == {
        0: "ts0",
        1: "ts1",
        2: "ts2",
        4: "ts4",
    }
    assert [str(o.error) for o in outcomes if o.error] == ["channel_not_found"]


def test_fan_outs_one_after_another_share_each_workspace_pace():
    # Two jobs of one clock tick: the second must not spend a second burst the first used up.
    time = FakeTime()
    sent: list[tuple[str, float]] = []

    def send(job: str, _turn: Turn) -> None:
        sent.append((job, time.now))

    pacer = Pacer(LIMITS, time.clock)  # the process's, as Deps holds it
    for job in ("prompts", "check-ins"):
        fan_out(
            [("T1", f"C{job}{i}", job) for i in range(3)],
            send,
            pacer=pacer,
            workers=1,
            sleep=time.sleep,
        )
    assert sent == [
        ("prompts", 0),
        ("prompts", 0),
        ("prompts", 0),
        ("check-ins", 0.25),
        ("check-ins", 0.5),
        ("check-ins", 0.75),
    ]


def test_a_stopped_fan_out_sends_nothing_more():
    stop = threading.Event()
    stop.set()
    assert fan_out([("T1", "C1", 1)], lambda item, _turn: item, stop=stop) == []


def test_a_send_that_goes_late_moves_its_workspace_as_slack_counts_it():
    time = FakeTime()
    limits = Limits(channel_interval_s=1.0, workspace_per_s=4.0, workspace_burst=3, jitter_s=0.0)
    pacer = Pacer(limits, clock=time.clock)
    slack = PostLimits(
        channel_interval_s=1.0, workspace_per_s=4.0, workspace_burst=3, clock=time.clock
    )
    burst = [pacer.reserve("T1", f"C{i}") for i in range(3)]
    assert [at for at, _number in burst] == [0, 0, 0]
    time.now = 0.2  # the first one goes (and reaches Slack) late, the others right after it
    for i, (_at, number) in enumerate(burst):
        pacer.went("T1", f"C{i}", number, time.now)
        assert slack.admit("T1", f"C{i}") == 0.0
    at, _number = pacer.reserve("T1", "C3")
    assert at == pytest.approx(0.45)  # not 0.25: Slack's bucket started when the posts came
    time.now = at
    assert slack.admit("T1", "C3") == 0.0


def test_a_send_refused_for_the_rate_limit_holds_its_workspace_and_waits_for_a_new_turn():
    time = FakeTime()
    calls: list[tuple[float, str]] = []
    sent: list[tuple[float, str]] = []

    def send(item: str, turn: Turn) -> str:
        calls.append((time.now, item))
        if item == "T1-1":
            assert turn.wait_again(2.0)  # Slack answered 429, Retry-After 2: nothing posted
        sent.append((time.now, item))
        return item

    targets = [(team, f"C{team}{i}", f"{team}-{i}") for team in ("T1", "T2") for i in range(4)]
    outcomes = fan_out(targets, send, limits=LIMITS, workers=1, clock=time.clock, sleep=time.sleep)

    assert sorted(o.result for o in outcomes) == sorted(item for _t, _c, item in targets)
    assert [item for _at, item in calls].count("T1-1") == 1  # sent again, not started again
    assert sorted(item for _at, item in sent) == sorted(item for _t, _c, item in targets)
    refused_at = next(at for at, item in calls if item == "T1-1")
    after = {item: at for at, item in sent if item in ("T1-1", "T1-2", "T1-3")}
    assert min(after.values()) >= refused_at + 2.0  # the workspace waited out Retry-After


def test_a_send_given_its_moment_before_a_refusal_waits_out_the_hold_before_it_goes():
    time = FakeTime()
    pacer = Pacer(LIMITS, clock=time.clock)
    waiting = Turn(pacer, "T1", "C1", sleep=time.sleep)
    waiting.wait()  # its moment: now
    pacer.hold("T1", 2.0)  # another send of the workspace was refused at 0: Retry-After 2
    time.now = 0.25  # the moment it was given before that

    waiting.going()

    assert time.now >= 2.0


def test_a_send_refused_again_and_again_is_given_up_and_reported():
    time = FakeTime()
    answers: list[bool] = []

    def send(item: int, turn: Turn) -> str:
        while True:
            again = turn.wait_again(1.0)
            answers.append(again)
            if not again:
                raise RuntimeError("ratelimited")

    outcomes = fan_out(
        [("T1", "C1", 1)], send, limits=LIMITS, workers=1, clock=time.clock, sleep=time.sleep
    )
    assert answers == [True] * RATE_LIMIT_TURNS + [False]
    assert [str(o.error) for o in outcomes] == ["ratelimited"]


def test_a_started_send_refused_while_the_fan_out_stops_still_gets_its_new_turn():
    stop = threading.Event()

    def send(item: int, turn: Turn) -> int:
        stop.set()  # its prompt is claimed: it is posted if Slack lets it
        assert turn.wait_again(0.0)
        return item

    outcomes = fan_out(
        [("T1", "C1", 1), ("T1", "C2", 2)], send, limits=LIMITS, workers=1, stop=stop
    )
    assert [o.result for o in outcomes] == [1]  # the second was not started
