"""What a benchmark ran on: CPU, cores, memory, Python, versions of what was measured."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ("slack-bolt", "slack-sdk", "sqlalchemy", "psycopg", "gunicorn", "greenlet", "alembic")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, text=True, timeout=5, cwd=Path(__file__).parent
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _git_commit() -> str | None:
    """The commit measured, marked `+changes` when the tree differs from it."""
    commit = _git("rev-parse", "--short", "HEAD")
    if commit and _git("status", "--porcelain", "--untracked-files=no"):
        return commit + "+changes"
    return commit


def stolen_cpu_seconds() -> float | None:
    """CPU time the hypervisor gave elsewhere while this machine's CPUs were runnable, summed
    over its CPUs since boot (/proc/stat's steal); None where it is not reported."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    if len(fields) < 9 or fields[0] != "cpu":
        return None
    return int(fields[8]) / os.sysconf("SC_CLK_TCK")


def describe(postgres_version: str | None = None) -> dict:
    """The machine and software versions, as saved beside each result."""
    return {
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "sqlite": __import__("sqlite3").sqlite_version,
        "postgresql": postgres_version,
        "git_commit": _git_commit(),
    }
