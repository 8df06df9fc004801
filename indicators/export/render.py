"""Static images through kaleido and Debian's chromium, with one renderer kept warm.

Starting a browser per image costs about 2 s; the warm renderer answers in about
0.1 s. The renderer is a process-wide singleton (kaleido's sync server) and not safe
for two callers at once, so calls are serialised with a lock.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go

from indicators.errors import RenderError
from indicators.settings import env_name, settings

FORMATS = ("png", "svg", "pdf")
_LOCK = threading.Lock()
_STARTED = False
_ID_REF = re.compile(r'(id="|#)([A-Za-z][\w-]*)')


def chromium() -> str | None:
    """The chromium that renders images, or None when there is none."""
    chosen = settings().chromium
    if chosen:
        return chosen if Path(chosen).is_file() and os.access(chosen, os.X_OK) else None
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def unavailable_reason() -> str | None:
    """Why server-side PNG/SVG/PDF cannot be made here, or None when they can."""
    if chromium() is not None:
        return None
    env = env_name("chromium")
    return (
        "No chromium found for server-side image export (PNG, SVG, PDF). Install Debian's "
        f"chromium (`make setup` as root, or `apt-get install chromium`), or set {env} "
        "to its path."
    )


def _ensure_started() -> None:
    global _STARTED
    if _STARTED:
        return
    reason = unavailable_reason()
    if reason:
        raise RenderError(reason)
    import kaleido

    os.environ["BROWSER_PATH"] = chromium() or ""
    # mathjax=False: its default is a CDN, and this machine has no internet.
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _STARTED = True


def warm() -> None:
    """Start the renderer now (the dashboard does so once), so the first image is quick."""
    with _LOCK:
        _ensure_started()


def stop() -> None:
    """Close the renderer (its browser and profile folder); the next image starts it again."""
    global _STARTED
    with _LOCK:
        if _STARTED:
            import kaleido

            kaleido.stop_sync_server(silence_warnings=True)
            _STARTED = False


def render(fig: go.Figure, fmt: str, *, scale: float = 1.0) -> bytes:
    """PNG, SVG or PDF bytes of a figure at its own width and height."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    import kaleido

    layout = fig.layout
    opts = {
        "format": fmt,
        "width": layout.width or 1000,
        "height": layout.height or 600,
        "scale": scale if fmt == "png" else 1,
    }
    with _LOCK:
        _ensure_started()
        try:
            data = kaleido.calc_fig_sync(fig.to_dict(), opts=opts)
        except Exception as exc:  # kaleido raises its own, browser-specific errors
            raise RenderError(f"rendering a {fmt.upper()} failed: {exc}") from exc
    return stable_svg(data) if fmt == "svg" else data


def stable_svg(data: bytes) -> bytes:
    """Plotly names clip paths and gradients with random ids: number them in order instead,
    so the same figure gives the same bytes (bundles must be reproducible)."""
    text = data.decode("utf-8")
    names: dict[str, str] = {}
    for match in re.finditer(r'id="([^"]+)"', text):
        names.setdefault(match[1], f"pm{len(names)}")

    def rename(m: re.Match[str]) -> str:
        return m[1] + names.get(m[2], m[2])

    return _ID_REF.sub(rename, text).encode("utf-8")
