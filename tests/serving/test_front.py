"""nginx in front of two app processes: sticky sessions, the websocket, downloads,
one published store seen by both processes, a rolling restart.

Every request goes through the front on 127.0.0.1; nginx's access log names the app
process (upstream) that served each request, and the route cookie it came with.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from indicators.serving.front import Front
from indicators.serving.nginx import COOKIE, render
from indicators.store import Store
from tests.loadgen import SCENARIOS, Session, _run_async, browser_cookie, import_command, visit

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
LOG_LINE = re.compile(r"upstream=(\S+) route=(\S+)")


def _get(url: str, cookie: str | None = None) -> urllib.response.addinfourl:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    return urllib.request.urlopen(request, timeout=60)


def _upstreams(front: Front) -> dict[str, set[str]]:
    """The app processes (upstream addresses) that served each route, from nginx's log."""
    seen: dict[str, set[str]] = {}
    for line in (front.prefix / "access.log").read_text().splitlines():
        match = LOG_LINE.search(line)
        if match and match.group(1) != "-":
            seen.setdefault(match.group(2), set()).add(match.group(1))
    return seen


def _browser_per_process(front: Front) -> dict[str, str]:
    """One browser (its route cookie) for each app process: open the app until both served."""
    found: dict[str, str] = {}
    for _ in range(40):
        cookie = browser_cookie(front.url)
        assert cookie and cookie.startswith(COOKIE + "=")
        _get(front.url + "/_stcore/health", cookie).read()
        (upstream,) = _upstreams(front)[cookie.split("=", 1)[1]]
        found.setdefault(upstream, cookie)
        if len(found) == len(front.apps):
            return found
    raise AssertionError(f"40 browsers all landed on {set(found)}")


def test_the_front_checks_its_configuration_and_sets_the_security_headers(front):
    with _get(front.url + "/healthz") as resp:
        assert resp.status == 200
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
    with _get(front.url + "/") as resp:  # the app's own page carries them too
        assert resp.headers["X-Frame-Options"] == "DENY"
    text = (front.prefix / "nginx.conf").read_text()
    assert f"127.0.0.1:{front.apps[0].port}" in text and "{{" not in text
    with pytest.raises(RuntimeError, match="nginx -t refused"):
        front.nginx.write(text.replace("upstream partnership_monitor {", "upstream {"))
    assert (front.prefix / "nginx.conf").read_text() == text  # a refused one is not installed


def test_render_refuses_an_unknown_placeholder(tmp_path):
    template = tmp_path / "t.conf"
    template.write_text("listen {{ listen }}; {{ lisen }}")
    with pytest.raises(KeyError, match="lisen"):
        render([1], "127.0.0.1:2", tmp_path, template=template)


def test_sessions_stick_to_one_process_for_the_websocket_and_the_download(front):
    browsers = _browser_per_process(front)
    assert len(browsers) == 2  # two browsers, one on each process
    one, other = browsers.values()

    # A download exists only in the process that drew the page: that is why the front
    # must be sticky. A browser on the other process asking for it gets a 404. (First:
    # Streamlit names a file by its content, so once the other process has drawn the
    # same table it would serve the same name.)
    async def page_then_download() -> tuple[int, int]:
        async with Session(front.url, one) as session:
            await session.run(SCENARIOS["compare"][0], 120)
            codes = []
            for cookie in (other, one):
                try:
                    with _get(front.url + session.download, cookie) as resp:
                        codes.append(resp.status)
                except urllib.error.HTTPError as exc:
                    codes.append(exc.code)
            return codes[0], codes[1]

    assert _run_async(page_then_download()) == (404, 200)

    for upstream, cookie in browsers.items():
        results = _run_async(visit(front.url, "compare", 120, cookie))
        assert [r.error for r in results] == [None, None], results  # page, then download
        assert all(r.signature for r in results)
        # Every request of this browser, the websocket included, went to one process.
        assert _upstreams(front)[cookie.split("=", 1)[1]] == {upstream}


def test_both_processes_see_a_new_import(front):
    browsers = _browser_per_process(front)

    def country_pages() -> dict[str, str]:
        out = {}
        for upstream, cookie in browsers.items():
            (first, *_) = _run_async(visit(front.url, "country", 120, cookie))
            assert first.error is None, first.error
            out[upstream] = first.signature
        return out

    before = country_pages()
    assert len(set(before.values())) == 1  # both processes draw the same page
    store = front.apps[0].store
    done = subprocess.run(import_command(store), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert Store(store).demo_status() == "mixed"  # real figures landed
    after = country_pages()
    assert len(set(after.values())) == 1
    assert set(after.values()) != set(before.values())  # both processes show the new data


def test_app_processes_run_as_the_service_user_under_root(front):
    for app in front.apps:
        status = Path(f"/proc/{app.proc.pid}/status").read_text()
        uid = int(re.search(r"^Uid:\s+(\d+)", status, re.M).group(1))
        assert uid == os.geteuid() if os.geteuid() != 0 else uid != 0


def test_a_rolling_restart_keeps_the_front_answering(front):
    old_pids = [app.proc.pid for app in front.apps]
    failures: list[str] = []
    checks = 0
    stop = threading.Event()

    def poll() -> None:
        nonlocal checks
        while not stop.is_set():
            try:
                _get(front.url + "/healthz").read()
            except OSError as exc:
                failures.append(repr(exc))
            checks += 1
            time.sleep(0.1)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        front.restart()
    finally:
        stop.set()
        poller.join()
    assert all(app.running for app in front.apps)
    assert not {app.proc.pid for app in front.apps} & set(old_pids)  # every one restarted
    assert checks > 10 and failures == []
