"""The files of one chart: PNG, SVG, PDF (rendered) and CSV, XLSX (its numbers)."""

from __future__ import annotations

import plotly.graph_objects as go

from indicators.citation import DEMO_MARK
from indicators.export.content import ChartContent
from indicators.export.figure import decorate, decoration
from indicators.export.render import render
from indicators.export.tables import to_csv, to_xlsx
from indicators.export.words import w
from indicators.settings import classification_marking, export_scale

IMAGE_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("csv", "xlsx")
FORMATS = IMAGE_FORMATS + DATA_FORMATS
MEDIA_TYPES = {
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
    if content.demo:
        info["demonstration"] = DEMO_MARK[lang]
    if content.restricted:
        info["classification"] = classification_marking(lang)
    return info


def chart_file(
    content: ChartContent, lang: str, fmt: str, fig: go.Figure | None = None
) -> tuple[str, bytes]:
    """(file name, bytes) of one chart in one format; images at twice screen size."""
    name = f"{content.stem()}_{lang}.{fmt}"
    if fmt in IMAGE_FORMATS:
        image = export_figure(content, lang, fig)
        return name, render(image, fmt, scale=export_scale())
    if fmt == "csv":
        header = [f"{k}: {v}" for k, v in about(content, lang).items() if k != "citations"]
        return name, to_csv(content.data(lang), header)
    if fmt == "xlsx":
        return name, to_xlsx(content.data(lang), about(content, lang))
    raise ValueError(f"{fmt!r} is not one of {', '.join(FORMATS)} ({w('charts', lang)})")
