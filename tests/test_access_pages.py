"""Roles in the running app (AppTest): pages, overview counts, links, caches, audit.

AppTest seeds `st.user` from `at.user` and `st.secrets` from `at.secrets`; the browser
tests in tests/browser/test_sign_in.py sign in through a real OpenID Connect provider.
"""

from __future__ import annotations

import json
import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from indicators import audit
from indicators.store import write_store
from tests.apptest import chart_titles, texts
from tests.conftest import APP

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-only-cookie-secret-not-used-anywhere-else",
    "client_id": "partnership-monitor",
    "client_secret": "test-only",
    "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
}
PEOPLE = {
    "viewer": {"email": "vera@example.org", "groups": []},
    "evaluator": {"email": "evert@example.org", "groups": ["pm-evaluators"]},
    "taskforce": {"email": "tess@example.org", "groups": ["pm-taskforce"]},
}
RESTRICTED_TITLE = "Afgegeven reisdocumenten"  # return_travel_documents, NL, demo data for TUN


@pytest.fixture
def app_env(monkeypatch, tmp_path):
    """Point the app at a store, an audit log in tmp, and start from empty caches."""
    log = tmp_path / "audit.jsonl"
    monkeypatch.setenv("PARTNERSHIP_MONITOR_AUDIT_LOG", str(log))

    def point(path, clear: bool = True):
        monkeypatch.setenv("PARTNERSHIP_MONITOR_STORE", str(path))
        if clear:
            st.cache_data.clear()
            st.cache_resource.clear()
        return log

    return point


def run_as(person: str | None, page: str = "overview", query: dict | None = None) -> AppTest:
    """Open a page as a signed-in person (None: sign-in configured, nobody signed in)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = (
        {"is_logged_in": False} if person is None else {"is_logged_in": True, **PEOPLE[person]}
    )
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def overview_counts(at: AppTest) -> list[tuple[int, int]]:
    """Per overview cell: (indicators with enough data, indicators shown)."""
    # Each overview cell is a link whose tooltip ends with its count of gaps.
    cells = [link.proto.help for link in at.get("page_link") if "theme=" in link.proto.query_string]
    found = [re.search(r"(\d+) van (\d+) indicator(?:en)? met", help) for help in cells]
    return [(int(m[2]) - int(m[1]), int(m[2])) for m in found if m]


def test_nobody_signed_in_sees_only_the_sign_in_screen(app_env, demo_store_path):
    app_env(demo_store_path)
    at = run_as(None)
    assert t("sign_in_needed", "nl") in texts(at)
    assert at.button(key="auth_sign_in")
    assert not at.get("plotly_chart") and not overview_counts(at)


def test_taskforce_sees_restricted_figures_and_the_view_is_audited(app_env, demo_store_path):
    log = app_env(demo_store_path)
    at = run_as("taskforce", "country", {"country": "TUN"})
    assert any(RESTRICTED_TITLE in title for title in chart_titles(at))
    assert "tess@example.org" in texts(at)  # the sidebar says who is signed in
    views = [e for e in audit.read_log(log) if e["action"] == "view"]
    assert {"return_travel_documents", "return_id_response_days"} <= {
        e["indicators"][0] for e in views
    }
    assert all(e["user"] == "tess@example.org" and e["role"] == "taskforce" for e in views)
    audit.verify_log(log)


@pytest.mark.parametrize("person", ["viewer", "evaluator"])
def test_others_see_restricted_cells_and_never_the_figures(app_env, demo_store_path, person):
    log = app_env(demo_store_path)
    at = run_as(person, "country", {"country": "TUN"})
    assert t("restricted", "nl") in texts(at)
    assert not any(RESTRICTED_TITLE in title for title in chart_titles(at))
    assert not log.exists()  # nothing restricted was viewed


def test_overview_counts_leave_out_what_a_viewer_may_not_see(app_env, demo_store_path, catalogue):
    app_env(demo_store_path)
    full = overview_counts(run_as("taskforce"))
    public = overview_counts(run_as("viewer"))
    themes = [th.id for th in catalogue.themes]
    per_theme = {th: [i for i in catalogue.indicators if i.theme == th] for th in themes}
    n_countries = len(full) // len(themes)
    expected_total = [len(per_theme[th]) for th in themes] * n_countries
    expected_public = [
        len([i for i in per_theme[th] if not i.restricted]) for th in themes
    ] * n_countries
    assert [total for _, total in full] == expected_total
    assert [total for _, total in public] == expected_public
    assert sum(n for n, _ in public) < sum(n for n, _ in full)


def test_a_shared_link_to_a_restricted_indicator_says_restricted(app_env, demo_store_path):
    app_env(demo_store_path)
    link = {"indicator": "return_travel_documents"}
    viewer = run_as("viewer", "explore", link)
    assert t("restricted", "nl") in texts(viewer)
    assert not any(RESTRICTED_TITLE in title for title in chart_titles(viewer))
    assert RESTRICTED_TITLE not in viewer.selectbox(key="explore_indicator").options
    taskforce = run_as("taskforce", "explore", link)
    assert any(RESTRICTED_TITLE in title for title in chart_titles(taskforce))


def test_compare_offers_restricted_indicators_only_to_the_taskforce(app_env, demo_store_path):
    app_env(demo_store_path)
    options = {
        person: set(run_as(person, "compare").multiselect(key="compare_indicators").options)
        for person in ("viewer", "taskforce")
    }
    assert "Gezamenlijke operaties" in options["taskforce"]  # options are shown titles
    assert "Gezamenlijke operaties" not in options["viewer"]
    assert options["viewer"] < options["taskforce"]


def test_cached_results_of_a_taskforce_member_never_reach_a_viewer(app_env, demo_store_path):
    """Same process, same caches (as in one server): taskforce first, then a viewer."""
    app_env(demo_store_path)
    run_as("taskforce", "country", {"country": "TUN"})
    taskforce_counts = overview_counts(run_as("taskforce"))
    app_env(demo_store_path, clear=False)
    viewer_page = run_as("viewer", "country", {"country": "TUN"})
    assert not any(RESTRICTED_TITLE in title for title in chart_titles(viewer_page))
    assert overview_counts(run_as("viewer")) != taskforce_counts
    viewer_link = run_as("viewer", "explore", {"indicator": "smuggling_joint_operations"})
    assert not any("Gezamenlijke operaties" in title for title in chart_titles(viewer_link))


def test_local_mode_is_marked_and_shows_restricted_demo_figures(app_env, demo_store_path):
    app_env(demo_store_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("app_pages/country.py").run()
    assert any(t("local_mode_notice", "nl") == w.value for w in at.sidebar.warning)
    assert any("Reactietijd" in title for title in chart_titles(at))


def test_local_mode_refuses_real_restricted_figures_everywhere(app_env, fresh_store_path):
    with write_store(fresh_store_path) as writer:
        writer.execute(
            "UPDATE observations SET is_demo = false WHERE indicator_id = 'return_travel_documents'"
        )
    log = app_env(fresh_store_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["indicator"] = "return_travel_documents"
    at.run()
    at.switch_page("app_pages/explore.py").run()
    assert t("restricted_local", "nl") in texts(at)
    assert not any(RESTRICTED_TITLE in title for title in chart_titles(at))
    at.switch_page("app_pages/compare.py").run()
    assert RESTRICTED_TITLE not in at.multiselect(key="compare_indicators").options
    assert "Bevolking" in at.multiselect(key="compare_indicators").options
    at.switch_page("app_pages/overview.py").run()
    assert all(total < 10 for _, total in overview_counts(at))
    assert not log.exists()


def test_an_invalid_access_file_shows_an_error_and_no_data(app_env, demo_store_path, tmp_path):
    app_env(demo_store_path)
    bad = tmp_path / "access.toml"
    bad.write_text('[groups]\n"pm-taskforce" = "owner"\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARTNERSHIP_MONITOR_ACCESS", str(bad))
        st.cache_resource.clear()
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.secrets["auth"] = AUTH
        at.user = {"is_logged_in": True, **PEOPLE["taskforce"]}
        at.run()
    assert any(t("access_error", "nl") in e.value and "owner" in e.value for e in at.error)
    assert not at.get("plotly_chart") and not overview_counts(at)
    st.cache_resource.clear()


def test_a_comparison_link_naming_a_restricted_indicator_says_restricted(app_env, demo_store_path):
    app_env(demo_store_path)
    link = {"indicators": "return_travel_documents,irregular_detections", "countries": "TUN"}
    viewer = run_as("viewer", "compare", link)
    assert t("restricted", "nl") in texts(viewer)
    table = viewer.dataframe[-1].value
    assert "return_travel_documents" not in set(table["indicator_id"])
    assert "irregular_detections" in set(table["indicator_id"])
    taskforce = run_as("taskforce", "compare", link)
    assert "return_travel_documents" in set(taskforce.dataframe[-1].value["indicator_id"])


def test_a_restricted_chart_has_no_unaudited_image_button(app_env, demo_store_path, catalogue):
    app_env(demo_store_path)
    at = run_as("taskforce", "country", {"country": "TUN"})
    restricted_ids = [i.id for i in catalogue.indicators if i.restricted]
    configs = [json.loads(c.proto.config) for c in at.get("plotly_chart")]

    def is_restricted(cfg: dict) -> bool:  # the file name says which indicator it shows
        return any(f"_{i}_" in cfg["toImageButtonOptions"]["filename"] for i in restricted_ids)

    restricted = [c for c in configs if is_restricted(c)]
    public = [c for c in configs if not is_restricted(c)]
    assert restricted and all("toImage" in c.get("modeBarButtonsToRemove", []) for c in restricted)
    assert public and not any("toImage" in c.get("modeBarButtonsToRemove", []) for c in public)
