"""Restricted downloads cannot skip the check or the audit, and leave through no other
door (issue 15, attacks 1 and 9): a real OpenID Connect sign-in, a real browser, a live
server, and the media URL fetched over real HTTP without the session.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from indicators import audit
from tests.browser import test_sign_in as signing
from tests.browser.oidc import sign_in

RESTRICTED, RESTRICTED_ID, settle = signing.RESTRICTED, signing.RESTRICTED_ID, signing.settle
# The signed-in app (a module-scoped server of its own) and fresh browser pages.
signed_app, new_page = signing.signed_app, signing.new_page

pytestmark = pytest.mark.browser


def _drop_reruns(page) -> dict:
    """Relay the page's websocket, dropping every rerun request once `drop` is set.

    A click on a download button that relied on `on_click` sends its check and audit
    as such a rerun; the file itself comes from a separate backend request.
    """
    state = {"drop": False, "dropped": 0}

    def handler(ws) -> None:
        server = ws.connect_to_server()

        def to_server(message) -> None:
            if state["drop"] and isinstance(message, bytes):
                msg = BackMsg()
                msg.ParseFromString(message)
                if msg.WhichOneof("type") == "rerun_script":
                    state["dropped"] += 1
                    return
            server.send(message)

        ws.on_message(to_server)
        server.on_message(lambda message: ws.send(message))

    page.route_web_socket("**/_stcore/stream", handler)
    return state


def _status(url: str, cookie: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            resp.read()
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_restricted_download_is_audited_even_when_the_click_message_is_dropped_and_its_url_serves_no_one_else(  # noqa: E501
    signed_app, new_page
):
    url, log = signed_app
    page = new_page()
    sign_in(page, url, "tess")
    state = _drop_reruns(page)
    page.goto(
        f"{url}/compare?indicators={RESTRICTED_ID},irregular_detections&countries=TUN",
        wait_until="domcontentloaded",
    )
    settle(page, charts=1)
    before = len(signing._events(log, "export", expect=0, timeout=0))
    state["drop"] = True
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download tabel (CSV)").click()
    download = info.value
    assert RESTRICTED in Path(download.path()).read_text(encoding="utf-8")

    exports = signing._events(log, "export", expect=before + 1)[before:]
    assert [(e["user"], e["indicators"], e["export"]) for e in exports] == [
        ("tess@example.org", [RESTRICTED_ID], "compare_table_csv")
    ]
    audit.verify_log(log)

    # The file's URL: without the browser's cookies nothing; with them, only while the
    # session lives (the page closed, the same cookies get nothing either).
    assert "/media/" in download.url
    assert _status(download.url) == 404
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    assert _status(download.url, cookies) == 200
    page.close()
    deadline = time.monotonic() + 30
    while _status(download.url, cookies) != 404 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _status(download.url, cookies) == 404


def test_a_public_download_stays_a_plain_file(signed_app, new_page):
    """The guard only holds restricted files: a public table's URL still answers."""
    url, _ = signed_app
    page = new_page()
    sign_in(page, url, "evert")
    page.goto(
        f"{url}/compare?indicators=irregular_detections&countries=TUN",
        wait_until="domcontentloaded",
    )
    settle(page, charts=1)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download tabel (CSV)").click()
    assert _status(info.value.url) == 200


def test_every_response_carries_the_security_headers(signed_app):
    url, _ = signed_app
    with urllib.request.urlopen(url, timeout=30) as resp:
        headers = resp.headers
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
