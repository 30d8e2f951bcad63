"""Reliability tables: bins, precision per bin, calibration error."""

from __future__ import annotations

import pytest

from kg.evaluation.calibration import (
    calibration_error,
    reliability,
    reliability_table,
    smoothed_precision,
)


def test_bins_hold_their_outcomes_and_precision():
    outcomes = [(0.55, False), (0.58, True), (0.75, True), (0.72, True), (1.0, True), (0.3, False)]
    bins = reliability(outcomes, [0.0, 0.5, 0.7, 1.0])
    assert [(b.low, b.count, b.correct) for b in bins] == [(0.0, 1, 0), (0.5, 2, 1), (0.7, 3, 3)]
    assert bins[1].precision == 0.5
    assert bins[2].mean_confidence == pytest.approx((0.75 + 0.72 + 1.0) / 3)


def test_perfectly_calibrated_outcomes_have_no_error():
    outcomes = [(0.5, True), (0.5, False), (1.0, True), (1.0, True)]
    assert calibration_error(reliability(outcomes, [0.0, 0.9, 1.0])) == 0.0


def test_overconfidence_shows_as_error():
    outcomes = [(0.95, False)] * 3 + [(0.95, True)]
    assert calibration_error(reliability(outcomes)) == pytest.approx(0.7)


def test_table_names_every_bin():
    text = reliability_table("demo", reliability([(0.92, True), (0.61, False)]))
    assert "[0.90, 0.95)" in text and "[0.60, 0.70)" in text
    assert text.splitlines()[-1] == "expected calibration error: 0.345"


@pytest.mark.parametrize(
    ("correct", "total", "prior", "expected"),
    [(0, 0, 0.7, 0.7), (10, 10, 0.5, 0.833), (1000, 1000, 0.5, 0.998)],
)
def test_smoothed_precision(correct, total, prior, expected):
    assert smoothed_precision(correct, total, prior) == expected
