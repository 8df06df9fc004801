"""`partnership-monitor series` and `trend`: one series' observations, and its stored trend."""

from __future__ import annotations

import argparse
from typing import Any

from indicators.cli.common import (
    add_series_arguments,
    demo_notice,
    print_account,
    print_data,
    records,
    series_key,
    subcommand,
)
from indicators.errors import InsufficientDataError
from indicators.store import Store
from indicators.views import account, series_view

COLUMNS = [
    "period_start",
    "period_end",
    "reporter",
    "value",
    "lower",
    "upper",
    "flags",
    "source_id",
    "vintage",
    "is_demo",
]


def add_parser(subparsers: Any) -> None:
    s = subcommand(
        subparsers,
        "series",
        "the observations of one series, with ranges, flags and vintage",
        True,
    )
    add_series_arguments(s, "reporting area, e.g. EU27 or NL")
    s.set_defaults(run=run_series)
    tr = subcommand(
        subparsers, "trend", "the stored trend of one series: level with 50/80/95%% intervals", True
    )
    add_series_arguments(tr, "reporting area (default: the first)")
    tr.set_defaults(run=run_trend)


def run_series(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    cat.indicator(args.indicator)  # unknown id -> clear error
    obs = store.observations(args.indicator, args.country.upper(), args.reporter)
    out = obs[COLUMNS]
    if args.json:
        data = {
            "indicator": args.indicator,
            "country": args.country.upper(),
            "observations": records(out),
        }
        print_data(data, True)
    else:
        print_data(out, False)
    return 0


def run_trend(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    ind, country, reporter = series_key(cat, args)
    summary = store.series_summary(ind.id, country, reporter)
    if summary is None:
        raise InsufficientDataError(f"no values for {ind.id}, {country}, {reporter}")
    if summary["status"] != "ok":
        raise InsufficientDataError(summary["sentence_en"], n_points=int(summary["n_points"]))
    told = {
        lang: account(store, series_view(cat, ind.id, country, reporter=reporter, lang=lang), cat)
        for lang in ("en", "nl")
    }
    rows = store.trend(ind.id, country, reporter)
    rows = rows.drop(columns=["indicator_id", "country_iso3", "reporter", "seasonal", "extra_var"])
    data = {
        "indicator": ind.id,
        "country": country,
        "reporter": reporter,
        **{k: summary[k] for k in ("status", "method", "scale", "frequency", "n_points")},
        **demo_notice(store),
        "account": {lang: a.to_dict() for lang, a in told.items()},
        "periods": records(rows),
    }
    if args.json:
        print_data(data, True)
        return 0
    print_account(told["en"])
    print_data(rows, False)
    return 0
