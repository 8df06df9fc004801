"""SQL that the reader, the writer and the change classifier share (constant text only).

LATEST: each key's latest value known at a date: bind the date twice (None: the newest
vintage of everything). A correction imported the same day wins by its import id.
"""

LATEST = """
    SELECT * FROM observations
    WHERE (CAST(? AS DATE) IS NULL OR vintage <= CAST(? AS DATE))
    QUALIFY row_number() OVER (
        PARTITION BY indicator_id, country_iso3, reporter, period_start, source_id
        ORDER BY vintage DESC, import_id DESC) = 1
"""
