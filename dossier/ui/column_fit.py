"""Column widths that fit the table's visible width (no Qt: plain arithmetic).

A tab sizes each column to its text, within limits. On a small screen (1024 px,
the dossier list open) the sum of those widths ran past the table's right edge, so
the officials' Status and Source columns needed the horizontal scroll bar. Here the
widest columns give way first, each down to a floor, so every column stays in
sight; the cut text ends in "…" and shows whole in its tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence


def shrink_to_fit(widths: Sequence[int], room: int, floors: Sequence[int]) -> list[int]:
    """`widths` made to sum to at most `room` by capping the widest ones.

    Finds the largest cap C with sum(max(floor, min(width, C))) <= room; a column
    narrower than C keeps its width, and none goes below its floor (or its own
    width, if smaller). With too little room even for the floors, the floors.
    """
    floors = [min(f, w) for f, w in zip(floors, widths, strict=True)]
    if sum(widths) <= room:
        return list(widths)
    if sum(floors) >= room:
        return floors

    def total(cap: int) -> int:
        return sum(max(f, min(w, cap)) for w, f in zip(widths, floors, strict=True))

    low, high = 0, max(widths)  # total(low) <= room < total(high)
    while high - low > 1:
        middle = (low + high) // 2
        if total(middle) <= room:
            low = middle
        else:
            high = middle
    return [max(f, min(w, low)) for w, f in zip(widths, floors, strict=True)]
