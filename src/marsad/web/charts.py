"""Small charts rendered as inline SVG on the server (no chart library, no script).

Only numbers and escaped labels go into the markup, so a chart cannot carry
article-controlled HTML.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def fill_months(series: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Insert the missing months (count 0) between the first and last ``YYYY-MM`` keys,
    so a gap in coverage shows as a gap, not as two adjacent bars."""
    valid = sorted((k, v) for k, v in series if len(k) == 7 and k[4] == "-" and k[:4].isdigit()
                   and k[5:].isdigit() and 1 <= int(k[5:]) <= 12)
    if not valid:
        return []
    counts = dict(valid)
    y, m = int(valid[0][0][:4]), int(valid[0][0][5:])
    end = (int(valid[-1][0][:4]), int(valid[-1][0][5:]))
    out: list[tuple[str, int]] = []
    while (y, m) <= end and len(out) < 600:
        key = f"{y:04d}-{m:02d}"
        out.append((key, counts.get(key, 0)))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def bar_chart(series: list[tuple[str, int]], *, width: int = 640, height: int = 200,
              label: str = "الإشارات شهرياً") -> Markup:
    """A bar chart of (label, value) pairs, left to right in time order."""
    if not series:
        return Markup('<p class="muted">لا بيانات زمنية.</p>')
    pad_l, pad_b, pad_t = 36, 28, 10
    plot_w, plot_h = width - pad_l - 8, height - pad_b - pad_t
    top = max(v for _, v in series) or 1
    step = plot_w / len(series)
    bar_w = max(1.0, min(step * 0.8, 48.0))
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(label)}" direction="ltr" class="bar-chart">'),
             f'<line x1="{pad_l}" y1="{pad_t + plot_h}" x2="{width - 8}" y2="{pad_t + plot_h}" stroke="#888"/>',
             f'<text x="{pad_l - 4}" y="{pad_t + 10}" font-size="11" text-anchor="end">{int(top)}</text>',
             f'<text x="{pad_l - 4}" y="{pad_t + plot_h}" font-size="11" text-anchor="end">0</text>']
    every = max(1, len(series) // 8)
    for i, (key, value) in enumerate(series):
        h = plot_h * (value / top)
        x = pad_l + i * step + (step - bar_w) / 2
        y = pad_t + plot_h - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="#0b6e69">'
                     f'<title>{escape(key)}: {int(value)}</title></rect>')
        if i % every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 8}" font-size="11" '
                         f'text-anchor="middle">{escape(key)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
