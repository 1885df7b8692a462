"""Every example in README.md, run as a reader runs it: each curl against `make run`'s server, `make batch` into it.

A ```sh block followed by a ```json block is a request and (part of) its answer: the test runs the command and
checks that every field the README shows is in the answer with the value shown (lists: each item shown matches
one of the answer's items). A README that drifts from the code fails here.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from local.launch import ROOT, local_server

README = ROOT / "README.md"
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.DOTALL)
LOCAL = "localhost:3000"


def examples() -> list[tuple[str, Any]]:
    """(command, expected answer) for each sh block directly followed by a json block, in README order."""
    blocks = BLOCK.findall(README.read_text(encoding="utf-8"))
    return [
        (command.replace("\\\n", " ").strip(), json.loads(answer))
        for (kind, command), (next_kind, answer) in itertools.pairwise(blocks)
        if kind == "sh" and next_kind == "json"
    ]


def contains(actual: Any, shown: Any, where: str = "") -> None:
    if isinstance(shown, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        for key, value in shown.items():
            assert key in actual, f"{where}.{key} is missing from the answer"
            contains(actual[key], value, f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        for n, item in enumerate(shown):
            assert any(_matches(candidate, item) for candidate in actual), f"{where}[{n}] {item!r} not in the answer"
    else:
        assert actual == shown, f"{where}: the answer has {actual!r}, the README shows {shown!r}"


def _matches(actual: Any, shown: Any) -> bool:
    try:
        contains(actual, shown)
    except AssertionError:
        return False
    return True


def curl(command: str, base: str) -> Any:
    """Runs a README curl command (the options the README uses) against base instead of localhost:3000."""
    words = shlex.split(command)
    assert words[0] == "curl", command
    method, headers, data, url = "GET", {}, None, None
    options = iter(words[1:])
    for word in options:
        if word == "-X":
            method = next(options)
        elif word == "-H":
            name, value = next(options).split(":", 1)
            headers[name.strip()] = value.strip()
        elif word == "-d":
            value = next(options)
            data = (ROOT / value[1:]).read_bytes() if value.startswith("@") else value.encode()
            method = "POST" if method == "GET" else method
        elif not word.startswith("-"):
            url = word.replace(LOCAL, base.removeprefix("http://"), 1)
    request = urllib.request.Request(f"http://{url.removeprefix('http://')}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        return json.loads(error.read())


def make_batch(command: str, aws_file: Path, out: Path) -> Any:
    """`make batch FILE=...` as the Makefile runs it, into the test server's AWS."""
    file = re.fullmatch(r"make batch FILE=(\S+)", command).group(1)
    env = {name: value for name, value in os.environ.items() if name != "AWS_ENDPOINT_URL"}
    env["FACTEXTRACT_LOCAL_AWS_FILE"] = str(aws_file)
    done = subprocess.run(
        [sys.executable, "-m", "local.batch", "--out", str(out), file],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]
    report = json.loads(done.stdout)
    for job in report["jobs"]:  # the README shows the path relative to the project, as make batch prints it
        job["saved_to"] = job["saved_to"] and str(Path(job["saved_to"]).relative_to(out.parent))
    return report


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("readme")
    with local_server(folder / "server.log") as (url, _):
        yield url, folder


def test_the_readme_has_examples_to_check() -> None:
    commands = [command for command, _ in examples()]
    assert any(command.startswith("curl") for command in commands)
    assert any(command.startswith("make batch") for command in commands)


def test_every_readme_example_answers_as_shown(server: tuple[str, Path]) -> None:
    url, folder = server
    for command, shown in examples():
        if command.startswith("make batch"):
            answer = make_batch(command, folder / "aws.json", folder / "batch-results")
        else:
            answer = curl(command, url)
        contains(answer, shown, command[:60])
