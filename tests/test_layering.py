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


def test_tests_never_import_the_benchmarks():
    """Benchmarks measure and tests check: a helper both need (the load harness,
    tests/loadgen.py) lives in tests/ or the package, never in bench/."""
    for path in _py("tests"):
        assert not any(m.split(".")[0] == "bench" for m in _imports(path)), path


def _raisable(node: ast.ClassDef) -> bool:
    """A class whose bases name an exception (Exception, ValueError, ProjectError, …)."""
    names = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    return any(n.endswith(("Error", "Exception", "Denied", "Conflict")) for n in names)


def test_error_classes_live_in_errors_py():
    """One module of error classes (indicators/errors.py), so a caller knows where to
    look and every one is a ProjectError the CLI ends with `error: …`."""
    errors = ROOT / "indicators" / "errors.py"
    for path in _py("indicators") + _py("dashboard"):
        if path == errors:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = [n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and _raisable(n)]
        assert not found, f"{path.relative_to(ROOT)} declares {found}: move them to errors.py"


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


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported when the file runs (imports under `if TYPE_CHECKING:` are types)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for n in ast.walk(block)
    }
    names = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module == "indicators":
            names |= {f"indicators.{a.name}" for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


# The dashboard's bridges to the library: services (caching, access), sign-in, the
# results framework's bridge (issue 17) and the guarded downloads' check and audit
# (issue 15), which must run inside the download's own request.
BRIDGES = ("services", "auth.py", "progress.py", "restricted_files.py")
# Everything else catches the project's errors, writes numbers and dates in the reader's
# language (texts from the gettext catalogues through indicators.texts, the one lookup
# both domains share) and escapes values before they reach Markdown; the rest comes
# through services.
PRESENTATION = {
    "indicators.errors",
    "indicators.formatting",
    "indicators.markup",
    "indicators.texts",
}


def test_the_whole_dashboard_reaches_the_library_through_services():
    for path in _py("dashboard"):
        if any(part in BRIDGES for part in path.relative_to(ROOT / "dashboard").parts):
            continue
        library = {m for m in _runtime_imports(path) if m.split(".")[0] == "indicators"}
        assert library <= PRESENTATION, f"{path.relative_to(ROOT)} imports {library - PRESENTATION}"


def test_downloads_take_no_store_handle_and_grant_no_blanket_access():
    source = (ROOT / "dashboard" / "downloads.py").read_text(encoding="utf-8")
    used = _names(ROOT / "dashboard" / "downloads.py")
    assert not {"store", "Store", "_period_label", "chart_content", "pack_content"} & used
    assert "lambda ind: True" not in source


def test_sql_lives_only_in_the_store():
    for path in _py("indicators") + _py("dashboard"):
        if "store" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not SQL.search(node.value), f"SQL-like text in {path}: {node.value[:60]!r}"


# Whatever fits a model; the dashboard only reads what the precomputation stored.
FITTING = {
    "estimate_trend",
    "compare_periods",
    "fit_structural",
    "UnobservedComponents",
    "precompute",
    "refresh_trends",
    "analyse_series",
    "run_parallel",
}
FITTING_MODULES = ("statsmodels", "indicators.analysis.trend", "indicators.analysis.structural",
                   "indicators.analysis.precompute", "indicators.analysis.workers",
                   "indicators.analysis.summary")  # fmt: skip


def _names(path: Path) -> set[str]:
    """Every identifier a module uses: names, attributes and imported names."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            out |= {a.asname or a.name for a in node.names}
    return out


def test_the_dashboard_fits_no_model():
    for path in _py("dashboard"):
        assert not FITTING & _names(path), f"{path.name} fits: {FITTING & _names(path)}"
        assert not any(m.startswith(FITTING_MODULES) for m in _imports(path)), path


def test_pages_do_no_sql_and_open_no_store():
    for path in _py("dashboard/app_pages"):
        used = _names(path)
        assert not {"execute", "sql", "Store", "connect", "_store_handle"} & used, path


def test_the_layering_test_sees_a_violation(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        "from indicators.analysis import estimate_trend\nx = con.execute('SELECT 1')\n",
        encoding="utf-8",
    )
    assert "estimate_trend" in _names(page) and "execute" in _names(page)
    assert "indicators.analysis" in _runtime_imports(page)
    typed = tmp_path / "typed.py"
    typed.write_text("if TYPE_CHECKING:\n    from indicators.views import Account\n")
    assert not _runtime_imports(typed)
    assert SQL.search("SELECT 1 ")
