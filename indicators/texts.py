"""The library's own texts (sentences, export words, verdicts), from gettext catalogues.

The library must not depend on the dashboard, so its texts have a domain of their
own: `indicators/locale/<lang>/LC_MESSAGES/indicators.po`, maintained with Babel
like the interface's (`make translations`: extract, update, compile; README:
Languages). `Texts` is the one lookup both domains use: a key, a language (unknown
languages get Dutch), {placeholders} filled in, plural forms from the catalogue.
Nothing is installed process-wide: the dashboard serves both languages from one
process.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DEFAULT_LANG = "nl"
LANGS = ("nl", "en")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "indicators"


class Texts:
    """The compiled catalogues of one gettext domain, looked up by key."""

    def __init__(self, directory: Path, domain: str) -> None:
        self.directory = directory
        self.domain = domain

    @cache  # noqa: B019 - one object per domain, kept for the process's life
    def translations(self, lang: str) -> gettext.GNUTranslations:
        """The compiled catalogue of a language (unknown languages get Dutch)."""
        code = lang if lang in LANGS else DEFAULT_LANG
        with open(self.directory / code / "LC_MESSAGES" / f"{self.domain}.mo", "rb") as fh:
            return gettext.GNUTranslations(fh)

    def has(self, key: str, lang: str = DEFAULT_LANG) -> bool:
        """Whether the language's catalogue holds `key` (singular or plural)."""
        catalog = self.translations(lang)._catalog  # type: ignore[attr-defined]
        return key in catalog or (key, 0) in catalog

    def text(self, key: str, lang: str, **values: object) -> str:
        """The text for `key` in `lang`, with {placeholders} filled in."""
        self._check(key, lang)
        tr = self.translations(lang)
        if key not in tr._catalog:  # type: ignore[attr-defined]
            # A counted text asked for without a count: count what its placeholders count.
            count = values.get("n", values.get("k", 1))
            return self.counted(key, int(count), lang, **values)  # type: ignore[call-overload]
        text = tr.gettext(key)
        return text.format(**values) if values else text

    def counted(self, key: str, count: int, lang: str, **values: object) -> str:
        """A counted text in the plural form the language's catalogue gives for `count`."""
        self._check(key, lang)
        return self.translations(lang).ngettext(key, key, count).format(**values)

    def _check(self, key: str, lang: str) -> None:
        if not self.has(key, lang):
            raise KeyError(
                f"no text {key!r} in the {self.domain!r} catalogue: add it to "
                f"{self.directory} (make translations)"
            )


class ByLang(dict[str, str]):
    """A text in both languages, keyed by language; other languages read Dutch."""

    def __missing__(self, lang: str) -> str:
        return self[DEFAULT_LANG]


LIBRARY = Texts(LOCALE_DIR, DOMAIN)


def t(key: str, lang: str, **values: object) -> str:
    """The library text for `key` in `lang`, with {placeholders} filled in."""
    return LIBRARY.text(key, lang, **values)


def tn(key: str, count: int, lang: str, **values: object) -> str:
    """A counted library text in the plural form for `count`."""
    return LIBRARY.counted(key, count, lang, **values)


def by_lang(key: str) -> ByLang:
    """A library text in every language, for tables that pick the language later."""
    return ByLang({lang: t(key, lang) for lang in LANGS})


def N_(key: str) -> str:
    """Mark a key that is composed at run time, so that extraction keeps it."""
    return key
