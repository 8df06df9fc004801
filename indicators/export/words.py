"""The words exported files use, in Dutch and English (the dashboard has its own in i18n)."""

from __future__ import annotations

from indicators.texts import N_, t


def w(key: str, lang: str) -> str:
    """The exported files' word for `key` (library catalogue, key `export_<key>`)."""
    return t(f"export_{key}", lang)


# The keys `w` composes, declared for `make translations` (extraction keeps them).
KEYS = (
    N_("export_window"),
    N_("export_windows"),
    N_("export_reporter"),
    N_("export_caveat"),
    N_("export_sentence"),
    N_("export_no_sentence"),
    N_("export_generated"),
    N_("export_store_version"),
    N_("export_data_date"),
    N_("export_parameters"),
    N_("export_citations"),
    N_("export_caveats"),
    N_("export_charts"),
    N_("export_files"),
    N_("export_definition"),
    N_("export_events"),
    N_("export_no_events"),
    N_("export_sources"),
    N_("export_pack_title"),
    N_("export_pack_intro"),
    N_("export_nothing_shown"),
    N_("export_bundle_title"),
    N_("export_statements"),
    N_("export_compared_with"),
)
