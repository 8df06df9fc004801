"""Access holds under the review's attacks (issue 15, attacks 7 and 11): a viewer's page
carries nothing about a restricted import, and a token's `sub` never matches an e-mail
entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.access import Role, load_access
from indicators.importers.pipeline import import_file
from tests.conftest import ROOT
from tests.test_access_pages import app_env, run_as  # noqa: F401 (fixture)

EXAMPLE = ROOT / "data" / "templates" / "internal_figures_example.csv"
OPERATOR = "operator-of-the-restricted-import"


def _import_history(at) -> str:
    frames = [str(df.value.to_dict()) for df in at.dataframe]
    return "\n".join(frames)


@pytest.fixture
def store_with_restricted_import(fresh_store_path: Path) -> Path:
    import_file(fresh_store_path, "template", EXAMPLE, operator=OPERATOR)
    return fresh_store_path


@pytest.mark.parametrize(("person", "sees"), [("viewer", False), ("evaluator", False),
                                               ("taskforce", True)])  # fmt: skip
def test_import_history_hides_restricted_imports_from_those_who_may_not_see_them(
    app_env,  # noqa: F811
    store_with_restricted_import,
    person,
    sees,
):
    app_env(store_with_restricted_import)
    history = _import_history(run_as(person, "sources"))
    assert (EXAMPLE.name in history) is sees
    assert (OPERATOR in history) is sees


ACCESS = """
[users]
"boss@example.org" = "admin"
[subs]
"8f2c-boss-subject" = "taskforce"
"""


def test_sub_is_matched_only_against_subs(tmp_path):
    path = tmp_path / "access.toml"
    path.write_text(ACCESS, encoding="utf-8")
    rules = load_access(path)
    # A token without an e-mail whose sub looks like the boss's address: a viewer.
    assert rules.principal({"sub": "BOSS@example.org"}).role == Role.VIEWER
    assert rules.principal({"sub": "boss@example.org"}).role == Role.VIEWER
    # The boss's own token (e-mail claim) and a listed subject keep their roles.
    assert rules.principal({"sub": "x", "email": "Boss@Example.org"}).role == Role.ADMIN
    assert rules.principal({"sub": "8f2c-boss-subject"}).role == Role.TASKFORCE
    assert rules.principal({"sub": "8F2C-BOSS-SUBJECT"}).role == Role.VIEWER  # exact
