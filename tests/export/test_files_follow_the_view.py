"""Every file follows the page's view: area, windows, comparison countries, language.

The case issue 14 was filed on: Tunisia, reporting area Netherlands, window B
"taskforce", Morocco and Egypt for comparison. The pack, the bundle and a chart's CSV,
each clicked on that page, must say what the page says, sentence by sentence, in English
and in Dutch. The page shows one theme tab at a time, so the test reads every tab.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from pptx import Presentation

from indicators.catalogue import load_catalogue
from indicators.store import Store
from tests.apptest import open_page

VIEW = {"country": "TUN", "reporter": "NL", "b": "taskforce", "cmp": "MAR,EGY"}
# What the pack's title page says of that view, in each language.
TITLE = {
    "en": ("reporting area: Netherlands", "compared with: Morocco, Egypt"),
    "nl": ("rapporterend gebied: Nederland", "vergeleken met: Marokko, Egypte"),
}
COMPARED = {"en": "Compared with: Morocco, Egypt.", "nl": "Vergeleken met: Marokko, Egypte."}


def _click(at, clicks: dict, key: str) -> bytes:
    (button,) = [b for b in at.get("download_button") if b.key == key]
    return clicks[button.proto.deferred_file_id]()


def _said(at) -> tuple[list[str], list[str]]:
    """(headlines, every detail of the accounts) as one tab of the page shows them."""
    lines = [m.value for m in at.markdown]
    headlines = [
        line
        for line in lines
        if "2016–2021" in line and "2025–" in line and not line.startswith("- ")  # details
    ]
    details = [
        item.removeprefix("- ")
        for line in lines
        if line.startswith("- ") and "\n- " in f"\n{line}"
        for item in line.split("\n")
    ]
    # The key-figures strip lists verdicts in bold; the accounts' details are plain.
    return headlines, [d for d in details if "**" not in d]


def _page(lang: str) -> tuple[list[str], list[str]]:
    """Headlines and details of every theme tab of the view's country page."""
    headlines: list[str] = []
    details: list[str] = []
    for theme in load_catalogue().themes:
        shown = _said(open_page("country", VIEW | {"lang": lang, "theme": theme.id}))
        headlines += shown[0]
        details += shown[1]
    return headlines, details


def _pptx_text(data: bytes) -> tuple[str, str]:
    """(the slides' text, the speaker notes) of a PPTX."""
    prs = Presentation(io.BytesIO(data))
    slides, notes = [], []
    for slide in prs.slides:
        slides += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if slide.has_notes_slide:
            notes.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(slides), "\n".join(notes)


@pytest.mark.parametrize(
    ("kind", "lang"), [("demo", "en"), ("demo", "nl"), ("realdata", "en"), ("realdata", "nl")]
)
def test_the_pack_says_every_sentence_the_page_says(
    use_store, request, clicks, renderer, kind, lang
):
    if kind == "demo":
        use_store(request.getfixturevalue("demo_store_path"))
    else:  # a store built from ../shared/realdata (skipped where it is absent)
        use_store(request.getfixturevalue("realdata_build").path)
    headlines, details = _page(lang)
    assert headlines and COMPARED[lang] in details
    at = open_page("country", VIEW | {"lang": lang})
    slides, notes = _pptx_text(_click(at, clicks, "country_pack_pptx"))
    for sentence in headlines + details:
        assert sentence in slides + notes, sentence
    # ... and nothing the page does not say: every headline on a slide is one of the page's.
    title_page = slides.split("\n")[:4]
    said = [line for line in slides.split("\n") if "2016–2021" in line and line not in title_page]
    assert said and all(any(h in line for h in headlines) for line in said)
    assert "2022–2025" not in slides  # window B is the taskforce period, as on the page
    area, compared = TITLE[lang]
    assert area in slides and compared in slides


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_bundle_and_a_chart_csv_follow_the_page(
    use_store, demo_store_path, clicks, renderer, lang
):
    use_store(demo_store_path)
    at = open_page("country", VIEW | {"lang": lang, "theme": "return"})
    headlines, details = _said(at)
    at.multiselect(key="country_bundle_charts").set_value(["return_orders"]).run()
    with zipfile.ZipFile(io.BytesIO(_click(at, clicks, "country_bundle"))) as zf:
        names = zf.namelist()
        readme = zf.read("README.md").decode("utf-8")
    charts = [n for n in names if n != "README.md"]
    assert charts and all(
        n.startswith("TUN-vs-MAR-EGY_return_orders_NL_2016-2021_vs_2025-") for n in charts
    )
    told = [h for h in headlines if h in readme]
    assert len(told) == 1  # the page's headline of that chart, and no other
    assert "comparison=MAR,EGY" in readme
    assert COMPARED[lang] in readme and COMPARED[lang] in details
    # The chart's README says the page's headline; its CSV holds the view's figures
    # (the Netherlands' orders, not EU-27's), as a plain table without comment lines.
    about = _click(at, clicks, "country_chart_return_orders_download_md").decode("utf-8")
    assert told[0] in about
    csv = _click(at, clicks, "country_chart_return_orders_download_csv").decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(csv))
    values = table.iloc[:, 2].dropna().tolist()  # period start, period end, value, …
    shown = Store(demo_store_path).observations("return_orders", "TUN", reporter="NL")
    assert values == pytest.approx(shown.sort_values("period_start")["value"].tolist())
