"""The exported chart: the dashboard's own figure, with what must travel with it.

`decorate` takes the figure the builder made (never changing it: the dashboard
caches and shares it) and returns a copy with a title and subtitle, the calibrated
sentence, the source line, the caveat that matters most, the demonstration mark and,
for a restricted indicator, the classification marking, all inside the image.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from indicators import markup
from indicators.citation import DEMO_MARK
from indicators.export.content import ChartContent
from indicators.export.words import w
from indicators.settings import classification_marking

WIDTH = 1000
PLOT_HEIGHT = 420
LINE = 17  # pixels per footer line at font size 12
WRAP = 140  # characters per footer line at WIDTH
LEGEND_ROOM = 70
MARK_RED = "#B00020"
LEFT, RIGHT = 70, 30


@dataclass(frozen=True)
class Decoration:
    """The texts around one exported chart, in one language."""

    title: str
    subtitle: str
    sentence: str
    source: str
    caveat: str
    demo: bool
    classification: str | None

    def footer(self, lang: str, compact: bool = False) -> list[tuple[str, str]]:
        """(text, style) lines under the chart: sentence, source, caveat, demonstration mark.

        `compact` (charts in a pack, whose page carries the texts) keeps only the marks."""
        lines: list[tuple[str, str]] = []
        for text, style in (
            ("" if compact else self.sentence, "sentence"),
            ("" if compact else self.source, "source"),
            (
                f"{w('caveat', lang)}: {self.caveat}" if self.caveat and not compact else "",
                "caveat",
            ),
            (DEMO_MARK[lang] if self.demo else "", "demo"),
            (self.classification or "", "classification"),
        ):
            lines += [(part, style) for part in textwrap.wrap(text, WRAP)]
        return lines


def decoration(content: ChartContent, lang: str) -> Decoration:
    """The texts of one chart in one language."""
    c = content
    marking = classification_marking(lang) if c.restricted else None
    return Decoration(
        c.title(lang),
        c.subtitle(lang),
        c.sentence(lang),
        c.source(lang),
        c.caveat(lang),
        c.demo,
        marking,
    )


def decorate(fig: go.Figure, deco: Decoration, lang: str, *, compact: bool = False) -> go.Figure:
    """A copy of `fig` sized for export, carrying every text of `deco` inside the image."""
    out = go.Figure(fig.to_dict(), skip_invalid=False, _validate=False)
    for n, trace in enumerate(out.data):
        trace.uid = f"series{n}"  # plotly's random uids would make every SVG differ
    footer = deco.footer(lang, compact)
    legend_room = _legend_room(out)
    bottom = legend_room + LINE * len(footer) + 16
    top = 95 if deco.classification else 80
    out.update_layout(
        title={
            "text": f"<b>{_esc(deco.title)}</b><br><sup>{_esc(deco.subtitle)}</sup>",
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": 18},
        },
        width=WIDTH,
        height=PLOT_HEIGHT + top + bottom,
        margin={"l": LEFT, "r": RIGHT, "t": top, "b": bottom},
        legend={"orientation": "h", "yanchor": "top", "y": -0.1, "x": 0},
    )
    plot_height = PLOT_HEIGHT
    for n, (text, style) in enumerate(footer):
        out.add_annotation(
            text=_styled(text, style),
            xref="paper",
            yref="paper",
            x=-(LEFT - 12) / (WIDTH - LEFT - RIGHT),
            y=-(legend_room + LINE * n) / plot_height,
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            font={"size": 12, "color": MARK_RED if style == "classification" else "#333333"},
        )
    if deco.classification:
        out.add_annotation(
            text=f"<b>{_esc(deco.classification.upper())}</b>",
            xref="paper",
            yref="paper",
            x=1,
            y=1 + (top - 8) / plot_height,
            xanchor="right",
            yanchor="top",
            showarrow=False,
            font={"size": 13, "color": MARK_RED},
        )
    return out


def _legend_room(fig: go.Figure) -> int:
    """Pixels under the plot for the axis labels and a horizontal legend (about five entries
    fit on a row at WIDTH)."""
    entries = sum(1 for t in fig.data if t.showlegend is not False and t.name)
    rows = -(-entries // 5) if entries > 1 or fig.layout.showlegend else 0
    return LEGEND_ROOM + 22 * max(rows - 1, 0)


def _styled(text: str, style: str) -> str:
    text = _esc(text)
    if style in ("demo", "classification"):
        return f"<b>{text}</b>"
    if style == "caveat":
        return f"<i>{text}</i>"
    return text


def _esc(text: str) -> str:
    """Plotly renders a subset of HTML in titles: labels from data must stay plain text."""
    return markup.html(text)
