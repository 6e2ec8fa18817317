"""Server-rendered inline SVG: daily questions (bars) and fallback rate (line). No JS, no CSS files."""
from __future__ import annotations

from html import escape

from bot.storage.inquiry_stats import DayCount

WIDTH, HEIGHT = 760, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 52, 24, 44
BAR_COLOUR, LINE_COLOUR, GRID_COLOUR, TEXT_COLOUR = "#4c78a8", "#e45756", "#dddddd", "#444444"


def _nice_max(value: int) -> int:
    """Top of the left axis: four gridline steps of 1, 2 or 5 times a power of ten."""
    step = 1
    while step * 4 < value:
        for factor in (2, 2.5, 2):  # 1 -> 2 -> 5 -> 10 -> 20 -> 50 ...
            step = int(step * factor)
            if step * 4 >= value:
                break
    return step * 4


def _text(x: float, y: float, body: str, anchor: str = "middle", colour: str = TEXT_COLOUR) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="11" '
            f'fill="{colour}">{escape(body)}</text>')


def daily_chart(points: list[DayCount], title: str = "Daily questions and fallback rate") -> str:
    """An ``<svg>`` element; an empty list draws the axes and says there is no data yet."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_max(max((p.questions for p in points), default=0))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>"]
    for i in range(5):  # grid and both axes' labels
        y = TOP + plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
                     f'stroke="{GRID_COLOUR}" stroke-width="1"/>')
        parts.append(_text(LEFT - 6, y + 4, str(round(top * (4 - i) / 4)), "end"))
        parts.append(_text(LEFT + plot_w + 6, y + 4, f"{25 * (4 - i)}%", "start", LINE_COLOUR))
    if not points:
        parts.append(_text(LEFT + plot_w / 2, TOP + plot_h / 2, "No questions recorded yet"))
    slot = plot_w / max(len(points), 1)
    label_every = max(1, round(len(points) / 10))
    line: list[str] = []
    for i, point in enumerate(points):
        x = LEFT + slot * i
        h = plot_h * point.questions / top
        parts.append(f'<rect class="bar" x="{x + slot * 0.15:.1f}" y="{TOP + plot_h - h:.1f}" '
                     f'width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{BAR_COLOUR}">'
                     f"<title>{escape(point.day)}: {point.questions} questions, {point.fallbacks} fallbacks "
                     f"({point.fallback_rate:.0%})</title></rect>")
        line.append(f"{x + slot / 2:.1f},{TOP + plot_h * (1 - point.fallback_rate):.1f}")
        if i % label_every == 0:
            parts.append(_text(x + slot / 2, HEIGHT - BOTTOM + 16, point.day[5:] or point.day))
    if line:
        parts.append(f'<polyline class="fallback-rate" points="{" ".join(line)}" fill="none" '
                     f'stroke="{LINE_COLOUR}" stroke-width="2"/>')
    parts.append(f'<rect x="{LEFT}" y="{HEIGHT - 16}" width="10" height="10" fill="{BAR_COLOUR}"/>')
    parts.append(_text(LEFT + 14, HEIGHT - 7, "questions / day", "start"))
    parts.append(f'<line x1="{LEFT + 130}" y1="{HEIGHT - 11}" x2="{LEFT + 150}" y2="{HEIGHT - 11}" '
                 f'stroke="{LINE_COLOUR}" stroke-width="2"/>')
    parts.append(_text(LEFT + 154, HEIGHT - 7, "fallback rate", "start", LINE_COLOUR))
    parts.append("</svg>")
    return "\n".join(parts)
