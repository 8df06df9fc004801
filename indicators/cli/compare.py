"""`partnership-monitor compare`: two windows of one series, with a robustness panel."""

from __future__ import annotations

import argparse
from typing import Any

from indicators.analysis import compare_from_store, compare_periods
from indicators.analysis.stored import comparison_values, provisional_bias
from indicators.analysis.windows import named_or_parsed
from indicators.catalogue import Catalogue
from indicators.cli.common import (
    add_series_arguments,
    demo_notice,
    print_account,
    print_data,
    series_key,
    subcommand,
)
from indicators.errors import InputError, Problem
from indicators.store import Store
from indicators.views import account, series_view


def add_parser(subparsers: Any) -> None:
    cp = subcommand(
        subparsers, "compare", "compare two windows of one series, with a robustness panel", True
    )
    add_series_arguments(cp, "reporting area (default: the first)")
    cp.add_argument(
        "--a", required=True, help="window A: 2016-2021, 2019, 2016-03..2021-06 or a period id"
    )
    cp.add_argument("--b", required=True, help="window B, written like window A")
    cp.add_argument(
        "--comparison",
        default=None,
        help="comparison countries, e.g. DZA,EGY; 'none' for none (default: the comparison "
        "countries when --country is a priority country)",
    )
    cp.add_argument(
        "--refit", action="store_true", help="fit the trend again instead of reading it"
    )
    cp.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    ind, country, reporter = series_key(cat, args)
    # A named period of the catalogue ('baseline') or a window like 2016-2021.
    a, b = (named_or_parsed(cat.periods, spec) for spec in (args.a, args.b))
    codes = _comparison_codes(cat, args.comparison)
    views = {
        lang: series_view(
            cat, ind.id, country, reporter=reporter, a=a, b=b, comparison=codes, lang=lang
        )
        for lang in ("en", "nl")
    }
    chosen = list(views["en"].comparison)
    if args.refit:
        obs = store.observations(ind.id, country, reporter)
        others = comparison_values(store, ind.id, reporter, chosen) if chosen else None
        result = compare_periods(
            obs,
            a,
            b,
            others,
            value_kind=ind.value_kind,
            margin_pct=ind.margin_pct,
            compared_quantity=ind.compared_quantity,
            provisional_bias=provisional_bias(store, ind.id, obs),
        )
    else:
        result = compare_from_store(store, ind.id, country, reporter, a, b, chosen or None)
    told = {lang: account(store, v, cat, comparison=result) for lang, v in views.items()}
    data: dict[str, Any] = {"indicator": ind.id, "country": country, "reporter": reporter}
    data |= result.to_dict() | demo_notice(store)
    # The CLI names its subject (no title beside it), then says what the page says.
    data |= {f"sentence_{lang}": f"{t.subject}: {t.full_text}" for lang, t in told.items()}
    data["account"] = {lang: t.to_dict() for lang, t in told.items()}
    if args.json:
        print_data(data, True)
        return 0
    for key in ("estimate", "estimate_pct", "low95", "high95", "probability_increase"):
        print(f"{key}: {data[key]}")
    print()
    for lang in ("en", "nl"):
        print_account(told[lang])
    return 0


def _comparison_codes(cat: Catalogue, spec: str | None) -> list[str] | None:
    """None for the default comparison countries, [] for 'none', or checked ISO3 codes."""
    if spec is None:
        return None
    if spec.strip().lower() in ("", "none"):
        return []
    codes = [c.strip().upper() for c in spec.split(",") if c.strip()]
    unknown = [c for c in codes if c not in cat.country_by_iso3]
    if unknown:
        raise InputError(Problem("--comparison", None, None, f"unknown country {unknown[0]!r}"))
    return codes
