"""Starting the servers under test, and reading their CPU time and memory from /proc."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


@dataclass
class Server:
    """A gunicorn master and its workers."""

    name: str
    process: subprocess.Popen
    url: str

    @property
    def workers(self) -> list[int]:
        return children_of(self.process.pid)

    def cpu(self) -> float:
        return cpu_seconds(self.process.pid) + sum(cpu_seconds(pid) for pid in self.workers)

    def worker_rss(self) -> list[float]:
        return [value for pid in self.workers if (value := rss_mib(pid)) is not None]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(
    name: str, kind: str, env: dict[str, str], *, workers: int, threads: int, log: Path
) -> Server:
    """Start `learnloop serve` or a reference app (bench/apps/__main__.py): the same gunicorn
    settings either way."""
    port = free_port()
    size = ["--port", str(port), "--workers", str(workers), "--threads", str(threads)]
    if kind == "learnloop":
        learnloop = str(Path(sys.executable).with_name("learnloop"))
        command = [learnloop, "serve", "--host", "127.0.0.1", *size, "--no-scheduler"]
    else:
        command = [sys.executable, "-m", "bench.apps", kind, *size]
    process = subprocess.Popen(
        command,
        env=env,
        cwd=REPO,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(name, process, f"http://127.0.0.1:{port}")
    _wait_until_up(server, workers)
    return server


def _wait_until_up(server: Server, workers: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}")
        try:
            urllib.request.urlopen(server.url + "/", timeout=2).close()
        except urllib.error.HTTPError:
            pass  # any HTTP answer means it listens
        except OSError:
            time.sleep(0.1)
            continue
        if len(server.workers) >= workers:
            time.sleep(0.5)  # let every worker finish loading its app
            return
        time.sleep(0.1)
    raise RuntimeError(f"{server.name} did not start in {timeout}s")
