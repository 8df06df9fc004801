"""Sign-in through a real OpenID Connect provider, in a real browser, against a live server.

A taskforce member sees a restricted indicator; a viewer does not — not on the page,
not in the overview's counts, not through a crafted link — and two people signed in to
one server at the same time never receive each other's cached results.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators import audit
from indicators.serving.apps import AppProcess, free_port
from tests.browser.conftest import screenshot
from tests.browser.oidc import oidc_provider, sign_in, write_secrets

pytestmark = pytest.mark.browser

RESTRICTED = "Afgegeven reisdocumenten"  # return_travel_documents (demo figures for TUN)
RESTRICTED_ID = "return_travel_documents"
NO_DATA = "geen gegevens"  # a cell without an indicator to show


@pytest.fixture(scope="module")
def signed_app(demo_store_path: Path, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The app with sign-in configured against the provider; yields (url, audit log)."""
    folder = tmp_path_factory.mktemp("signin")
    log = folder / "audit.jsonl"
    port = free_port()
    with oidc_provider() as provider:
        secrets = write_secrets(folder, provider, port)
        with AppProcess(
            demo_store_path,
            port,
            env={"PARTNERSHIP_MONITOR_AUDIT_LOG": str(log)},
            args=[f"--secrets.files={secrets}"],
        ) as app:
            yield app.url, log


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def settle(page, charts: int = 0) -> None:
    """Wait until the script run finished (and at least `charts` charts are drawn)."""
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot').length >= {charts}", timeout=60_000
        )
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(500)
    assert page.locator("[data-testid='stException']").count() == 0


def chart_titles(page) -> list[str]:
    # SVG text has no innerText; textContent is what the chart draws.
    return page.locator(".js-plotly-plot .gtitle").evaluate_all(
        "els => els.map(e => e.textContent || '')"
    )


def overview_cells(page, cells: int = 0) -> dict[str, str]:
    """Each overview matrix cell's label by its link (waiting for `cells` of them): one
    direction symbol per indicator the reader may see, `·` for too little data."""
    links = page.locator("[data-testid='stPageLink'] a[href*='theme=']")
    deadline = time.monotonic() + 60
    while True:
        found = dict(links.evaluate_all("els => els.map(e => [e.href, e.textContent || ''])"))
        if len(found) >= cells or time.monotonic() > deadline:
            return found
        page.wait_for_timeout(250)


def overview_counts(page, cells: int = 0) -> list[tuple[int, int]]:
    """Per overview cell (waiting for `cells` of them): (with enough data, shown)."""
    counts = []
    for label in overview_cells(page, cells).values():
        symbols = [] if label.strip() == NO_DATA else label.split()
        counts.append((sum(s != "·" for s in symbols), len(symbols)))
    return counts


def test_without_sign_in_nothing_is_shown(signed_app, new_page):
    url, _ = signed_app
    page = new_page()
    page.goto(f"{url}/country?country=TUN", wait_until="domcontentloaded")
    page.get_by_role("button", name="Aanmelden").wait_for(timeout=60_000)
    settle(page)
    assert page.locator(".js-plotly-plot").count() == 0
    assert not overview_counts(page)


def test_taskforce_member_sees_the_restricted_indicator_and_is_audited(signed_app, new_page):
    url, log = signed_app
    page = new_page()
    sign_in(page, url, "tess")
    assert "tess@example.org" in page.get_by_text("Aangemeld als").first.inner_text()
    page.goto(f"{url}/country?country=TUN", wait_until="domcontentloaded")
    page.get_by_text("Aangemeld als").first.wait_for(timeout=60_000)  # still signed in
    settle(page, charts=5)
    assert any(RESTRICTED in title for title in chart_titles(page))
    screenshot(page, "signin_taskforce_country_tunisia")
    views = [e for e in audit.read_log(log) if e["action"] == "view"]
    assert any(
        e["user"] == "tess@example.org" and e["indicators"] == [RESTRICTED_ID] for e in views
    )
    audit.verify_log(log)


def test_viewer_sees_no_restricted_figure_anywhere(signed_app, new_page, catalogue):
    url, log = signed_app
    cells = len(catalogue.themes) * sum(c.role == "priority" for c in catalogue.countries)
    page = new_page()
    sign_in(page, url, "vera")
    settle(page)
    viewer_counts = overview_counts(page, cells)
    page.goto(f"{url}/country?country=TUN", wait_until="domcontentloaded")
    settle(page, charts=5)
    assert not any(RESTRICTED in title for title in chart_titles(page))
    assert page.get_by_text("Beperkt toegankelijk").count() >= 1
    screenshot(page, "signin_viewer_country_tunisia")

    page.goto(f"{url}/explore?indicator={RESTRICTED_ID}", wait_until="domcontentloaded")
    settle(page, charts=1)
    assert page.get_by_text("Beperkt toegankelijk").count() >= 1
    assert not any(RESTRICTED in title for title in chart_titles(page))
    screenshot(page, "signin_viewer_crafted_link")

    taskforce = new_page()
    sign_in(taskforce, url, "tess")
    settle(taskforce)
    taskforce_counts = overview_counts(taskforce, cells)
    assert len(viewer_counts) == len(taskforce_counts) == cells
    assert sum(t for _, t in viewer_counts) < sum(t for _, t in taskforce_counts)
    assert not any(e["user"] == "vera@example.org" for e in audit.read_log(log))


def test_two_people_on_one_server_never_share_restricted_cached_results(signed_app, new_page):
    url, _ = signed_app
    tess, vera = new_page(), new_page()
    sign_in(tess, url, "tess")
    sign_in(vera, url, "vera")
    for _ in range(2):  # alternate: each one's run fills the caches the other reads
        tess.goto(f"{url}/explore?indicator={RESTRICTED_ID}", wait_until="domcontentloaded")
        vera.goto(f"{url}/explore?indicator={RESTRICTED_ID}", wait_until="domcontentloaded")
        settle(tess, charts=1)
        settle(vera, charts=1)
        assert any(RESTRICTED in title for title in chart_titles(tess))
        assert not any(RESTRICTED in title for title in chart_titles(vera))


def _events(log: Path, action: str, expect: int, timeout: float = 20) -> list[dict]:
    """The log's events of one kind, once at least `expect` are there (or at the timeout)."""
    deadline = time.monotonic() + timeout
    while True:
        events = [e for e in audit.read_log(log) if e["action"] == action]
        if len(events) >= expect or time.monotonic() > deadline:
            return events
        time.sleep(0.2)


def _download_compare_table(page, url: str) -> str | None:
    """Open a comparison naming the restricted indicator; the CSV it offers, if any."""
    link = f"indicators={RESTRICTED_ID},irregular_detections&countries=TUN"
    page.goto(f"{url}/compare?{link}", wait_until="domcontentloaded")
    settle(page, charts=1)
    button = page.get_by_role("button", name="Download tabel (CSV)")
    if button.count() == 0:
        return None
    with page.expect_download(timeout=30_000) as download:
        button.click()
    return Path(download.value.path()).read_text(encoding="utf-8")


def test_exports_hold_restricted_figures_only_for_the_taskforce_and_are_audited(
    signed_app, new_page
):
    url, log = signed_app
    tess, evert, vera = new_page(), new_page(), new_page()
    for page, sub in ((tess, "tess"), (evert, "evert"), (vera, "vera")):
        sign_in(page, url, sub)

    table = _download_compare_table(tess, url)
    assert table is not None and RESTRICTED in table and "Tunesië" in table
    # The download's own callable checks and audits, in the request that makes the file.
    exports = _events(log, "export", expect=1)
    assert [(e["user"], e["indicators"], e["export"]) for e in exports] == [
        ("tess@example.org", [RESTRICTED_ID], "compare_table_csv")
    ]

    table = _download_compare_table(evert, url)  # evaluators export, without restricted
    assert table is not None and RESTRICTED not in table
    assert evert.get_by_text("Beperkt toegankelijk").count() >= 1
    settle(evert)
    assert _download_compare_table(vera, url) is None  # viewers do not export
    assert vera.get_by_text("Beperkt toegankelijk").count() >= 1
    assert len(_events(log, "export", expect=1)) == 1
    audit.verify_log(log)
