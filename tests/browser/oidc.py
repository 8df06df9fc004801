"""A real OpenID Connect provider on 127.0.0.1 (oidc-provider-mock) and sign-in helpers.

The provider issues real signed identity tokens through the authorization-code flow;
only the login form is simple: the user's `sub` is chosen with one button.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import oidc_provider_mock
import werkzeug.serving

# Who exists at the provider, with the claims an organisation's provider would send.
USERS = {
    "tess": {"email": "tess@example.org", "name": "Tess Taskforce", "groups": ["pm-taskforce"]},
    "tom": {"email": "tom@example.org", "name": "Tom Taskforce", "groups": ["pm-taskforce"]},
    "vera": {"email": "vera@example.org", "name": "Vera Viewer", "groups": ["other-team"]},
    "evert": {"email": "evert@example.org", "name": "Evert Eval", "groups": ["pm-evaluators"]},
}


@contextmanager
def oidc_provider() -> Iterator[str]:
    """Serve the provider on a free loopback port; yields its base URL."""
    app = oidc_provider_mock.app(
        user_claims=[oidc_provider_mock.User(sub=s, claims=c) for s, c in USERS.items()]
    )
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def write_secrets(folder: Path, provider_url: str, app_port: int) -> Path:
    """A secrets.toml with an [auth] section for the provider (test values only)."""
    path = folder / "secrets.toml"
    path.write_text(
        f"""[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "browser-test-cookie-secret-0123456789abcdef"
client_id = "partnership-monitor-test"
client_secret = "browser-test-client-secret"
server_metadata_url = "{provider_url}/.well-known/openid-configuration"
""",
        encoding="utf-8",
    )
    return path


def sign_in(page, app_url: str, sub: str, path: str = "") -> None:
    """Open the app, press the sign-in button, choose `sub` at the provider, come back."""
    page.goto(f"{app_url}/{path}", wait_until="domcontentloaded")
    page.get_by_role("button", name="Aanmelden").click(timeout=60_000)
    page.wait_for_url("**/oauth2/authorize**", timeout=30_000)
    page.get_by_role("button", name=sub, exact=True).click()
    page.wait_for_url(f"{app_url}/**", timeout=30_000)
    page.get_by_text("Aangemeld als").first.wait_for(timeout=60_000)
