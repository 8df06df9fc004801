"""The audit log: who viewed or exported a restricted indicator, and when.

One JSON object per line, appended under an exclusive file lock. The app only ever
appends: it has no screen or command that reads, edits or deletes the log, and the
log lives outside the store and outside anything an import can replace.

Tamper evidence, to the last line:
- each line carries the SHA-256 of the line before it (`prev`), so an edited or
  removed line inside the log breaks the chain;
- a *chain head* kept apart from the log (`audit.jsonl.head`: the line count and the
  SHA-256 of the last line) is rewritten with every append and signed with HMAC-SHA256,
  so an edited last line, deleted last lines, an emptied or a deleted log no longer
  match it. The key is $PARTNERSHIP_MONITOR_AUDIT_KEY; without it, a random key made
  once in `audit.jsonl.key` (mode 0600). Set the key from a secret in production, so
  that whoever can write the log cannot write a matching head.

Location: $PARTNERSHIP_MONITOR_AUDIT_LOG, else var/audit.jsonl in the project.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Iterable
from pathlib import Path

from indicators.access import Principal
from indicators.errors import InputError, Problem
from indicators.settings import settings

GENESIS = "0" * 64
_lock = threading.Lock()


def audit_log_path() -> Path:
    return settings().audit_log


def head_path(path: Path) -> Path:
    """Where the chain head of the log at `path` is kept."""
    return path.with_name(path.name + ".head")


def _key_path(path: Path) -> Path:
    return path.with_name(path.name + ".key")


def _key(path: Path, *, create: bool) -> bytes | None:
    """The signing key: the setting, else the key file (made on the first append)."""
    configured = settings().audit_key
    if configured:
        return configured.encode()
    key_file = _key_path(path)
    try:
        return key_file.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
    key = secrets.token_hex(32).encode()
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return key_file.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def _signature(key: bytes, lines: int, last: str) -> str:
    return hmac.new(key, f"{lines}:{last}".encode(), hashlib.sha256).hexdigest()


def _write_head(path: Path, key: bytes, lines: int, last: str) -> None:
    """Replace the head in one step (a reader sees the old head or the new one)."""
    head = {"lines": lines, "last": last, "mac": _signature(key, lines, last)}
    target = head_path(path)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o640)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(head, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def _read_head(path: Path) -> dict | None:
    try:
        head = json.loads(head_path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(
            Problem(str(head_path(path)), None, None, f"the chain head cannot be read: {exc}")
        ) from None
    if not isinstance(head, dict) or not {"lines", "last", "mac"} <= head.keys():
        raise InputError(Problem(str(head_path(path)), None, None, "the chain head is malformed"))
    return head


def _last_line(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    if size == 0:
        return b""
    chunk = min(size, 64 * 1024)
    data = os.pread(fd, chunk, size - chunk)
    return data.rstrip(b"\n").split(b"\n")[-1]


def _lines_before(path: Path, key: bytes, last: bytes) -> int | None:
    """How many lines the log holds, from a head that matches its last line; else None.

    None means the head is missing, unsigned or behind the log: the append still
    happens (no event is ever lost), but the head is left as it is, so the mismatch
    stays visible to `verify_log` instead of being healed by the next writer.
    """
    try:
        head = _read_head(path)
    except InputError:
        return None
    if head is None:
        return 0 if not last else None
    if not hmac.compare_digest(str(head["mac"]), _signature(key, head["lines"], head["last"])):
        return None
    expected = hashlib.sha256(last).hexdigest() if last else GENESIS
    return int(head["lines"]) if head["last"] == expected else None


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
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            key = _key(path, create=True)
            assert key is not None
            last = _last_line(fd)
            before = _lines_before(path, key, last)
            event["prev"] = hashlib.sha256(last).hexdigest() if last else GENESIS
            line = json.dumps(event, ensure_ascii=False, sort_keys=True).encode()
            os.write(fd, line + b"\n")
            os.fsync(fd)
            if before is not None:
                _write_head(path, key, before + 1, hashlib.sha256(line).hexdigest())
        finally:
            os.close(fd)  # closing releases the lock
    return event


def read_log(path: Path | None = None) -> list[dict]:
    """Every event, oldest first (for operators and tests; the app never reads the log)."""
    path = path or audit_log_path()
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def verify_log(path: Path | None = None) -> int:
    """Check the chain and the head; the number of lines, or InputError naming what is wrong.

    Detects an edited, inserted or removed line anywhere (the last one included), an
    emptied log and a deleted log (as long as its head is there).
    """
    path = path or audit_log_path()
    head = _read_head(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if head is None:
            raise InputError(
                Problem(str(path), None, None, "the audit log is missing (and so is its head)")
            ) from None
        raise InputError(
            Problem(
                str(path),
                None,
                None,
                f"the audit log is missing; its head says {head['lines']} lines",
            )
        ) from None
    lines = data.splitlines()
    previous = b""
    for n, line in enumerate(lines, start=1):
        expected = hashlib.sha256(previous).hexdigest() if previous else GENESIS
        try:
            prev = json.loads(line).get("prev")
        except (ValueError, AttributeError):
            prev = None
        if prev != expected:
            raise InputError(Problem(str(path), n, "prev", "the chain is broken before this line"))
        previous = line
    if head is None:
        if not lines:
            return 0  # a log that was never written to has no head yet
        raise InputError(Problem(str(head_path(path)), None, None, "the chain head is missing"))
    key = _key(path, create=False)
    if key is None:
        raise InputError(Problem(str(_key_path(path)), None, None, "the signing key is missing"))
    if not hmac.compare_digest(str(head["mac"]), _signature(key, head["lines"], head["last"])):
        raise InputError(
            Problem(str(head_path(path)), None, None, "the chain head's signature does not match")
        )
    last = hashlib.sha256(lines[-1]).hexdigest() if lines else GENESIS
    if len(lines) != head["lines"]:
        raise InputError(
            Problem(
                str(path),
                len(lines),
                None,
                f"the log has {len(lines)} lines but its head says {head['lines']}: "
                "lines were removed or added",
            )
        )
    if last != head["last"]:
        raise InputError(
            Problem(str(path), len(lines), None, "the last line does not match the chain head")
        )
    return len(lines)
