"""The layering holds: pages -> services -> indicators -> store."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|ATTACH)\b\s")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _py(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_library_never_imports_streamlit():
    for path in _py("indicators"):
        assert not any(m.split(".")[0] == "streamlit" for m in _imports(path)), path


def test_only_the_store_imports_duckdb():
    for path in _py("indicators") + _py("dashboard"):
        if "store" in path.relative_to(ROOT).parts:
            continue
        assert "duckdb" not in {m.split(".")[0] for m in _imports(path)}, path


def test_pages_only_talk_to_services():
    for path in _py("dashboard/app_pages"):
        imported = _imports(path)
        library = {m for m in imported if m.split(".")[0] == "indicators"}
        assert not library, f"{path.name} imports the library directly: {library}"
        assert not {"duckdb", "statsmodels"} & {m.split(".")[0] for m in imported}, path


def test_sql_lives_only_in_the_store():
    for path in _py("indicators") + _py("dashboard"):
        if "store" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not SQL.search(node.value), f"SQL-like text in {path}: {node.value[:60]!r}"
