"""The bench's reading of CPU the host took from this machine, and how a level sums it."""

from __future__ import annotations

import sys

import pytest

from bench.acks import _Tally
from bench.load import LoadResult
from bench.machine import stolen_cpu_seconds


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/stat is Linux's")
def test_stolen_cpu_is_read_from_proc_stat_and_only_grows():
    first = stolen_cpu_seconds()
    second = stolen_cpu_seconds()
    assert first is not None
    assert 0 <= first <= second


def _result(seconds: float) -> LoadResult:
    return LoadResult(requests=100, errors=0, seconds=seconds, latencies_ms=[1.0] * 100)


def test_a_level_reports_stolen_cpu_as_a_share_of_all_cores_over_its_rounds(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    tally = _Tally()
    tally.add(_result(2.0), cpu_seconds=1.0, stolen_seconds=0.1)
    tally.add(_result(3.0), cpu_seconds=1.0, stolen_seconds=0.4)
    # 0.5 s stolen over 5 s on 2 cores
    assert tally.row()["host_stolen_cpu_percent"] == 5.0


def test_a_level_with_a_round_not_reported_reports_none():
    tally = _Tally()
    tally.add(_result(2.0), cpu_seconds=1.0, stolen_seconds=0.1)
    tally.add(_result(2.0), cpu_seconds=1.0, stolen_seconds=None)
    assert tally.row()["host_stolen_cpu_percent"] is None
