"""make batch on a folder: files keep their paths below it, so same-name files in two folders are two jobs."""

from __future__ import annotations

import json
from pathlib import Path


def _story(name: str) -> str:
    return json.dumps({"id": name, "text": f'The {name} board met on Monday. "We agreed," said chair Ana Lima.'}) + "\n"


def test_same_name_files_in_two_folders_are_two_jobs_with_every_article_extracted(
    aws: dict[str, str], tmp_path: Path
) -> None:
    from local.batch import run

    # Given dupA/daily.jsonl (one article) and dupB/daily.jsonl (two articles)
    source = tmp_path / "in"
    (source / "dupA").mkdir(parents=True)
    (source / "dupB").mkdir()
    (source / "dupA" / "daily.jsonl").write_text(_story("alpha"), encoding="utf-8")
    (source / "dupB" / "daily.jsonl").write_text(_story("beta") + _story("gamma"), encoding="utf-8")

    # When the folder goes through the local batch path
    report = run([source], tmp_path / "out", show=False)

    # Then each file is its own job, every article is done, and both results files are saved apart
    jobs = sorted((job["job"]["source"], job["job"]["articles_done"]) for job in report["jobs"])
    bucket = aws["INPUT_BUCKET"]
    assert jobs == [(f"s3://{bucket}/incoming/dupA/daily.jsonl", 1), (f"s3://{bucket}/incoming/dupB/daily.jsonl", 2)]
    saved = {
        path.relative_to(tmp_path / "out").as_posix(): [
            json.loads(line)["id"] for line in path.read_text().splitlines()
        ]
        for path in (tmp_path / "out").rglob("*.results.jsonl")
    }
    assert saved == {"dupA/daily.jsonl.results.jsonl": ["alpha"], "dupB/daily.jsonl.results.jsonl": ["beta", "gamma"]}


def test_a_poison_json_file_is_counted_as_one_expected_article_not_a_crash(tmp_path: Path) -> None:
    from local.batch import expected_articles

    poison = tmp_path / "poison.json"
    poison.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")

    assert expected_articles(poison) == 1
