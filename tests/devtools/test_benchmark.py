"""The benchmark's tiny mode: every in-process section adds its rows (no timing is asserted)."""

from devtools.bench.run import run


def test_tiny_benchmark_prints_a_row_for_each_measured_figure(capsys):
    table = run(("engine", "batching", "api", "batch", "cost"), tiny=True)
    measures = {row.measure for row in table.rows}
    assert {
        "extract() time / bare nlp(text) time",
        "extract() time / the nlp call inside it",
        "find_quotes (share of nlp time)",
        "validation, models, stats (rest)",
        "one nlp() call per article",
        "nlp.pipe batch_size=64",
        "300 words p50",
        "300 words p99",
        "DynamoDB write units per new article",
        "articles per second",
        "batch: total",
    } <= measures
    ratio = table.find(next(r.section for r in table.rows if r.section.startswith("engine")),
                       "extract() time / bare nlp(text) time")
    assert ratio is not None and ratio.ratio is not None and ratio.ratio > 0
    assert all(row.value is None or row.value >= 0 for row in table.rows)
    printed = capsys.readouterr().out
    assert "| section | measure | median |" in printed and "Machine:" in printed
