"""When do two stated figures agree? Intervals from the wording, compared with tolerance.

A figure's interval comes from the quantity's bounds ("at least 300" → [300, ∞)). An open side
is closed at ``OPEN_FACTOR`` times the figure: a reporter who writes "at least 300" estimates
a few hundred, so "at least 300" fits "about 350" but not "4,000". "About" widens a figure
by ``APPROXIMATE`` either way, and an exact figure by ``ROUNDING`` (reporters round); a range
from the words themselves ("thousands": 1,000–9,999) is taken as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OPEN_FACTOR = 3.0
APPROXIMATE = 0.2
ROUNDING = 0.05


@dataclass(frozen=True)
class Figure:
    """A stated value with the interval its wording allows."""

    value: float | None
    low: float
    high: float
    counted: str | None = None
    kind: str = ""  # its unit ("percent", "USD") or "count", and whether it is needed or added; "" when not known

    def fits(self, other: Figure) -> bool:
        return self.low <= other.high and other.low <= self.high

    def comparable(self, other: Figure) -> bool:
        """A share and a count, sums in two currencies, what is still needed and what there is,
        an increment and a total measure different things: "35 percent of jobs" neither confirms
        nor contradicts "6 million jobs", nor "an additional 328 emails" "600 emails"."""
        return not self.kind or not other.kind or self.kind == other.kind


def figure(quantity: dict[str, Any], counted: str | None = None) -> Figure | None:
    """The interval a stored quantity stands for; None when it states no figure."""
    value, low, high = quantity.get("value"), quantity.get("low"), quantity.get("high")
    if value is None and low is None and high is None:
        return None
    kind = " ".join([quantity.get("unit") or "count"] + [k for k in ("required", "added") if quantity.get(k)])
    if (low is None and high is None) or low == high == value:  # an exact figure, as reporters round it: "6,000", "11 million"
        spread = APPROXIMATE if quantity.get("approximate") else ROUNDING
        return Figure(value, value * (1 - spread), value * (1 + spread), counted, kind)
    anchor = value if value is not None else (low if low is not None else high)
    if low is None:
        low = (high or anchor) / OPEN_FACTOR
    if high is None:
        high = max(low, anchor) * OPEN_FACTOR
    if quantity.get("approximate") and value is not None:
        low, high = low * (1 - APPROXIMATE), high * (1 + APPROXIMATE)
    shown = value if value is not None else (anchor if low == high else None)
    return Figure(shown, low, high, counted, kind)
