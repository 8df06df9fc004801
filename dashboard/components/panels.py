"""The robustness panel of one comparison: its methods side by side, as a table and a
forest chart, with what the account says about their agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import services
from dashboard.components.toolbar import plotly_config
from dashboard.i18n import t
from indicators import formatting

if TYPE_CHECKING:
    from indicators.views import Account


def _signed_pct(x: float | None, lang: str) -> str:
    return formatting.change_percent(None if x is None or pd.isna(x) else float(x), lang)


def _interval(low: float, high: float, lang: str) -> str:
    return f"{_signed_pct(low, lang)} … {_signed_pct(high, lang)}"


def methods_panel(panel: pd.DataFrame, row, account: Account, lang: str) -> None:
    """The robustness panel of one comparison: its methods side by side, whether their
    verdicts agree (the account's words), and the smallest detectable change."""
    shown = pd.DataFrame(
        {
            t("method", lang): panel["label"],
            t("change_pct", lang): panel["estimate_pct"].map(lambda x: _signed_pct(x, lang)),
            t("interval80", lang): [
                _interval(lo, hi, lang)
                for lo, hi in zip(panel["low80_pct"], panel["high80_pct"], strict=True)
            ],
            t("interval95", lang): [
                _interval(lo, hi, lang)
                for lo, hi in zip(panel["low95_pct"], panel["high95_pct"], strict=True)
            ],
            t("probability_increase", lang): panel["probability_increase"].map(
                lambda p: formatting.percent(p, lang, 0, ratio=True)
            ),
            t("likelihood_term", lang): panel["likelihood"],
            t("verdict", lang): panel["verdict"].map(lambda v: services.verdict_words(v, lang)),
            t("overlaps_all", lang): panel["within_all"].map(
                lambda ok: "✔ " + t("yes", lang) if ok else "✖ " + t("no", lang)
            ),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    sdc = row.smallest_detectable_change_pct
    rows = panel.assign(
        label=panel["label"].str.split(" (", regex=False).str[0],
        **{k: panel[f"{k}_pct"] for k in ("estimate", "low80", "high80", "low95", "high95")},
    )
    fig = services.forest_chart(
        rows[["label", "estimate", "low80", "high80", "low95", "high95", "verdict"]],
        lang,
        title=t("methods_chart_title", lang, n=len(panel)),
        x_title=t("forest_axis", lang),
        band=services.detectable_band(sdc, row.scale),
        band_label=t("sdc_band", lang),
    )
    summary = "; ".join(
        f"{label}: {_signed_pct(est, lang)} [{_interval(lo, hi, lang)}]"
        for label, est, lo, hi in zip(
            rows["label"], rows["estimate"], rows["low95"], rows["high95"], strict=True
        )
    )
    st.plotly_chart(
        fig,
        width="stretch",
        key=f"compare_methods_{row.indicator_id}_{row.country_iso3}_{row.reporter}",
        config=plotly_config(f"methods_{row.indicator_id}_{row.country_iso3}"),
        alt=summary,
    )
    st.caption(summary)
    # The words count the methods' verdicts (the account's); the icon says whether any
    # two of them point opposite ways, the comparison's own rule (Method page).
    robustness = account.robustness
    if robustness is not None and robustness.agree:
        st.success(robustness.summary, icon=":material/check_circle:")
    elif robustness is not None and row.methods_agree:
        st.info(robustness.summary, icon=":material/info:")
    elif robustness is not None:
        st.warning(robustness.summary, icon=":material/warning:")
    if sdc is not None and pd.notna(sdc) and account.verdict == "no_detectable_change":
        # Beside a detected change the smallest detectable one would read as a contradiction.
        st.markdown(
            t(
                "sdc_line",
                lang,
                size=formatting.percent(sdc, lang, 0 if sdc >= 10 else 1),
                a=row.window_a,
            )
        )
    st.caption(
        f"{t('evidence_quality', lang)}: {row.evidence_quality} · "
        f"n = {row.n_a} / {row.n_b} · {t('trend_method', lang)}: {row.trend_method}"
    )
