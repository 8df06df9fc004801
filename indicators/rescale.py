"""Other views of observed values: indexed to a window, and per inhabitant.

Pure functions on the store's observation frame (one indicator, any countries and
reporting areas). Each returns the rescaled frame and the series it had to leave
out, so a page can say why a line is missing instead of dropping it silently.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SERIES = ["country_iso3", "reporter"]
SCALED = ["value", "lower", "upper"]
PER_INHABITANTS = 100_000
# A population estimate serves the periods of its own year and, when the newest
# estimate is older, at most this many following years.
POPULATION_CARRY_YEARS = 2


def index_to_window(
    obs: pd.DataFrame, start: object, end: object | None
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Every series as 100 × value / (its mean over periods starting in [start, end]).

    Series without a positive mean in the window cannot be indexed and are left out.
    """
    start_ts = pd.Timestamp(start)
    inside = obs["period_start"] >= start_ts
    if end is not None:
        inside &= obs["period_start"] <= pd.Timestamp(end)
    base = obs[inside].groupby(SERIES)["value"].mean()
    base = base[base > 0]
    keys = pd.MultiIndex.from_frame(obs[SERIES])
    factor = pd.Series(100.0 / base.reindex(keys).to_numpy(), index=obs.index)
    out = obs[factor.notna()].copy()
    for col in SCALED:
        out[col] = out[col] * factor[factor.notna()]
    return out, _left_out(obs, out)


def per_capita(
    obs: pd.DataFrame, population: pd.DataFrame, per: int = PER_INHABITANTS
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Values per `per` inhabitants of the country, from the population of the period's year.

    `population` is the observation frame of `context_population` (annual values).
    Periods without a population estimate of their year (or of up to
    POPULATION_CARRY_YEARS before it, after the newest estimate) keep no value (a gap
    in the line, `gaps` names them); a series with no period left is left out.
    """
    pop = population.dropna(subset=["value"])
    pop = pop.assign(year=pop["period_start"].dt.year)[["country_iso3", "year", "value"]]
    pop = pop.groupby(["country_iso3", "year"], as_index=False)["value"].last()
    frame = obs.assign(year=obs["period_start"].dt.year, _order=range(len(obs)))
    matched = pd.merge_asof(
        frame.sort_values("year"),
        pop.rename(columns={"value": "_population", "year": "_year"}).sort_values("_year"),
        left_on="year",
        right_on="_year",
        by="country_iso3",
        direction="backward",
        tolerance=POPULATION_CARRY_YEARS,
    )
    latest = pop.groupby("country_iso3")["year"].max()
    # Only carry forward past the newest estimate; a gap in the middle is not filled.
    carried = matched["year"] != matched["_year"]
    beyond = matched["year"] > matched["country_iso3"].map(latest)
    matched.loc[carried & ~beyond, "_population"] = float("nan")
    matched = matched.sort_values("_order")
    population_of = matched["_population"].to_numpy()
    usable = population_of > 0
    factor = np.full(len(obs), np.nan)
    factor[usable] = per / population_of[usable]
    scaled = obs.copy()
    for col in SCALED:
        scaled[col] = scaled[col].to_numpy() * factor
    # A series with no period left goes (and is said to be left out); one with some
    # keeps its periods without a population as gaps (no value), so its line breaks
    # there instead of bridging them (Morocco 2017 in the real data).
    series = pd.MultiIndex.from_frame(scaled[SERIES])
    kept = series.isin(series[scaled["value"].notna().to_numpy()])
    out = scaled[kept]
    return out, _left_out(obs, out)


def _left_out(before: pd.DataFrame, after: pd.DataFrame) -> list[tuple[str, str]]:
    had = set(before.dropna(subset=["value"])[SERIES].itertuples(index=False, name=None))
    kept = set(after.dropna(subset=["value"])[SERIES].itertuples(index=False, name=None))
    return sorted(had - kept)


def gaps(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The periods `after` kept without the value `before` had (series and period)."""
    had = before.dropna(subset=["value"])[[*SERIES, "period_start"]]
    lost = after[after["value"].isna()][[*SERIES, "period_start"]]
    return lost.merge(had, on=[*SERIES, "period_start"]).drop_duplicates()
