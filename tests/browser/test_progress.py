"""Draft → approve → lock on the Progress page, two people signed in through a real
OpenID Connect provider, in a real browser against a live server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators import audit
from indicators.serving.apps import AppProcess, free_port
from indicators.store.workspace import DuckDBWorkspace, workspace_path
from tests.browser.conftest import screenshot
from tests.browser.oidc import oidc_provider, sign_in, write_secrets

pytestmark = pytest.mark.browser
PROGRESS = "progress?country=TUN&round=TUN-2026-04"
RATIONALE = "Browser check: detections stayed above the baseline."


@pytest.fixture(scope="module")
def progress_app(demo_store_path: Path, tmp_path_factory) -> Iterator[tuple[str, Path, Path]]:
    """The app on a private copy of the demonstration store and workspace, with sign-in."""
    folder = tmp_path_factory.mktemp("progress")
    store = folder / "monitor.duckdb"
    shutil.copyfile(demo_store_path, store)
    shutil.copyfile(workspace_path(demo_store_path), workspace_path(store))
    log = folder / "audit.jsonl"
    port = free_port()
    with oidc_provider() as provider:
        secrets = write_secrets(folder, provider, port)
        with AppProcess(
            store,
            port,
            env={"PARTNERSHIP_MONITOR_AUDIT_LOG": str(log)},
            args=[f"--secrets.files={secrets}"],
        ) as app:
            yield app.url, store, log


def _open(browser, url: str, who: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, url, who)
    page.goto(f"{url}/{PROGRESS}", wait_until="domcontentloaded")
    page.get_by_text("Voortgang — Tunesië").first.wait_for(timeout=120_000)
    page.get_by_text("Wat de gegevens zeggen").first.wait_for(timeout=120_000)
    return context, page


def _settled(page) -> None:
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
    )
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_member_drafts_a_colleague_approves_and_a_viewer_sees_it(browser, progress_app):
    url, store, log = progress_app
    # Tess edits the approved judgement of the second objective: a new draft version.
    context, page = _open(browser, url, "tess")
    page.get_by_text("Oordeel opstellen of bewerken").nth(1).click()
    page.get_by_label("Onderbouwing").filter(visible=True).fill(RATIONALE)
    page.get_by_role("button", name="Opslaan als concept").filter(visible=True).click()
    page.get_by_text("Opgeslagen als concept (versie 3)").wait_for(timeout=120_000)
    _settled(page)
    assert page.get_by_role("button", name="Goedkeuren").count() == 0  # not her own
    screenshot(page, "progress_draft_tess")
    context.close()

    # A viewer still sees the approved version only.
    context, page = _open(browser, url, "vera")
    _settled(page)
    assert page.get_by_text(RATIONALE).count() == 0
    context.close()

    # Tom approves it.
    context, page = _open(browser, url, "tom")
    page.get_by_role("button", name="Goedkeuren").first.click(timeout=120_000)
    page.get_by_text("Goedgekeurd (versie 4).").wait_for(timeout=120_000)
    _settled(page)
    screenshot(page, "progress_approved_tom")
    context.close()

    # Now the viewer sees it, with no button to change anything.
    context, page = _open(browser, url, "vera")
    page.get_by_text(RATIONALE).first.wait_for(timeout=120_000)
    assert page.get_by_role("button", name="Goedkeuren").count() == 0
    assert page.get_by_role("button", name="Opslaan als concept").count() == 0
    context.close()

    history = DuckDBWorkspace.beside(store).versions(record_id="TUN-2026-04/TUN-O2")
    assert [(v.version, v.status, v.actor) for v in history][-2:] == [
        (3, "draft", "tess@example.org"), (4, "approved", "tom@example.org")]  # fmt: skip
    events = [(e["action"], e["user"]) for e in audit.read_log(log)]
    assert ("framework_save", "tess@example.org") in events
    assert ("framework_approve", "tom@example.org") in events
