"""A real DuckDB workspace beside a throw-away store path, and the people who use it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.access import Principal, Role
from indicators.framework import (
    Framework,
    IndicatorLink,
    Judgement,
    Objective,
    ReviewRound,
    judgement_id,
)
from indicators.framework.repository import FrameworkRepository
from indicators.store.workspaces import BACKENDS, open_workspace
from tests.postgres import fresh_database, postgres_bin, running_postgres

TESS = Principal("tess@example.org", "tess@example.org", ("pm-taskforce",), Role.TASKFORCE, True)
TOM = Principal("tom@example.org", "tom@example.org", ("pm-taskforce",), Role.TASKFORCE, True)
ADA = Principal("ada@example.org", "ada@example.org", ("pm-admins",), Role.ADMIN, True)
VERA = Principal("vera@example.org", "vera@example.org", (), Role.VIEWER, True)


@pytest.fixture
def audit_log(tmp_path: Path) -> Path:
    return tmp_path / "audit.jsonl"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[str]:
    """Debian's PostgreSQL on 127.0.0.1 in a temporary data directory, for the session."""
    if postgres_bin() is None:
        pytest.skip("Debian's postgresql is not installed (`make setup` as root installs it)")
    with running_postgres() as dsn:
        yield dsn


@pytest.fixture(params=BACKENDS)
def workspace(request, tmp_path: Path, monkeypatch) -> FrameworkRepository:
    """An empty workspace of each kind the setting selects, opened the way the app does."""
    monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE", request.param)
    if request.param == "postgresql":
        dsn = fresh_database(request.getfixturevalue("postgres_cluster"))
        monkeypatch.setenv("PARTNERSHIP_MONITOR_WORKSPACE_DSN", dsn)
    return open_workspace(tmp_path / "monitor.duckdb")


@pytest.fixture
def framework(workspace: FrameworkRepository, audit_log: Path) -> Framework:
    return Framework(workspace, audit_path=audit_log)


def objective(**changes) -> Objective:
    base = dict(
        id="TUN-O1",
        country="TUN",
        title_nl="Minder irreguliere vertrekken",
        title_en="Fewer irregular departures",
        links=(
            IndicatorLink(
                indicator_id="irregular_detections",
                reporter="EU27",
                baseline_start=dt.date(2016, 1, 1),
                baseline_end=dt.date(2021, 12, 31),
                desired_direction="down",
                expected_path="late",
                too_early_until=dt.date(2024, 6, 30),
                ambition_low_pct=-30.0,
                ambition_high_pct=-10.0,
            ),
        ),
    )
    return Objective(**{**base, **changes})


def review_round(**changes) -> ReviewRound:
    base = dict(id="TUN-2025-11", country="TUN", date=dt.date(2025, 11, 20),
                vintage=dt.date(2025, 11, 1), title="Taskforce Tunisia, November 2025")  # fmt: skip
    return ReviewRound(**{**base, **changes})


def judgement(**changes) -> Judgement:
    base = dict(
        id=judgement_id("TUN-2025-11", "TUN-O1"),
        country="TUN",
        round="TUN-2025-11",
        objective="TUN-O1",
        rating="on_track",
        rationale="Detections fell after 2022 and stayed low through 2025.",
        confidence="likely",
    )
    return Judgement(**{**base, **changes})


@pytest.fixture
def prepared(framework: Framework) -> Framework:
    """An approved objective and round for Tunisia: ready for judgements."""
    framework.seed([objective(), review_round()], author=TESS.user, approver=TOM.user)
    return framework
