"""Waiting in a test for what other threads or processes do."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def eventually(check: Callable[[], Any], timeout: float = 20.0) -> Any:
    """Poll until `check` returns something truthy, and give it; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout}s: {check}")
        time.sleep(0.005)
