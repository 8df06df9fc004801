"""`partnership-monitor framework`: the results framework in and out of files, and rounds.

    framework export --format yaml|csv --out FILE [--country TUN]
    framework import FILE [--approved-by NAME] [--dry-run]
    framework report --round ID [--lang nl|en] [--out FILE]

Imports write drafts in the operator's name; a second person approves them in the
app, or `--approved-by` records an approval already given (never by the operator).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from indicators.access import LOCAL
from indicators.cli.common import subcommand
from indicators.errors import InputError, Problem
from indicators.framework import Framework
from indicators.framework.records import KINDS
from indicators.framework.report import round_text
from indicators.framework.transfer import read_file, to_csv, to_yaml
from indicators.importers.pipeline import operator_name
from indicators.store import Store
from indicators.store.workspaces import open_workspace


def add_parser(subparsers: Any) -> None:
    sp = subcommand(subparsers, "framework", "results framework: import, export, round report")
    sp.set_defaults(run=lambda args: _usage(sp))
    sub = sp.add_subparsers(dest="framework_command")
    ex = sub.add_parser("export", help="write objectives, rounds, judgements, claims")
    ex.add_argument("--format", choices=("yaml", "csv"), default="yaml")
    ex.add_argument("--out", type=Path, required=True)
    ex.add_argument("--country", default=None)
    ex.add_argument("--store", type=Path, default=argparse.SUPPRESS)
    ex.set_defaults(run=run_export)
    im = sub.add_parser("import", help="read a YAML or CSV file as drafts (all or nothing)")
    im.add_argument("file", type=Path)
    im.add_argument("--approved-by", default=None, help="record an approval by this person")
    im.add_argument("--dry-run", action="store_true")
    im.add_argument("--store", type=Path, default=argparse.SUPPRESS)
    im.set_defaults(run=run_import)
    rp = sub.add_parser("report", help="a review round as Markdown (figures of its vintage)")
    rp.add_argument("--round", required=True)
    rp.add_argument("--lang", choices=("nl", "en"), default="nl")
    rp.add_argument("--out", type=Path, default=None)
    rp.add_argument("--store", type=Path, default=argparse.SUPPRESS)
    rp.set_defaults(run=run_report)


def _usage(sp: argparse.ArgumentParser) -> int:
    sp.print_help()
    return 1


def _framework(args: argparse.Namespace) -> Framework:
    return Framework(open_workspace(args.store))


def run_export(args: argparse.Namespace) -> int:
    fw = _framework(args)
    records = []
    for kind in KINDS:
        # Operators export what is stored: the latest version of every record.
        records += [e.record for e in fw.entries(_OPERATOR, kind, country=args.country)]
    text = to_yaml(records) if args.format == "yaml" else to_csv(records)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"Wrote {len(records)} record(s) to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    records = read_file(args.file)
    Store(args.store)  # the store must exist: the workspace lives beside it
    if args.dry_run:
        print(f"{args.file.name}: {len(records)} valid record(s); nothing written (dry run)")
        return 0
    author = f"cli:{operator_name()}"
    if args.approved_by and args.approved_by in (author, operator_name()):
        raise InputError(Problem("--approved-by", None, None, "must be someone else"))
    n = _framework(args).seed(records, author=author, approver=args.approved_by)
    state = (
        f"approved by {args.approved_by}" if args.approved_by else "drafts to approve in the app"
    )
    print(f"Imported {n} record(s) from {args.file.name} ({state})")
    return 0


def run_report(args: argparse.Namespace) -> int:
    store = Store(args.store)
    everything = frozenset(i.id for i in store.catalogue().indicators)
    # The CLI follows local mode: restricted evidence only on an all-demonstration store.
    visible = everything if store.demo_status() == "demo" else frozenset(
        i.id for i in store.catalogue().indicators if not i.restricted
    )  # fmt: skip
    text = round_text(store, _framework(args), LOCAL, args.round, args.lang, visible)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"Wrote {args.out}")
    else:
        print(text, end="")
    return 0


# Exports show every record as stored, drafts included (operators hold the file).
_OPERATOR = LOCAL.__class__(
    user="operator", email=None, groups=(), role=LOCAL.role.__class__.ADMIN, signed_in=True
)
