"""Babel extraction of the interface's message keys (`make translations`).

The dashboard's texts are looked up by key, `t("download", lang)`, so that a key
can name a text that shifts with the language. Babel's own Python extractor skips
calls inside f-strings and glues the two keys of `t("a" if x else "b")` together;
this one reads the syntax tree instead and yields every literal key of `t`, `tn`
(with its plural) and `N_` (keys composed at run time, declared where they are
composed).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import IO, Any

CALLS = {"t": False, "N_": False, "tn": True, "by_lang": False}


def extract_keys(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict
) -> Iterator[tuple[int, str, str | tuple[str, str], list[str]]]:
    """Babel extraction method: (line, function, key or (key, plural key), comments)."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        plural = CALLS.get(node.func.id)
        if plural is None or not node.args:
            continue
        for key in _literal_keys(node.args[0]):
            yield node.lineno, node.func.id, ((key, key) if plural else key), []


def _literal_keys(arg: ast.expr) -> list[str]:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        return _literal_keys(arg.body) + _literal_keys(arg.orelse)
    return []
