"""The country page's key figures: how the country is doing, on one screen with its charts.

One line per theme, the theme's indicators grouped by the symbol of their verdict from
window A to B ("↓ Terugkeerratio, … · ↕ Bevelen tot vertrek, …"), under a legend that
words each symbol met, as the overview does: five short lines say what twenty chart
cards say, and the first chart still starts above the fold at 1280×800. Each verdict
is the chart card's own account, in the one vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from dashboard import services
from dashboard.i18n import t
from indicators.markup import markdown as literal

# Changes first, then what was not detected, then gaps: the order a reader scans for.
ORDER = ("increase", "decrease", "little_change", "no_detectable_change")
GAPS = ("too_few_comparison", "too_few", "no_data")


def theme_lines(
    themes: Sequence, indicators: Sequence, account_of: Callable, lang: str
) -> tuple[list[str], list[str]]:
    """A Markdown line per theme (its name, then its indicators by verdict symbol) and
    the verdicts met, in ORDER, for the legend."""
    lines, met = [], set()
    for theme in themes:
        groups: dict[str, list[str]] = {}
        for ind in (i for i in indicators if i.theme == theme.id):
            account = account_of(ind.id)
            said = account.verdict if account.ok and account.verdict else account.status
            groups.setdefault(said, []).append(literal(ind.title(lang)))
        if not groups:
            continue
        parts = []
        for said in (*ORDER, *GAPS):
            if said not in groups:
                continue
            names = ", ".join(groups[said])
            if said in ORDER:
                met.add(said)
                parts.append(f"{services.verdict_symbol(said)} {names}")
            else:
                parts.append(f"*{t(said + '_short', lang)}*: {names}")
        lines.append(f"**{literal(theme.title(lang))}** — " + " · ".join(parts))
    return lines, [v for v in ORDER if v in met]


def strip(
    themes: Sequence,
    indicators: Sequence,
    account_of: Callable,
    lang: str,
    more: Sequence[str | None] = (),
) -> None:
    """The key figures as one bordered box of small text: the heading with the legend of
    the symbols met (the overview's symbols), a line per theme, then the `more` lines
    given (the objectives' ratings)."""
    with st.container(border=True, key="country_key_figures"):
        lines, met = theme_lines(themes, indicators, account_of, lang)
        lines += [line for line in more if line]
        legend = " · ".join(
            f"{services.verdict_symbol(v)} {services.verdict_words(v, lang)}" for v in met
        )
        # ':small[…]' and hard line breaks (no list bullets) keep five themes within
        # about 200 px, so the first chart starts above the fold at 1280x800.
        body = "  \n".join(lines)
        st.markdown(f"**{t('key_figures', lang)}** :small[· {legend}]  \n:small[{body}]")
