"""Method: the trend model, the intervals, the likelihood scale, the robustness panel, and
why the dashboard makes no causal claims — in plain language, in Dutch and English.

The tables (likelihood scale, the methods of the panel, the evidence levels) come
from the library through services, so this page can never drift from what the
numbers elsewhere use.
"""

from __future__ import annotations

import streamlit as st

from dashboard import services
from dashboard.components import language
from dashboard.i18n import N_, t

lang = language.current()
st.title(t("page_method", lang))
st.caption(t("method_intro", lang))

# The page's sections, in the interface's catalogue (`method_section_<name>`, Markdown).
SECTIONS = (
    N_("method_section_seen"),
    N_("method_section_trend"),
    N_("method_section_intervals"),
    N_("method_section_provisional"),
    N_("method_section_level"),
    N_("method_section_frequency"),
    N_("method_section_scale"),
    N_("method_section_verdicts"),
    N_("method_section_panel"),
    N_("method_section_many"),
    N_("method_section_study"),
    N_("method_section_quality"),
    N_("method_section_gaps"),
    N_("method_section_causes"),
)


def section(name: str) -> None:
    st.markdown(t(f"method_section_{name}", lang))


for name in ("seen", "trend", "intervals", "provisional", "level", "frequency"):
    section(name)
    if name == "frequency":
        st.dataframe(services.frequencies(lang), hide_index=True, width="content")
section("scale")
st.dataframe(services.likelihood_scale(lang), hide_index=True, width="content")
section("verdicts")
st.dataframe(services.verdict_rules(lang), hide_index=True, width="stretch")
section("panel")
st.dataframe(services.method_labels(lang), hide_index=True, width="stretch")
section("many")
section("study")
study = services.calibration_study(lang)
if study is None:
    st.info(t("study_missing", lang))
else:
    st.dataframe(study, hide_index=True, width="stretch")
section("quality")
st.dataframe(services.evidence_levels(lang), hide_index=True, width="content")
for name in ("gaps", "causes"):
    section(name)
