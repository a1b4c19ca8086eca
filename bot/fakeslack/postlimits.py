"""Opt-in enforcement of Slack's posting limits: per channel, and per workspace with a burst.

Slack lets an app post about one message per second in a channel and a few hundred a minute
in a workspace, with short bursts allowed; above that chat.postMessage answers HTTP 429
`ratelimited` with a Retry-After header. `FakeSlack.limit_posting(...)` turns this on, so
fan-outs can be measured against the limits (bench/) and shown to keep them (tests).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

POSTING_METHODS = frozenset({"chat.postMessage"})


@dataclass
class PostLimits:
    """A channel waits `channel_interval_s` between posts; a workspace is a token bucket."""

    channel_interval_s: float = 1.0
    workspace_per_s: float = 4.0
    workspace_burst: int = 20
    clock: Callable[[], float] = time.monotonic
    _channel_last: dict[tuple[str, str], float] = field(default_factory=dict)
    _workspace_tat: dict[str, float] = field(default_factory=dict)

    def admit(self, team_id: str, channel_id: str) -> float:
        """0.0 when a post may go now (it is then counted), else the seconds to wait."""
        now = self.clock()
        wait = 0.0
        last = self._channel_last.get((team_id, channel_id))
        if last is not None:
            wait = max(wait, last + self.channel_interval_s - now)
        emission = 1.0 / self.workspace_per_s
        tolerance = (self.workspace_burst - 1) * emission
        tat = self._workspace_tat.get(team_id, now)
        wait = max(wait, tat - tolerance - now)
        if wait > 1e-6:
            return wait
        self._channel_last[(team_id, channel_id)] = now
        self._workspace_tat[team_id] = max(tat, now) + emission
        return 0.0


def retry_after_s(wait: float) -> int:
    """Slack's Retry-After is whole seconds, at least one."""
    return max(1, math.ceil(wait))
