"""Bar charts drawn by the site itself (DESIGN §10): SVG computed here, no script, no CDN.

Horizontal bars, one line of label above each: they read on a 390 px phone as on a wide screen, since
the SVG scales to its container's width. Each chart goes beside a table with the same numbers (the
table is what screen readers read; the SVG is `role="img"` with a title).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The drawing's own width: about a phone's, so that its 14-unit text stays readable when it is scaled
#: to 390 px; wide screens cap the chart's width in CSS (`max-width: 30rem`).
WIDTH = 420
FONT_SIZE = 14
LABEL_HEIGHT = 20
BAR_HEIGHT = 14
GAP = 10
VALUE_SPACE = 48
SERIES_COLOURS = ("#1f5fa8", "#b8621b")  # contrast ≥ 4.5:1 on white, told apart by the legend's words too


@dataclass
class Bar:
    x: int
    y: int
    width: int
    height: int
    value: int
    colour: str
    value_x: int
    value_y: int
    show_value: bool = True


@dataclass
class ChartRow:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass
class Chart:
    title: str
    width: int
    height: int
    rows: list[ChartRow]
    series: list[tuple[str, str]]  # (name, colour)
    font_size: int = FONT_SIZE


def bar_chart(title: str, labels: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """A chart of one or more series of counts over the same labels; a second series' zeros are not labelled."""
    largest = max((value for _, values in series for value in values), default=0) or 1
    scale = (WIDTH - VALUE_SPACE) / largest
    rows, y = [], 0
    for index, label in enumerate(labels):
        label_y = y + LABEL_HEIGHT - 4
        y += LABEL_HEIGHT
        bars = []
        for position, (_name, values) in enumerate(series):
            value = values[index]
            width = max(round(value * scale), 2 if value else 0)
            colour = SERIES_COLOURS[position % len(SERIES_COLOURS)]
            bar = Bar(
                0, y, width, BAR_HEIGHT, value, colour, width + 6, y + BAR_HEIGHT - 2, bool(value or not position)
            )
            bars.append(bar)
            y += BAR_HEIGHT + 2
        rows.append(ChartRow(label, label_y, bars))
        y += GAP
    colours = [(name, SERIES_COLOURS[position % len(SERIES_COLOURS)]) for position, (name, _v) in enumerate(series)]
    return Chart(title, WIDTH, max(y, 1), rows, colours)
