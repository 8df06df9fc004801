"""`partnership-monitor serve`: the dashboard, in Streamlit, on one store."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from indicators.cli.common import ROOT, subcommand


def add_parser(subparsers: Any) -> None:
    sv = subcommand(subparsers, "serve", "start the dashboard")
    sv.add_argument("--port", type=int, default=8501)
    sv.add_argument("--address", default="127.0.0.1")
    sv.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
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
