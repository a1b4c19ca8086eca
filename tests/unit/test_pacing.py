"""Planning paced sends: per channel, per workspace with a burst, workspaces side by side."""

from __future__ import annotations

import threading

import pytest

from bot.pacing import Limits, fan_out, lower_bound_s, plan

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

    def send(item: int) -> str:
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


def test_a_stopped_fan_out_sends_nothing_more():
    stop = threading.Event()
    stop.set()
    assert fan_out([("T1", "C1", 1)], lambda item: item, stop=stop) == []
