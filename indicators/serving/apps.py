"""One Streamlit process of the dashboard on a loopback port.

`make run` starts one of these in the foreground (`partnership-monitor serve`); the
front (`serve --processes N`) starts N of them behind nginx. Started as root, a
process runs as the service user instead (README: Many users).
"""

from __future__ import annotations

import ctypes
import os
import pwd
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indicators.errors import ServingError
from indicators.settings import env_name

ROOT = Path(__file__).resolve().parents[2]
# The ASGI entry around dashboard/app.py: it adds the media guard of restricted
# downloads and the security headers (dashboard/asgi.py).
APP = ROOT / "dashboard" / "asgi.py"
STORE_ENV = env_name("store")
SERVICE_USER = "partnership-monitor"


# prctl(2) from the C library, looked up once here: the function a child calls
# between fork and exec must not load anything (another thread may hold a lock).
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_PR_SET_PDEATHSIG = 1


def dies_with_this_process(sig: int = signal.SIGTERM) -> Callable[[], None] | None:
    """A `preexec_fn` that has the kernel send `sig` to the child when we die.

    A supervisor stopped by SIGKILL (the OOM killer, `kill -9`, a crashed host
    agent) runs no clean-up, so without this its nginx and app processes would keep
    the ports and serve on unsupervised. SIGTERM lets each stop cleanly. The kernel
    ties the signal to the *thread* that started the child: start tied children from
    a thread that lives as long as the supervisor (the main thread). Set after the
    switch to the service account (Popen runs preexec_fn after setuid), since a
    change of credentials clears it. None off Linux.
    """
    if _LIBC is None:
        return None
    libc, parent = _LIBC, os.getpid()

    def tie() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
        if os.getppid() != parent:  # the supervisor died before prctl took effect
            os.kill(os.getpid(), sig)

    return tie


def streamlit_command(port: int, address: str = "127.0.0.1") -> list[str]:
    """The command line of one app process (the project's .streamlit/config.toml applies)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.headless=true",
        f"--server.port={port}",
        f"--server.address={address}",
        "--browser.gatherUsageStats=false",
    ]


def free_port() -> int:
    """A loopback port nobody listens on right now (tests and the bench pick theirs)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def service_account(name: str | None) -> pwd.struct_passwd | None:
    """The account app processes run as: `name` when this is root, else nobody to switch to.

    Streamlit runs the page scripts, which read files and render exports: as root a
    flaw in any of them would be root's. A root caller without the account gets an
    error naming the command that creates it.
    """
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(name or SERVICE_USER)
    except KeyError:
        raise ServingError(
            f"no user {name or SERVICE_USER!r} to run the app processes as: create it with "
            "`make service-user` (or pass --user with an existing account)"
        ) from None


def health(url: str, timeout: float = 2) -> bool:
    """True when `url` (an app or the front) answers its health check with 200."""
    path = "/healthz" if url.endswith("/healthz") else "/_stcore/health"
    try:
        with urllib.request.urlopen(url.removesuffix("/healthz") + path, timeout=timeout) as r:
            return bool(r.status == 200)
    except OSError:
        return False


@dataclass
class AppProcess:
    """A Streamlit process serving `store` on 127.0.0.1:`port`."""

    store: Path
    port: int
    env: Mapping[str, str] = field(default_factory=dict)
    account: pwd.struct_passwd | None = None
    home: Path | None = None  # HOME of the service account's processes
    stderr: int | None = subprocess.DEVNULL
    args: Sequence[str] = ()  # further Streamlit options, e.g. --secrets.files=…
    tied: bool = False  # stop when the process that started it dies (the front's children)
    proc: subprocess.Popen | None = None

    @classmethod
    def on_free_port(cls, store: Path, **options: Any) -> AppProcess:
        """A process on a port nobody listens on (tests and the bench run side by side)."""
        return cls(store, free_port(), **options)

    def __enter__(self) -> AppProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 90) -> None:
        """Start the process and return once it answers its health check."""
        self.spawn()
        self.wait_healthy(wait)

    def spawn(self) -> None:
        """Start the process without waiting for it (several start in parallel)."""
        env = dict(os.environ, **self.env, **{STORE_ENV: str(Path(self.store).resolve())})
        extra: dict = {}
        if self.account is not None:
            # Streamlit writes ~/.streamlit: give the account a HOME it owns.
            env.update(HOME=str(self.home or "/tmp"), USER=self.account.pw_name)
            extra = dict(user=self.account.pw_uid, group=self.account.pw_gid, extra_groups=[])
        self.proc = subprocess.Popen(
            [*streamlit_command(self.port), *self.args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            start_new_session=True,  # a Ctrl-C reaches the supervisor, which stops us in turn
            preexec_fn=dies_with_this_process() if self.tied else None,
            **extra,
        )

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running:
                code = self.proc.returncode if self.proc else None
                raise ServingError(f"the app process on port {self.port} exited with {code}")
            if health(self.url):
                return
            time.sleep(0.3)
        self.stop()
        raise ServingError(f"the app process on port {self.port} was not healthy in {timeout}s")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM (Streamlit closes its sessions), then SIGKILL after `timeout` seconds."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def memory_mb(self) -> dict[str, float]:
        """Resident memory now and at its peak (VmRSS, VmHWM), in MB."""
        out: dict[str, float] = {}
        if not self.running or self.proc is None:
            return out
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out["rss_mb" if key == "VmRSS" else "peak_rss_mb"] = round(
                    int(value.split()[0]) / 1024, 1
                )
        return out
