"""Pacing fan-outs so that Slack's limits on chat.postMessage are kept.

Slack lets an app post about one message per second in a channel, and a few hundred a minute
in a workspace (with short bursts above that). A job that posts to many channels plans every
send first (`plan`, pure: the earliest moment each send keeps both limits), then `fan_out`
runs the sends at those moments over a bounded pool of threads. Workspaces do not wait for
each other, so ten workspaces fan out in about the time of the largest one.

Slack counts a post when it arrives, so the plan is kept live: each send reserves its moment
from a shared `Pacer` when it is about to wait, tells it when it really goes (a send that goes
late after a quiet moment moves its workspace's bucket, as Slack's), and a send Slack refused
with 429 holds its workspace for Retry-After and waits for a new turn (`Turn`), rather than
being retried blindly into moments given to other sends.

Pacing is not the claim: a job claims each occurrence in the database before sending it, so a
restart in the middle of a fan-out resumes the unsent ones without sending any twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass(frozen=True)
class Limits:
    """The pace kept per channel and per workspace."""

    channel_interval_s: float = 1.0  # one message per second in a channel
    workspace_per_s: float = 4.0  # sustained: 240 a minute, under Slack's "several hundred"
    workspace_burst: int = 20  # sent at once before the sustained pace applies
    # Sends that wait for a limit go this much later than the limit allows, so that requests
    # arriving a little early or late (a slow first request, a thread woken late) still keep it.
    jitter_s: float = 0.05


DEFAULT_LIMITS = Limits()
# Threads that send at once; enough to keep every workspace at its pace on a small machine.
DEFAULT_WORKERS = 8
# Set when the process is asked to stop (the clock's SIGTERM): fan-outs send nothing more.
STOPPING = threading.Event()
# How many times one send refused with 429 waits for a new turn before it is given up on.
RATE_LIMIT_TURNS = 3


@dataclass(frozen=True)
class Send(Generic[Item]):
    """One planned send: when (seconds from the start), where, and what."""

    at_s: float
    team_id: str
    channel_id: str
    item: Item


def plan(
    targets: Sequence[tuple[str, str, Item]], limits: Limits = DEFAULT_LIMITS
) -> list[Send[Item]]:
    """When to send each (team_id, channel_id, item), in order of time; pure.

    Each workspace is a token bucket (`workspace_burst` at once, then `workspace_per_s`), and
    each channel waits `channel_interval_s` between two sends. Sends are planned in the order
    given, round-robin across channels within a workspace so one busy channel does not hold
    back the others; sends planned for the same moment take the workspaces in turn, so that
    every workspace starts its burst (and its pace) at once rather than one after another.
    """
    emission = 1.0 / limits.workspace_per_s
    tolerance = (limits.workspace_burst - 1) * emission
    theoretical: dict[str, float] = {}  # per workspace: GCRA's theoretical arrival time
    channel_free: dict[tuple[str, str], float] = {}
    planned: list[tuple[float, int, Send[Item]]] = []  # (moment, rank in its workspace, send)
    ranks: dict[str, int] = {}
    for team_id, channel_id, item in _round_robin_by_channel(targets):
        key = (team_id, channel_id)
        tat = theoretical.get(team_id, 0.0)
        earliest = max(channel_free.get(key, 0.0), tat - tolerance)
        at = earliest + limits.jitter_s if earliest > 0 else 0.0
        theoretical[team_id] = max(tat, at) + emission
        channel_free[key] = at + limits.channel_interval_s
        ranks[team_id] = rank = ranks.get(team_id, 0) + 1
        planned.append((at, rank, Send(at, team_id, channel_id, item)))
    planned.sort(key=lambda entry: entry[:2])
    return [send for _at, _rank, send in planned]


def _round_robin_by_channel(
    targets: Sequence[tuple[str, str, Item]],
) -> list[tuple[str, str, Item]]:
    queues: dict[Hashable, list[tuple[str, str, Item]]] = {}
    for target in targets:
        queues.setdefault((target[0], target[1]), []).append(target)
    ordered: list[tuple[str, str, Item]] = []
    depth = 0
    while len(ordered) < len(targets):
        for queue in queues.values():
            if depth < len(queue):
                ordered.append(queue[depth])
        depth += 1
    return ordered


@dataclass(frozen=True)
class Outcome(Generic[Item, Result]):
    """What one send gave: its result, or the exception it raised."""

    item: Item
    result: Result | None = None
    error: BaseException | None = None


class Pacer:
    """The same limits as `plan`, kept live across threads: each send reserves its moment.

    Reserving when a send is about to go (not when the fan-out starts) means a fan-out that
    falls behind its plan never catches up in a burst the limits would refuse.
    """

    def __init__(
        self, limits: Limits = DEFAULT_LIMITS, clock: Callable[[], float] = time.monotonic
    ):
        self._limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._theoretical: dict[str, float] = {}
        self._channel_free: dict[tuple[str, str], float] = {}
        self._held_until: dict[str, float] = {}
        self._reserved: dict[str, int] = {}  # per workspace: sends reserved so far

    @property
    def limits(self) -> Limits:
        return self._limits

    @property
    def clock(self) -> Callable[[], float]:
        return self._clock

    def reserve(self, team_id: str, channel_id: str) -> tuple[float, int]:
        """The moment (on the clock) this send may go, and its number in its workspace.

        Later sends are planned after it; `went` is told the number when it really goes.
        """
        limits = self._limits
        emission = 1.0 / limits.workspace_per_s
        tolerance = (limits.workspace_burst - 1) * emission
        key = (team_id, channel_id)
        with self._lock:
            now = self._clock()
            tat = self._theoretical.get(team_id, now)
            earliest = max(
                self._channel_free.get(key, now),
                tat - tolerance,
                self._held_until.get(team_id, now),
            )
            at = earliest + limits.jitter_s if earliest > now else now
            self._theoretical[team_id] = max(tat, at) + emission
            self._channel_free[key] = at + limits.channel_interval_s
            number = self._reserved[team_id] = self._reserved.get(team_id, 0) + 1
            return at, number

    def went(self, team_id: str, channel_id: str, number: int, moment: float) -> None:
        """Send `number` of a workspace really went at `moment` (on the clock), maybe late.

        Slack counts a post when it arrives. One that arrives late when the workspace's bucket
        was not full of sends (at the start of a fan-out, after a pause) leaves the bucket later
        than reserved, by up to its lateness: the bucket is moved as Slack's is, counting the
        sends reserved after this one as arriving after it, and so is the channel's next send.
        """
        limits = self._limits
        emission = 1.0 / limits.workspace_per_s
        key = (team_id, channel_id)
        with self._lock:
            later = self._reserved.get(team_id, number) - number
            self._theoretical[team_id] = max(
                self._theoretical.get(team_id, moment), moment + (later + 1) * emission
            )
            self._channel_free[key] = max(
                self._channel_free.get(key, moment), moment + limits.channel_interval_s
            )

    def held_until(self, team_id: str) -> float:
        """Until when nothing may go in the workspace (on the clock); 0 when it is not held."""
        with self._lock:
            return self._held_until.get(team_id, 0.0)

    def hold(self, team_id: str, until: float) -> None:
        """Nothing more goes in the workspace before `until`: Slack refused a send (429).

        The refused send's new turn takes one more token than Slack counted, so from then on
        the pacer keeps that much behind Slack's bucket (a refusal means it was ahead of it).
        """
        with self._lock:
            self._held_until[team_id] = max(self._held_until.get(team_id, until), until)


class Turn:
    """A send's turn in its workspace's pace, handed by `fan_out` to the send it runs.

    The send calls `going()` just before each request, and `wait_again(retry_after_s)` when
    Slack refused it for its rate limit (HTTP 429: nothing was posted), then tries again if it
    answers True.
    """

    def __init__(
        self, pacer: Pacer, team_id: str, channel_id: str, *, sleep: Callable[[float], object]
    ):
        self._pacer = pacer
        self._team_id = team_id
        self._channel_id = channel_id
        self._number = 0  # none reserved yet: `wait` reserves one
        self._clock = pacer.clock
        self._sleep = sleep
        self._refusals = 0

    def going(self) -> None:
        """The request is about to leave: tell the pacer when it really goes.

        A send given its moment before Slack refused another of its workspace (a hold) waits
        for a new turn after the hold instead: Slack would refuse it too.
        """
        while self._pacer.held_until(self._team_id) > self._clock():
            self.wait()
        self._pacer.went(self._team_id, self._channel_id, self._number, self._clock())

    def wait_again(self, retry_after_s: float) -> bool:
        """Hold the workspace for Retry-After and wait for a new turn; False to give up.

        Given up after RATE_LIMIT_TURNS refusals (the send then reports its failure, and the
        next tick tries it again). A stopped fan-out still waits: the send has started (its
        prompt is claimed), and a claimed one is posted if Slack lets it.
        """
        self._refusals += 1
        if self._refusals > RATE_LIMIT_TURNS:
            return False
        self._pacer.hold(self._team_id, self._clock() + retry_after_s)
        self.wait()
        return True

    def wait(self) -> None:
        """Reserve a moment in the workspace's pace (after any hold) and wait for it."""
        at, self._number = self._pacer.reserve(self._team_id, self._channel_id)
        delay = at - self._clock()
        if delay > 0:
            self._sleep(delay)


def fan_out(
    targets: Sequence[tuple[str, str, Item]],
    send: Callable[[Item, Turn], Result],
    *,
    pacer: Pacer | None = None,
    limits: Limits = DEFAULT_LIMITS,
    workers: int = DEFAULT_WORKERS,
    stop: threading.Event | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
) -> list[Outcome[Item, Result]]:
    """Call `send(item, turn)` for each (team_id, channel_id, item), keeping the limits.

    Sends are taken in the order `plan` gives (workspaces interleaved), and each waits for the
    moment a shared Pacer reserves for it. At most `workers` sends run at once. A send that
    raises is logged and reported in its Outcome; the others go on. A send refused for the rate
    limit waits for a new turn through `turn` (see Turn). When `stop` (or STOPPING, set when the
    process is asked to stop) is set, sends not yet started are skipped: their claims stay for
    the next tick.

    `pacer`: the process's pace per workspace (`Deps.pacer`). Slack counts every post of the app
    in a workspace alike, so the fan-outs of the clock's jobs (prompts, check-ins, digests,
    nudges) share it: the second does not start with a burst the first has spent. Without
    one, this fan-out keeps `limits` on `clock` by itself.
    """
    pacer = pacer or Pacer(limits, clock)
    limits = pacer.limits
    order = plan(targets, limits)

    def stopped() -> bool:
        return STOPPING.is_set() or (stop is not None and stop.is_set())

    def run(planned: Send[Item]) -> Outcome[Item, Result] | None:
        if stopped():
            return None
        turn = Turn(pacer, planned.team_id, planned.channel_id, sleep=sleep)
        turn.wait()
        if stopped():
            return None
        try:
            return Outcome(planned.item, result=send(planned.item, turn))
        except Exception as error:
            log.exception("a paced send failed", extra={"team_id": planned.team_id})
            return Outcome(planned.item, error=error)

    if not order:
        return []
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="fan-out") as pool:
        outcomes = list(pool.map(run, order))
    return [outcome for outcome in outcomes if outcome is not None]


def lower_bound_s(targets: Sequence[tuple[str, str, object]], limits: Limits) -> float:
    """The least time the limits allow for these sends (the last one's earliest moment)."""
    exact = replace(limits, jitter_s=0.0)
    return max((send.at_s for send in plan(targets, exact)), default=0.0)
