"""A country briefing as PDF (reportlab) and PPTX (python-pptx).

Title page, one page or slide per theme with its charts, sentences and caveats, an
events page and a sources page. Charts are rendered once and shared by both formats.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from indicators import events as event_text
from indicators import formatting, markup
from indicators.analysis.windows import Window, WindowSpec
from indicators.catalogue import Catalogue, Theme
from indicators.citation import DEMO_MARK
from indicators.errors import InputError, Problem
from indicators.export.content import ChartContent, ChartRequest, MayView, chart_content
from indicators.export.figure import decorate, decoration
from indicators.export.render import render
from indicators.export.words import w
from indicators.settings import classification_marking
from indicators.store import Store
from indicators.views import area_for
from indicators.views.series import area_name

PACK_FORMATS = ("pdf", "pptx")
TEXT_GREY = "#595959"
PACK_SCALE = 1.0  # a chart fills about 12 cm of an A4 page: 1000 px is ~200 dpi
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")


@dataclass
class PackChart:
    content: ChartContent
    png: bytes
    size: tuple[int, int]


@dataclass
class Pack:
    """Everything a country pack shows, in one language."""

    country: str
    name: str
    lang: str
    themes: list[tuple[Theme, list[PackChart]]]
    events: pd.DataFrame
    catalogue: Catalogue
    demo: bool
    restricted: bool
    data_date: str | None
    # A review round's report (indicators.framework.report), as Markdown lines: the
    # round's judgements and claims beside the figures of its vintage.
    round_lines: list[str] = field(default_factory=list)
    about: str = ""  # the view: reporting area, windows, comparison countries
    reporter: str | None = None
    window_a: str = ""
    window_b: str = ""

    def marks(self) -> list[str]:
        out = [DEMO_MARK[self.lang]] if self.demo else []
        return out + ([classification_marking(self.lang)] if self.restricted else [])

    def charts(self) -> list[PackChart]:
        return [c for _, charts in self.themes for c in charts]


def pack_content(
    store: Store,
    country: str,
    may_view: MayView,
    lang: str,
    a: WindowSpec = "baseline",
    b: WindowSpec = "partnership",
    *,
    reporter: str | None = None,
    comparison: Sequence[str] | None = None,
) -> Pack:
    """Gather and render the charts of one country: every indicator it may show, with data.

    The pack follows the page's view: reporting area (`reporter`, each indicator shown
    for it where it has it), windows and comparison countries (None: the default ones).
    """
    cat = store.catalogue()
    country = country.upper()
    if country not in cat.country_by_iso3:
        raise InputError(Problem("country", None, None, f"unknown country {country!r}"))
    themes = []
    for theme in cat.themes:
        charts = []
        for ind in (i for i in cat.indicators if i.theme == theme.id and may_view(i)):
            codes = tuple(comparison) if comparison is not None else None
            request = ChartRequest(ind.id, (country,), area_for(ind, reporter), a, b, codes)
            c = chart_content(store, request, may_view, cat)
            if c.observations["value"].notna().sum() == 0:
                continue
            fig = decorate(c.figure(lang), decoration(c, lang), lang, compact=True)
            png = render(fig, "png", scale=PACK_SCALE)
            charts.append(PackChart(c, png, (int(fig.layout.width), int(fig.layout.height))))
        themes.append((theme, charts))
    all_charts = [c for _, cs in themes for c in cs]
    dates = sorted(c.content.data_date for c in all_charts if c.content.data_date)
    return Pack(
        country=country,
        name=cat.country_by_iso3[country].name(lang),
        lang=lang,
        themes=themes,
        events=store.events(country),
        catalogue=cat,
        demo=any(c.content.demo for c in all_charts),
        restricted=any(c.content.restricted for c in all_charts),
        data_date=dates[-1] if dates else None,
        about=_about(cat, lang, reporter, all_charts),
        reporter=reporter,
        window_a=a.label if isinstance(a, Window) else str(a),
        window_b=b.label if isinstance(b, Window) else str(b),
    )


def _about(cat: Catalogue, lang: str, reporter: str | None, charts: list[PackChart]) -> str:
    """'reporting area: Netherlands · comparison 2016–2021 / 2025– · compared with: …'."""
    if not charts:
        return ""
    first = charts[0].content
    view = first.accounts[lang][0].view
    parts = [f"{w('windows', lang)} {view.a.label} / {view.b.label}"]
    if reporter:
        parts.insert(0, f"{w('reporter', lang)}: {area_name(cat, reporter, lang)}")
    names = [cat.country_by_iso3[c].name(lang) for c in view.comparison]
    parts.append(f"{w('compared_with', lang)}: {', '.join(names) or '-'}")
    return " · ".join(parts)


def event_rows(pack: Pack) -> list[tuple[str, str, str]]:
    """Per event its date, type and title as the pack's language writes them."""
    return [
        (
            formatting.date(e["event_date"], pack.lang),
            event_text.label(str(e["type"]), pack.lang),
            event_text.title(e, pack.lang),
        )
        for _, e in pack.events.iterrows()
    ]


def source_rows(pack: Pack) -> list[str]:
    """Each source once, in full, then every chart's computed source line."""
    used = sorted({s for c in pack.charts() for s in c.content.indicator.sources})
    citations = [pack.catalogue.source_by_id[s].citation_full for s in used]
    return citations + [c.content.source(pack.lang) for c in pack.charts()]


def subtitle(pack: Pack, generated: dt.date) -> str:
    return f"{w('data_date', pack.lang)} {pack.data_date or '-'} · {generated.isoformat()}"


# --- PDF --------------------------------------------------------------------------
def to_pdf(pack: Pack, generated: dt.date | None = None) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    font, bold = _pdf_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5)
    grey = colors.HexColor(TEXT_GREY)  # 7:1 on white; reportlab's grey is 3.9:1
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=grey)
    h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=20, leading=24, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=base, fontName=bold, fontSize=14, leading=18, spaceAfter=4)
    mark = ParagraphStyle("mark", parent=base, fontName=bold, textColor=colors.HexColor("#B00020"))
    width = A4[0] - 30 * mm
    lang = pack.lang
    story: list = [Spacer(1, 40 * mm), Paragraph(_x(f"{w('pack_title', lang)}: {pack.name}"), h1)]
    story += [Paragraph(_x(subtitle(pack, generated or dt.date.today())), base)]
    story += [Paragraph(_x(pack.about), base), Spacer(1, 6 * mm)]
    story += [Paragraph(_x(w("pack_intro", lang)), base), Spacer(1, 6 * mm)]
    story += [Paragraph(_x(m), mark) for m in pack.marks()]
    for theme, charts in pack.themes:
        story += [PageBreak(), Paragraph(_x(theme.title(lang)), h2)]
        story += [Paragraph(_x(theme.description(lang)), small), Spacer(1, 3 * mm)]
        if not charts:
            story.append(Paragraph(_x(w("nothing_shown", lang)), base))
        for ch in charts:
            h = width * ch.size[1] / ch.size[0] * 0.62
            story.append(Image(io.BytesIO(ch.png), width=width * 0.62, height=h, hAlign="LEFT"))
            story.append(Paragraph(_x(ch.content.sentence(lang)), base))
            story.append(Paragraph(_x(" ".join(ch.content.details(lang))), small))
            story.append(Paragraph(_x(ch.content.source(lang)), small))
            caveat = ch.content.caveat(lang)
            if caveat:
                story.append(Paragraph(_x(f"{w('caveat', lang)}: {caveat}"), small))
            story.append(Spacer(1, 4 * mm))
    if pack.round_lines:
        story.append(PageBreak())
        for line in pack.round_lines:
            if line.startswith("## "):
                story.append(Paragraph(_x(line[3:]), h2))
            elif line.startswith("### "):
                story.append(Paragraph(_x(line[4:]), h2))
            elif line.strip():
                story.append(Paragraph(_x(line.replace("**", "")), small))
    story += [PageBreak(), Paragraph(_x(w("events", lang)), h2)]
    rows = event_rows(pack)
    if rows:
        cells = [[Paragraph(_x(v), base) for v in row] for row in rows]
        story.append(Table(cells, colWidths=[25 * mm, 40 * mm, width - 65 * mm]))
    else:
        story.append(Paragraph(_x(w("no_events", lang)), base))
    story += [PageBreak(), Paragraph(_x(w("sources", lang)), h2)]
    story += [Paragraph(_x(line), base) for line in source_rows(pack)]

    def footer(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback signature
        canvas.saveState()
        canvas.setFont(bold, 8)
        canvas.setFillColor(colors.HexColor("#B00020"))
        canvas.drawString(15 * mm, 8 * mm, " · ".join(pack.marks()))
        canvas.setFillColor(grey)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, f"{pack.name} · {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{w('pack_title', lang)}: {pack.name}",
        # A screen reader reads the pack in its language; reportlab writes no structure
        # tree (no tagged PDF), so each chart's text summary stands in the text right
        # after its picture, and the subject lists them.
        lang="nl-NL" if lang == "nl" else "en-GB",
        subject=" ".join(alt_text(ch, lang) for ch in pack.charts()),
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def alt_text(chart: PackChart, lang: str) -> str:
    """A chart's alternative text: its title and the account's headline."""
    headline = next((a.headline for a in chart.content.accounts[lang] if a.headline), "")
    return f"{chart.content.title(lang)}: {headline}" if headline else chart.content.title(lang)


def set_alt_text(picture: Any, text: str) -> None:
    """The picture's description (PowerPoint's alt text) instead of 'image.png'."""
    properties = picture._element.nvPicPr.cNvPr
    properties.set("descr", text)
    properties.set("name", text[:60])


def _pdf_fonts() -> tuple[str, str]:
    """Liberation Sans (every character of both languages, '−' included) or Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = FONT_DIR / "LiberationSans-Regular.ttf", FONT_DIR / "LiberationSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "LiberationSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LiberationSans", str(regular)))
        pdfmetrics.registerFont(TTFont("LiberationSans-Bold", str(bold)))
    return "LiberationSans", "LiberationSans-Bold"


def _x(text: str) -> str:
    """Paragraph text is a small markup language: data must stay plain text."""
    return markup.html(text)


# --- PPTX -------------------------------------------------------------------------
def to_pptx(pack: Pack, generated: dt.date | None = None) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    lang = pack.lang
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]

    def text(slide, left, top, width, height, lines, size=12, bold=False, colour=None):  # noqa: ANN001, ANN202
        box = slide.shapes.add_textbox(left, top, width, height).text_frame
        box.word_wrap = True
        for n, line in enumerate(lines):
            para = box.paragraphs[0] if n == 0 else box.add_paragraph()
            para.text = line
            para.font.size, para.font.bold = Pt(size), bold
            if colour:
                para.font.color.rgb = RGBColor.from_string(colour)
        return box

    def marks(slide) -> None:  # noqa: ANN001
        if pack.marks():
            text(slide, Inches(0.4), Inches(7.05), Inches(12.5), Inches(0.35),
                 [" · ".join(pack.marks())], 10, True, "B00020")  # fmt: skip

    slide = prs.slides.add_slide(blank)
    text(slide, Inches(0.8), Inches(2.2), Inches(11.5), Inches(1.2),
         [f"{w('pack_title', lang)}: {pack.name}"], 36, True)  # fmt: skip
    text(slide, Inches(0.8), Inches(3.5), Inches(11.5), Inches(1.5),
         [subtitle(pack, generated or dt.date.today()), pack.about, w("pack_intro", lang)],
         16)  # fmt: skip
    marks(slide)
    for theme, charts in pack.themes:
        slide = prs.slides.add_slide(blank)
        text(
            slide,
            Inches(0.4),
            Inches(0.2),
            Inches(12.5),
            Inches(0.6),
            [theme.title(lang)],
            26,
            True,
        )
        if not charts:
            text(
                slide,
                Inches(0.4),
                Inches(1.2),
                Inches(12),
                Inches(1),
                [w("nothing_shown", lang)],
                14,
            )
        # Every chart of the theme on its one slide, above the sentences: up to 4 x 2.
        cols = 2 if len(charts) <= 4 else 3 if len(charts) <= 6 else 4
        cell_w = Inches(12.5) // cols
        img_w = cell_w - Inches(0.15)
        rows = max(1, -(-len(charts) // cols))
        cell_h = Inches(4.6) // rows
        for n, ch in enumerate(charts):
            left = Inches(0.4) + cell_w * (n % cols)
            top = Inches(0.9) + cell_h * (n // cols)
            img_h = min(cell_h - Inches(0.05), Emu(int(img_w * ch.size[1] / ch.size[0])))
            picture = slide.shapes.add_picture(io.BytesIO(ch.png), left, top, height=img_h)
            set_alt_text(picture, alt_text(ch, lang))
        sentences = [f"{ch.content.title(lang)}: {ch.content.sentence(lang)}" for ch in charts]
        details = [" ".join(ch.content.details(lang)) for ch in charts]
        caveats = [
            f"{w('caveat', lang)} — {ch.content.title(lang)}: {ch.content.caveat(lang)}"
            for ch in charts
            if ch.content.caveat(lang)
        ]
        text(slide, Inches(0.4), Inches(5.6), Inches(12.5), Inches(1.4),
             sentences, 8)  # fmt: skip
        slide.notes_slide.notes_text_frame.text = "\n\n".join(
            sentences + details + caveats + [ch.content.source(lang) for ch in charts]
        )
        marks(slide)
    lines = [x.replace("**", "").lstrip("#> ") for x in pack.round_lines if x.strip()]
    for start in range(0, len(lines), 28):  # a slide holds about 28 lines at 9 points
        slide = prs.slides.add_slide(blank)
        text(slide, Inches(0.4), Inches(0.3), Inches(12.5), Inches(6.6),
             lines[start : start + 28], 9)  # fmt: skip
        slide.notes_slide.notes_text_frame.text = "\n".join(lines[start : start + 28])
        marks(slide)
    slide = prs.slides.add_slide(blank)
    text(slide, Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.6), [w("events", lang)], 26, True)
    rows_ = [" · ".join(r) for r in event_rows(pack)] or [w("no_events", lang)]
    text(slide, Inches(0.4), Inches(1.0), Inches(12.5), Inches(5.8), rows_, 12)
    marks(slide)
    slide = prs.slides.add_slide(blank)
    text(slide, Inches(0.4), Inches(0.2), Inches(12.5), Inches(0.6), [w("sources", lang)], 26, True)
    text(slide, Inches(0.4), Inches(1.0), Inches(12.5), Inches(5.8), source_rows(pack), 9)
    marks(slide)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def pack_file(pack: Pack, fmt: str, generated: dt.date | None = None) -> tuple[str, bytes]:
    from indicators.export.filenames import pack_name

    if fmt not in PACK_FORMATS:
        raise ValueError(f"pack format must be one of {PACK_FORMATS}, not {fmt!r}")
    name = pack_name(pack.country, pack.reporter, pack.window_a, pack.window_b, pack.lang, fmt)
    if fmt == "pdf":
        return name, to_pdf(pack, generated)
    if fmt == "pptx":
        return name, to_pptx(pack, generated)
    raise ValueError(f"pack format must be one of {PACK_FORMATS}, not {fmt!r}")
