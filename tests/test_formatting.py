"""Numbers, percentages and dates per language, as a reader of each writes them."""

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from indicators import formatting as fmt


@pytest.mark.parametrize(
    ("call", "nl", "en"),
    [
        (lambda lang: fmt.number(2570, lang), "2.570", "2,570"),
        (lambda lang: fmt.number(1489.0, lang), "1.489", "1,489"),
        (lambda lang: fmt.number(2570.46, lang, 1), "2.570,5", "2,570.5"),
        (lambda lang: fmt.number(-1234567, lang), "−1.234.567", "−1,234,567"),
        (lambda lang: fmt.number(-0.04, lang, 1), "0,0", "0.0"),
        (lambda lang: fmt.number(None, lang), "–", "–"),
        (lambda lang: fmt.number(math.nan, lang), "–", "–"),
        (lambda lang: fmt.number(2570, lang, grouping=False), "2570", "2570"),
        (lambda lang: fmt.signed(4.44, lang, 1), "+4,4", "+4.4"),
        (lambda lang: fmt.signed(-6.2, lang, 1), "−6,2", "−6.2"),
        (lambda lang: fmt.signed(0.01, lang, 1), "0,0", "0.0"),
        (lambda lang: fmt.percent(43.4, lang), "43,4%", "43.4%"),
        (lambda lang: fmt.percent(0.434, lang, ratio=True), "43,4%", "43.4%"),
        (lambda lang: fmt.percent(4.4, lang, sign=True), "+4,4%", "+4.4%"),
        (lambda lang: fmt.change_percent(-6.2, lang), "−6,2%", "−6.2%"),
        (lambda lang: fmt.change_percent(23.6, lang), "+24%", "+24%"),
        (
            lambda lang: fmt.points(1.2, lang),
            "+1,2\u00a0procentpunt",
            "+1.2\u00a0percentage points",
        ),
        (
            lambda lang: fmt.points(-1.0, lang),
            "−1,0\u00a0procentpunt",
            "−1.0\u00a0percentage point",
        ),
        (lambda lang: fmt.points_short(0.5, lang), "+0,5\u00a0pp", "+0.5\u00a0pp"),
        (lambda lang: fmt.number_range(1834, 3338, lang), "1.834 tot 3.338", "1,834 to 3,338"),
        (lambda lang: fmt.number_range(1.5, 2.25, lang, 1, words=False), "1,5–2,2", "1.5–2.2"),
        (lambda lang: fmt.number_range(-1, 2, lang, words=False), "−1 – 2", "−1 – 2"),
        (lambda lang: fmt.signed_range(-3.1, 12, lang), "−3,1% tot +12%", "−3.1% to +12%"),
        (lambda lang: fmt.date(dt.date(2020, 3, 17), lang), "17 maart 2020", "17 March 2020"),
        (lambda lang: fmt.date("2026-03-31", lang), "31 maart 2026", "31 March 2026"),
        (
            lambda lang: fmt.date(pd.Timestamp("2020-03-17"), lang, short=True),
            "17 mrt 2020",
            "17 Mar 2020",
        ),
        (
            lambda lang: fmt.moment(dt.datetime(2020, 3, 17, 14, 5), lang),
            "17 maart 2020 14:05",
            "17 March 2020 14:05",
        ),
        (lambda lang: fmt.period(dt.date(2025, 10, 1), "Q", lang), "4e kwartaal 2025", "Q4 2025"),
        (lambda lang: fmt.period("2020-03-01", "M", lang), "maart 2020", "March 2020"),
        (lambda lang: fmt.period("2020-03-01", "M", lang, short=True), "mrt 2020", "Mar 2020"),
        (lambda lang: fmt.period("2021-01-01", "A", lang), "2021", "2021"),
        (
            lambda lang: fmt.period_range("2020-01-01", "2021-03-01", "M", lang),
            "januari 2020 t/m maart 2021",
            "January 2020 to March 2021",
        ),
        (lambda lang: fmt.period_range("2020-01-01", "2020-01-01", "A", lang), "2020", "2020"),
        (lambda lang: fmt.plotly_separators(lang), ",.", ".,"),
        (lambda lang: fmt.month_names(lang)[2], "mrt", "Mar"),
    ],
)
def test_forms_per_language(call, nl, en):
    assert call("nl") == nl
    assert call("en") == en


def test_period_codes_are_language_free():
    assert fmt.period_code(dt.date(2025, 12, 31), "M") == "2025-12"
    assert fmt.period_code("2025-10-01", "Q") == "2025-Q4"
    assert fmt.period_code(dt.date(2025, 6, 30), "A") == "2025"


def test_year_range_and_decimals():
    assert fmt.year_range(2017, 2019) == "2017–2019"
    assert fmt.year_range(2020, 2020) == "2020"
    assert [fmt.decimals_for(x) for x in (250, -12.5, 0.3)] == [0, 1, 2]


def test_unknown_language_falls_back_to_dutch():
    assert fmt.number(2570, "fr") == "2.570"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_dutch_is_english_with_the_signs_swapped(x, decimals):
    """Property: the two locales differ only in which sign separates groups and decimals."""
    swapped = fmt.number(x, "en", decimals).translate(str.maketrans(",.", ".,"))
    assert fmt.number(x, "nl", decimals) == swapped


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
@example(0.975)  # binary 0.97499…, shown as 0.98
def test_signed_round_trips(x):
    """Property: a signed figure read back is within half its last shown digit of x.

    Not `round(x, 2)`: Python rounds the binary value (0.975 is 0.97499…, so 0.97),
    Babel the decimal text a reader sees ("0.975", so 0.98); both are within 0.005.
    """
    text = fmt.signed(x, "en", 2).replace(",", "").replace("−", "-")
    assert abs(float(text) - x) <= 0.005 + 1e-9 * max(1.0, abs(x))
