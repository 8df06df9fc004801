"""Source lines computed from catalogue fields, never typed by hand (OWID style)."""

from __future__ import annotations

import datetime as dt

from indicators import formatting
from indicators.catalogue import Catalogue, Indicator
from indicators.texts import by_lang, t

# The demonstration data's mark, in every language (from the library's catalogue).
DEMO_MARK = by_lang("demo_mark")


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
    parts = []
    for sid in indicator.sources:
        s = catalogue.source_by_id[sid]
        parts.append(f"{s.producer}, {s.title} ({s.dataset})")
    if demo:  # 'Demonstratiegegevens — … (gemodelleerd naar Frontex, …)': no 'Bron:' inside
        line = f"{DEMO_MARK[lang]} ({t('citation_modelled', lang)} " + "; ".join(parts) + ")"
    else:
        label = t("citation_sources" if len(parts) > 1 else "citation_source", lang)
        line = f"{label}: " + "; ".join(parts)
    details = []
    if last_period:
        details.append(
            f"{t('citation_data_to', lang)} "
            f"{formatting.period(last_period, indicator.frequency, lang)}"
        )
    if vintage:
        details.append(f"{t('citation_vintage', lang)} {formatting.date(vintage, lang)}")
    return line + (", " + ", ".join(details) if details else "")


def period_label(day: dt.date, frequency: str) -> str:
    """'2025-12', '2025-Q4' or '2025': a period as data dates and file names write it."""
    return formatting.period_code(day, frequency)


def full_citations(indicator: Indicator, catalogue: Catalogue) -> list[str]:
    return [catalogue.source_by_id[s].citation_full for s in indicator.sources]
