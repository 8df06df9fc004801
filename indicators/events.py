"""How an event reads wherever it is shown: chart, country page, sentence and export.

The reference table's titles carry no mark of their own. A demonstration event is
marked from its `is_demo` flag, the same way on every channel: "start gezamenlijk
project documentverificatie (demonstratie, juni 2022)" rather than a title prefix
that made sentences read "viel samen met: Demonstratie: …".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from indicators import formatting
from indicators.analysis.windows import Window
from indicators.texts import by_lang, t

LABELS: dict[str, dict[str, str]] = {
    "partnership_milestone": by_lang("chart_event_partnership_milestone"),
    "eu_agreement": by_lang("chart_event_eu_agreement"),
    "external_shock": by_lang("chart_event_external_shock"),
    "data_break": by_lang("chart_event_data_break"),
}


def label(kind: str, lang: str) -> str:
    """The event type in words ('mijlpaal partnerschap'); an unknown type as it is."""
    return LABELS[kind][lang] if kind in LABELS else kind


def _is_demo(row: Mapping[str, Any]) -> bool:
    value = row.get("is_demo", row.get("demo", False))
    return str(value).strip().lower() == "true" if isinstance(value, str) else bool(value)


def title(row: Mapping[str, Any], lang: str) -> str:
    """The event's title in `lang`, marked when it is demonstration data."""
    text = str(row[f"title_{'en' if lang == 'en' else 'nl'}"])
    return f"{text} ({t('event_demo', lang)})" if _is_demo(row) else text


def dated(row: Mapping[str, Any], lang: str) -> str:
    """The title with its month, as sentences list events: 'X (juli 2023)'."""
    month = formatting.period(row["event_date"], "M", lang)
    text = str(row[f"title_{'en' if lang == 'en' else 'nl'}"])
    if _is_demo(row):
        return f"{text} ({t('event_demo', lang)}, {month})"
    return f"{text} ({month})"


def in_window(events: pd.DataFrame, country: str, window: Window) -> pd.DataFrame:
    """The country's own events inside `window`, oldest first (never data breaks: a
    break is about the data, not something that happened in the country)."""
    if events.empty:
        return events
    ev = events[(events["country"] == country) & (events["type"] != "data_break")]
    dates = pd.DatetimeIndex(pd.to_datetime(ev["event_date"]))
    return ev[window.mask(dates)].sort_values("event_date")
