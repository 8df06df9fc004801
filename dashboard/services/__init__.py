"""The one bridge between the pages and the `indicators` library: caching and access.

Pages call these functions; they never open the store or run SQL themselves, and
they compose no sentence about a series: `account(view)` gives the one account.

- `cache`: store versions per file identity, the one caching decorator (`cached`);
- `access`: the access rule (`can_view`, `require_view`, `record_export`, `may_view`);
- `data`: observations, trends, summaries, events, imports, revisions, availability;
- `accounts`: views and their accounts, the comparison table;
- `charts`: figures from the library's builders;
- `exports`: files for briefings, made when a download is clicked;
- `method`: the Method page's tables from the library's scales.
"""

from __future__ import annotations

from dashboard.services.access import (
    AUDITED_KEY,
    allowed,
    can_view,
    demo_status,
    may_view,
    note_principal,
    principal,
    record_export,
    require_view,
    visible_ids,
)
from dashboard.services.accounts import (
    account,
    area_for,
    comparison_methods,
    comparison_name,
    comparison_table,
    default_comparison,
    default_periods,
    detectable_band,
    period_window,
    view,
    years_window,
)
from dashboard.services.cache import (
    catalogue,
    meta,
    per_run,
    store_path,
    token,
)
from dashboard.services.cache import run_store as store
from dashboard.services.cache import start_run as _start_run
from dashboard.services.charts import (
    demo_mark,
    event_label,
    event_symbol,
    event_title,
    explore_chart,
    forest_chart,
    label_series,
    trend_chart,
)
from dashboard.services.data import (
    EXPLORE_MODES,
    POPULATION,
    availability,
    citation,
    events,
    explore_view,
    holds_real_figures,
    imports,
    observations,
    rescale_gaps,
    revisions,
    series_availability,
    series_summary,
    trend,
)
from dashboard.services.exports import table_csv, table_xlsx
from dashboard.services.method import (
    calibration_study,
    evidence_levels,
    frequencies,
    likelihood_scale,
    method_labels,
    quality_words,
    verdict_rules,
    verdict_symbol,
    verdict_words,
)
from indicators.access import Principal


def start_run(who: Principal) -> None:
    """Check the store file once per script run and note this run's principal.

    app.py calls this on every run, after `auth.require_principal` and before the page.
    """
    _start_run()
    note_principal(who)


__all__ = [
    "AUDITED_KEY",
    "EXPLORE_MODES",
    "POPULATION",
    "account",
    "allowed",
    "area_for",
    "availability",
    "calibration_study",
    "can_view",
    "catalogue",
    "citation",
    "comparison_methods",
    "comparison_name",
    "comparison_table",
    "default_comparison",
    "default_periods",
    "demo_mark",
    "demo_status",
    "detectable_band",
    "event_label",
    "event_symbol",
    "event_title",
    "events",
    "evidence_levels",
    "explore_chart",
    "explore_view",
    "forest_chart",
    "frequencies",
    "holds_real_figures",
    "imports",
    "label_series",
    "likelihood_scale",
    "may_view",
    "meta",
    "method_labels",
    "observations",
    "per_run",
    "period_window",
    "principal",
    "quality_words",
    "record_export",
    "require_view",
    "rescale_gaps",
    "revisions",
    "series_availability",
    "series_summary",
    "start_run",
    "store",
    "store_path",
    "table_csv",
    "table_xlsx",
    "token",
    "trend",
    "trend_chart",
    "verdict_rules",
    "verdict_symbol",
    "verdict_words",
    "view",
    "visible_ids",
    "years_window",
]
