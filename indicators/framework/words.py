"""The framework's words in Dutch and English, shared by the app and every export.

The texts live in the library's gettext catalogue (indicators/locale, keys `fw_…`;
`make translations`). Ratings carry no colour and no score: a judgement is a person's
word with its reasons.
"""

from __future__ import annotations

from indicators.texts import LIBRARY, N_, t, tn

# Keys composed at run time (`label`, `word`): declared so that extraction keeps them.
LABEL_KEYS = (
    N_("fw_on_track"),
    N_("fw_off_track"),
    N_("fw_too_early"),
    N_("fw_cannot_assess"),
    N_("fw_plausible_contribution"),
    N_("fw_unclear"),
    N_("fw_not_supported"),
    N_("fw_steady"),
    N_("fw_late"),
    N_("fw_none_until_end"),
    N_("fw_stepwise"),
    N_("fw_up"),
    N_("fw_down"),
    N_("fw_none"),
    N_("fw_hoop"),
    N_("fw_smoking_gun"),
    N_("fw_straw_in_the_wind"),
    N_("fw_doubly_decisive"),
    N_("fw_passed"),
    N_("fw_failed"),
    N_("fw_not_yet"),
    N_("fw_event"),
    N_("fw_eu_policy"),
    N_("fw_measurement"),
    N_("fw_other"),
    N_("fw_indicator"),
    N_("fw_document"),
    N_("fw_draft"),
    N_("fw_returned"),
    N_("fw_approved"),
)
REPORT_KEYS = (
    N_("fw_report_round"),
    N_("fw_report_prepared_on"),
    N_("fw_report_objective"),
    N_("fw_report_judgement"),
    N_("fw_report_no_judgement"),
    N_("fw_report_rationale"),
    N_("fw_report_confidence"),
    N_("fw_report_evidence"),
    N_("fw_report_data"),
    N_("fw_report_baseline"),
    N_("fw_report_ambition"),
    N_("fw_report_path"),
    N_("fw_report_too_early_until"),
    N_("fw_report_no_data"),
    N_("fw_report_too_few"),
    N_("fw_report_claims"),
    N_("fw_report_toc"),
    N_("fw_report_activity"),
    N_("fw_report_observed"),
    N_("fw_report_rivals"),
    N_("fw_report_tests"),
    N_("fw_report_changes"),
    N_("fw_report_first_round"),
    N_("fw_report_new_values"),
    N_("fw_report_revised_values"),
    N_("fw_report_changed_judgement"),
    N_("fw_report_nothing_changed"),
    N_("fw_report_approved_by"),
    N_("fw_report_draft_by"),
    N_("fw_report_demo"),
)
WENT_KEYS = (N_("fw_went_increase"), N_("fw_went_decrease"))


def label(key: str, lang: str) -> str:
    """The word for a rating, status, path, test or kind; the key itself when unknown."""
    full = "fw_" + key
    return t(full, lang) if LIBRARY.has(full, lang) else key


def word(key: str, lang: str) -> str:
    """A heading or phrase of the review round's report."""
    return t("fw_report_" + key, lang)


def went(verdict: str | None, lang: str) -> str:
    """Which way a detected change went ("omhoog", "up"); empty for any other verdict."""
    full = f"fw_went_{verdict}"
    return t(full, lang) if verdict and LIBRARY.has(full, lang) else ""


def hidden_note(n: int, lang: str) -> str:
    """The note that `n` references to restricted indicators were left out."""
    return tn("fw_hidden_evidence", n, lang, n=n)
