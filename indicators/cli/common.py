"""What several subcommands share: the --store/--json options, printing, series keys."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from indicators.build import DEFAULT_STORE
from indicators.catalogue import Catalogue, Indicator
from indicators.citation import DEMO_MARK
from indicators.errors import InputError, Problem
from indicators.settings import settings
from indicators.store import Store

if TYPE_CHECKING:
    from indicators.views import Account

ROOT = Path(__file__).resolve().parent.parent.parent


def as_writer() -> None:
    """Lower this process's CPU priority before it writes a store (the setting writer_nice).

    A build or an import fits trends on every core for seconds; the app processes on
    the same machine keep serving pages meanwhile, and should be served first: readers
    are people waiting, a write is not. Worker processes inherit the priority.
    """
    increment = settings().writer_nice
    if increment:
        os.nice(increment)


def subcommand(
    subparsers: Any, name: str, help_text: str, json_flag: bool = False
) -> argparse.ArgumentParser:
    """A subcommand's parser with the options every command has (--store, and --json).

    argparse formats help texts with %: write a literal percent sign as %%.
    """
    sp: argparse.ArgumentParser = subparsers.add_parser(name, help=help_text)
    sp.add_argument(
        "--store",
        type=Path,
        default=DEFAULT_STORE,
        help=f"store file (default {DEFAULT_STORE.relative_to(ROOT)})",
    )
    if json_flag:
        sp.add_argument("--json", action="store_true", help="print JSON")
    return sp


def add_series_arguments(sp: argparse.ArgumentParser, reporter_help: str) -> None:
    """--country, --indicator and --reporter: which series a command reads."""
    sp.add_argument("--country", required=True, help="ISO3 code, e.g. TUN")
    sp.add_argument("--indicator", required=True, help="indicator id, e.g. irregular_detections")
    sp.add_argument("--reporter", default=None, help=reporter_help)


def print_data(data: object, as_json: bool) -> None:
    """Print a table, a mapping or JSON."""
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    elif isinstance(data, pd.DataFrame):
        print(data.to_string(index=False) if len(data) else "(no rows)")
    elif isinstance(data, dict):
        for key, value in data.items():
            print(f"{key}: {value}")
    else:
        print(data)


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts, missing values as None."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def series_key(cat: Catalogue, args: argparse.Namespace) -> tuple[Indicator, str, str]:
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


def demo_notice(store: Store) -> dict:
    """Whether the figures printed are demonstration data, said in every JSON answer."""
    status = store.demo_status()
    demo = status in ("demo", "mixed")
    return {"data_status": status, "demo": demo, "notice": DEMO_MARK["en"] if demo else None}


def print_account(told: Account) -> None:
    """The account as the page says it: subject, verdict and aim, headline, details."""
    print(told.subject)
    if told.verdict_words:
        print(f"{told.verdict_words} · {told.aim}")
    print(told.headline)
    for detail in told.details:
        print(f"  - {detail}")
    print(told.source)
    print()
