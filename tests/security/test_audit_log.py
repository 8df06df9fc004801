"""The audit log is tamper-evident to its last line (issue 15, attack 2).

Every way of rewriting history that the review tried — edit the last line, delete the
last lines, empty the file, delete it — must make `verify_log` fail, and a later
append must not heal the evidence.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from indicators import audit
from indicators.access import Principal, Role
from indicators.errors import InputError
from indicators.settings import env_name


def _who(user: str = "tf@example.org", role: Role = Role.TASKFORCE) -> Principal:
    return Principal(user=user, email=user, groups=(), role=role, signed_in=True)


@pytest.fixture
def log(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv(env_name("audit_key"), raising=False)
    path = tmp_path / "audit.jsonl"
    audit.record(_who(), "view", ["return_travel_documents"], path=path)
    audit.record(_who(), "view", ["return_id_response_days"], path=path)
    audit.record(_who(), "export", ["return_travel_documents"], export="chart_csv", path=path)
    assert audit.verify_log(path) == 3
    return path


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def test_an_edited_last_line_is_detected(log):
    """An export by one user turned into a view by another: the chain cannot see it."""
    lines = _lines(log)
    forged = json.loads(lines[-1]) | {"action": "view", "user": "someone@example.org"}
    _write(log, [*lines[:-1], json.dumps(forged, sort_keys=True)])
    with pytest.raises(InputError, match="last line does not match the chain head"):
        audit.verify_log(log)


@pytest.mark.parametrize("keep", [0, 1, 2])
def test_deleted_last_lines_or_an_emptied_log_are_detected(log, keep):
    _write(log, _lines(log)[:keep])
    with pytest.raises(InputError, match=f"has {keep} lines but its head says 3"):
        audit.verify_log(log)


def test_a_deleted_log_is_reported_as_missing(log):
    log.unlink()
    with pytest.raises(InputError, match="audit log is missing; its head says 3 lines"):
        audit.verify_log(log)


def test_a_log_never_written_is_reported_as_missing(tmp_path):
    with pytest.raises(InputError, match="audit log is missing"):
        audit.verify_log(tmp_path / "none.jsonl")


def test_an_edited_middle_line_breaks_the_chain(log):
    lines = _lines(log)
    edited = json.loads(lines[0]) | {"user": "someone-else"}
    _write(log, [json.dumps(edited, sort_keys=True), *lines[1:]])
    with pytest.raises(InputError, match="row 2"):
        audit.verify_log(log)


def test_a_deleted_head_is_detected(log):
    audit.head_path(log).unlink()
    with pytest.raises(InputError, match="chain head is missing"):
        audit.verify_log(log)


def test_a_head_rewritten_without_the_key_is_detected(log):
    """Someone who truncates the log and writes a matching head without the key."""
    lines = _lines(log)[:2]
    _write(log, lines)
    last = hashlib.sha256(lines[-1].encode()).hexdigest()
    forged = {"lines": 2, "last": last, "mac": hashlib.sha256(b"guess").hexdigest()}
    audit.head_path(log).write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(InputError, match="signature does not match"):
        audit.verify_log(log)


def test_an_append_after_tampering_does_not_heal_the_evidence(log):
    _write(log, _lines(log)[:1])
    audit.record(_who(), "view", ["return_travel_documents"], path=log)
    with pytest.raises(InputError, match="head says 3"):
        audit.verify_log(log)
    assert len(audit.read_log(log)) == 2  # the event itself is never lost


def test_the_key_from_the_setting_signs_the_head(tmp_path, monkeypatch):
    monkeypatch.setenv(env_name("audit_key"), "a-secret-from-the-vault")
    path = tmp_path / "audit.jsonl"
    audit.record(_who(), "view", ["return_travel_documents"], path=path)
    assert audit.verify_log(path) == 1
    assert not (tmp_path / "audit.jsonl.key").exists()
    monkeypatch.setenv(env_name("audit_key"), "another-key")
    with pytest.raises(InputError, match="signature does not match"):
        audit.verify_log(path)
