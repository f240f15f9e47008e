"""Precision and recall on the hand-annotated texts stay high."""

from __future__ import annotations

from capture_scoring import evaluate, totals


def test_precision_and_recall_on_annotated_texts() -> None:
    results = evaluate()
    precision, recall = totals(results)
    assert recall >= 0.95, results
    assert precision >= 0.85, results
    assert results["baku"]["trade"] == (4, 4, 4)
