"""The store's tables. Bump SCHEMA_VERSION whenever a table changes shape."""

from __future__ import annotations

SCHEMA_VERSION = 1

# One observation key: a value of one indicator, for one country, as reported by
# one area, for one period, from one source, as known at one vintage date.
OBSERVATION_KEY = ("indicator_id", "country_iso3", "reporter", "period_start", "source_id")

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
                         vintage))""",
    "notes": """
        CREATE TABLE notes (
            note_id INTEGER PRIMARY KEY, indicator_id VARCHAR, country_iso3 VARCHAR,
            text_nl VARCHAR NOT NULL, text_en VARCHAR NOT NULL,
            author VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)""",
}
