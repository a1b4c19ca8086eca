"""Group commit: one group written at a time, the payloads that queued meanwhile together next,
and each thread given its own payload's outcome."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from storage.group_commit import MAX_GROUP, CommitGroups
from tests.support.waiting import eventually


class Writer:
    """A `write` that records each group, gives each payload a value of its own (or raises the
    payload when it is an exception), and can be held until the test lets it finish."""

    def __init__(self) -> None:
        self.groups: list[list] = []
        self.held = threading.Event()
        self.held.set()
        self.writing = threading.Event()

    def __call__(self, payloads: list) -> list:
        self.groups.append(list(payloads))
        self.writing.set()
        assert self.held.wait(10)
        return [p if isinstance(p, BaseException) else f"stored {p}" for p in payloads]


class Callers:
    """Threads that each run one payload and keep what came back (value or exception)."""

    def __init__(self, groups: CommitGroups, write: Callable) -> None:
        self.groups, self.write = groups, write
        self.outcomes: dict = {}
        self.threads: list[threading.Thread] = []

    def start(self, payload) -> None:
        def run() -> None:
            try:
                self.outcomes[payload] = self.groups.run(payload, self.write)
            except Exception as error:
                self.outcomes[payload] = error

        thread = threading.Thread(target=run)
        self.threads.append(thread)
        thread.start()

    def join(self) -> None:
        for thread in self.threads:
            thread.join(10)
            assert not thread.is_alive()


def queue_behind_a_held_write(
    groups: CommitGroups, writer: Writer, first, queued: list, write: Callable | None = None
) -> Callers:
    """`first` is being written (held); each of `queued` waits behind it, in that order."""
    callers = Callers(groups, write or writer)
    writer.held.clear()
    callers.start(first)
    assert writer.writing.wait(10)
    for n, payload in enumerate(queued, start=1):
        callers.start(payload)
        eventually(lambda n=n: groups.waiting == n)
    return callers


def test_a_payload_with_nothing_being_written_is_written_at_once_alone():
    groups, writer = CommitGroups(), Writer()

    assert groups.run("a", writer) == "stored a"
    assert groups.run("b", writer) == "stored b"

    assert writer.groups == [["a"], ["b"]]
    assert groups.waiting == 0


def test_payloads_that_queue_while_one_is_written_are_written_together_next():
    groups, writer = CommitGroups(), Writer()
    callers = queue_behind_a_held_write(groups, writer, "a", ["b", "c", "d"])

    writer.held.set()
    callers.join()

    assert writer.groups == [["a"], ["b", "c", "d"]]
    assert callers.outcomes == {p: f"stored {p}" for p in "abcd"}
    assert groups.waiting == 0
    # Nothing is left writing: the next payload goes in at once, alone.
    assert groups.run("e", writer) == "stored e"
    assert writer.groups[-1] == ["e"]


def test_an_error_for_one_payload_reaches_its_thread_only():
    groups, writer = CommitGroups(), Writer()
    refused = ValueError("refused")
    callers = queue_behind_a_held_write(groups, writer, "a", ["b", refused, "d"])

    writer.held.set()
    callers.join()

    assert callers.outcomes == {"a": "stored a", "b": "stored b", refused: refused, "d": "stored d"}


def test_an_error_of_the_write_itself_reaches_every_payload_of_its_group_and_no_other():
    groups, writer = CommitGroups(), Writer()
    broken = RuntimeError("the database went away")
    failing_group = {"b", "c"}

    def write(payloads: list) -> list:
        if set(payloads) == failing_group:
            writer.groups.append(list(payloads))
            raise broken
        return writer(payloads)

    callers = queue_behind_a_held_write(groups, writer, "a", ["b", "c"], write)
    writer.held.set()
    callers.join()

    assert callers.outcomes == {"a": "stored a", "b": broken, "c": broken}
    assert groups.run("d", write) == "stored d"


def test_a_queue_longer_than_a_group_is_written_in_several_in_arrival_order():
    groups, writer = CommitGroups(), Writer()
    queued = list(range(MAX_GROUP + 3))
    callers = queue_behind_a_held_write(groups, writer, "first", queued)

    writer.held.set()
    callers.join()

    assert writer.groups == [["first"], queued[:MAX_GROUP], queued[MAX_GROUP:]]
    assert all(callers.outcomes[p] == f"stored {p}" for p in queued)


@pytest.mark.parametrize("threads", [2, 8])
def test_many_threads_each_get_their_own_outcome_and_every_payload_is_written_once(threads):
    groups, writer = CommitGroups(), Writer()
    outcomes: dict[str, str] = {}
    payloads = [f"{t}-{n}" for t in range(threads) for n in range(50)]

    def run_many(t: int) -> None:
        for n in range(50):
            outcomes[f"{t}-{n}"] = groups.run(f"{t}-{n}", writer)

    workers = [threading.Thread(target=run_many, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)

    assert outcomes == {p: f"stored {p}" for p in payloads}
    written = [p for group in writer.groups for p in group]
    assert sorted(written) == sorted(payloads)
