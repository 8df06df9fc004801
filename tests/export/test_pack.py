"""Country packs, opened and read back: PDF text and PPTX slides."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation
from pptx.util import Inches
from pypdf import PdfReader

from indicators.citation import DEMO_MARK
from indicators.errors import InputError
from indicators.export.content import store_may_view
from indicators.export.pack import pack_content, to_pdf, to_pptx
from indicators.export.words import w
from tests.export.conftest import assert_no_causal_words


@pytest.fixture(scope="module")
def renderer_module():
    from indicators.export.render import unavailable_reason

    if unavailable_reason():
        pytest.skip(unavailable_reason())


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_pdf_pack_has_title_themes_events_and_sources(store, renderer_module):
    pack = pack_content(store, "TUN", lambda ind: not ind.restricted, "en")
    reader = PdfReader(io.BytesIO(to_pdf(pack, dt.date(2026, 1, 1))))
    pages = [_normal(p.extract_text()) for p in reader.pages]
    assert "Country briefing: Tunisia" in pages[0] and DEMO_MARK["en"] in pages[0]
    text = " ".join(pages)
    for theme, charts in pack.themes:
        assert theme.title("en") in text
        for chart in charts:
            assert not chart.content.restricted
            assert _normal(chart.content.source("en"))[:80] in text
    assert "EU–Tunisia memorandum of understanding" in text  # the events page
    assert w("sources", "en") in pages[-1]
    cat = store.catalogue()
    assert _normal(cat.source_by_id["frontex_ibc"].citation_full)[:60] in text
    assert all(DEMO_MARK["en"] in p for p in pages)  # every page carries the mark
    assert_no_causal_words(text)


@pytest.fixture(scope="module")
def tunisia_nl(store, renderer_module):
    return pack_content(store, "TUN", store_may_view(store), "nl")


def test_pptx_pack_has_one_slide_per_theme(store, tunisia_nl):
    pack = tunisia_nl
    prs = Presentation(io.BytesIO(to_pptx(pack)))
    slides = list(prs.slides)
    assert len(slides) == 1 + len(store.catalogue().themes) + 2
    texts = [
        " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides
    ]
    assert "Landenbriefing: Tunesië" in texts[0]
    for (theme, charts), slide, slide_text in zip(pack.themes, slides[1:], texts[1:], strict=False):
        assert theme.title("nl") in slide_text
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == len(charts)
        notes = slide.notes_slide.notes_text_frame.text
        for chart in charts:
            assert chart.content.sentence("nl") in notes
    assert pack.restricted  # demonstration store: restricted may be shown, so it is marked
    assert all("Departementaal vertrouwelijk" in t for t in texts)
    assert texts[-2].startswith(w("events", "nl")) and texts[-1].startswith(w("sources", "nl"))
    assert_no_causal_words(" ".join(texts))


def test_unknown_country_is_a_clear_error(store):
    with pytest.raises(InputError, match="unknown country 'ZZZ'"):
        pack_content(store, "zzz", store_may_view(store), "en")


def test_every_chart_lies_on_its_slide_above_the_sentences(tunisia_nl):
    pack = tunisia_nl
    prs = Presentation(io.BytesIO(to_pptx(pack)))
    for slide in list(prs.slides)[1 : 1 + len(pack.themes)]:
        for picture in (s for s in slide.shapes if s.shape_type == 13):
            assert picture.left + picture.width <= prs.slide_width
            assert picture.top + picture.height <= Inches(5.6)  # where the sentences start


def test_every_pptx_picture_has_the_charts_headline_as_alt_text(tunisia_nl):
    prs = Presentation(io.BytesIO(to_pptx(tunisia_nl)))
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == len(tunisia_nl.charts())
    wanted = [
        f"{ch.content.title('nl')}: {ch.content.accounts['nl'][0].headline}"
        for ch in tunisia_nl.charts()
    ]
    described = [p._element.nvPicPr.cNvPr.get("descr") for p in pictures]
    assert described == wanted
    assert not any("image" in p.name for p in pictures)


def test_pdf_pack_says_its_language_and_carries_the_charts_text(tunisia_nl):
    reader = PdfReader(io.BytesIO(to_pdf(tunisia_nl, dt.date(2026, 1, 1))))
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    first = tunisia_nl.charts()[0]
    assert first.content.accounts["nl"][0].headline[:40] in _normal(reader.metadata.subject)
