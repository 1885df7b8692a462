"""Training the check-worthiness model (devtools): data files, metrics, folds by debate, and what the engine scores."""

import json

import numpy as np
import pytest

from devtools.checkworthiness.cv import debate_folds, fold_scores, summarize
from devtools.checkworthiness.data import featurize, read_split
from devtools.checkworthiness.metrics import average_precision, best_f1_threshold
from devtools.checkworthiness.train import fit_models
from factextract.checkworthiness.features import sentence_features
from factextract.checkworthiness.model import CheckworthinessModel
from factextract.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


TRAINING_TEXTS = (
    ("Unemployment fell to 4.1 percent last year.", 1),
    ("The deficit doubled in eight years.", 1),
    ("We spent 2 billion dollars on the program.", 1),
    ("Crime rose 12 percent in the city.", 1),
    ("The law cut taxes for 40 million families.", 1),
    ("He voted against the bill three times.", 1),
    ("Thank you very much.", 0),
    ("It is great to be here tonight.", 0),
    ("Let me answer that.", 0),
    ("I want to thank my family.", 0),
    ("Well, that is a good question.", 0),
    ("Good evening, everyone.", 0),
)


def test_model_file_scores_what_training_fitted(nlp):
    docs = [nlp(text) for text, _ in TRAINING_TEXTS]
    labels = np.array([label for _, label in TRAINING_TEXTS])
    features = featurize(docs)
    fitted = fit_models(features, labels)
    trained = CheckworthinessModel(
        sparse=fitted.sparse, dense=fitted.dense, sparse_weight=0.6, dense_weight=0.4,
        platt_a=1.0, platt_b=0.0, threshold=0.5,
    )  # fmt: skip
    shipped = CheckworthinessModel.from_json(json.loads(json.dumps(trained.to_json())))
    sparse, dense = fitted.margins(features)
    run_time = np.array([shipped.margin(sentence_features(doc[:])) for doc in docs])
    # float16 bucket weights in the file: margins agree to about three digits.
    np.testing.assert_allclose(run_time, 0.6 * sparse + 0.4 * dense, atol=0.02)
    assert run_time[labels == 1].min() > run_time[labels == 0].max()


def test_debate_folds_are_equal_runs_of_sentence_id_over_both_files():
    # Train and dev ids interleave (dev samples the same debates): a dev sentence joins its debate's fold.
    ids = ["50", "10", "40", "20", "30", "60"]
    assert debate_folds(ids, folds=3).tolist() == [2, 0, 1, 0, 1, 2]


def test_fold_f1_uses_a_threshold_fitted_on_the_other_folds_only():
    labels = np.array([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0])
    margins = np.array([2.0, -2.0, 1.5, -1.5, 1.0, -1.0, 2.5, -2.5, 0.5, -0.5, 3.0, -3.0])
    folds = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
    rows = fold_scores(labels, margins, folds)
    # Fold 2 ranks perfectly (AP 1), but the cut learnt on folds 0 and 1 (lowest positive margin 1.0)
    # misses its positive at 0.5: one of two found, F1 2/3. A cut fitted on fold 2 itself would hide that.
    assert [r["average_precision"] for r in rows] == [1.0, 1.0, 1.0]
    assert [r["f1"] for r in rows] == [1.0, 1.0, 0.6667]
    summary = summarize(rows)
    assert summary["folds"] == 3
    assert summary["f1_mean"] == pytest.approx((2 + 2 / 3) / 3, abs=1e-3)


def test_best_f1_threshold_cuts_between_distinct_scores():
    labels = np.array([1, 1, 0, 1, 0, 0])
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.2, 0.1])
    threshold, f1 = best_f1_threshold(labels, scores)
    # Cutting at 0.6 keeps 3 of 3 positives with one false positive: F1 = 6/7.
    assert threshold == 0.6
    assert f1 == pytest.approx(6 / 7)


def test_average_precision_is_mean_precision_at_each_positive():
    labels = np.array([1, 0, 1, 0])
    scores = np.array([0.9, 0.8, 0.7, 0.1])
    assert average_precision(labels, scores) == pytest.approx((1 / 1 + 2 / 3) / 2)


def test_read_split_unquotes_doubled_quotes(tmp_path):
    tsv = tmp_path / "CT24_checkworthy_english_dev.tsv"
    tsv.write_text(
        'Sentence_id\tText\tclass_label\n1\t"He said ""no"" twice."\tNo\n2\tTaxes rose 3%.\tYes\n', encoding="utf-8"
    )
    split = read_split(tmp_path, "dev")
    assert split.texts == ['He said "no" twice.', "Taxes rose 3%."]
    assert split.labels.tolist() == [0, 1]
    assert split.ids == ["1", "2"]


def test_read_split_rejects_a_row_without_label(tmp_path):
    (tmp_path / "CT24_checkworthy_english_dev.tsv").write_text(
        "Sentence_id\tText\tclass_label\n1\tSome text.\tMaybe\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="Yes/No"):
        read_split(tmp_path, "dev")


def test_dev_test_evaluation_is_consistent(shared_eval):
    from devtools.evaluate.claims import evaluate

    result = evaluate(shared_eval)
    confusion = result["confusion"]
    assert result["sentences"] == 318 and result["positives"] == 108
    assert confusion["tp"] + confusion["fn"] == 108
    assert sum(confusion.values()) == 318
    assert result["precision"] == pytest.approx(confusion["tp"] / (confusion["tp"] + confusion["fp"]), abs=1e-4)
    assert len(result["worst_errors"]) == 10
