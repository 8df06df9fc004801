"""Each rule of what the product says about a series lives in one place (issue 14).

The rules drifted when they were written in several: the sentence subject in four
places, "stored summary or recompute" in two, the default comparison countries twice,
file names twice, windows patched from labels in three, the reporting area of an
indicator in each page. This test reads the source and finds any second copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = sorted((ROOT / "indicators").rglob("*.py")) + sorted((ROOT / "dashboard").rglob("*.py"))

# rule -> (pattern of a copy, the files (or folders, ending in '/') allowed to hold it)
RULES: dict[str, tuple[str, set[str]]] = {
    "sentence subject 'Title, Country'": (
        r"title\(\w+\)\}, \{|\['title'\]\[\w+\]\}, \{",
        {"indicators/views/series.py"},
    ),
    "stored summary or recompute": (
        r"""(get\(["']window_a["']\)|\[["']window_a["']\])\s*[=!]=|\(\w+\.get\(["']window_a""",
        {"indicators/views/account.py"},
    ),
    "default comparison countries": (
        r"""role\s*==\s*["']comparison["']""",
        {"indicators/analysis/stored.py"},
    ),
    "file names": (
        r"\bsafe_name\(|\bchart_stem\(",
        {"indicators/export/filenames.py", "indicators/views/account.py"},  # the view's stem
    ),
    "window labels patched into specs": (
        r"""replace\(\s*["']–["']\s*,\s*["']-["']\s*\)""",
        {"indicators/export/filenames.py"},
    ),
    # The analysis words its own results; every screen and file takes the account's words.
    "the worded probability outside the analysis": (
        r"\bworded_change\(|\bdirection_of_travel\(",
        {"indicators/analysis/", "indicators/views/account.py"},
    ),
    "an access rule that lets everything through": (r"lambda \w+: True", set()),
    "the private period label": (r"citation\._period_label|import .*\b_period_label", set()),
    "reporting area of an indicator": (
        r"if \w+ in \w+\.reporters else \w+\.reporters\[0\]",
        {"indicators/views/series.py"},
    ),
}


def _allowed(name: str, allowed: set[str]) -> bool:
    return any(name == a or (a.endswith("/") and name.startswith(a)) for a in allowed)


def _copies(pattern: str, allowed: set[str], sources: list[Path] = SOURCES) -> list[str]:
    found = []
    for path in sources:
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        if _allowed(name, allowed):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line) and not _defines(line):
                found.append(f"{name}:{n}: {line.strip()}")
    return found


def _defines(line: str) -> bool:
    """The rule's own definition (`def safe_name(`) is its home, not a copy."""
    return line.lstrip().startswith("def ")


@pytest.mark.parametrize("rule", RULES)
def test_no_second_copy_of_the_rule(rule):
    pattern, allowed = RULES[rule]
    assert not _copies(pattern, allowed), f"{rule}: {_copies(pattern, allowed)}"


EXAMPLES = {
    "sentence subject 'Title, Country'": 'f"{ind.title(lang)}, {country.name(lang)}"',
    "stored summary or recompute": 'if summary["window_a"] == a.label:',
    "default comparison countries": '[c for c in cat.countries if c.role == "comparison"]',
    "file names": 'name = safe_name(f"{country}_pack")',
    "window labels patched into specs": 'spec = label.replace("–", "-")',
    "the worded probability outside the analysis": "words = direction_of_travel(v, p)",
    "an access rule that lets everything through": "chart_content(s, r, lambda ind: True)",
    "the private period label": "from indicators.citation import _period_label",
    "reporting area of an indicator": (
        "area = reporter if reporter in ind.reporters else ind.reporters[0]"
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_the_search_finds_a_copy_where_there_is_one(rule, tmp_path):
    """Each pattern catches the copy it was written for, in a file of its own (the test
    can fail)."""
    page = tmp_path / "page.py"
    page.write_text(EXAMPLES[rule] + "\n", encoding="utf-8")
    pattern, allowed = RULES[rule]
    assert _copies(pattern, allowed, [page])
