"""Which version of the store file a reader sees: the one place that notices a swap.

A writer replaces the store file whole (os.replace), so "the store changed" means
"the path names another file". `StoreVersions` keeps read-only handles on one path,
one per version of the file (its token): the newest on `current()`, and a few older
ones on `at(token)`, so that work begun on an old version (a dashboard script run)
finishes on that file instead of mixing old results with new ones.
"""

from __future__ import annotations

import threading
from pathlib import Path

from indicators.store.reader import Store, file_identity


class StoreVersions:
    """Read-only handles on one store path, one per version of the file."""

    KEEP = 4  # older versions kept open for runs that started on them

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._by_token: dict[str, Store] = {}
        self._current: Store | None = None

    def current(self) -> Store:
        """The handle on the file the path names now (re-opened after a swap)."""
        with self._lock:
            handle = self._current
            try:
                changed = handle is None or file_identity(self.path) != handle.identity
            except FileNotFoundError:
                changed = False  # mid-replace: keep serving what we have
            if changed or handle is None:
                handle = self._current = Store(self.path)
                self._by_token[handle.token] = handle
                while len(self._by_token) > self.KEEP:
                    self._by_token.pop(next(iter(self._by_token)))
            return handle

    def at(self, token: str) -> Store:
        """The handle of the version `token` names, or the current one once it is gone."""
        with self._lock:
            handle = self._by_token.get(token)
        return handle if handle is not None else self.current()
