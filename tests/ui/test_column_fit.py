"""The arithmetic that keeps every column in sight on a small screen."""

from __future__ import annotations

from dossier.ui.column_fit import shrink_to_fit


def test_widths_that_fit_are_left_alone() -> None:
    assert shrink_to_fit([100, 200, 50], 400, [90, 90, 90]) == [100, 200, 50]


def test_the_widest_give_way_first_and_the_narrow_keep_their_width() -> None:
    fitted = shrink_to_fit([150, 300, 80, 220], 600, [90, 90, 90, 90])
    assert sum(fitted) <= 600
    assert fitted[2] == 80  # narrower than the cap: untouched
    assert fitted[0] == 150
    assert fitted[1] == fitted[3] == 185  # the two widest, capped alike
    assert sum(fitted) >= 600 - 2  # the room is used, not wasted


def test_no_column_goes_below_its_floor() -> None:
    assert shrink_to_fit([400, 400, 60], 300, [150, 90, 90]) == [150, 90, 60]


def test_a_floor_never_widens_a_column() -> None:
    assert shrink_to_fit([40, 500], 300, [90, 90]) == [40, 260]
