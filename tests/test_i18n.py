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

from dashboard.i18n import LANGS, LOCALE_DIR, t, tn

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"{(\w+)}")


def _catalog(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=lang)


def _forms(message) -> list[str]:
    return list(message.string) if message.pluralizable else [message.string]


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_is_translated(lang):
    catalog = _catalog(lang)
    untranslated = [m.id for m in catalog if m.id and not all(f.strip() for f in _forms(m))]
    assert untranslated == []
    assert not [m.id for m in catalog if m.id and m.fuzzy]


def test_both_catalogues_hold_the_same_keys_and_placeholders():
    nl, en = _catalog("nl"), _catalog("en")
    assert {m.id for m in nl if m.id} == {m.id for m in en if m.id}
    for m in nl:
        if not m.id:
            continue
        other = en[m.id]
        for a, b in zip(_forms(m), _forms(other), strict=True):
            assert set(PLACEHOLDER.findall(a)) == set(PLACEHOLDER.findall(b)), m.id


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogues_are_current(lang):
    """The committed .mo is what Babel compiles from the .po (run `make translations`)."""
    buffer = io.BytesIO()
    write_mo(buffer, _catalog(lang))
    compiled = (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert compiled == buffer.getvalue(), "stale messages.mo: run `make translations`"


def test_every_key_the_code_uses_is_in_the_catalogue(tmp_path):
    """Babel's extraction (the same as `make translations`) finds no key missing."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg"]
        + ["-k", "t", "-k", "tn:1,2", "-k", "N_", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as fh:
        used = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in _catalog("nl") if m.id}
    assert used - known == set()
    assert len(used) > 150  # the extractor saw the code, not an empty tree


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
    with pytest.raises(KeyError, match="no interface text"):
        t("no_such_key", "nl")
