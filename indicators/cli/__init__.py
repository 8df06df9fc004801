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
from typing import NoReturn

from indicators.cli import build, compare, export, framework, imports, info, series, serve
from indicators.errors import ProjectError

SUBCOMMANDS = (build, info, series, compare, export, imports, framework, serve)
DESCRIPTION = """The `partnership-monitor` command line: for operators, reading the store directly.

Every command takes --store; commands that print data take --json. Project errors
end with a clear message on stderr and exit code 1."""


class _Parser(argparse.ArgumentParser):
    """argparse that ends a usage mistake like every other failure: `error: …`, exit 1."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(1)


def parser() -> argparse.ArgumentParser:
    """The whole command line: every subcommand module adds its own parser."""
    p = _Parser(prog="partnership-monitor", description=DESCRIPTION)
    sub = p.add_subparsers(dest="command", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; every failure ends with `error: …` and exit code 1.

    Project errors say what is wrong in the input; anything else that escapes (the
    disk, memory, an interruption, a bug) is still one line, never a traceback.
    """
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ProjectError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted; the store is as it was before this command")
    except MemoryError:
        return _fail("out of memory; the store is as it was before this command")
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        return _fail(f"unexpected {type(exc).__name__}: {exc} (please report this)")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1
