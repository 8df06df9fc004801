"""WCAG AA contrast of the colours the product draws with, against its white ground.

Lines, markers and bands that carry meaning need 3:1 (WCAG 1.4.11, non-text
contrast); text needs 4.5:1 (1.4.3). Computed with WCAG's relative luminance.
"""

from __future__ import annotations

import pytest

from indicators import charts
from indicators.export import figure, pack

WHITE = "#ffffff"


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str = WHITE) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


GRAPHICS = [
    *charts.PALETTE,
    charts.OBSERVED_COLOUR,
    charts.LEVEL_COLOUR,
    *(style["color"] for style in charts.EVENT_STYLES.values()),
]
TEXT = [figure.MARK_RED, pack.TEXT_GREY, "#333333"]


@pytest.mark.parametrize("colour", GRAPHICS)
def test_chart_colours_keep_three_to_one(colour):
    assert contrast(colour) >= 3.0, colour


@pytest.mark.parametrize("colour", TEXT)
def test_text_colours_keep_four_and_a_half_to_one(colour):
    assert contrast(colour) >= 4.5, colour


def test_the_check_catches_a_pale_colour():
    assert contrast("#F0E442") < 3.0 and contrast("#000000") == pytest.approx(21.0)
