"""Plotly figure builders shared by the dashboard and the exports.

What a user sees and what a user exports come from the same function. Meaning is
never carried by colour alone: series differ in marker and dash too, and
provisional values are open markers.

Figures are assembled as plain dicts and wrapped without plotly's per-property
validation (about 50 times faster, which keeps pages within their time budget);
tests build every figure again *with* validation, so an invalid property still
fails there.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators.catalogue import Indicator

# Okabe–Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MARKERS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]
FONT = "Liberation Sans, Arial, sans-serif"
WINDOW_FILLS = ["rgba(0,114,178,0.08)", "rgba(230,159,0,0.12)"]

_LABELS = {
    "nl": {"range": "bandbreedte", "provisional": "voorlopig"},
    "en": {"range": "reported range", "provisional": "provisional"},
}

Spec = dict[str, Any]


def to_figure(spec: Spec, *, validate: bool = False) -> go.Figure:
    return go.Figure(spec, _validate=validate)


def style_for(position: int) -> dict[str, str]:
    """Colour, marker and dash for the n-th series on a chart."""
    n = position % len(PALETTE)
    return {"color": PALETTE[n], "marker": MARKERS[n], "dash": DASHES[n]}


def base_layout(*, title: str, y_title: str, height: int = 320) -> Spec:
    return {
        "title": {"text": title, "font": {"size": 15}},
        "font": {"family": FONT, "size": 13},
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 50, "b": 40},
        "template": "plotly_white",
        "hovermode": "x unified",
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        "yaxis": {"title": {"text": y_title}, "rangemode": "tozero"},
        "shapes": [],
        "annotations": [],
    }


def observed_spec(
    obs: pd.DataFrame,
    indicator: Indicator,
    lang: str,
    *,
    series_names: dict[str, str] | None = None,
    title: str | None = None,
    windows: list[tuple[str, object, object]] | None = None,
) -> Spec:
    """Observed values per series, reported ranges as a band, optional shaded windows.

    `obs` is the store's observation frame for one indicator; series are reporting
    areas (one country) or countries (several); `series_names` labels them.
    `windows` is a list of (label, start, end) to shade.
    """
    words = _LABELS["en" if lang == "en" else "nl"]
    key = "reporter" if obs["country_iso3"].nunique() <= 1 else "country_iso3"
    traces: list[Spec] = []
    for pos, (name, part) in enumerate(obs.groupby(key, sort=False)):
        label = (series_names or {}).get(name, name)
        style = style_for(pos)
        part = part.sort_values("period_start")
        x = part["period_start"].dt.strftime("%Y-%m-%d").tolist()
        band = part.dropna(subset=["lower", "upper"])
        if len(band):
            bx = band["period_start"].dt.strftime("%Y-%m-%d").tolist()
            traces.append(
                {
                    "type": "scatter",
                    "x": bx + bx[::-1],
                    "y": band["upper"].tolist() + band["lower"].tolist()[::-1],
                    "fill": "toself",
                    "fillcolor": _rgba(style["color"], 0.18),
                    "line": {"width": 0},
                    "name": f"{label}: {words['range']}",
                    "hoverinfo": "skip",
                }
            )
        provisional = part["flags"].str.contains("p", regex=False).tolist()
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": part["value"].tolist(),
                "name": label,
                "mode": "lines+markers",
                "connectgaps": False,
                "line": {"color": style["color"], "dash": style["dash"], "width": 1.5},
                "marker": {
                    "symbol": [style["marker"] + ("-open" if p else "") for p in provisional],
                    "size": 6,
                    "color": style["color"],
                },
                "customdata": [words["provisional"] if p else "" for p in provisional],
                "hovertemplate": "%{y:,.4~g} %{customdata}<extra>" + label + "</extra>",
            }
        )
    layout = base_layout(title=title or indicator.title(lang), y_title=indicator.unit(lang))
    for n, (label, start, end) in enumerate(windows or []):
        layout["shapes"].append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": str(start),
                "x1": str(end),
                "y0": 0,
                "y1": 1,
                "fillcolor": WINDOW_FILLS[n % 2],
                "line": {"width": 0},
                "layer": "below",
            }
        )
        layout["annotations"].append(
            {
                "xref": "x",
                "yref": "paper",
                "x": str(start),
                "y": 1,
                "text": label,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
            }
        )
    return {"data": traces, "layout": layout}


def observed_figure(
    obs: pd.DataFrame, indicator: Indicator, lang: str, **options: Any
) -> go.Figure:
    return to_figure(observed_spec(obs, indicator, lang, **options))


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"
