"""The interface's gettext catalogues: complete, consistent, compiled and current."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from dashboard.i18n import LANGS, t, tn
from indicators import texts

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"{(\w+)}")
# The two gettext domains: (locale directory, domain, source directory, fewest keys used).
DOMAINS = {
    "messages": (ROOT / "dashboard" / "locale", "dashboard", 150),
    "indicators": (ROOT / "indicators" / "locale", "indicators", 80),
}


def _catalog(lang: str, domain: str = "messages"):
    with open(DOMAINS[domain][0] / lang / "LC_MESSAGES" / f"{domain}.po", "rb") as fh:
        return read_po(fh, locale=lang)


def _forms(message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_key_is_translated(lang, domain):
    catalog = _catalog(lang, domain)
    untranslated = [m.id for m in catalog if m.id and not all(f.strip() for f in _forms(m))]
    assert untranslated == []
    assert not [m.id for m in catalog if m.id and m.fuzzy]


@pytest.mark.parametrize("domain", DOMAINS)
def test_both_catalogues_hold_the_same_keys_and_placeholders(domain):
    nl, en = _catalog("nl", domain), _catalog("en", domain)
    assert {m.id for m in nl if m.id} == {m.id for m in en if m.id}
    for m in nl:
        if not m.id:
            continue
        other = en[m.id]
        for a, b in zip(_forms(m), _forms(other), strict=True):
            assert set(PLACEHOLDER.findall(a)) == set(PLACEHOLDER.findall(b)), m.id


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogues_are_current(lang, domain):
    """The committed .mo is what Babel compiles from the .po (run `make translations`)."""
    buffer = io.BytesIO()
    write_mo(buffer, _catalog(lang, domain))
    compiled = (DOMAINS[domain][0] / lang / "LC_MESSAGES" / f"{domain}.mo").read_bytes()
    assert compiled == buffer.getvalue(), "stale messages.mo: run `make translations`"


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_key_the_code_uses_is_in_the_catalogue(tmp_path, domain):
    """Babel's extraction (the same as `make translations`) finds no key missing."""
    pot = tmp_path / "messages.pot"
    _, source, fewest = DOMAINS[domain]
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg"]
        + ["-k", "t", "-k", "tn:1,2", "-k", "N_", "-k", "by_lang", "--omit-header"]
        + ["-o", str(pot), source],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as fh:
        used = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog("nl", domain) if m.id}
    assert used - known == set()
    assert len(used) > fewest  # the extractor saw the code, not an empty tree


def test_dutch_is_the_default():
    assert t("page_overview", "xx") == "Overzicht"
    assert t("page_overview", "en") == "Overview"


@pytest.mark.parametrize(
    ("count", "nl", "en"),
    [
        (1, "1 voorlopige periode gearceerd.", "1 provisional period shaded."),
        (3, "3 voorlopige perioden gearceerd.", "3 provisional periods shaded."),
    ],
)
def test_plural_forms_come_from_the_catalogue(count, nl, en):
    assert tn("provisional_shaded", count, "nl", k=count) == nl
    assert tn("provisional_shaded", count, "en", k=count) == en
    assert "(n)" not in nl and "(s)" not in en


def test_an_unknown_key_is_an_error():
    with pytest.raises(KeyError, match="no text .* in the .messages. catalogue"):
        t("no_such_key", "nl")


def test_library_texts_come_from_the_library_catalogue():
    """The library's sentences and words read its own domain, Dutch by default."""
    assert texts.t("quality_good", "nl") == "goed"
    assert texts.t("quality_good", "en") == "good"
    assert texts.t("quality_good", "xx") == "goed"
    assert texts.by_lang("demo_mark")["fr"] == texts.t("demo_mark", "nl")
    with pytest.raises(KeyError, match="'indicators' catalogue"):
        texts.t("no_such_key", "nl")


@pytest.mark.parametrize(
    ("count", "nl", "en"), [(1, "1 waarde,", "1 value,"), (2, "2 waarden,", "2 values,")]
)
def test_library_plural_forms(count, nl, en):
    assert nl in texts.tn("statement_too_few_trend", count, "nl", n=count, needed=3)
    assert en in texts.tn("statement_too_few_trend", count, "en", n=count, needed=3)


def test_no_language_dictionaries_left_in_the_converted_modules():
    """Texts of these modules live in the catalogues, not in {nl, en} literals."""
    modules = [
        "indicators/analysis/statements.py",
        "indicators/analysis/direction.py",
        "indicators/analysis/quality.py",
        "indicators/citation.py",
        "indicators/charts.py",
        "indicators/export/words.py",
        "indicators/export/chart_table.py",
        "dashboard/progress.py",
    ]
    pattern = re.compile(r"[\"']nl[\"']\s*:")
    found = [m for m in modules if pattern.search((ROOT / m).read_text(encoding="utf-8"))]
    assert found == []
