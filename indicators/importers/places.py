"""Countries and reporting areas of source rows, resolved through the reference
lists (indicators.importers.countries): what is kept, skipped and counted, and
what is a problem.
"""

from __future__ import annotations

import pandas as pd

from indicators.catalogue import Catalogue
from indicators.importers.countries import resolver
from indicators.importers.fields import by_value
from indicators.importers.problems import Parsed, Problems


def countries(
    values: pd.Series,
    rows: pd.Series,
    column: str,
    catalogue: Catalogue,
    problems: Problems,
    parsed: Parsed,
) -> tuple[pd.Series, pd.Series]:
    """ISO3 codes of the store's countries and a mask of the rows to keep.

    A real country outside the store's list and a group (aggregate, unknown,
    stateless) are skipped and counted; anything else is a problem.
    """
    hit = resolver().resolve_many(values)
    known = set(catalogue.country_by_iso3)
    unknown = hit["kind"].isna()
    problems.add_mask(unknown, rows, column, "not a country code or known country name")
    outside = (hit["kind"] == "country") & ~hit["code"].isin(known)
    group = hit["kind"].isin(["aggregate", "unknown"])
    parsed.skip(
        f"{column}: a country outside the store's list",
        int(outside.sum()),
        list(pd.unique(hit["code"][outside]))[:5],
    )
    parsed.skip(
        f"{column}: an aggregate or unknown, not one country",
        int(group.sum()),
        list(pd.unique(values[group].astype(str)))[:5],
    )
    keep = (hit["kind"] == "country") & hit["code"].isin(known)
    return hit["code"], keep


def reporting_areas(
    values: pd.Series,
    rows: pd.Series,
    column: str,
    catalogue: Catalogue,
    problems: Problems,
    parsed: Parsed,
) -> tuple[pd.Series, pd.Series]:
    """The store's reporting area of each value (EU27_2020 -> EU27, NL -> NL).

    A reporting country or aggregate that the store does not keep is skipped and counted.
    """
    areas = {a["code"] for a in catalogue.reporting_areas}
    names = resolver()

    def one(value) -> tuple[str | None, bool]:
        hit = names.resolve(str(value))
        if hit is None:
            return None, False
        area = names.iso2.get(hit.code) if hit.kind == "country" else hit.reporting_area
        return (area if area in areas else None), True

    area = pd.Series(by_value(values, lambda v: one(v)[0]), index=values.index, dtype=object)
    known = by_value(values, lambda v: one(v)[1], bool)
    problems.add_mask(~known, rows, column, "not a country code or known name")
    skipped = known & area.isna().to_numpy()
    parsed.skip(
        f"{column}: a reporting country or aggregate the store does not keep",
        int(skipped.sum()),
        [str(v) for v in pd.unique(values[skipped])[:5]],
    )
    return area, area.notna()
