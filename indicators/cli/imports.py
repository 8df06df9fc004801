"""`partnership-monitor import` and `fetch`: a data file, or a Eurostat download, into the store."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from indicators.cli.common import as_writer, subcommand
from indicators.errors import InputError, Problem
from indicators.importers.detect import FORMATS


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _print_report(report, as_json: bool) -> None:
    if as_json:
        data = asdict(report) | {"rows_skipped": report.rows_skipped}
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        print("\n".join(report.lines()))


def cmd_import(args: argparse.Namespace) -> int:
    from indicators.importers.pipeline import import_file

    as_writer()
    report = import_file(
        args.store,
        args.format,
        args.file,
        vintage=args.vintage,
        dry_run=args.dry_run,
        dataset=args.dataset,
    )
    _print_report(report, args.json)
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from indicators.importers.fetch import fetch_eurostat

    as_writer()
    if args.source != "eurostat":
        raise InputError(Problem("fetch", None, None, "only `fetch eurostat` is supported"))
    if args.download_only:
        from indicators.importers.fetch import download_eurostat

        if not args.keep:
            raise InputError(Problem("fetch", None, "--keep", "--download-only needs --keep FILE"))
        url = download_eurostat(args.dataset, args.keep, args.filter, base_url=args.base_url)
        print(f"Saved {args.keep} from {url} (not imported)")
        return 0
    report = fetch_eurostat(
        args.store,
        args.dataset,
        args.filter,
        base_url=args.base_url,
        vintage=args.vintage,
        dry_run=args.dry_run,
        keep=args.keep,
    )
    _print_report(report, args.json)
    return 0


def add_parser(subparsers: Any) -> None:
    im = subcommand(
        subparsers, "import", "import a data file (validated whole, written atomically)", True
    )
    im.add_argument("format", choices=[*FORMATS, "auto"], help="file format, or auto to detect")
    im.add_argument("file", help="the file to import (CSV, TSV or XLSX)")
    fe = subcommand(
        subparsers, "fetch", "download a Eurostat dataset (SDMX-CSV) and import it", True
    )
    fe.add_argument("source", choices=["eurostat"])
    fe.add_argument("dataset", help="Eurostat dataset code, e.g. migr_eiord1")
    fe.add_argument(
        "--filter",
        action="append",
        default=[],
        help="dimension=value[+value], e.g. citizen=MA+TN; repeatable",
    )
    fe.add_argument("--base-url", default=None, help="API base URL (default: Eurostat's)")
    fe.add_argument("--keep", default=None, help="also save the downloaded file here")
    fe.add_argument(
        "--download-only",
        action="store_true",
        help="only save the file (--keep), for a folder that build --from reads",
    )
    for sp in (im, fe):
        sp.add_argument("--vintage", type=_date, default=None, help="date the figures were known")
        sp.add_argument("--dry-run", action="store_true", help="only say what would change")
    im.add_argument(
        "--dataset", default=None, help="Eurostat dataset code when the file does not name it"
    )
    im.set_defaults(run=cmd_import)
    fe.set_defaults(run=cmd_fetch)
