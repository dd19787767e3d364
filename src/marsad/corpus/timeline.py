"""Counts over time: the shape of an entity's or a story's coverage.

The registry keeps mention counts per day (the finest grain news dates support); these
helpers roll them up by week or month and draw a one-line sparkline for the terminal,
so ``marsad entity`` can show *when* someone was in the news, not only how often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta

_BARS = "▁▂▃▄▅▆▇█"


def period_of(day: str, granularity: str) -> str:
    """The bucket label of an ISO ``day`` (``day`` / ``week`` (ISO week) / ``month``)."""
    if granularity == "day" or len(day) < 10:
        return day if granularity == "day" else day[:7]
    if granularity == "month":
        return day[:7]
    if granularity == "week":
        try:
            y, w, _ = date.fromisoformat(day[:10]).isocalendar()
        except ValueError:
            return day
        return f"{y}-W{w:02d}"
    raise ValueError(f"unknown granularity {granularity!r} (day, week or month)")


def by_period(by_day: Mapping[str, int], granularity: str = "month") -> dict[str, int]:
    """Sum daily counts into periods, in time order ("undated" stays apart, last)."""
    out: Counter[str] = Counter()
    for day, n in by_day.items():
        out["undated" if day == "undated" else period_of(day, granularity)] += int(n)
    dated = sorted(k for k in out if k != "undated")
    ordered = {k: out[k] for k in dated}
    if "undated" in out:
        ordered["undated"] = out["undated"]
    return ordered


def daily_series(by_day: Mapping[str, int]) -> list[tuple[str, int]]:
    """Every day from the first to the last mention, zeros included (for plotting)."""
    days = sorted(d for d in by_day if d != "undated")
    if not days:
        return []
    try:
        first, last = date.fromisoformat(days[0][:10]), date.fromisoformat(days[-1][:10])
    except ValueError:
        return [(d, int(by_day[d])) for d in days]
    out = []
    cur = first
    while cur <= last:
        key = cur.isoformat()
        out.append((key, int(by_day.get(key, 0))))
        cur += timedelta(days=1)
    return out


def sparkline(values: list[int]) -> str:
    """One character per value, height proportional to the largest value."""
    if not values:
        return ""
    top = max(values)
    if top <= 0:
        return _BARS[0] * len(values)
    steps = len(_BARS) - 1
    # the smallest non-zero count gets the lowest bar, the largest the highest
    return "".join(_BARS[(v - 1) * steps // max(1, top - 1)] if v > 0 else " " for v in values)
