"""Store versions and the one caching decorator every service uses.

Every cached result is keyed on the store's file identity (`token`), so a store
swapped in by an import is picked up on the next run and old results are not served.
A script run keeps the token it started with (`start_run`): a run that began before an
import swapped the file finishes on the old file instead of mixing old and new.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from indicators.catalogue import Catalogue
from indicators.settings import settings
from indicators.store import Store, StoreVersions

_RUN_TOKEN = "_services_store_token"
_RUN_MEMO = "_services_run_memo"
T = TypeVar("T")


def store_path() -> str:
    return str(settings().store)


@st.cache_resource(show_spinner=False)
def _versions(path: str) -> StoreVersions:
    return StoreVersions(path)


def store_handle(path: str, token: str | None = None) -> Store:
    """The handle of the file version `token` names (the current one when None)."""
    versions = _versions(path)
    return versions.current() if token is None else versions.at(token)


def run_store() -> Store:
    """The read-only store handle of this run's file version (for services only)."""
    path, value = st.session_state.get(_RUN_TOKEN, (None, None))
    if path == store_path() and value is not None:
        return store_handle(path, value)
    return store_handle(store_path())


def start_run() -> None:
    """Check the store file once per script run (app.py calls this before the page)."""
    st.session_state[_RUN_TOKEN] = (store_path(), store_handle(store_path()).token)
    st.session_state[_RUN_MEMO] = {}


def per_run(name: str, compute: Callable[[], T]) -> T:
    """`compute()` once per script run (values fixed by this run's store and principal)."""
    memo = st.session_state.get(_RUN_MEMO)
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def token() -> str:
    return _current()[1]


def _current() -> tuple[str, str]:
    """The store's path and this run's file version, reading the settings once."""
    path = store_path()
    run_path, value = st.session_state.get(_RUN_TOKEN, (None, None))
    if run_path == path and value is not None:
        return path, value
    return path, store_handle(path).token


def _plain(value: object) -> object:
    """`value` as nested tuples of builtins, equal exactly when the values are equal.

    Streamlit's own hashing walks every argument through pickle's reduce on every call,
    which was about a third of a warm country page's script time (99 cached calls, most
    of them with a SeriesView). Services take strings, numbers, dates, tuples and
    frozen dataclasses of those: spelled out here, Streamlit hashes one short string instead.
    Anything else (a frame, a set of mixed types) raises TypeError: Streamlit hashes it.
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return (type(value).__name__, value)
    if isinstance(value, (dt.date, dt.datetime)):  # pd.Timestamp too: ns and zone kept
        return (type(value).__name__, value.isoformat())
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(_plain(v) for v in value))
    if isinstance(value, frozenset) and all(isinstance(v, str) for v in value):
        return ("frozenset", tuple(sorted(value)))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = f"{type(value).__module__}.{type(value).__qualname__}"
        fields = dataclasses.fields(value)
        return (kind, tuple((f.name, _plain(getattr(value, f.name))) for f in fields))
    raise TypeError(f"no plain key for {type(value).__name__}")


def _plain_key(args: tuple, kwargs: dict) -> str | None:
    try:
        return repr((_plain(args), _plain(tuple(sorted(kwargs.items())))))
    except TypeError:
        return None


def cached(
    *,
    resource: bool = False,
    max_entries: int | None = None,
    check: Callable[..., object] | None = None,
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Turn `fn(store, *args)` into the service `fn(*args)`, cached per store version.

    `check(*args)` runs before the cache on every call (the access rule: a result
    cached for one session is never handed to another that may not see it).
    `resource=True` shares the very object between sessions (figures, indexes): callers
    must not mutate it. This is the only place a service meets Streamlit's caches.
    """

    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        def inner(path: str, version: str, *args: Any, **kwargs: Any) -> T:
            return fn(store_handle(path, version), *args, **kwargs)

        # Streamlit leaves parameters named with a leading underscore out of the key:
        # the key is the plain spelling of the arguments (see _plain).
        def keyed(path: str, version: str, key: str, _args: tuple, _kwargs: dict) -> T:
            return fn(store_handle(path, version), *_args, **_kwargs)

        # Streamlit keys a cache on module, qualified name and source: give each its own.
        inner.__module__, inner.__qualname__ = fn.__module__, f"{fn.__qualname__}__cached"
        keyed.__module__, keyed.__qualname__ = fn.__module__, f"{fn.__qualname__}__keyed"
        cache = st.cache_resource if resource else st.cache_data
        stored = cache(show_spinner=False, max_entries=max_entries)(inner)
        stored_keyed = cache(show_spinner=False, max_entries=max_entries)(keyed)

        @functools.wraps(fn)
        def service(*args: Any, **kwargs: Any) -> T:
            if check is not None:
                check(*args, **kwargs)
            path, version = _current()
            key = _plain_key(args, kwargs)
            if key is None:
                return stored(path, version, *args, **kwargs)
            return stored_keyed(path, version, key, args, kwargs)

        return service

    return wrap


@cached(resource=True, max_entries=4)
def _catalogue(store: Store) -> Catalogue:
    return store.catalogue()


def catalogue() -> Catalogue:
    return per_run("catalogue", _catalogue)


@cached(max_entries=4)
def _meta(store: Store) -> dict:
    return {"demo_status": store.demo_status(), "vintages": store.vintages(), **store.meta()}


def meta() -> dict:
    """What the store says of itself: demonstration status, vintages, build facts."""
    return per_run("meta", _meta)
