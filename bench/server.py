"""A live `streamlit run` of the app on a free loopback port: one starter for the
browser tests and the load benchmark."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

from indicators.serving.apps import free_port, streamlit_command

ROOT = Path(__file__).resolve().parent.parent


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise TimeoutError(f"{url} did not become healthy in {timeout}s")


def start_server(
    store: Path,
    extra_env: dict[str, str] | None = None,
    extra_args: list[str] | None = None,
    port: int | None = None,
    stderr: int | None = subprocess.PIPE,
) -> tuple[str, subprocess.Popen]:
    """Serve `store` and return (base URL, process) once the health check answers.

    Under load nobody reads the server's stderr: pass subprocess.DEVNULL there, or a
    full pipe would stall the server.
    """
    port = port or free_port()
    env = dict(os.environ, PARTNERSHIP_MONITOR_STORE=str(store), **(extra_env or {}))
    proc = subprocess.Popen(
        [*streamlit_command(port), *(extra_args or [])],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, proc)
    return url, proc
