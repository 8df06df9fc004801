"""The store's tables. Bump SCHEMA_VERSION whenever a table changes shape."""

from __future__ import annotations

SCHEMA_VERSION = 4

# The observations table's key: a value of one indicator, for one country, as reported by
# one area, for one period, from one source, as known at one vintage date.
# Within one vintage date a later import supersedes an earlier one (a corrected file
# re-imported the same day): import_id is part of the primary key so that the
# superseded value stays, and the latest is the highest (vintage, import_id).

TABLES: dict[str, str] = {
    "meta": """
        CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
    "themes": """
        CREATE TABLE themes (
            id VARCHAR PRIMARY KEY, position INTEGER NOT NULL,
            title_nl VARCHAR NOT NULL, title_en VARCHAR NOT NULL,
            description_nl VARCHAR NOT NULL, description_en VARCHAR NOT NULL)""",
    "countries": """
        CREATE TABLE countries (
            iso3 VARCHAR PRIMARY KEY, iso2 VARCHAR NOT NULL,
            name_nl VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
            role VARCHAR NOT NULL CHECK (role IN ('priority', 'comparison')))""",
    "reporting_areas": """
        CREATE TABLE reporting_areas (
            code VARCHAR PRIMARY KEY, name_nl VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
            description_nl VARCHAR NOT NULL, description_en VARCHAR NOT NULL)""",
    "flags": """
        CREATE TABLE flags (
            code VARCHAR PRIMARY KEY, name_nl VARCHAR NOT NULL, name_en VARCHAR NOT NULL)""",
    "sources": """
        CREATE TABLE sources (
            id VARCHAR PRIMARY KEY, producer VARCHAR NOT NULL, title VARCHAR NOT NULL,
            dataset VARCHAR NOT NULL, citation_full VARCHAR NOT NULL,
            url_main VARCHAR NOT NULL, licence VARCHAR NOT NULL,
            date_published DATE, date_accessed DATE)""",
    # Key columns for filtering, the whole validated entry as JSON for display.
    "indicators": """
        CREATE TABLE indicators (
            id VARCHAR PRIMARY KEY, theme VARCHAR NOT NULL, position INTEGER NOT NULL,
            frequency VARCHAR NOT NULL, value_kind VARCHAR NOT NULL,
            sphere VARCHAR NOT NULL, sensitivity VARCHAR NOT NULL,
            metadata JSON NOT NULL)""",
    "periods": """
        CREATE TABLE periods (
            id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL, start_date DATE NOT NULL,
            end_date DATE, title_nl VARCHAR NOT NULL, title_en VARCHAR NOT NULL,
            role VARCHAR NOT NULL)""",
    "events": """
        CREATE TABLE events (
            event_date DATE NOT NULL, country VARCHAR NOT NULL, type VARCHAR NOT NULL,
            title_nl VARCHAR NOT NULL, title_en VARCHAR NOT NULL, source VARCHAR NOT NULL,
            is_demo BOOLEAN NOT NULL)""",
    "imports": """
        CREATE TABLE imports (
            import_id INTEGER PRIMARY KEY, format VARCHAR NOT NULL, file_name VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL, importer_version VARCHAR NOT NULL,
            rows_read INTEGER NOT NULL, rows_accepted INTEGER NOT NULL,
            rows_rejected INTEGER NOT NULL, rows_skipped INTEGER NOT NULL,
            imported_at TIMESTAMP NOT NULL, operator VARCHAR NOT NULL,
            vintage DATE NOT NULL, is_demo BOOLEAN NOT NULL, summary VARCHAR NOT NULL)""",
    "observations": """
        CREATE TABLE observations (
            indicator_id VARCHAR NOT NULL, country_iso3 VARCHAR NOT NULL,
            reporter VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL,
            frequency VARCHAR NOT NULL CHECK (frequency IN ('M', 'Q', 'A')),
            value DOUBLE, lower DOUBLE, upper DOUBLE, flags VARCHAR NOT NULL,
            source_id VARCHAR NOT NULL, vintage DATE NOT NULL,
            import_id INTEGER NOT NULL, is_demo BOOLEAN NOT NULL,
            PRIMARY KEY (indicator_id, country_iso3, reporter, period_start, source_id,
                         vintage, import_id))""",
    "notes": """
        CREATE TABLE notes (
            note_id INTEGER PRIMARY KEY, indicator_id VARCHAR, country_iso3 VARCHAR,
            text_nl VARCHAR NOT NULL, text_en VARCHAR NOT NULL,
            author VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)""",
    # Derived by indicators.analysis.precompute in the same transaction as the data.
    # One row per series and period from its first to its last value (gaps included).
    "trends": """
        CREATE TABLE trends (
            indicator_id VARCHAR NOT NULL, country_iso3 VARCHAR NOT NULL,
            reporter VARCHAR NOT NULL, period_start DATE NOT NULL,
            value DOUBLE, flags VARCHAR NOT NULL, observed BOOLEAN NOT NULL,
            level DOUBLE NOT NULL, lo50 DOUBLE NOT NULL, hi50 DOUBLE NOT NULL,
            lo80 DOUBLE NOT NULL, hi80 DOUBLE NOT NULL, lo95 DOUBLE NOT NULL,
            hi95 DOUBLE NOT NULL, seasonal DOUBLE NOT NULL, extra_var DOUBLE NOT NULL,
            PRIMARY KEY (indicator_id, country_iso3, reporter, period_start))""",
    # What a comparison of any two windows needs besides `trends`: the noise model and
    # the joint covariance of the level path (upper triangle, float64, row by row).
    "trend_models": """
        CREATE TABLE trend_models (
            indicator_id VARCHAR NOT NULL, country_iso3 VARCHAR NOT NULL,
            reporter VARCHAR NOT NULL, frequency VARCHAR NOT NULL, scale VARCHAR NOT NULL,
            method VARCHAR NOT NULL, value_kind VARCHAR, n_points INTEGER NOT NULL,
            n_periods INTEGER NOT NULL, ar_phi DOUBLE NOT NULL, ar_var DOUBLE NOT NULL,
            irregular_var DOUBLE NOT NULL, df DOUBLE NOT NULL, level_cov BLOB NOT NULL,
            PRIMARY KEY (indicator_id, country_iso3, reporter))""",
    # One row per series: status, evidence quality and the default comparison of the
    # named periods (role a against role b). Comparison columns are NULL when there is none.
    "series_summaries": """
        CREATE TABLE series_summaries (
            indicator_id VARCHAR NOT NULL, country_iso3 VARCHAR NOT NULL,
            reporter VARCHAR NOT NULL,
            status VARCHAR NOT NULL CHECK (status IN ('ok', 'too_few')),
            method VARCHAR, scale VARCHAR, frequency VARCHAR, n_points INTEGER NOT NULL,
            first_period DATE, last_period DATE, evidence_quality VARCHAR,
            window_a VARCHAR, window_b VARCHAR, comparison_countries VARCHAR,
            estimate DOUBLE, estimate_pct DOUBLE, low80 DOUBLE, high80 DOUBLE,
            low95 DOUBLE, high95 DOUBLE, low80_pct DOUBLE, high80_pct DOUBLE,
            low95_pct DOUBLE, high95_pct DOUBLE, probability_increase DOUBLE,
            likelihood VARCHAR, likelihood_nl VARCHAR, verdict VARCHAR,
            methods_agree BOOLEAN, smallest_detectable_change DOUBLE,
            smallest_detectable_change_pct DOUBLE, level_a DOUBLE, level_b DOUBLE,
            sentence_nl VARCHAR NOT NULL, sentence_en VARCHAR NOT NULL,
            methods JSON, quality JSON,
            compared_quantity VARCHAR, margin DOUBLE, margin_pct DOUBLE,
            probability_above_margin DOUBLE, probability_below_margin DOUBLE,
            probability_no_change DOUBLE,
            PRIMARY KEY (indicator_id, country_iso3, reporter))""",
}
