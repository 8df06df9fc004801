"""The `partnership-monitor` command line (see DESCRIPTION).

Each subcommand lives in its own module of this package and defines its own parser
with `add_parser(subparsers)`, which also binds the function that runs it
(`set_defaults(run=...)`). To add a subcommand, write a module and list it in
SUBCOMMANDS below: the list is the order `--help` shows.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from indicators.cli import build, compare, export, framework, imports, info, series, serve
from indicators.errors import ProjectError

SUBCOMMANDS = (build, info, series, compare, export, imports, framework, serve)
DESCRIPTION = """The `partnership-monitor` command line: for operators, reading the store directly.

Every command takes --store; commands that print data take --json. Project errors
end with a clear message on stderr and exit code 1."""


def parser() -> argparse.ArgumentParser:
    """The whole command line: every subcommand module adds its own parser."""
    p = argparse.ArgumentParser(prog="partnership-monitor", description=DESCRIPTION)
    sub = p.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; a project error ends with `error: …` and exit code 1."""
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ProjectError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
