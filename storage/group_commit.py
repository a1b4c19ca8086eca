"""Group commit: one thread writes at a time; what arrives meanwhile waits, and the first of the
waiting threads writes it all together next.

Where the database lets one writer in at a time anyway (SQLite), each transaction holds that
turn through its commit, an fsync of the log: rows queued behind it then share the next
transaction and its one commit instead of each waiting for a commit of its own. A row that
arrives while nothing is being written is written at once by its own thread, as it would be
without this.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

Payload = TypeVar("Payload")

# More than a worker's request threads ever queue; a longer queue is written in several turns.
MAX_GROUP = 64


class _Waiter:
    __slots__ = ("group", "outcome", "payload", "wake")

    def __init__(self, payload: Any) -> None:
        self.payload = payload
        self.outcome: Any = None
        # Held while the payload waits; released once its outcome is in, or once its own
        # thread is to write the group in `group`.
        self.wake: threading.Lock | None = None
        self.group: list[_Waiter] | None = None


class CommitGroups(Generic[Payload]):
    """Runs `write` on groups of payloads, one group at a time, each payload's thread waiting
    for its own outcome.

    `write(payloads)` gives one outcome per payload, in their order: a value, or the exception
    that payload's caller is to get. An exception raised by `write` itself is every payload's.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writing = False
        self._waiting: list[_Waiter] = []

    @property
    def writing(self) -> bool:
        """Whether a group is being written."""
        return self._writing

    @property
    def waiting(self) -> int:
        """How many payloads wait for the group being written to finish."""
        return len(self._waiting)

    def run(self, payload: Payload, write: Callable[[list[Payload]], Sequence[Any]]) -> Any:
        """Write `payload`, alone or with others, and give its outcome (or raise it)."""
        me = _Waiter(payload)
        with self._lock:
            if self._writing:
                me.wake = threading.Lock()
                me.wake.acquire()
                self._waiting.append(me)
            else:
                self._writing = True
                me.group = [me]
        if me.wake is not None:
            me.wake.acquire()
        if me.group is not None:
            self._write(me.group, write)
        if isinstance(me.outcome, BaseException):
            raise me.outcome
        return me.outcome

    def _write(self, group: list[_Waiter], write: Callable[[list[Any]], Sequence[Any]]) -> None:
        try:
            outcomes = write([waiter.payload for waiter in group])
            for waiter, outcome in zip(group, outcomes, strict=True):
                waiter.outcome = outcome
        except BaseException as error:
            for waiter in group:
                waiter.outcome = error
        finally:
            self._hand_over()
            for waiter in group[1:]:  # the first is this thread's own
                waiter.wake.release()

    def _hand_over(self) -> None:
        """Wake the first waiting thread to write what queued meanwhile; or stop writing."""
        with self._lock:
            if not self._waiting:
                self._writing = False
                return
            group, self._waiting = self._waiting[:MAX_GROUP], self._waiting[MAX_GROUP:]
        group[0].group = group
        group[0].wake.release()
