"""The factextract command: one article, a JSONL file with bad lines in it, and the defaults it applies."""

import json

import pytest

from factextract.cli import main

FOLLOW_UP = "“Housing comes first,” Chen said on Monday. “We have to build more homes.”"


def test_one_article_file_prints_its_extraction(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(FOLLOW_UP, encoding="utf-8")
    assert main(["extract", str(path), "--published-at", "2024-03-06"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["published_at"] == "2024-03-06"
    assert [q["speaker"]["name"] for q in result["quotes"]] == ["Chen", "Chen"]
    assert any(f["kind"] == "date" and f["value"] == "2024-03-04" for f in result["figures"])


def test_follow_up_quotes_option_joins_them(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(FOLLOW_UP, encoding="utf-8")
    assert main(["extract", str(path), "--follow-up-quotes", "joined"]) == 0
    (quote,) = json.loads(capsys.readouterr().out)["quotes"]
    assert len(quote["spans"]) == 2


def test_jsonl_reports_a_bad_line_by_number_and_extracts_the_others(tmp_path, capsys):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        {"id": "a", "text": FOLLOW_UP},
        "{not json",
        {"id": "c", "text": FOLLOW_UP, "published_at": "2020-01-01", "follow_up_quotes": "separate"},
    ]
    source.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    code = main(["extract", "--input", str(source), "--output", str(target), "--published-at", "2024-03-06",
                 "--follow-up-quotes", "joined"])
    assert code == 1
    assert "line 2:" in capsys.readouterr().err
    first, third = (json.loads(line) for line in target.read_text(encoding="utf-8").splitlines())
    # The command line fills what a line leaves unset and never overrides what it sets.
    assert (first["id"], first["published_at"], first["follow_up_quotes"]) == ("a", "2024-03-06", "joined")
    assert (third["id"], third["published_at"], third["follow_up_quotes"]) == ("c", "2020-01-01", "separate")
    assert (len(first["quotes"]), len(third["quotes"])) == (1, 2)


def test_a_bad_date_on_the_command_line_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text("Rain fell.", encoding="utf-8")
    assert main(["extract", str(path), "--published-at", "last week"]) == 2
    assert "invalid_article" in capsys.readouterr().err


def test_the_command_offers_the_user_commands_only(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    printed = capsys.readouterr().out
    assert "{extract,schema}" in printed
    for development in ("bench", "eval", "train-checkworthiness"):
        assert development not in printed
