"""Runs a bench's command in a process of its own and measures it; shared by bench/ingest.py,
bench/scale.py and bench/warc.py, with the location of the scale corpus the first two read.

`measured(command)` runs it from the repository root and returns a `Measured`: exit code, wall
time, stdout, stderr, CPU seconds of the whole process tree (user + system: the kernel's count for
the children waited for or, when larger, the sum of each process's own as sampled from /proc: Spark's
JVM is never waited for), and the peaks a `TreeSampler` reads from /proc twice a second: the tree's
summed PSS and RSS, and each process's peak RSS and CPU seconds with its role (main: the command's
own process; jvm; worker: any other). `sukien_command` builds `python -m sukien VERB ...`.

bench/ is off sys.path in the scripts (bench/html.py would hide the standard library's html): they
load this file by its path, as `bench_measure` in sys.modules, where its dataclasses look it up.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_FILES = ("baomoi-2017.jsonl.xz", "vietnews.jsonl.xz")  # the scale corpus, 80,724 articles
SAMPLE_EVERY = 0.5  # seconds between samples of the process tree
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def sukien_command(verb: str, *args: str) -> list[str]:
    """`python -m sukien VERB ARGS...` with this interpreter: what a user runs."""
    return [sys.executable, "-m", "sukien", verb, *args]


# -- a process tree, from /proc -----------------------------------------------------------------------


def stat_fields(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the name (state, parent, ...); none once the process ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return stat.rsplit(")", 1)[1].split()  # the name in (...) may hold spaces and parentheses


def descendants(root: int) -> list[int]:
    """`root` and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (fields := stat_fields(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_and_pss_kib(pid: int) -> tuple[int, int]:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = dict(line.split(":", 1) for line in text.splitlines()[1:] if ":" in line)
    return int(fields.get("Rss", "0 kB").split()[0]), int(fields.get("Pss", "0 kB").split()[0])


def cpu_seconds(pid: int) -> float:
    """User + system seconds of one process so far (not its children)."""
    fields = stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS if fields else 0.0  # utime, stime


def role(pid: int, root: int) -> str:
    """main (the command's own process), jvm (Spark's) or worker (any other process below it)."""
    if pid == root:
        return "main"
    try:
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "worker"
    return "jvm" if b"java" in command_line else "worker"


@dataclass
class Process:
    role: str = "worker"
    peak_rss_kib: int = 0
    cpu: float = 0.0  # user + system seconds at its last sample


class TreeSampler(threading.Thread):
    """The tree below `root`, sampled until stopped: peak summed RSS and PSS (PSS counts the pages forked
    processes share once), and each process's role, peak RSS and CPU seconds."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.peak_rss_kib = self.peak_pss_kib = 0
        self.processes: dict[int, Process] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_EVERY):
            rss_sum = pss_sum = 0
            for pid in descendants(self.root):
                rss, pss = rss_and_pss_kib(pid)
                rss_sum, pss_sum = rss_sum + rss, pss_sum + pss
                process = self.processes.setdefault(pid, Process())
                # Asked each time: spark-submit is a shell script until it becomes the JVM.
                process.role = role(pid, self.root)
                process.peak_rss_kib = max(process.peak_rss_kib, rss)
                process.cpu = max(process.cpu, cpu_seconds(pid))
            self.peak_rss_kib = max(self.peak_rss_kib, rss_sum)
            self.peak_pss_kib = max(self.peak_pss_kib, pss_sum)

    def stop(self) -> None:
        self.stopped.set()
        self.join()


# -- one run ------------------------------------------------------------------------------------------


@dataclass
class Measured:
    returncode: int
    wall: float
    cpu: float  # user + system seconds of the whole tree
    stdout: str
    stderr: str
    peak_tree_pss_mib: float
    peak_tree_rss_mib: float
    # getrusage: the largest child process this one has waited for so far (this run's or an earlier one's)
    peak_single_rss_mib: float
    processes: dict[int, Process] = field(default_factory=dict)  # by pid, as sampled

    def peak_rss_mib(self, role: str) -> float:
        """The largest sampled peak RSS of the processes of one role."""
        peaks = [process.peak_rss_kib for process in self.processes.values() if process.role == role]
        return max(peaks, default=0) / 1024

    def workers(self) -> int:
        """Worker processes seen with memory (not ones that ended before they could be read)."""
        return sum(p.role == "worker" and p.peak_rss_kib > 0 for p in self.processes.values())


def measured(command: list[str]) -> Measured:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # Output into files, not pipes: nothing has to read them while the command runs.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO, text=True)
        sampler = TreeSampler(process.pid)
        sampler.start()
        returncode = process.wait()
        wall = time.perf_counter() - started
        sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # The kernel counts the children a process waited for; Spark's JVM is never waited for, so the
    # samples of every process of the tree are the fuller count there.
    cpu = max(waited, sum(process.cpu for process in sampler.processes.values()))
    return Measured(
        returncode, wall, cpu, stdout, stderr, sampler.peak_pss_kib / 1024, sampler.peak_rss_kib / 1024,
        after.ru_maxrss / 1024, sampler.processes,
    )  # fmt: skip
