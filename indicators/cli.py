"""The `partnership-monitor` command line: for operators, reading the store directly.

Every command takes --store; commands that print data take --json. Project errors
end with a clear message on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from indicators.analysis import Window, compare_from_store, compare_periods
from indicators.analysis.stored import comparison_values
from indicators.analysis.windows import named_or_parsed
from indicators.build import DEFAULT_STORE, build_demo_store, needs_build
from indicators.catalogue import DATA_DIR, Catalogue, Indicator
from indicators.citation import DEMO_MARK
from indicators.errors import InputError, InsufficientDataError, Problem, ProjectError, StoreError
from indicators.export import command as export_command
from indicators.importers import commands as import_commands
from indicators.store import Store

ROOT = Path(__file__).resolve().parent.parent
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str) -> Callable:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable:
        COMMANDS[name] = fn
        return fn

    return register


def _print(data: object, as_json: bool) -> None:
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    elif isinstance(data, pd.DataFrame):
        print(data.to_string(index=False) if len(data) else "(no rows)")
    elif isinstance(data, dict):
        for key, value in data.items():
            print(f"{key}: {value}")
    else:
        print(data)


@command("build")
def cmd_build(args: argparse.Namespace) -> int:
    if args.from_dir is not None:
        return import_commands.build_from(args)
    if args.if_needed:
        reason = needs_build(args.store, args.data_dir)
        if reason is None:
            print(f"{args.store} is up to date")
            return 0
        if reason.endswith("by hand"):
            raise StoreError(f"{args.store}: {reason} with `partnership-monitor build`")
        print(f"Building {args.store}: {reason}")
    report = build_demo_store(args.store, args.data_dir, extra_countries=args.extra_countries)
    print(
        f"Built {report.path}: {report.observations} observations, {report.countries} "
        f"countries, {report.indicators} indicators (demonstration data)"
    )
    return 0


@command("info")
def cmd_info(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    meta = store.meta()
    sources = store.counts_by_source()
    info: dict[str, Any] = {
        "store": str(args.store),
        "schema_version": int(meta["schema_version"]),
        "data_status": store.demo_status(),
        "demo": store.demo_status() in ("demo", "mixed"),
        "built_at": meta.get("built_at"),
        "countries": [
            {"iso3": c.iso3, "name_en": c.name_en, "name_nl": c.name_nl, "role": c.role}
            for c in cat.countries
        ],
        "indicators": [
            {
                "id": i.id,
                "theme": i.theme,
                "title_en": i.title.en,
                "sensitivity": i.sensitivity,
                "frequency": i.frequency,
            }
            for i in cat.indicators
        ],
        "observations": store.count("observations"),
        "observations_per_source": {r.source_id: int(r.observations) for r in sources.itertuples()},
        "vintages": [v.isoformat() for v in store.vintages()],
    }
    if args.json:
        _print(info, True)
        return 0
    for key in ("store", "schema_version", "data_status", "built_at", "observations"):
        print(f"{key}: {info[key]}")
    print("countries: " + ", ".join(f"{c['iso3']} ({c['role']})" for c in info["countries"]))
    print("indicators: " + ", ".join(i["id"] for i in info["indicators"]))
    print("observations per source:")
    for sid, n in info["observations_per_source"].items():
        print(f"  {sid}: {n}")
    return 0


@command("series")
def cmd_series(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    cat.indicator(args.indicator)  # unknown id -> clear error
    obs = store.observations(args.indicator, args.country.upper(), args.reporter)
    cols = [
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
    out = obs[cols]
    if args.json:
        records = out.astype(object).where(out.notna(), None).to_dict("records")
        _print(
            {"indicator": args.indicator, "country": args.country.upper(), "observations": records},
            True,
        )
    else:
        _print(out, False)
    return 0


@command("trend")
def cmd_trend(args: argparse.Namespace) -> int:
    store = Store(args.store)
    ind, country, reporter = _series_key(store.catalogue(), args)
    summary = store.series_summary(ind.id, country, reporter)
    if summary is None:
        raise InsufficientDataError(f"no values for {ind.id}, {country}, {reporter}")
    if summary["status"] != "ok":
        raise InsufficientDataError(summary["sentence_en"], n_points=int(summary["n_points"]))
    rows = store.trend(ind.id, country, reporter)
    rows = rows.drop(columns=["indicator_id", "country_iso3", "reporter", "seasonal", "extra_var"])
    data = {
        "indicator": ind.id,
        "country": country,
        "reporter": reporter,
        **{k: summary[k] for k in ("status", "method", "scale", "frequency", "n_points")},
        **_demo_notice(store),
        "periods": rows.astype(object).where(rows.notna(), None).to_dict("records"),
    }
    _print(data if args.json else rows, args.json)
    return 0


@command("compare")
def cmd_compare(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    ind, country, reporter = _series_key(cat, args)
    a, b = (_window(cat, spec) for spec in (args.a, args.b))
    codes = _comparison_codes(cat, args.comparison)
    subject = {
        lang: f"{ind.title(lang)}, {cat.country_by_iso3[country].name(lang)}"
        for lang in ("nl", "en")
    }
    if args.refit:
        obs = store.observations(ind.id, country, reporter)
        others = comparison_values(store, ind.id, reporter, codes) if codes else None
        result = compare_periods(obs, a, b, others, value_kind=ind.value_kind, subject=subject)
    else:
        result = compare_from_store(store, ind.id, country, reporter, a, b, codes, subject=subject)
    data = {"indicator": ind.id, "country": country, "reporter": reporter}
    data |= result.to_dict() | _demo_notice(store)
    if args.json:
        _print(data, True)
        return 0
    for key in ("estimate", "estimate_pct", "low95", "high95", "probability_increase"):
        print(f"{key}: {data[key]}")
    print(f"likelihood: {result.likelihood}\nmethods_agree: {result.methods_agree}")
    print(f"\n{result.sentence_en}\n\n{result.sentence_nl}")
    return 0


def _series_key(cat: Catalogue, args: argparse.Namespace) -> tuple[Indicator, str, str]:
    """Indicator, country and reporting area from the arguments, checked against the catalogue."""
    ind = cat.indicator(args.indicator)
    country = args.country.upper()
    if country not in cat.country_by_iso3:
        raise InputError(Problem("--country", None, None, f"unknown country {country!r}"))
    reporter = args.reporter or ind.reporters[0]
    if reporter not in ind.reporters:
        raise InputError(
            Problem("--reporter", None, None, f"{ind.id} is reported by {', '.join(ind.reporters)}")
        )
    return ind, country, reporter


def _window(cat: Catalogue, spec: str) -> Window:
    """A named period of the catalogue ('baseline') or a window like 2016-2021."""
    return named_or_parsed(cat.periods, spec)


def _comparison_codes(cat: Catalogue, spec: str | None) -> list[str] | str | None:
    if spec is None:
        return "default"
    if spec.strip().lower() in ("", "none"):
        return None
    codes = [c.strip().upper() for c in spec.split(",") if c.strip()]
    unknown = [c for c in codes if c not in cat.country_by_iso3]
    if unknown:
        raise InputError(Problem("--comparison", None, None, f"unknown country {unknown[0]!r}"))
    return codes


def _demo_notice(store: Store) -> dict:
    status = store.demo_status()
    demo = status in ("demo", "mixed")
    return {"data_status": status, "demo": demo, "notice": DEMO_MARK["en"] if demo else None}


COMMANDS["export"] = export_command.run


@command("serve")
def cmd_serve(args: argparse.Namespace) -> int:
    env = dict(os.environ, PARTNERSHIP_MONITOR_STORE=str(Path(args.store).resolve()))
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard" / "app.py"),
        "--server.address",
        args.address,
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    return subprocess.call(cmd, env=env, cwd=ROOT)


COMMANDS.update(import_commands.COMMANDS)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="partnership-monitor", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str, json_flag: bool = False) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text)
        sp.add_argument(
            "--store",
            type=Path,
            default=DEFAULT_STORE,
            help=f"store file (default {DEFAULT_STORE.relative_to(ROOT)})",
        )
        if json_flag:
            sp.add_argument("--json", action="store_true", help="print JSON")
        return sp

    b = add("build", "rebuild the store from data/ (demonstration data)")
    b.add_argument("--data-dir", type=Path, default=DATA_DIR)
    b.add_argument(
        "--if-needed", action="store_true", help="only when missing or a stale demonstration store"
    )
    b.add_argument("--extra-countries", type=int, default=0, help=argparse.SUPPRESS)
    b.add_argument(
        "--from",
        dest="from_dir",
        type=Path,
        default=None,
        help="build from a folder of downloaded public files instead (no demonstration data)",
    )
    add("info", "countries, indicators, observations per source, schema version", True)
    s = add("series", "the observations of one series, with ranges, flags and vintage", True)
    s.add_argument("--country", required=True, help="ISO3 code, e.g. TUN")
    s.add_argument("--indicator", required=True, help="indicator id, e.g. irregular_detections")
    s.add_argument("--reporter", default=None, help="reporting area, e.g. EU27 or NL")
    tr = add("trend", "the stored trend of one series: level with 50/80/95% intervals", True)
    cp = add("compare", "compare two windows of one series, with a robustness panel", True)
    for sp in (tr, cp):
        sp.add_argument("--country", required=True, help="ISO3 code, e.g. TUN")
        sp.add_argument(
            "--indicator", required=True, help="indicator id, e.g. irregular_detections"
        )
        sp.add_argument("--reporter", default=None, help="reporting area (default: the first)")
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
    export_command.add_arguments(
        add("export", "briefing files: a chart, a bundle or a country pack")
    )
    import_commands.add_parsers(add)
    sv = add("serve", "start the dashboard")
    sv.add_argument("--port", type=int, default=8501)
    sv.add_argument("--address", default="127.0.0.1")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
