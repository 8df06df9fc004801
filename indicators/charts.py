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

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import events as event_text
from indicators import formatting, markup
from indicators.catalogue import Indicator
from indicators.texts import N_, t

# Okabe–Ito: distinguishable with the common forms of colour blindness.
# Okabe-Ito hues, darkened where needed to keep 3:1 against white (WCAG 1.4.11).
PALETTE = ["#0072B2", "#8F7A00", "#009E73", "#B8568F", "#2E8BC0", "#D55E00", "#7F4F24", "#000000"]
MARKERS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]
FONT = "Liberation Sans, Arial, sans-serif"
WINDOW_FILLS = ["rgba(0,114,178,0.08)", "rgba(230,159,0,0.12)"]

# The charts' words, from the library's gettext catalogue (indicators/locale).
_LABEL_KEYS = (
    N_("chart_range"),
    N_("chart_provisional"),
    N_("chart_provisional_period"),
    N_("chart_observed"),
    N_("chart_trend"),
    N_("chart_typical"),
    N_("chart_typical_hover"),
    N_("chart_interval"),
    N_("chart_fan"),
)


def _labels(lang: str) -> dict[str, str]:
    return {key.removeprefix("chart_"): t(key, lang) for key in _LABEL_KEYS}


# Event markers differ by shape and line style, not by colour alone.
EVENT_STYLES: dict[str, dict[str, str]] = {
    "partnership_milestone": {"symbol": "star", "dash": "solid", "color": "#000000"},
    "eu_agreement": {"symbol": "diamond", "dash": "dash", "color": "#0072B2"},
    "external_shock": {"symbol": "x", "dash": "dot", "color": "#D55E00"},
    "data_break": {"symbol": "triangle-down", "dash": "dashdot", "color": "#555555"},
}
EVENT_LABELS = event_text.LABELS  # the event types in words, one table for every channel
FAN = ((95, 0.12), (80, 0.2), (50, 0.32))  # interval level, fill opacity: the fan
OBSERVED_COLOUR = "#222222"
LEVEL_COLOUR = "#666666"
PROVISIONAL_FILL = "rgba(0,0,0,0.07)"

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
    series: str | None = None,
    y_title: str | None = None,
    log_y: bool = False,
) -> Spec:
    """Observed values per series, reported ranges as a band, optional shaded windows.

    `obs` is the store's observation frame for one indicator; series are reporting
    areas (one country) or countries (several), or the values of column `series`;
    `series_names` labels them. `windows` is a list of (label, start, end) to shade.
    `y_title` replaces the unit (for indexed or per-capita values); `log_y` draws
    the value axis on a log scale.
    """
    words = _labels(lang)
    key = series or ("reporter" if obs["country_iso3"].nunique() <= 1 else "country_iso3")
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
                    "mode": "lines",  # plotly adds markers to short traces without a mode
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
    layout = base_layout(
        title=title or indicator.title(lang), y_title=y_title or indicator.unit(lang)
    )
    if log_y:
        # A log axis labelled at 1, 2, 5 × 10^k only, in the language's own number forms.
        layout["yaxis"] |= {"type": "log", "rangemode": "normal", "dtick": "D2"}
    _shade_windows(layout, windows)
    fit_layout(layout, lang)
    date_axis(layout, traces, indicator.frequency, lang)
    return {"data": traces, "layout": layout}


def _shade_windows(layout: Spec, windows: list[tuple[str, object, object]] | None) -> None:
    """Windows A and B as light bands with their label at the top of the plot."""
    for n, (label, start, end) in enumerate(windows or []):
        layout["shapes"].append(_vrect(start, end, WINDOW_FILLS[n % 2]))
        layout["annotations"].append(
            {
                "xref": "x",
                "yref": "paper",
                "x": str(start),
                "y": 1,
                "text": label,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",  # inside the plot: no margin taken from it
                "font": {"size": 10},
                "bgcolor": "rgba(255,255,255,0.7)",
            }
        )


# About this many characters of a 15 px title fit a half-width card at 1280 px.
TITLE_CHARS = 44


def wrap_title(text: str, width: int = TITLE_CHARS) -> str:
    """Break a chart title between words (plotly cuts a long title off instead)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def fit_layout(layout: Spec, lang: str) -> None:
    """Make a chart fit a half-width card: wrapped title, compact legend, local numbers.

    The legend sits under the plot in small type, and the top margin grows with the
    title's lines, so the plot area keeps most of the card.
    """
    title = layout["title"]
    title["text"] = wrap_title(str(title["text"]).replace("<br>", " "))
    lines = title["text"].count("<br>") + 1 + (1 if "subtitle" in title else 0)
    layout["margin"] = layout["margin"] | {"t": 28 + 20 * lines, "l": 50, "r": 10, "b": 30}
    layout["legend"] = layout["legend"] | {
        "font": {"size": 9},
        "itemwidth": 30,
        "tracegroupgap": 0,
        "entrywidthmode": "fraction",
        "entrywidth": 0.33,
        "y": -0.08,
    }
    layout["yaxis"] = layout["yaxis"] | {"automargin": True}
    layout["separators"] = formatting.plotly_separators(lang)


# Months between date ticks, the smallest that keeps at most MAX_DATE_TICKS labels.
TICK_STEPS = (1, 2, 3, 6, 12, 24, 60, 120)
MAX_DATE_TICKS = 7


def date_ticks(first: dt.date, last: dt.date, lang: str) -> tuple[list[str], list[str]]:
    """Tick positions (ISO dates) and labels ("mrt 2020", "2020") from Babel's month
    names: plotly's own date labels are English whatever the page's language."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((s for s in TICK_STEPS if months / s <= MAX_DATE_TICKS - 1), TICK_STEPS[-1])
    index = first.year * 12 + first.month - 1 + (first.day > 1)  # first whole month
    index += -index % step
    names = formatting.month_names(lang)
    values, labels = [], []
    while index <= last.year * 12 + last.month - 1:
        year, month = divmod(index, 12)
        values.append(f"{year}-{month + 1:02d}-01")
        labels.append(str(year) if step >= 12 else f"{names[month]} {year}")
        index += step
    return values, labels


def date_axis(layout: Spec, traces: list[Spec], frequency: str, lang: str) -> None:
    """Label the time axis with the language's month names and date form."""
    days = [str(x)[:10] for tr in traces for x in (tr.get("x") or []) if isinstance(x, str)]
    if not days:
        return
    first, last = dt.date.fromisoformat(min(days)), dt.date.fromisoformat(max(days))
    values, labels = date_ticks(first, last, lang)
    # The hover header's date as the page writes the period ("4e kwartaal 2025"), not
    # the quarter's first month; months as numbers (plotly's month names are English).
    axis: Spec = {"type": "date", "hoverformat": formatting.hover_date_pattern(frequency, lang)}
    if len(values) >= 2:
        axis |= {"tickmode": "array", "tickvals": values, "ticktext": labels}
    layout["xaxis"] = layout.get("xaxis", {}) | axis


def observed_figure(
    obs: pd.DataFrame, indicator: Indicator, lang: str, **options: Any
) -> go.Figure:
    return to_figure(observed_spec(obs, indicator, lang, **options))


def trend_spec(
    trend: pd.DataFrame,
    indicator: Indicator,
    lang: str,
    *,
    title: str | None = None,
    events: pd.DataFrame | None = None,
    comparison: pd.DataFrame | None = None,
    series_names: dict[str, str] | None = None,
    note: str | None = None,
    scale: str | None = None,
    windows: list[tuple[str, object, object]] | None = None,
) -> Spec:
    """Observed points over the trend fan (50/80/95%), provisional periods, events.

    `trend` is the store's trend frame of one series (period_start, value, flags,
    observed, level, lo50…hi95). `events` has event_date, type, title_nl, title_en.
    `comparison` has country_iso3, period_start, level: other countries' trend levels
    for context, labelled by `series_names`. `note` is a subtitle (the demonstration mark).
    `scale` is the trend model's scale: on "log" the line is the typical level (the
    seasonally adjusted geometric mean, below which half the values fall and far above
    which outbursts lie), and legend and hover name it so (Method page: "The level").
    """
    words = _labels(lang)
    trend = trend.sort_values("period_start")
    x = _dates(trend["period_start"])
    traces: list[Spec] = []
    for level, alpha in FAN:
        traces.append(
            {
                "type": "scatter",
                "x": x + x[::-1],
                "y": trend[f"hi{level}"].tolist() + trend[f"lo{level}"].tolist()[::-1],
                "mode": "lines",  # plotly adds markers to short traces without a mode
                "fill": "toself",
                "fillcolor": _rgba(PALETTE[0], alpha),
                "line": {"width": 0},
                # The band is the trend level's interval, not a range for single values
                # (most of which lie outside it): one legend entry names all three.
                "name": words["interval"].format(p=level),
                "legendgroup": "fan",
                "showlegend": level == FAN[0][0],
                "hoverinfo": "skip",
            }
        )
    traces[0]["name"] = words["fan"]
    typical = scale == "log"
    traces.append(
        {
            "type": "scatter",
            "x": x,
            "y": trend["level"].tolist(),
            "name": words["typical" if typical else "trend"],
            "mode": "lines",
            "line": {"color": LEVEL_COLOUR, "width": 1},
            "customdata": trend[["lo95", "hi95"]].to_numpy(float).tolist(),
            "hovertemplate": "%{y:,.4~g} (95%: %{customdata[0]:,.4~g}–%{customdata[1]:,.4~g})"
            f"<extra>{words['typical_hover' if typical else 'trend']}</extra>",
        }
    )
    others = comparison if comparison is not None else pd.DataFrame(columns=["country_iso3"])
    for pos, (code, part) in enumerate(others.groupby("country_iso3", sort=False)):
        style = style_for(pos + 1)
        part = part.sort_values("period_start")
        label = (series_names or {}).get(code, code)
        traces.append(
            {
                "type": "scatter",
                "x": _dates(part["period_start"]),
                "y": part["level"].tolist(),
                "name": label,
                "mode": "lines",
                "line": {"color": style["color"], "dash": style["dash"], "width": 1.2},
                "hovertemplate": "%{y:,.4~g}<extra>" + label + "</extra>",
            }
        )
    seen = trend[trend["observed"].astype(bool)]
    provisional = seen["flags"].fillna("").str.contains("p", regex=False).tolist()
    traces.append(
        {
            "type": "scatter",
            "x": _dates(seen["period_start"]),
            "y": seen["value"].tolist(),
            "name": words["observed"],
            "mode": "markers",
            # Single values stand apart from the fan: darker, larger, with a white rim.
            "marker": {
                "symbol": ["circle-open" if p else "circle" for p in provisional],
                "size": 6,
                "color": OBSERVED_COLOUR,
                "line": {"color": "#ffffff", "width": 0.6},
            },
            "customdata": [words["provisional"] if p else "" for p in provisional],
            "hovertemplate": "%{y:,.4~g} %{customdata}<extra>" + words["observed"] + "</extra>",
        }
    )
    layout = base_layout(
        title=title or indicator.title(lang), y_title=indicator.unit(lang), height=400
    )
    runs = provisional_runs(trend)
    for start, end in runs:
        layout["shapes"].append(_vrect(start, end, PROVISIONAL_FILL))
    if runs:
        traces.append(_legend_only(words["provisional_period"], "square", PROVISIONAL_FILL))
    traces += _event_traces(events, lang, layout, trend)
    if note:
        layout["title"]["subtitle"] = {"text": note, "font": {"size": 11}}
        layout["margin"]["t"] = 70
    _shade_windows(layout, windows)
    layout["height"] = 460  # with the compact legend the plot keeps 60% of the card
    fit_layout(layout, lang)
    date_axis(layout, traces, indicator.frequency, lang)
    return {"data": traces, "layout": layout}


def trend_figure(trend: pd.DataFrame, indicator: Indicator, lang: str, **options: Any) -> go.Figure:
    return to_figure(trend_spec(trend, indicator, lang, **options))


def provisional_runs(trend: pd.DataFrame) -> list[tuple[str, str]]:
    """(start, end) of each run of consecutive provisional periods, as ISO dates."""
    trend = trend.sort_values("period_start").reset_index(drop=True)
    starts = pd.to_datetime(trend["period_start"])
    flagged = trend["flags"].fillna("").str.contains("p", regex=False).to_numpy()
    step = starts.diff().median() if len(starts) > 1 else pd.Timedelta(days=28)
    runs: list[tuple[str, str]] = []
    n = 0
    while n < len(flagged):
        if not flagged[n]:
            n += 1
            continue
        first = n
        while n + 1 < len(flagged) and flagged[n + 1]:
            n += 1
        end = starts[n + 1] if n + 1 < len(starts) else starts[n] + step
        runs.append((f"{starts[first]:%Y-%m-%d}", f"{end:%Y-%m-%d}"))
        n += 1
    return runs


def events_in_view(events: pd.DataFrame | None, trend: pd.DataFrame) -> pd.DataFrame:
    """The events a trend chart marks: from its first period to a year after its last."""
    if events is None or events.empty or trend.empty:
        return pd.DataFrame(columns=["event_date", "type", "title_nl", "title_en"])
    first = pd.Timestamp(trend["period_start"].min())
    last = pd.Timestamp(trend["period_start"].max()) + pd.Timedelta(days=366)
    dates = pd.to_datetime(events["event_date"])
    return events[(dates >= first) & (dates <= last)]


def _event_traces(
    events: pd.DataFrame | None, lang: str, layout: Spec, trend: pd.DataFrame
) -> list[Spec]:
    """A dotted line per event and a marker at the top, one legend entry per type."""
    shown = events_in_view(events, trend)
    traces = []
    for kind, part in shown.groupby("type", sort=False):
        style = EVENT_STYLES.get(str(kind), EVENT_STYLES["external_shock"])
        label = event_text.label(str(kind), lang)
        x = _dates(part["event_date"])
        for day in x:
            layout["shapes"].append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": day,
                    "x1": day,
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": style["color"], "dash": style["dash"], "width": 1},
                    "layer": "below",
                }
            )
        traces.append(
            {
                "type": "scatter",
                "x": x,
                "y": [1.0] * len(x),
                "yaxis": "y2",
                "name": label,
                "mode": "markers",
                "marker": {"symbol": style["symbol"], "size": 10, "color": style["color"]},
                # The date as the language writes it and the title: data, not markup.
                "text": [
                    markup.html(
                        f"{formatting.date(r['event_date'], lang)}: {event_text.title(r, lang)}"
                    )
                    for _, r in part.iterrows()
                ],
                "hovertemplate": "%{text}<extra>" + markup.html(label) + "</extra>",
            }
        )
    if traces:
        layout["yaxis2"] = {
            "overlaying": "y",
            "range": [0, 1.05],
            "visible": False,
            "fixedrange": True,
        }
    return traces


def _legend_only(name: str, symbol: str, colour: str) -> Spec:
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "name": name,
        "mode": "markers",
        "marker": {"symbol": symbol, "size": 12, "color": colour, "line": {"width": 1}},
        "hoverinfo": "skip",
    }


def _vrect(start: object, end: object, fill: str) -> Spec:
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": str(start),
        "x1": str(end),
        "y0": 0,
        "y1": 1,
        "fillcolor": fill,
        "line": {"width": 0},
        "layer": "below",
    }


def _dates(column: pd.Series) -> list[str]:
    return pd.to_datetime(column).dt.strftime("%Y-%m-%d").tolist()


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


# --- forest plot: changes between two windows with their intervals ----------
VERDICT_MARKERS = {
    "increase": "triangle-up",
    "decrease": "triangle-down",
    "little_change": "diamond",
    "no_detectable_change": "circle-open",
}
_FOREST_KEYS = (
    N_("forest_increase"),
    N_("forest_decrease"),
    N_("forest_little_change"),
    N_("forest_no_detectable_change"),
    N_("forest_no_change"),
    N_("forest_bars"),
)


def _forest_words(lang: str) -> dict[str, str]:
    return {key.removeprefix("forest_"): t(key, lang) for key in _FOREST_KEYS}


FOREST_COLUMNS = ["label", "estimate", "low80", "high80", "low95", "high95", "verdict"]


def forest_spec(
    rows: pd.DataFrame,
    lang: str,
    *,
    title: str,
    x_title: str,
    group: str | None = None,
    group_names: dict[str, str] | None = None,
    band: tuple[float, float] | None = None,
    band_label: str | None = None,
) -> Spec:
    """A forest plot: one line per row, top to bottom, estimate with 80% and 95% intervals.

    `rows` has FOREST_COLUMNS (label unique per row; verdict one of VERDICT_MARKERS)
    and optionally a `group` column whose values share colour, marker and dash; the
    verdict is carried by the marker shape and the legend, never by colour alone.
    `band` (low, high) shades a range around zero, labelled `band_label`.
    """
    words = _forest_words(lang)
    traces: list[Spec] = []
    groups = rows.groupby(group, sort=False) if group else [(None, rows)]
    for pos, (name, part) in enumerate(groups):
        style = style_for(pos)
        label = (group_names or {}).get(name, name) if name is not None else title
        y = part["label"].tolist()
        for low, high, width, show in (
            ("low95", "high95", 1.5, True),
            ("low80", "high80", 6, False),
        ):
            xs: list[float | None] = []
            ys: list[str | None] = []
            for lo, hi, lab in zip(part[low], part[high], y, strict=True):
                xs += [float(lo), float(hi), None]
                ys += [lab, lab, None]
            traces.append(
                {
                    "type": "scatter",
                    "x": xs,
                    "y": ys,
                    "mode": "lines",
                    "line": {"color": style["color"], "width": width, "dash": "solid"},
                    "opacity": 1.0 if show else 0.55,
                    "name": label,
                    "legendgroup": str(label),
                    "showlegend": show and group is not None,
                    "hoverinfo": "skip",
                }
            )
        verdicts = part["verdict"].tolist()
        traces.append(
            {
                "type": "scatter",
                "x": part["estimate"].astype(float).tolist(),
                "y": y,
                "mode": "markers",
                "marker": {
                    "symbol": [VERDICT_MARKERS.get(v, "circle") for v in verdicts],
                    "size": 12,
                    "color": style["color"],
                    "line": {"width": 1.5, "color": style["color"]},
                },
                "name": label,
                "legendgroup": str(label),
                "showlegend": False,
                "customdata": [
                    [words.get(v, v), lo, hi]
                    for v, lo, hi in zip(verdicts, part["low95"], part["high95"], strict=True)
                ],
                "hovertemplate": "%{y}: %{x:+,.3~g} [%{customdata[1]:+,.3~g}, "
                "%{customdata[2]:+,.3~g}]<br>%{customdata[0]}<extra></extra>",
            }
        )
    for verdict in dict.fromkeys(rows["verdict"]):
        traces.append(
            {
                "type": "scatter",
                "x": [None],
                "y": [None],
                "mode": "markers",
                "marker": {
                    "symbol": VERDICT_MARKERS.get(verdict, "circle"),
                    "size": 11,
                    "color": "#444444",
                },
                "name": words.get(verdict, verdict),
                "showlegend": True,
            }
        )
    n = len(rows)
    plot_height = 40 + 34 * n
    layout = base_layout(title=title, y_title="", height=plot_height + 50 + 150)
    layout["hovermode"] = "closest"
    layout["xaxis"] = {
        "title": {"text": f"{x_title}<br><sup>{words['bars']}</sup>"},
        "zeroline": False,
    }
    layout["yaxis"] = {"autorange": "reversed", "type": "category", "automargin": True}
    # The legend sits under the two-line axis title: 80 px below the plot area.
    layout["margin"] = {"l": 20, "r": 20, "t": 50, "b": 150}
    layout["legend"]["y"] = -80 / plot_height
    layout["shapes"].append(
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": 0,
            "x1": 0,
            "y0": 0,
            "y1": 1,
            "line": {"color": "#333333", "width": 1, "dash": "dash"},
        }
    )
    layout["annotations"].append(
        {
            "xref": "x",
            "yref": "paper",
            "x": 0,
            "y": 1,
            "text": words["no_change"],
            "showarrow": False,
            "yanchor": "bottom",
        }
    )
    if band is not None:  # e.g. the smallest detectable change around zero, hatched
        layout["shapes"].append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": band[0],
                "x1": band[1],
                "y0": 0,
                "y1": 1,
                "fillcolor": "rgba(0,0,0,0.06)",
                "line": {"width": 1, "dash": "dot", "color": "#777777"},
                "layer": "below",
            }
        )
        layout["annotations"].append(
            {
                "xref": "x",
                "yref": "paper",
                "x": band[1],
                "y": 0,
                "text": band_label or "",
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"size": 11, "color": "#555555"},
            }
        )
    return {"data": traces, "layout": layout}


def forest_figure(rows: pd.DataFrame, lang: str, **options: Any) -> go.Figure:
    return to_figure(forest_spec(rows, lang, **options))
