from __future__ import annotations

import re

from dashboard.i18n import TEXTS, t

PLACEHOLDER = re.compile(r"{(\w+)}")


def test_every_text_exists_in_both_languages():
    for key, texts in TEXTS.items():
        assert set(texts) == {"nl", "en"}, key
        assert texts["nl"].strip() and texts["en"].strip(), key


def test_placeholders_match_between_languages():
    for key, texts in TEXTS.items():
        assert set(PLACEHOLDER.findall(texts["nl"])) == set(PLACEHOLDER.findall(texts["en"])), key


def test_dutch_is_the_default():
    assert t("page_overview", "xx") == "Overzicht"
    assert t("page_overview", "en") == "Overview"
