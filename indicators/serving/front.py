"""N app processes behind one nginx: the front of `serve --processes N`.

Every process reads the same published store file read-only (dashboard/services.py
re-attaches when an import swapped it), so the processes share nothing but that file
and nginx only has to keep each browser on one process (sticky sessions).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from indicators.errors import ServingError
from indicators.serving.apps import (
    AppProcess,
    free_port,
    health,
    service_account,
)
from indicators.serving.nginx import Nginx, render
from indicators.settings import env_name


class Front:
    """nginx on `address:port` in front of one app process per entry of `app_ports`.

    `prefix` holds the generated configuration, nginx's logs and temporary files and
    the service account's HOME; a temporary directory (removed on stop) when None.
    """

    def __init__(
        self,
        store: Path,
        app_ports: Sequence[int],
        port: int,
        address: str = "127.0.0.1",
        *,
        prefix: Path | None = None,
        env: Mapping[str, str] | None = None,
        user: str | None = None,
        nginx_binary: str | None = None,
    ) -> None:
        if not app_ports:
            raise ValueError("a front needs at least one app process")
        self._own_prefix = prefix is None
        self.prefix = Path(prefix or tempfile.mkdtemp(prefix="pm-front-"))
        self.address, self.port = address, port
        self.account = service_account(user)
        home = self.prefix / "home"
        self.apps = [
            AppProcess(Path(store), p, dict(env or {}), self.account, home, tied=True)
            for p in app_ports
        ]
        self.nginx = Nginx(self.prefix, nginx_binary)

    @classmethod
    def on_free_ports(cls, store: Path, processes: int, **options: object) -> Front:
        """A front and its processes on ports nobody uses now (tests, the benchmark)."""
        return cls(store, [free_port() for _ in range(processes)], free_port(), **options)  # type: ignore[arg-type]

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.address in ("0.0.0.0", "") else self.address
        return f"http://{host}:{self.port}"

    def _configure(self, down: Sequence[int] = ()) -> None:
        self.nginx.write(
            render(
                [a.port for a in self.apps],
                f"{self.address}:{self.port}",
                self.prefix,
                down=down,
                user=self.account.pw_name if self.account else None,
            )
        )

    def _prepare_account(self) -> None:
        """The service account owns its HOME and the audit log it appends to."""
        home = self.prefix / "home"
        home.mkdir(parents=True, exist_ok=True)
        if self.account is None:
            return
        from indicators.audit import audit_log_path

        os.chmod(self.prefix, 0o755)
        log = Path(self.apps[0].env.get(env_name("audit_log")) or audit_log_path())
        log.parent.mkdir(parents=True, exist_ok=True)
        log.touch(exist_ok=True)
        for path in (home, log.parent, *log.parent.iterdir()):
            os.chown(path, self.account.pw_uid, self.account.pw_gid)
        store = self.apps[0].store.resolve()
        readable = subprocess.run(
            ["runuser", "-u", self.account.pw_name, "--", "test", "-r", str(store)],
            capture_output=True,
        )
        if readable.returncode != 0:
            raise ServingError(
                f"the app processes run as {self.account.pw_name}, who cannot read {store}: "
                "put the store where that account can read it (every directory above it "
                "executable for others, the file readable)"
            )

    def start(self) -> None:
        """Start the app processes (in parallel), then nginx in front of them."""
        self._prepare_account()
        for app in self.apps:
            app.spawn()
        for app in self.apps:
            app.wait_healthy()
        self._configure()
        self.nginx.start()
        self.wait_healthy()

    def wait_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not health(self.url + "/healthz"):
            if time.monotonic() > deadline:
                raise ServingError(f"the front at {self.url} was not healthy in {timeout} s")
            time.sleep(0.2)

    def restart(self) -> None:
        """A graceful restart: reload nginx, then restart the app processes one by one.

        Each process is first taken out of nginx's upstream (`down`, reload): new
        requests and new sessions of its users go to the others, while its open
        websockets stay until it stops. Then it is restarted, checked healthy and
        put back. Users of the other processes notice nothing; users of the restarted
        one reconnect (Streamlit's client does that by itself) and their page reruns.
        """
        self._configure()
        self.nginx.reload()
        for app in self.apps:
            if len(self.apps) > 1:
                self._configure(down=[app.port])
                self.nginx.reload()
            app.stop()
            app.start()
            self._configure()
            self.nginx.reload()

    def revive(self) -> list[int]:
        """Restart app processes that died; the ports of those restarted."""
        dead = [app for app in self.apps if not app.running]
        for app in dead:
            app.start()
        return [app.port for app in dead]

    def memory_mb(self) -> dict[int, dict[str, float]]:
        """Memory of each app process, by port."""
        return {app.port: app.memory_mb() for app in self.apps}

    def stop(self) -> None:
        self.nginx.stop()
        for app in self.apps:
            app.stop()
        if self._own_prefix:
            shutil.rmtree(self.prefix, ignore_errors=True)

    def __enter__(self) -> Front:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_forever(front: Front, out: Callable[[str], None] = print) -> int:
    """Run `front` until SIGTERM or Ctrl-C; SIGHUP restarts it gracefully.

    A process that dies is started again. Returns the exit code for the CLI.
    """
    restart = threading.Event()
    stopping = threading.Event()

    def on_hup(signum: int, frame: object) -> None:
        restart.set()

    def on_stop(signum: int, frame: object) -> None:
        stopping.set()

    previous = {
        signal.SIGHUP: signal.signal(signal.SIGHUP, on_hup),
        signal.SIGTERM: signal.signal(signal.SIGTERM, on_stop),
        signal.SIGINT: signal.signal(signal.SIGINT, on_stop),
    }
    try:
        with front:
            who = front.account.pw_name if front.account else "this user"
            out(
                f"Serving {front.apps[0].store} at {front.url} through nginx: "
                f"{len(front.apps)} app processes as {who} on ports "
                f"{', '.join(str(a.port) for a in front.apps)}; health at {front.url}/healthz; "
                f"nginx configuration and logs in {front.prefix}. "
                f"Graceful restart: kill -HUP {os.getpid()}. Stop: Ctrl-C."
            )
            while not stopping.wait(2):
                if restart.is_set():
                    restart.clear()
                    out("Restarting: nginx reloaded, app processes one at a time")
                    front.restart()
                    out("Restarted")
                try:
                    for port in front.revive():
                        out(f"The app process on port {port} had stopped: started again")
                except ServingError as exc:
                    out(f"An app process could not be started again ({exc}); retrying")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
