"""Interface texts, from gettext catalogues in dashboard/locale. Dutch is the default.

Texts are looked up by key (`t("download", lang)`) in the language's catalogue,
`dashboard/locale/<lang>/LC_MESSAGES/messages.po`, maintained with Babel:
`make translations` extracts the keys the code uses, updates both catalogues and
compiles them (README: Languages). Counted texts take their plural form from the
catalogue (`tn`). Each language has one translations object, read-only and shared
by the sessions speaking it; nothing is installed process-wide (Streamlit serves
many users, in both languages, from one process). Catalogue texts (titles,
definitions, caveats) are data and live in data/, not here.
"""

from __future__ import annotations

import gettext
from pathlib import Path

# Pages reach number and date forms through here, like every other language matter: the
# layering keeps pages off the library, and the forms have one home (indicators.formatting).
from indicators import formatting as formatting
from indicators.texts import DEFAULT_LANG as DEFAULT_LANG
from indicators.texts import LANGS as LANGS
from indicators.texts import Texts

LANG_NAMES = {"nl": "Nederlands", "en": "English"}
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(key: str) -> str:
    """Mark a key that is composed at run time, so that extraction keeps it."""
    return key


# Keys composed at run time (a prefix and a value from the data or the URL): listed
# here so that `make translations` keeps them in the catalogues.
COMPOSED = (
    *(N_("verdict_increase"), N_("verdict_decrease")),
    *(N_("verdict_little_change"), N_("verdict_no_detectable_change")),
    *(N_("sphere_control"), N_("sphere_influence"), N_("sphere_context")),
    *(N_("sphere_control_help"), N_("sphere_influence_help"), N_("sphere_context_help")),
    *(N_("freq_A"), N_("freq_Q"), N_("freq_M")),
    *(N_("mode_absolute"), N_("mode_indexed"), N_("mode_per_capita")),
    *(N_("left_out_absolute"), N_("left_out_indexed"), N_("left_out_per_capita")),
    *(N_("group_default"), N_("group_choose"), N_("group_none")),
    *(N_("how_period_means"), N_("how_trend_means")),
    *(N_("how_adjusted_means"), N_("how_relative_to_comparison")),
    *(N_("role_viewer"), N_("role_taskforce"), N_("role_evaluator"), N_("role_admin")),
    *(N_("priority"), N_("comparison")),
    *(N_("event_partnership_milestone"), N_("event_eu_agreement")),
    *(N_("event_external_shock"), N_("event_data_break")),
    *(N_("pack_pdf"), N_("pack_pptx"), N_("download_csv"), N_("download_xlsx")),
    *(N_("no_data_short"), N_("too_few_short"), N_("too_few_comparison_short")),
    *(N_("with_data"), N_("without_data"), N_("local_mode"), N_("open_country")),
    *(N_("page_country"), N_("published"), N_("summary")),
)


INTERFACE = Texts(LOCALE_DIR, DOMAIN)


def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of a language (unknown languages get Dutch)."""
    return INTERFACE.translations(lang)


def has_text(key: str, lang: str = DEFAULT_LANG) -> bool:
    """Whether the language's catalogue holds `key` (singular or plural)."""
    return INTERFACE.has(key, lang)


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with {placeholders} filled in."""
    return INTERFACE.text(key, lang, **values)


def tn(key: str, count: int, lang: str, **values: object) -> str:
    """A counted text in the plural form the language's catalogue gives for `count`."""
    return INTERFACE.counted(key, count, lang, **values)
