"""The /stats chart: submissions per category per week, drawn with a font that has Hangul.

The font comes from the koreanize-matplotlib package (NanumGothic), so a fresh server renders
Korean without any system font installed. The figure is built without pyplot: no global state,
safe to draw from any coroutine's thread.

matplotlib is imported inside the functions that draw: it costs about a second and is needed
only when an administrator asks for /stats, so starting the bot does not pay for it.
"""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "BurdenChart",
    "ChartError",
    "WeeklyChart",
    "build_burden_chart",
    "build_weekly_chart",
    "korean_font_path",
    "render_png",
]

_FONT_FILE = "NanumGothic.ttf"


class ChartError(Exception):
    """The chart cannot be drawn (the Korean font package is missing)."""


@cache
def korean_font_path() -> Path:
    """Where the packaged NanumGothic lives; found without importing koreanize_matplotlib.

    Importing that package would restyle every matplotlib figure in the process.
    """
    from matplotlib import font_manager  # noqa: PLC0415 (see the module docstring)

    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise ChartError("the koreanize-matplotlib package (NanumGothic font) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / _FONT_FILE
    if not path.is_file():
        raise ChartError(f"{_FONT_FILE} is missing from koreanize-matplotlib")
    font_manager.fontManager.addfont(str(path))
    return path


_WEEKLY_WIDTH_INCHES = 5.2
"""At 150 dpi: 780 pixels, twice the 390 points a phone gives a photo, so 12-point text holds."""


class WeeklyChart:
    """What the chart shows: week labels on x, one stacked bar segment per category."""

    def __init__(
        self,
        *,
        title: str,
        x_label: str,
        y_label: str,
        weeks: Sequence[str],
        series: Mapping[str, Sequence[int]],
    ) -> None:
        if any(len(values) != len(weeks) for values in series.values()):
            raise ValueError("every series needs one value per week")
        self.title = title
        self.x_label = x_label
        self.y_label = y_label
        self.weeks = tuple(weeks)
        self.series = {name: tuple(values) for name, values in series.items()}


def build_weekly_chart(chart: WeeklyChart) -> Figure:
    """A stacked bar chart shaped for a phone; the figure is returned so its texts can be checked.

    A phone shows a photo about 390 points wide, so the figure is drawn narrow (780 pixels) with
    12-point text: each letter stays about 12 points tall on the phone. The legend goes under
    the bars in one column, where long category names have the whole width, instead of beside
    them, where they squeezed the bars and were shrunk to unreadable.
    """
    import textwrap  # noqa: PLC0415

    # Imported here, not at the top: see the module docstring.
    import matplotlib as mpl  # noqa: PLC0415
    from matplotlib import font_manager  # noqa: PLC0415
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    family = font_manager.FontProperties(fname=str(korean_font_path())).get_name()
    rows = len(chart.series)
    with mpl.rc_context({"font.family": family, "axes.unicode_minus": False, "font.size": 12}):
        figure = Figure(
            figsize=(_WEEKLY_WIDTH_INCHES, 4.6 + 0.34 * rows), dpi=150, layout="constrained"
        )
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = range(len(chart.weeks))
        bottoms = [0] * len(chart.weeks)
        colours = mpl.colormaps["tab10"]
        for index, (name, values) in enumerate(chart.series.items()):
            label = "\n".join(textwrap.wrap(name, 26)) or name
            axes.bar(positions, values, bottom=bottoms, label=label, color=colours(index % 10))
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        axes.set_xticks(list(positions), list(chart.weeks), rotation=45, ha="right")
        axes.set_title("\n".join(textwrap.wrap(chart.title, 24)), fontsize=13)
        axes.set_xlabel(chart.x_label)
        axes.set_ylabel(chart.y_label)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        if chart.series:
            figure.legend(loc="outside lower center", ncols=1, fontsize=12, frameon=False)
        figure.set_facecolor("white")
    return figure


class BurdenChart:
    """The league table's chart: one horizontal bar per line, heaviest on top.

    `value_labels` are written at the bar ends as the reader writes amounts ("1억 2,000만").
    """

    def __init__(
        self,
        *,
        title: str,
        x_label: str,
        labels: Sequence[str],
        values: Sequence[float],
        value_labels: Sequence[str],
    ) -> None:
        if not len(labels) == len(values) == len(value_labels):
            raise ValueError("every bar needs a label, a value and a value label")
        self.title = title
        self.x_label = x_label
        self.labels = tuple(labels)
        self.values = tuple(values)
        self.value_labels = tuple(value_labels)


_PHONE_WIDTH_INCHES = 6.0
"""At 150 dpi: 900 pixels, which a phone shows at full width without shrinking the text."""


def build_burden_chart(chart: BurdenChart) -> Figure:
    """Horizontal bars sized for a phone: long law names wrap, values sit at the bar ends."""
    import textwrap  # noqa: PLC0415

    import matplotlib as mpl  # noqa: PLC0415 (see the module docstring)
    from matplotlib import font_manager  # noqa: PLC0415
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415

    family = font_manager.FontProperties(fname=str(korean_font_path())).get_name()
    count = len(chart.labels)
    with mpl.rc_context({"font.family": family, "axes.unicode_minus": False, "font.size": 11}):
        figure = Figure(
            figsize=(_PHONE_WIDTH_INCHES, 1.4 + 0.62 * max(count, 1)), dpi=150, layout="constrained"
        )
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = list(range(count))
        names = ["\n".join(textwrap.wrap(label, 14)) or label for label in chart.labels]
        bars = axes.barh(positions, chart.values, color="#2f6db5")
        axes.set_yticks(positions, names)
        axes.invert_yaxis()
        axes.bar_label(bars, labels=list(chart.value_labels), padding=3, fontsize=10)
        axes.set_title(chart.title, fontsize=12)
        axes.set_xlabel(chart.x_label)
        axes.set_xticks([])
        axes.margins(x=0.35)
        for side in ("top", "right", "bottom"):
            axes.spines[side].set_visible(False)
        figure.set_facecolor("white")
    return figure


def render_png(figure: Figure) -> bytes:
    """Draw a figure to PNG bytes, ready to send as a photo."""
    import matplotlib as mpl  # noqa: PLC0415 (see the module docstring)
    from matplotlib import font_manager  # noqa: PLC0415

    family = font_manager.FontProperties(fname=str(korean_font_path())).get_name()
    buffer = io.BytesIO()
    with mpl.rc_context({"font.family": family, "axes.unicode_minus": False}):
        figure.savefig(buffer, format="png")
    return buffer.getvalue()
