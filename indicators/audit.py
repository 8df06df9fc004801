"""The audit log: who viewed or exported a restricted indicator, and when.

One JSON object per line, appended under an exclusive file lock. The app only ever
appends: it has no screen or command that reads, edits or deletes the log, and the
log lives outside the store and outside anything an import can replace. Each line
carries the SHA-256 of the line before it (`prev`), so an edit or a deleted line
breaks the chain and `verify_log` says where.

Location: $PARTNERSHIP_MONITOR_AUDIT_LOG, else var/audit.jsonl in the project.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from indicators.access import Principal
from indicators.errors import InputError, Problem

ROOT = Path(__file__).resolve().parent.parent
AUDIT_ENV = "PARTNERSHIP_MONITOR_AUDIT_LOG"
DEFAULT_AUDIT_LOG = ROOT / "var" / "audit.jsonl"
GENESIS = "0" * 64
_lock = threading.Lock()


def audit_log_path() -> Path:
    return Path(os.environ.get(AUDIT_ENV) or DEFAULT_AUDIT_LOG)


def _last_line(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    if size == 0:
        return b""
    chunk = min(size, 64 * 1024)
    data = os.pread(fd, chunk, size - chunk)
    lines = data.rstrip(b"\n").split(b"\n")
    return lines[-1]


def record(
    principal: Principal,
    action: str,
    indicators: Iterable[str],
    *,
    export: str | None = None,
    detail: dict | None = None,
    path: Path | None = None,
) -> dict:
    """Append one event ('view' or 'export') and return it as written."""
    path = path or audit_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    event = {
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "user": principal.user,
        "email": principal.email,
        "role": principal.role.label,
        "signed_in": principal.signed_in,
        "action": action,
        "indicators": sorted(set(indicators)),
        "export": export,
        "detail": detail or {},
    }
    with _lock:
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            last = _last_line(fd)
            event["prev"] = hashlib.sha256(last).hexdigest() if last else GENESIS
            line = json.dumps(event, ensure_ascii=False, sort_keys=True).encode() + b"\n"
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)  # closing releases the lock
    return event


def read_log(path: Path | None = None) -> list[dict]:
    """Every event, oldest first (for operators and tests; the app never reads the log)."""
    path = path or audit_log_path()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def verify_log(path: Path | None = None) -> None:
    """Raise InputError at the first line whose `prev` does not match the line before it."""
    path = path or audit_log_path()
    previous = b""
    for n, line in enumerate(path.read_bytes().splitlines(), start=1):
        expected = hashlib.sha256(previous).hexdigest() if previous else GENESIS
        if json.loads(line).get("prev") != expected:
            raise InputError(Problem(str(path), n, "prev", "the chain is broken before this line"))
        previous = line
