"""Warm the shared caches before visitors need them: at start-up and after a store swap.

Every cached service is keyed on the store file's version, so a new process, and every
process after an import swapped the file, starts cold: the first overview and country
page each recompute every account and figure, seconds on 2 cores while other visitors
wait behind them (issue 18: these few runs were most of the load test's slow tail).

`warm()` computes, for the default view in Dutch and in English, what the overview and
each priority country's page ask the services for, in the order visitors meet them.
It runs off the script thread, as a public viewer: restricted indicators are skipped
(they are computed when someone allowed asks, and audited then), and nothing is
written to the audit log. The same calls as the pages' make the same cache keys;
tests/serving/test_warmup.py checks that a warmed page computes nothing.

`StoreWatcher` notices a swapped file within a second and warms the new version while
the old one keeps serving the runs that started on it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from dashboard import progress, services
from dashboard.components import cards, summaries
from dashboard.services import access as _access
from dashboard.services import cache as _cache

LANGS = ("nl", "en")
THREAD_PREFIX = "pm-warm"
_LOCK = threading.Lock()
_LOG = logging.getLogger(__name__)
# Streamlit warns on every session-state or cache access off a script thread ("missing
# ScriptRunContext", "No runtime found"); from the warm-up thread that is expected.
_QUIET = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
    "streamlit.runtime.state.session_state_proxy",
    "streamlit.user_info",
)


class _FromWarmThread(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.threadName.startswith(THREAD_PREFIX)


def _quiet_warm_threads() -> None:
    for name in _QUIET:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _FromWarmThread) for f in logger.filters):
            logger.addFilter(_FromWarmThread())


def warm(langs: Sequence[str] = LANGS) -> str:
    """Fill the caches for the default overview and country pages; the version warmed.

    Safe to call from any thread but one at a time (a lock): off a script run, Streamlit
    keeps one bare session state, which the services' per-run memo lives in.
    """
    with _LOCK:
        _cache.start_run()  # this call's store version and an empty per-run memo
        _access.note_principal(_access.WARM_UP)
        cat = services.catalogue()
        visible = [i for i in cat.indicators if not i.restricted and services.can_view(i)]
        a, b = services.default_periods()
        priority = [c.iso3 for c in cat.countries if c.role == "priority"]
        first_theme = cat.themes[0].id if cat.themes else None
        for lang in langs:
            for country in priority:  # the overview's cells: no comparison countries
                for ind in visible:
                    view = services.view(
                        ind.id, country, reporter="EU27", a=a, b=b, comparison=None, lang=lang
                    )
                    services.account(view)
                    services.series_availability(ind.id, country, view.reporter)
            for country in priority:
                _country_page(country, visible, first_theme, a, b, lang)
        return services.token()


def _country_page(
    country: str, visible: list, theme: str | None, a: str, b: str, lang: str
) -> None:
    """What dashboard/app_pages/country.py asks for on its default view and first tab."""
    cat = services.catalogue()
    others = [c for c in services.default_comparison(country) if c != country]
    areas = {r["code"]: r[f"name_{lang}"] for r in cat.reporting_areas}
    for ind in visible:
        view = services.view(
            ind.id, country, reporter="EU27", a=a, b=b, comparison=others, lang=lang
        )
        account = services.account(view)
        if ind.theme != theme or account.status in ("no_data", "too_few"):
            continue
        area = view.reporter
        info = services.series_availability(ind.id, country, area) or {}
        title = cards.trend_title(ind, areas[area], lang)
        services.trend_chart(view, title, bool(info.get("any_demo")))
        services.observations(ind.id, country, area)
        summaries.series_trend_summary(ind, country, area, lang)
    services.events(country)
    progress.judgements_line(country, lang)


def _warm_logged() -> str | None:
    """`warm()`, or None after logging why not: a warm-up never takes the server down."""
    try:
        return warm()
    except Exception:  # a broken or missing store: the pages say so; serve cold
        _LOG.exception("warming the caches failed; pages compute on first use")
        return None


def warm_now() -> str | None:
    """`warm()` on a thread of its own (its expected warnings silenced), waited for."""
    _quiet_warm_threads()
    result: list[str | None] = [None]
    thread = threading.Thread(
        target=lambda: result.__setitem__(0, _warm_logged()), name=f"{THREAD_PREFIX}-start"
    )
    thread.start()
    thread.join()
    return result[0]


class StoreWatcher:
    """Warm each new version of the store file as soon as it is swapped in.

    Runs that start meanwhile are served from the new file at once (an import is seen
    on the next run); the warm-up only saves the visitors after them the recomputing.
    `warmed` names the version whose warm-up has finished.
    """

    def __init__(self, interval: float = 1.0) -> None:
        self.interval = interval
        self.warmed: str | None = None
        self._tried: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, warmed: str | None) -> None:
        self.warmed = self._tried = warmed
        _quiet_warm_threads()
        self._thread = threading.Thread(
            target=self._loop, name=f"{THREAD_PREFIX}-watch", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                now = _cache.store_handle(_cache.store_path()).token
            except Exception:  # mid-replace or a broken file: the pages report it
                continue
            if now != self._tried:
                self._tried = now  # once per version, whatever the outcome
                self.warmed = _warm_logged() or self.warmed
