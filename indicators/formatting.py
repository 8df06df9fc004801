"""Numbers, percentages, dates and periods as a reader of each language writes them.

Every number and date that reaches a person (page, sentence, export, CLI) goes
through here, so Dutch reads "2.570", "43,4%", "17 maart 2020" and "4e kwartaal
2025" everywhere, and English (en_GB) "2,570", "43.4%", "17 March 2020", "Q4 2025".
Babel holds the locale data (CLDR); this module only fixes the project's choices:
which locale a language means, the true minus sign, and how changes are signed.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Literal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from indicators.texts import t, tn

Frequency = Literal["A", "Q", "M"]

LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}
DEFAULT_LANG = "nl"

# U+2212: a minus sign as wide as the plus, as typesetters and the Rijkshuisstijl use.
MINUS = "\u2212"
DASH = "\u2013"  # en dash between the two ends of a range written with figures
MISSING = DASH

# The words between and after figures ("tot", "t/m", "procentpunt") are the library
# catalogue's (indicators/locale, keys format_*), like every other text.

# Period labels: CLDR patterns. Dutch: "4e kwartaal 2025" (CBS and Rijksoverheid
# write it so); English keeps the short "Q4 2025" briefing writers use.
_PERIOD_PATTERNS: dict[tuple[str, str], str] = {
    ("nl", "M"): "MMMM y",
    ("en", "M"): "MMMM y",
    ("nl", "Q"): "QQQQ y",
    ("en", "Q"): "QQQ y",
    ("nl", "A"): "y",
    ("en", "A"): "y",
}
_SHORT_PERIOD_PATTERNS: dict[tuple[str, str], str] = {
    ("nl", "M"): "MMM y",
    ("en", "M"): "MMM y",
    ("nl", "Q"): "QQQQ y",  # "K4 2025" is not how Dutch prose writes a quarter
    ("en", "Q"): "QQQ y",
    ("nl", "A"): "y",
    ("en", "A"): "y",
}


@cache
def locale(lang: str) -> Locale:
    """The Babel locale of a language code ("nl" → nl_NL, "en" → en_GB)."""
    return Locale.parse(LOCALES.get(lang, LOCALES[DEFAULT_LANG]))


def _pattern(decimals: int, grouping: bool = True) -> str:
    body = "#,##0" if grouping else "0"
    return body + ("." + "0" * decimals if decimals > 0 else "")


def number(x: float | None, lang: str, decimals: int = 0, *, grouping: bool = True) -> str:
    """A number with a fixed count of decimals: nl 2.570,5 · en 2,570.5; missing → "–"."""
    if x is None or math.isnan(x):
        return MISSING
    text = babel_numbers.format_decimal(
        abs(x), format=_pattern(decimals, grouping), locale=locale(lang)
    )
    return (MINUS + text) if x < 0 and not _rounds_to_zero(text) else text


def _rounds_to_zero(text: str) -> bool:
    return text.strip("0.,\u00a0 ") == ""


def signed(x: float | None, lang: str, decimals: int = 0) -> str:
    """A change with its sign: "+4,4" / "−6,2"; a change that rounds to zero has none."""
    if x is None or math.isnan(x):
        return MISSING
    text = number(abs(x), lang, decimals)
    if _rounds_to_zero(text):
        return text
    return ("+" if x > 0 else MINUS) + text


def percent(
    x: float | None, lang: str, decimals: int = 1, *, sign: bool = False, ratio: bool = False
) -> str:
    """A percentage, given in percent (43.4 → "43,4%"), or as a ratio with ratio=True."""
    if x is None or math.isnan(x):
        return MISSING
    value = 100 * x if ratio else x
    body = signed(value, lang, decimals) if sign else number(value, lang, decimals)
    return body + "%"


def change_percent(x: float | None, lang: str) -> str:
    """A relative change with the project's precision: whole percents from 10% up."""
    if x is None or math.isnan(x):
        return MISSING
    return percent(x, lang, 0 if abs(x) >= 10 else 1, sign=True)


def points(x: float | None, lang: str, decimals: int = 1, *, sign: bool = True) -> str:
    """A difference of two percentages: "+1,2 procentpunt" / "+1.2 percentage points"."""
    if x is None or math.isnan(x):
        return MISSING
    body = signed(x, lang, decimals) if sign else number(x, lang, decimals)
    one = abs(round(x, decimals)) == 1  # "1 percentage point", "1.2 percentage points"
    return f"{body}\u00a0{tn('format_points', 1 if one else 2, lang)}"


def points_short(x: float | None, lang: str, decimals: int = 1) -> str:
    """Percentage points for tables and axis labels: "+1,2 pp"."""
    if x is None or math.isnan(x):
        return MISSING
    return f"{signed(x, lang, decimals)}\u00a0{t('format_points_short', lang)}"


def number_range(
    low: float | None, high: float | None, lang: str, decimals: int = 0, *, words: bool = True
) -> str:
    """Two ends of an interval: "1.834 tot 3.338" in prose, "1.834–3.338" in tables."""
    a, b = number(low, lang, decimals), number(high, lang, decimals)
    if words:
        return f"{a} {t('format_range', lang)} {b}"
    # A negative end makes a dash ambiguous: spaces around it keep the signs readable.
    joiner = f" {DASH} " if (low or 0) < 0 or (high or 0) < 0 else DASH
    return f"{a}{joiner}{b}"


def signed_range(low: float | None, high: float | None, lang: str, decimals: int = 0) -> str:
    """An interval of changes: "−3,1% tot +12%"."""
    return f"{change_percent(low, lang)} {t('format_range', lang)} {change_percent(high, lang)}"


def decimals_for(x: float) -> int:
    """Decimals that keep about three significant figures for figures shown in prose."""
    x = abs(x)
    return 0 if x >= 100 else 1 if x >= 1 else 2


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp, without importing pandas
        return value.to_pydatetime().date()
    return dt.date.fromisoformat(str(value)[:10])


def date(value: dt.date | dt.datetime | str, lang: str, *, short: bool = False) -> str:
    """A calendar date: "17 maart 2020" / "17 March 2020"; short: "17 mrt 2020"."""
    pattern = "d MMM y" if short else "d MMMM y"
    return babel_dates.format_date(_as_date(value), pattern, locale=locale(lang))


def moment(value: dt.datetime, lang: str) -> str:
    """A moment, to the minute: "17 maart 2020 14:05"."""
    day = date(value, lang)
    return f"{day} {value:%H:%M}"


def period(
    start: dt.date | dt.datetime | str, frequency: str, lang: str, *, short: bool = False
) -> str:
    """A period by its start: M "maart 2020", Q "4e kwartaal 2025" / "Q4 2025", A "2025"."""
    freq = frequency if frequency in ("A", "Q", "M") else "M"
    table = _SHORT_PERIOD_PATTERNS if short else _PERIOD_PATTERNS
    pattern = table[(lang if lang in LOCALES else DEFAULT_LANG, freq)]
    return babel_dates.format_date(_as_date(start), pattern, locale=locale(lang))


def period_range(
    start: dt.date | dt.datetime | str,
    end: dt.date | dt.datetime | str,
    frequency: str,
    lang: str,
    *,
    short: bool = False,
) -> str:
    """From one period through another: "januari 2020 t/m maart 2021"."""
    a = period(start, frequency, lang, short=short)
    b = period(end, frequency, lang, short=short)
    if a == b:
        return a
    return f"{a} {t('format_through', lang)} {b}"


def period_code(day: dt.date | dt.datetime | str, frequency: str) -> str:
    """A period as a code, the same in every language, for file names and data
    columns: "2025-12", "2025-Q4", "2025". Never for prose: use `period`."""
    d = _as_date(day)
    if frequency == "M":
        return f"{d.year}-{d.month:02d}"
    if frequency == "Q":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    return str(d.year)


def year_range(first: int, last: int) -> str:
    """Years as a span: "2017–2019" (the same in both languages)."""
    return str(first) if first == last else f"{first}{DASH}{last}"


def plotly_separators(lang: str) -> str:
    """plotly's layout.separators: the decimal sign, then the group sign."""
    loc = locale(lang)
    return babel_numbers.get_decimal_symbol(loc) + babel_numbers.get_group_symbol(loc)


def month_names(lang: str, *, short: bool = True) -> list[str]:
    """Month names January→December in the language (for plotly tick labels)."""
    width = "abbreviated" if short else "wide"
    names = locale(lang).months["stand-alone"][width]
    return [names[m] for m in range(1, 13)]


def plotly_locale(lang: str) -> dict[str, object]:
    """plotly layout settings that make its own number labels follow the language."""
    return {"separators": plotly_separators(lang)}


def hover_date_pattern(frequency: str, lang: str) -> str:
    """A d3 date format for a chart's hover date, as the page writes the period: a
    quarter as `period` does ("4e kwartaal 2025", "Q4 2025": %q is d3's quarter), a
    year as "2025", a month as numbers (`month_year_pattern`: plotly's month names
    are English)."""
    if frequency == "A":
        return "%Y"
    if frequency == "Q":
        said = period(dt.date(2025, 10, 1), "Q", lang, short=True)
        return said.replace("2025", "%Y").replace("4", "%q")
    return month_year_pattern(lang)


def month_year_pattern(lang: str) -> str:
    """A d3 date format for month and year in figures, with the separator of the
    language's short date (Babel): nl "%m-%Y", en_GB "%m/%Y"."""
    short = locale(lang).date_formats["short"].pattern
    separator = next((c for c in short if not c.isalpha()), "-")
    return f"%m{separator}%Y"
