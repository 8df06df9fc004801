"""The front's nginx: its configuration rendered from one template, run from a prefix.

Everything nginx reads or writes (configuration, pid, logs, temporary files) lives in
the runtime prefix, so a front never touches /etc or /var and several can run side by
side (tests pick free ports). Debian's package provides the binary.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from indicators.errors import ServingError
from indicators.serving.apps import dies_with_this_process

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
COOKIE = "pm_route"

# What Streamlit's front end needs and no more: its styles are inline (emotion), its
# bundle compiles nothing at run time, charts and images arrive as data: or blob:
# URLs, and the websocket goes back to the page's own origin. Its index.html has one
# small inline script: allowed by its hash, read from the installed Streamlit (a new
# version with another script gets its own hash), rather than by 'unsafe-inline'.
# Checked in a real browser behind the front (tests/browser/test_front.py).
CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' {script_hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)
# The app's own inline scripts, allowed by hash like Streamlit's: the language switch
# in dashboard/components/language.py sets <html lang> (screen readers, hyphenation). A change
# there must be mirrored here; tests/browser/test_front.py fails on any blocked script.
APP_INLINE_SCRIPTS = tuple(f"document.documentElement.lang = {lang!r};" for lang in ("nl", "en"))
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def streamlit_index() -> Path:
    """The index.html Streamlit serves (found without importing Streamlit here)."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        raise ServingError("Streamlit is not installed in this environment")
    return Path(spec.origin).parent / "static" / "index.html"


def csp(index: Path | None = None) -> str:
    """The Content-Security-Policy of the front, with the hashes of index.html's scripts."""
    html = (index or streamlit_index()).read_text(encoding="utf-8")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in [*_INLINE_SCRIPT.findall(html), *APP_INLINE_SCRIPTS]
    )
    return "; ".join(CSP_DIRECTIVES).format(script_hashes=hashes).replace("'self' ;", "'self';")


_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def nginx_binary() -> str | None:
    """Debian's nginx, on PATH or in /usr/sbin (not on a normal user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None


def render(
    ports: Sequence[int],
    listen: str,
    prefix: Path,
    *,
    down: Iterable[int] = (),
    user: str | None = None,
    workers: int = 1,
    template: Path = TEMPLATE,
) -> str:
    """The configuration for app processes on `ports`, the ones in `down` taken out.

    `user` names the account of nginx's workers (only meaningful when started as
    root). Every placeholder in the template must be filled: a typo fails here, not
    in production.
    """
    down = set(down)
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s{' down' if p in down else ''};"
        for p in ports
    )
    values = {
        "user_line": f"user {user};" if user else "# (not root: nginx keeps this user)",
        "workers": str(workers),
        "prefix": str(prefix),
        "servers": servers,
        "listen": listen,
        "cookie": COOKIE,
        "csp": csp(),
    }

    def fill(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise KeyError(f"{template.name}: unknown placeholder {match.group(0)}")
        return values[match.group(1)]

    return _PLACEHOLDER.sub(fill, template.read_text(encoding="utf-8"))


class Nginx:
    """One nginx master, in the foreground of this supervisor, from `prefix`."""

    def __init__(self, prefix: Path, binary: str | None = None) -> None:
        binary = binary or nginx_binary()
        if binary is None:
            raise ServingError(
                "Debian's nginx is not installed: `make setup` as root installs it "
                "(or: apt-get install nginx)"
            )
        self.binary, self.prefix = binary, Path(prefix)
        self.conf = self.prefix / "nginx.conf"
        self.proc: subprocess.Popen | None = None

    def _args(self, conf: Path | None = None) -> list[str]:
        # -e: the error log before the configuration is read (else /var/log/nginx).
        return [self.binary, "-c", str(conf or self.conf), "-p", str(self.prefix), "-e",
                str(self.prefix / "error.log")]  # fmt: skip

    def write(self, text: str) -> None:
        """Check `text` with `nginx -t` and only then put it in place."""
        (self.prefix / "tmp").mkdir(parents=True, exist_ok=True)
        candidate = self.conf.with_suffix(".conf.new")
        candidate.write_text(text, encoding="utf-8")
        check = subprocess.run(
            [*self._args(candidate), "-t"],
            capture_output=True,
            text=True,
        )
        if check.returncode != 0:
            raise ServingError(f"nginx -t refused the configuration: {check.stderr.strip()}")
        os.replace(candidate, self.conf)

    def start(self) -> None:
        with open(self.prefix / "stderr.log", "ab") as err:
            self.proc = subprocess.Popen(
                [*self._args(), "-g", "daemon off;"],
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,
                # SIGTERM is nginx's fast stop: the master stops its workers too.
                preexec_fn=dies_with_this_process(),
            )
        deadline = time.monotonic() + 10
        while not self.workers():
            if self.proc.poll() is not None:
                log = (self.prefix / "error.log").read_text(errors="replace")[-2000:]
                raise ServingError(f"nginx exited with {self.proc.returncode}: {log.strip()}")
            if time.monotonic() > deadline:
                raise ServingError("nginx started no worker in 10 s")
            time.sleep(0.05)

    def workers(self) -> set[int]:
        """The master's worker processes now (old ones linger while connections last)."""
        if self.proc is None or self.proc.poll() is not None:
            return set()
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return set()
        return {int(pid) for pid in children.split()}

    def reload(self, timeout: float = 10) -> None:
        """Re-read the configuration; returns once a worker of the new one runs.

        Old workers finish their connections (open websockets included) and exit;
        new connections go to the new workers.
        """
        if self.proc is None:
            raise ServingError("nginx is not running")
        before = self.workers()
        self.proc.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + timeout
        while not (self.workers() - before):
            if time.monotonic() > deadline:
                raise ServingError(f"nginx did not reload in {timeout} s")
            time.sleep(0.05)

    def stop(self, timeout: float = 10) -> None:
        """Graceful stop (SIGQUIT), then a fast one: open websockets would wait forever."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGQUIT)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
