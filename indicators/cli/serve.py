"""`partnership-monitor serve`: the dashboard on one store, in one process or behind nginx.

Without --processes: one Streamlit process in the foreground (`make run`). With
--processes N: N processes behind Debian's nginx (`make serve-prod`; README: Many
users at once), supervised until Ctrl-C, with a graceful restart on SIGHUP.
"""

from __future__ import annotations

import argparse
import os
import subprocess
from pathlib import Path
from typing import Any

from indicators.cli.common import ROOT, subcommand
from indicators.errors import ServingError
from indicators.serving.apps import SERVICE_USER, STORE_ENV, streamlit_command
from indicators.serving.front import Front, serve_forever


def add_parser(subparsers: Any) -> None:
    sv = subcommand(subparsers, "serve", "start the dashboard")
    sv.add_argument("--port", type=int, default=8501, help="port users open (default 8501)")
    sv.add_argument("--address", default="127.0.0.1", help="address to listen on")
    sv.add_argument(
        "--processes",
        type=int,
        nargs="?",
        const=os.cpu_count() or 2,
        default=None,
        metavar="N",
        help="N app processes behind nginx on the ports after --port "
        "(N defaults to the number of cores); without it, one process and no nginx",
    )
    sv.add_argument(
        "--user",
        default=SERVICE_USER,
        help=f"under root, the account the app processes run as (default {SERVICE_USER})",
    )
    sv.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = Path(args.store).resolve()
    if args.processes is None:
        env = dict(os.environ, **{STORE_ENV: str(store)})
        cmd = streamlit_command(args.port, args.address)
        return subprocess.call(cmd, env=env, cwd=ROOT)
    if args.processes < 1:
        raise ServingError("--processes needs at least 1")
    ports = [args.port + 1 + n for n in range(args.processes)]
    front = Front(store, ports, args.port, args.address, user=args.user)
    return serve_forever(front)
