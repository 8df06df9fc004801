"""Country names and codes as sources write them, resolved to the store's codes.

`data/reference/world_countries.csv` lists every ISO 3166-1 country (from Debian's
iso-codes, with Dutch names from its translations) plus Kosovo (XKX), with the
codes Eurostat uses (`EL` for Greece, `UK` for the United Kingdom) and common
other spellings (`Turkey`, `Iran (Islamic Republic of)`).
`data/reference/country_groups.csv` lists values that are no single country:
aggregates (`EU27_2020`, `Total`) and unknowns (`Stateless`, `UNK`).

A value resolves to exactly one of: a country (ISO3), a group (aggregate or
unknown; an aggregate may be a reporting area such as EU27), or nothing — and
nothing is an error for the importer to report, never a silent drop.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.catalogue import DATA_DIR


@dataclass(frozen=True)
class Resolved:
    kind: str  # "country", "aggregate" or "unknown"
    code: str  # ISO3 for a country, the group's value otherwise
    reporting_area: str = ""  # the store's reporting area this value stands for, if any


def _key(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip().casefold()
    return " ".join(text.replace("’", "'").split())


class CountryResolver:
    """Resolves codes and names; built once per reference folder."""

    def __init__(self, reference: Path) -> None:
        self._by_key: dict[str, Resolved] = {}
        self.names: dict[str, tuple[str, str]] = {}
        self.iso2: dict[str, str] = {}
        with (reference / "world_countries.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                hit = Resolved("country", row["iso3"])
                self.names[row["iso3"]] = (row["name_en"], row["name_nl"])
                self.iso2[row["iso3"]] = row["iso2"]
                spellings = [row["name_en"], row["name_nl"], *row["aliases"].split("|")]
                for value in (*spellings, row["iso3"], row["iso2"], row["eurostat"]):
                    if value:
                        self._by_key.setdefault(_key(value), hit)
        with (reference / "country_groups.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                # Groups win over country codes: `EU` is the Union, not a country.
                self._by_key[_key(row["value"])] = Resolved(
                    row["kind"], row["value"], row["reporting_area"]
                )

    def resolve(self, value: str) -> Resolved | None:
        return self._by_key.get(_key(value)) if value else None

    def resolve_many(self, values: pd.Series) -> pd.DataFrame:
        """kind, code and reporting_area per value (None kind: not a country or group).

        Resolved once per distinct value, so a million rows cost what their
        few hundred distinct spellings cost.
        """
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        hits = [self.resolve(str(v)) for v in uniques]

        def column(get) -> pd.Series:
            table = np.array([get(h) if h else None for h in hits] + [None], dtype=object)
            return pd.Series(table[codes], index=values.index, dtype=object)

        return pd.DataFrame(
            {
                "kind": column(lambda h: h.kind),
                "code": column(lambda h: h.code),
                "area": column(lambda h: h.reporting_area),
            }
        )


@cache
def resolver(reference: Path = DATA_DIR / "reference") -> CountryResolver:
    return CountryResolver(reference)
