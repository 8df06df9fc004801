"""What an importer reports about one file: the problems that stop it (file, row,
column, reason) and the account of every source row (read, used, skipped and why).

An importer's `parse(path, catalogue, **options)` returns a `Parsed`: tidy
observation rows (see indicators.observations) with `_row`, the source row they
come from, plus counts of what it read and skipped and why. It raises
InputError listing every problem found; it never writes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.errors import InputError, Problem


class Problems:
    """Problems of one file: the first ones kept, all of them counted."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []
        self.total = 0

    def add(self, row: int | None, column: str | None, reason: str) -> None:
        self.total += 1
        if len(self.items) < InputError.max_listed:
            self.items.append(Problem(self.file, row, column, reason))

    def add_mask(self, mask, rows: pd.Series, column: str | None, reason: str) -> None:
        hits = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
        n = int(hits.sum())
        if not n:
            return
        room = max(InputError.max_listed - len(self.items), 0)
        for row in np.asarray(rows)[hits][:room]:
            self.items.append(Problem(self.file, int(row), column, reason))
        self.total += n

    def raise_if_any(self) -> None:
        if self.items:
            items = sorted(self.items, key=lambda p: p.row or 0)
            raise InputError(
                items, f"{self.file}: {self.total} problem(s), nothing written", total=self.total
            )


@dataclass
class Parsed:
    """An importer's result: observation rows and an account of every source row."""

    format: str
    observations: pd.DataFrame
    rows_read: int
    rows_used: int
    skipped: Counter = field(default_factory=Counter)
    skipped_examples: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def skip(self, reason: str, n: int, examples: list[str] | None = None) -> None:
        if n:
            self.skipped[reason] += n
            known = self.skipped_examples.setdefault(reason, [])
            for e in examples or []:
                if e not in known and len(known) < 5:
                    known.append(e)

    @property
    def rows_skipped(self) -> int:
        return sum(self.skipped.values())
