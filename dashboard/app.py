"""Partnership Monitor: the entry script owns navigation, language and the notices."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# Streamlit runs this file as a script; make the project importable without install.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard import auth, services  # noqa: E402
from dashboard.components import language, notices, toolbar  # noqa: E402
from dashboard.i18n import N_, t  # noqa: E402
from indicators.errors import ProjectError  # noqa: E402

st.set_page_config(page_title="Partnership Monitor", page_icon="🧭", layout="wide")
lang = language.switch()
try:
    who = auth.require_principal(lang)
except ProjectError as exc:  # an invalid access file: show nothing rather than guess
    st.error(f"{t('access_error', lang)}: {exc}")
    st.stop()
auth.account_box(who, lang)

PAGES = [
    ("app_pages/overview.py", "page_overview", "overview", ":material/grid_view:"),
    ("app_pages/country.py", "page_country", "country", ":material/flag:"),
    ("app_pages/progress.py", N_("page_progress"), "progress", ":material/checklist:"),
    ("app_pages/compare.py", "page_compare", "compare", ":material/compare_arrows:"),
    ("app_pages/explore.py", "page_explore", "explore", ":material/query_stats:"),
    ("app_pages/sources.py", "page_sources", "sources", ":material/menu_book:"),
    ("app_pages/method.py", "page_method", "method", ":material/school:"),
]
# The overview is the default page, served at '/'. Streamlit reserves a default page's
# url_path without serving it, so '/overview' said 'Page not found': the default page
# reserves 'start' instead and a hidden page at 'overview' leads to '/'.
DEFAULT, DEFAULT_RESERVED = "overview", "start"
pages = [
    st.Page(
        str(ROOT / "dashboard" / path),
        title=t(key, lang),
        url_path=DEFAULT_RESERVED if url == DEFAULT else url,
        icon=icon,
        default=(url == DEFAULT),
    )
    for path, key, url, icon in PAGES
]


def _overview_by_name() -> None:
    """'/overview?…' opens the overview at '/' with the link's choices."""
    st.switch_page(pages[0], query_params=st.query_params.to_dict())


alias = st.Page(_overview_by_name, url_path=DEFAULT, visibility="hidden")
nav = st.navigation([*pages, alias])
st.sidebar.caption(t("app_tagline", lang))
toolbar.switch(lang)
try:
    services.start_run(who)  # one look at the store file per run
    notices.demo_notice(lang)
    nav.run()
except ProjectError as exc:
    st.error(f"{t('store_error', lang)}: {exc}")
