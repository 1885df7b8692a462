"""python -m devtools: the development commands the factextract command no longer carries."""

import subprocess
import sys
from pathlib import Path

import pytest

from devtools.__main__ import build_parser, main
from devtools.evaluate import SUITES

ROOT = Path(__file__).resolve().parents[2]


def test_each_command_has_a_one_line_description():
    commands = build_parser()._subparsers._group_actions[0]  # the parser's one subparsers action
    described = {action.dest: action.help for action in commands._choices_actions}
    assert set(described) == {"bench", "eval", "train-checkworthiness"}
    assert all(help_text and "\n" not in help_text for help_text in described.values())


def test_eval_help_describes_every_suite_and_the_data_default(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    printed = capsys.readouterr().out
    for suite, description in {"all": "every suite", **SUITES}.items():
        assert f"  {suite} " in printed and description in printed
    assert "(default: ../shared/eval)" in printed


def test_eval_without_the_development_data_says_where_it_looked(tmp_path, capsys):
    missing = tmp_path / "absent"
    assert main(["eval", "quotes", "--data", str(missing)]) == 2
    assert f"no development data at {missing}" in capsys.readouterr().out


def test_an_unknown_suite_or_section_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "headlines"])
    assert "invalid choice: 'headlines'" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="unknown section"):
        main(["bench", "--only", "engine,warp"])


def test_runs_as_a_module_from_the_checkout():
    done = subprocess.run([sys.executable, "-m", "devtools", "--help"], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "train-checkworthiness" in done.stdout
