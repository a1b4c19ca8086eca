"""Pacing fan-outs so that Slack's limits on chat.postMessage are kept.

Slack lets an app post about one message per second in a channel, and a few hundred a minute
in a workspace (with short bursts above that). A job that posts to many channels plans every
send first (`plan`, pure: the earliest moment each send keeps both limits), then `fan_out`
runs the sends at those moments over a bounded pool of threads. Workspaces do not wait for
each other, so ten workspaces fan out in about the time of the largest one.

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
    back the others.
    """
    emission = 1.0 / limits.workspace_per_s
    tolerance = (limits.workspace_burst - 1) * emission
    theoretical: dict[str, float] = {}  # per workspace: GCRA's theoretical arrival time
    channel_free: dict[tuple[str, str], float] = {}
    planned: list[Send[Item]] = []
    for team_id, channel_id, item in _round_robin_by_channel(targets):
        key = (team_id, channel_id)
        tat = theoretical.get(team_id, 0.0)
        earliest = max(channel_free.get(key, 0.0), tat - tolerance)
        at = earliest + limits.jitter_s if earliest > 0 else 0.0
        theoretical[team_id] = max(tat, at) + emission
        channel_free[key] = at + limits.channel_interval_s
        planned.append(Send(at, team_id, channel_id, item))
    planned.sort(key=lambda send: send.at_s)
    return planned


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

    def reserve(self, team_id: str, channel_id: str) -> float:
        """The moment (on the clock) this send may go; later sends are planned after it."""
        limits = self._limits
        emission = 1.0 / limits.workspace_per_s
        tolerance = (limits.workspace_burst - 1) * emission
        key = (team_id, channel_id)
        with self._lock:
            now = self._clock()
            tat = self._theoretical.get(team_id, now)
            earliest = max(self._channel_free.get(key, now), tat - tolerance)
            at = earliest + limits.jitter_s if earliest > now else now
            self._theoretical[team_id] = max(tat, at) + emission
            self._channel_free[key] = at + limits.channel_interval_s
            return at


def fan_out(
    targets: Sequence[tuple[str, str, Item]],
    send: Callable[[Item], Result],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int = DEFAULT_WORKERS,
    stop: threading.Event | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
) -> list[Outcome[Item, Result]]:
    """Call `send(item)` for each (team_id, channel_id, item), keeping the limits.

    Sends are taken in the order `plan` gives (workspaces interleaved), and each waits for the
    moment a shared Pacer reserves for it. At most `workers` sends run at once. A send that
    raises is logged and reported in its Outcome; the others go on. When `stop` (or
    STOPPING, set when the process is asked to stop) is set, sends not yet started are
    skipped: their claims stay for the next tick.
    """
    order = plan(targets, limits)
    pacer = Pacer(limits, clock)

    def stopped() -> bool:
        return STOPPING.is_set() or (stop is not None and stop.is_set())

    def run(planned: Send[Item]) -> Outcome[Item, Result] | None:
        if stopped():
            return None
        delay = pacer.reserve(planned.team_id, planned.channel_id) - clock()
        if delay > 0:
            sleep(delay)
        if stopped():
            return None
        try:
            return Outcome(planned.item, result=send(planned.item))
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
