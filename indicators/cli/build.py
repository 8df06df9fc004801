"""`partnership-monitor build`: the demonstration store from data/, or a store of public files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from indicators.build import build_demo_store, needs_build
from indicators.catalogue import DATA_DIR
from indicators.cli.common import as_writer, subcommand
from indicators.cli.imports import _date
from indicators.errors import ProjectError


def add_parser(subparsers: Any) -> None:
    b = subcommand(subparsers, "build", "rebuild the store from data/ (demonstration data)")
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
    b.add_argument(
        "--vintage",
        type=_date,
        default=None,
        help="with --from: the date the figures were known, instead of each file's own date",
    )
    b.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    as_writer()
    if args.from_dir is not None:
        return build_from(args)
    if args.if_needed:
        reason = needs_build(args.store, args.data_dir)
        if reason is None:
            print(f"{args.store} is up to date")
            return 0
        print(f"Building {args.store}: {reason}")
    report = build_demo_store(args.store, args.data_dir, extra_countries=args.extra_countries)
    print(
        f"Built {report.path}: {report.observations} observations, {report.countries} "
        f"countries, {report.indicators} indicators (demonstration data)"
    )
    return 0


def build_from(args: argparse.Namespace) -> int:
    """`build --from DIR`: a store of public files only (see indicators.importers.public).

    Every file is listed with its outcome; the exit code is 1 when any was refused.
    """
    from indicators.importers.public import build_public_store

    result = build_public_store(args.store, args.from_dir, args.data_dir, vintage=args.vintage)
    print("\n".join(result.lines()))
    if result.refused:
        names = ", ".join(f.file for f in result.refused)
        raise ProjectError(
            f"{len(result.refused)} of {len(result.files)} file(s) refused ({names}); "
            f"the store holds the other {len(result.imported)}"
        )
    return 0
