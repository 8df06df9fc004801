"""The warm-up fills the caches a page reads: a warmed page computes no account and no
figure, on the store a process starts with and on one an import swaps in.

Checked on cache state (what the library is asked to compute while the page runs),
never on timing. Each test points the app at a private copy of the demo store: a file
version no other test has warmed.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from dashboard import warmup
from dashboard.services import accounts, charts
from tests.apptest import open_page


@pytest.fixture
def computed(monkeypatch) -> Counter:
    """Counts the accounts and figures the library computes, by indicator."""
    seen: Counter = Counter()
    account, spec = accounts.views.account, charts.view_spec

    def counted_account(reading, view, cat):
        seen[("account", view.indicator_id)] += 1
        return account(reading, view, cat)

    def counted_spec(reading, cat, view, **kwargs):
        seen[("figure", view.indicator_id)] += 1
        return spec(reading, cat, view, **kwargs)

    monkeypatch.setattr(accounts.views, "account", counted_account)
    monkeypatch.setattr(charts, "view_spec", counted_spec)
    return seen


def _restricted(catalogue) -> set[str]:
    return {i.id for i in catalogue.indicators if i.restricted}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_warmed_country_page_computes_only_what_is_restricted(
    lang, fresh_store_path, use_store, computed, catalogue
):
    use_store(fresh_store_path)
    cold = open_page("country", {"country": "MAR", "lang": lang})
    assert cold.get("plotly_chart"), "the page draws charts"
    # Cold, the overview and the page compute public accounts and figures themselves.
    public = {k for k in computed if k[1] not in _restricted(catalogue)}
    assert {kind for kind, _ in public} == {"account", "figure"}

    second = fresh_store_path.with_name("second.duckdb")
    shutil.copyfile(fresh_store_path, second)
    use_store(second)
    computed.clear()
    warmup.warm()
    assert computed, "the warm-up computed the accounts and figures"
    assert not {k for k in computed if k[1] in _restricted(catalogue)}, (
        "the warm-up computed a restricted indicator into a shared cache"
    )
    computed.clear()
    warm = open_page("country", {"country": "MAR", "lang": lang})
    # The local session may see the demo store's restricted indicators: those alone
    # are computed on first use. Everything else comes from the warm caches.
    assert {ind for _, ind in computed} <= _restricted(catalogue), sorted(computed)
    assert len(warm.get("plotly_chart")) == len(cold.get("plotly_chart"))


def test_the_warm_up_writes_no_audit_line(fresh_store_path, use_store):
    log = Path(os.environ["PARTNERSHIP_MONITOR_AUDIT_LOG"])
    before = log.read_bytes() if log.exists() else b""
    use_store(fresh_store_path)
    warmup.warm()
    assert (log.read_bytes() if log.exists() else b"") == before


def test_the_watcher_warms_a_store_swapped_in(fresh_store_path, use_store, computed, catalogue):
    use_store(fresh_store_path)
    token = warmup.warm()
    watcher = warmup.StoreWatcher(interval=0.05)
    watcher.start(token)
    try:
        # An import publishes a new file under the same name (os.replace).
        staged = fresh_store_path.with_name("staged.duckdb")
        shutil.copyfile(fresh_store_path, staged)
        os.replace(staged, fresh_store_path)
        deadline = time.monotonic() + 120
        while watcher.warmed == token and time.monotonic() < deadline:
            time.sleep(0.05)
        assert watcher.warmed not in (None, token), "the watcher warmed the new file"
    finally:
        watcher.stop()
    computed.clear()
    open_page("overview", {"lang": "en"})
    assert {ind for _, ind in computed} <= _restricted(catalogue), sorted(computed)


def test_a_warmed_page_on_the_realdata_store_computes_nothing_public(
    realdata_build, tmp_path, use_store, computed, catalogue
):
    # Real files: annual series of nine points, gaps, indicators with no data at all.
    store = tmp_path / "public.duckdb"
    shutil.copyfile(realdata_build.path, store)
    use_store(store)
    assert warmup.warm()
    assert computed, "the real store has series to warm"
    computed.clear()
    open_page("country", {"country": "TUN"})
    assert {ind for _, ind in computed} <= _restricted(catalogue), sorted(computed)
