"""Source lines computed from catalogue fields, never typed by hand (OWID style)."""

from __future__ import annotations

import datetime as dt

from indicators import formatting
from indicators.catalogue import Catalogue, Indicator

DEMO_MARK = {
    "nl": "Demonstratiegegevens — geen officiële statistiek",
    "en": "Demonstration data — not official statistics",
}
_WORDS = {
    "nl": {
        "source": "Bron",
        "sources": "Bronnen",
        "data_to": "gegevens t/m",
        "vintage": "versie van",
        "modelled": "gemodelleerd naar",
    },
    "en": {
        "source": "Source",
        "sources": "Sources",
        "data_to": "data to",
        "vintage": "vintage of",
        "modelled": "modelled on",
    },
}


def source_line(
    indicator: Indicator,
    catalogue: Catalogue,
    lang: str,
    *,
    last_period: dt.date | None = None,
    vintage: dt.date | None = None,
    demo: bool = False,
) -> str:
    """'Source: Eurostat, <title> (<dataset>); data to 2025-12, vintage of 2026-03-31'."""
    w = _WORDS["en" if lang == "en" else "nl"]
    parts = []
    for sid in indicator.sources:
        s = catalogue.source_by_id[sid]
        parts.append(f"{s.producer}, {s.title} ({s.dataset})")
    label = w["sources"] if len(parts) > 1 else w["source"]
    line = f"{label}: " + "; ".join(parts)
    if demo:
        line = f"{DEMO_MARK[lang if lang in DEMO_MARK else 'nl']} ({w['modelled']} {line})"
    details = []
    if last_period:
        details.append(
            f"{w['data_to']} {formatting.period(last_period, indicator.frequency, lang)}"
        )
    if vintage:
        details.append(f"{w['vintage']} {formatting.date(vintage, lang)}")
    return line + (", " + ", ".join(details) if details else "")


def period_label(day: dt.date, frequency: str) -> str:
    """'2025-12', '2025-Q4' or '2025': a period as data dates and file names write it."""
    return formatting.period_code(day, frequency)


def full_citations(indicator: Indicator, catalogue: Catalogue) -> list[str]:
    return [catalogue.source_by_id[s].citation_full for s in indicator.sources]
