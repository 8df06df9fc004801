"""The files of one chart: PNG, SVG, PDF (rendered) and CSV, XLSX (its numbers)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.citation import DEMO_MARK
from indicators.export.chart_table import chart_table
from indicators.export.chart_table import readme as table_readme
from indicators.export.content import ChartContent
from indicators.export.figure import decorate, decoration
from indicators.export.render import render
from indicators.export.tables import rounded, to_csv, to_xlsx
from indicators.export.words import w
from indicators.settings import classification_marking, export_scale
from indicators.texts import t

# The README's label for each of `about`'s fields (library catalogue keys).
LABELS = {
    "title": "table_about_title",
    "source": "table_about_source",
    "caveat": "table_about_caveat",
    "statement": "export_sentence",
    "citations": "export_citations",
    "bounds": "table_about_bounds",
}

IMAGE_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("csv", "xlsx", "md")
FORMATS = IMAGE_FORMATS + DATA_FORMATS
MEDIA_TYPES = {
    "md": "text/markdown",
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_figure(content: ChartContent, lang: str, fig: go.Figure | None = None) -> go.Figure:
    """The figure as exported: `fig` (default: the builder's figure) with every text on it."""
    return decorate(
        fig if fig is not None else content.figure(lang), decoration(content, lang), lang
    )


def about(content: ChartContent, lang: str) -> dict[str, str]:
    """What travels with the numbers: title, statement, source, caveat, marks."""
    info = {
        "title": content.title(lang),
        "subtitle": content.subtitle(lang),
        "statement": content.sentence(lang),
        "source": content.source(lang),
        "caveat": content.caveat(lang),
        "citations": " | ".join(content.citations()),
    }
    if shows_trend(content):
        info["bounds"] = t("table_about_bounds_text", lang)
    if content.demo:
        info["demonstration"] = DEMO_MARK[lang]
    if content.restricted:
        info["classification"] = classification_marking(lang)
    return info


def shows_trend(content: ChartContent) -> bool:
    """Whether the chart draws the trend level: one country, values as stored."""
    return not content.trend.empty and content.shown_unit is None


def table(content: ChartContent, lang: str) -> pd.DataFrame:
    """What the chart shows as a table: observations with their flags and, where the
    chart draws it, the trend level with its 50/80/95% bounds per period (headers in
    the language, real dates, the indicator's precision); else the observations."""
    frame = (
        chart_table(content.trend, content.indicator, lang)
        if shows_trend(content)
        else content.data(lang)
    )
    return marked(frame, content, lang)


def marked(frame: pd.DataFrame, content: ChartContent, lang: str) -> pd.DataFrame:
    """Demonstration and restricted figures say so on every row: a CSV travels without
    its README, so the marking cannot live only there."""
    if not content.demo and not content.restricted:
        return frame
    frame = frame.copy()
    if content.demo:
        frame[t("table_demonstration", lang)] = DEMO_MARK[lang]
    if content.restricted:
        frame[t("table_classification", lang)] = classification_marking(lang)
    return frame


def readme(content: ChartContent, lang: str) -> str:
    """The README beside the numbers: what `about` says, under the language's words."""
    fields = {
        t(LABELS[k], lang) if k in LABELS else k: v for k, v in about(content, lang).items() if v
    }
    return table_readme(fields, lang)


def chart_file(
    content: ChartContent, lang: str, fmt: str, fig: go.Figure | None = None
) -> tuple[str, bytes]:
    """(file name, bytes) of one chart in one format; images at twice screen size."""
    name = f"{content.stem()}_{lang}.{fmt}"
    if fmt in IMAGE_FORMATS:
        image = export_figure(content, lang, fig)
        return name, render(image, fmt, scale=export_scale())
    # The metadata goes to the 'about' sheet or the README, never into comment lines.
    if fmt == "csv":
        return name, to_csv(table(content, lang))
    if fmt == "xlsx":
        return name, to_xlsx(table(content, lang), about(content, lang))
    if fmt == "md":
        return name, readme(content, lang).encode("utf-8")
    raise ValueError(f"{fmt!r} is not one of {', '.join(FORMATS)} ({w('charts', lang)})")


def figure_file(
    fig: go.Figure, fmt: str, frame: pd.DataFrame, about: dict[str, str] | None = None
) -> bytes:
    """One file of a figure that is not a single series' chart (the forest plot): the
    image as drawn, or the rows behind it, rounded, with `about` on XLSX's second sheet
    or as the README."""
    if fmt in IMAGE_FORMATS:
        return render(fig, fmt, scale=export_scale())
    if fmt == "csv":
        return to_csv(rounded(frame))
    if fmt == "xlsx":
        return to_xlsx(rounded(frame), about)
    if fmt == "md":
        lines = [f"- **{k}:** {v}" for k, v in (about or {}).items() if v]
        return "\n".join([*lines, ""]).encode("utf-8")
    raise ValueError(f"{fmt!r} is not one of {', '.join(FORMATS)}")
