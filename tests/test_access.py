"""Roles from the access file, the one visibility rule, and the append-only audit log."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pytest

from indicators import audit
from indicators.access import (
    LOCAL,
    AccessRules,
    Principal,
    Role,
    allowed,
    can_view,
    load_access,
    visible_ids,
)
from indicators.errors import InputError

ACCESS = """
default_role = "viewer"
[claims]
user = "email"
groups = "groups"
[users]
"Ada@Example.org" = "admin"
[groups]
"pm-taskforce" = "taskforce"
"pm-evaluators" = "evaluator"
"""


@pytest.fixture
def rules(tmp_path: Path) -> AccessRules:
    path = tmp_path / "access.toml"
    path.write_text(ACCESS, encoding="utf-8")
    return load_access(path)


@pytest.mark.parametrize(
    ("claims", "role"),
    [
        ({"email": "nobody@example.org"}, Role.VIEWER),
        ({"email": "eva@example.org", "groups": ["pm-evaluators"]}, Role.EVALUATOR),
        ({"email": "tim@example.org", "groups": ["pm-taskforce"]}, Role.TASKFORCE),
        ({"email": "tim@example.org", "groups": "pm-evaluators pm-taskforce"}, Role.TASKFORCE),
        ({"email": "tim@example.org", "groups": "pm-evaluators,other"}, Role.EVALUATOR),
        ({"email": "ada@example.org", "groups": []}, Role.ADMIN),  # user names ignore case
        ({"email": "x@example.org", "groups": ["PM-TASKFORCE"]}, Role.VIEWER),  # groups do not
        ({"sub": "only-a-subject"}, Role.VIEWER),
    ],
)
def test_claims_map_to_the_highest_matching_role(rules, claims, role):
    who = rules.principal(claims)
    assert who.role is role and who.signed_in and not who.local


def test_a_token_without_any_user_claim_is_refused(rules):
    with pytest.raises(InputError, match="no user claim"):
        rules.principal({"groups": ["pm-taskforce"]})


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('default_role = "superuser"', "default_role"),
        ('[groups]\n"g" = "owner"', "groups.g"),
        ('[users]\n"a@b" = 3', "users.a@b"),
        ('defualt_role = "viewer"', "defualt_role"),
        ('[claims]\nmail = "email"', "claims.mail"),
        ("[groups", "not valid TOML"),
    ],
)
def test_an_invalid_access_file_is_an_error_that_says_where(tmp_path, text, where):
    path = tmp_path / "access.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_access(path)
    assert str(path) in str(err.value) and where in str(err.value)


def test_the_shipped_access_file_is_valid_and_defaults_to_viewer():
    rules = load_access()
    assert rules.default_role is Role.VIEWER
    assert rules.principal({"email": "someone@example.org"}).role is Role.VIEWER
    assert set(rules.groups.values()) <= set(Role)


def _principal(role: Role) -> Principal:
    return Principal(f"{role.label}@example.org", None, (), role, signed_in=True)


@pytest.mark.parametrize(
    ("who", "status", "sees_restricted"),
    [
        (_principal(Role.VIEWER), "demo", False),
        (_principal(Role.EVALUATOR), "real", False),
        (_principal(Role.TASKFORCE), "real", True),
        (_principal(Role.ADMIN), "mixed", True),
        (LOCAL, "demo", True),
        (LOCAL, "mixed", False),
        (LOCAL, "real", False),
        (LOCAL, "empty", False),
    ],
)
def test_restricted_indicators_follow_one_rule(catalogue, who, status, sees_restricted):
    public = {i.id for i in catalogue.indicators if not i.restricted}
    restricted = {i.id for i in catalogue.indicators if i.restricted}
    assert restricted, "the catalogue has restricted indicators"
    visible = visible_ids(who, catalogue.indicators, status)
    assert visible == (public | restricted if sees_restricted else public)
    assert all(can_view(who, i, status) for i in catalogue.indicators if not i.restricted)


@pytest.mark.parametrize(
    ("role", "actions"),
    [
        (Role.VIEWER, set()),
        (Role.EVALUATOR, {"analysis", "export"}),
        (Role.TASKFORCE, {"analysis", "export", "restricted"}),
        (Role.ADMIN, {"analysis", "export", "restricted", "import"}),
    ],
)
def test_actions_per_role(role, actions):
    who = _principal(role)
    assert {a for a in ("analysis", "export", "restricted", "import") if allowed(who, a)} == actions


def test_local_mode_may_analyse_and_export_but_not_import():
    assert allowed(LOCAL, "export") and allowed(LOCAL, "analysis")
    assert not allowed(LOCAL, "import")


# --- audit log -------------------------------------------------------------------------


def test_audit_records_who_when_what_and_which_export(tmp_path):
    log = tmp_path / "audit" / "audit.jsonl"
    who = _principal(Role.TASKFORCE)
    audit.record(who, "view", ["return_travel_documents"], detail={"country": "TUN"}, path=log)
    audit.record(who, "export", ["return_travel_documents"], export="csv:TUN_travel.csv", path=log)
    events = audit.read_log(log)
    assert [e["action"] for e in events] == ["view", "export"]
    assert events[1]["export"] == "csv:TUN_travel.csv"
    assert events[0]["user"] == "taskforce@example.org" and events[0]["role"] == "taskforce"
    assert events[0]["detail"] == {"country": "TUN"} and events[0]["at"].endswith("+00:00")
    audit.verify_log(log)


def test_an_edited_or_deleted_audit_line_breaks_the_chain(tmp_path):
    log = tmp_path / "audit.jsonl"
    for n in range(4):
        audit.record(_principal(Role.TASKFORCE), "view", [f"ind_{n}"], path=log)
    lines = log.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[1]) | {"user": "someone-else"}
    log.write_text("\n".join([lines[0], json.dumps(edited), *lines[2:]]) + "\n")
    with pytest.raises(InputError, match="row 3"):
        audit.verify_log(log)
    log.write_text("\n".join([lines[0], *lines[2:]]) + "\n")
    with pytest.raises(InputError, match="row 2"):
        audit.verify_log(log)


def _append_many(log: str, n: int) -> None:
    for i in range(n):
        audit.record(_principal(Role.ADMIN), "export", [f"p{i}"], export="png", path=Path(log))


def test_concurrent_appends_from_threads_and_processes_keep_every_line_and_the_chain(tmp_path):
    log = tmp_path / "audit.jsonl"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(log), 25)) for _ in range(2)]
    threads = [threading.Thread(target=_append_many, args=(str(log), 25)) for _ in range(3)]
    for worker in [*procs, *threads]:
        worker.start()
    for worker in [*procs, *threads]:
        worker.join(timeout=60)
    assert all(p.exitcode == 0 for p in procs)
    assert len(audit.read_log(log)) == 125
    audit.verify_log(log)
