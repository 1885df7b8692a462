"""A folder that stands for the S3 input bucket while `make run` is up: drop a file in, it gets extracted.

A thread looks at the folder every POLL_SECONDS. A .txt, .json or .jsonl file that is new or changed, and
whose size held still since the last look (so a file being copied in is not read half-written), goes to
`python -m local.batch` in a process of its own, which uploads it to the input bucket of the server's moto
and runs the batch handler on its notification: exactly `make batch FILE=...`, and its articles and quotes
appear in the API. Files already there when the server starts are sent too, since the embedded AWS starts
empty.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from local.template import ROOT

POLL_SECONDS = 1.0
FORMATS = (".txt", ".json", ".jsonl")
Stamp = tuple[float, int]


class Inbox(threading.Thread):
    def __init__(self, folder: Path, results: Path, env: dict[str, str]) -> None:
        super().__init__(name="inbox", daemon=True)
        self.folder, self.results, self.env = folder, results, env
        self.sent: dict[Path, Stamp] = {}
        self.seen: dict[Path, Stamp] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(POLL_SECONDS):
            ready = self.ready()
            if ready:
                self.send(ready)

    def ready(self) -> list[Path]:
        """Files new or changed since they were sent, unchanged since the last look."""
        now = {
            path: (stat.st_mtime, stat.st_size)
            for path in self.folder.rglob("*")
            if path.suffix.lower() in FORMATS and not path.name.startswith(".") and path.is_file()
            for stat in [path.stat()]
        }
        ready = sorted(path for path, stamp in now.items() if self.seen.get(path) == stamp != self.sent.get(path))
        self.seen = now
        return ready

    def send(self, files: list[Path]) -> None:
        names = ", ".join(str(path.relative_to(self.folder)) for path in files)
        print(f"inbox: {names} -> input bucket", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "local.batch", "--out", str(self.results), *map(str, files)],
            cwd=ROOT, env=self.env, capture_output=True, text=True, check=False,
        )
        for path in files:
            self.sent[path] = self.seen[path]
        summary = done.stdout.strip().splitlines()
        print(f"inbox: {names} done (exit {done.returncode}); job records: {len(summary)} lines of JSON", flush=True)
        if done.returncode not in (0, 1):  # 1: some lines failed, listed in the job record; others: a crash
            print(done.stderr[-2000:], file=sys.stderr, flush=True)


def watch(folder: Path, results: Path) -> Inbox:
    """Starts watching folder (made if missing) with this process's AWS settings; results go to results/."""
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    inbox = Inbox(folder, results, env)
    inbox.start()
    return inbox
