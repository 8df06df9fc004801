"""Generate the demonstration data set: seeded, so every build gives the same store.

The series have slow non-linear trends, surges and dips, a COVID-19 dip, monthly
seasonality, noise, gaps, provisional recent values, ranges where a source would
give them, one revised vintage and some country/indicator pairs with no data at all.
"""

from __future__ import annotations

import dataclasses
import zlib

import numpy as np
import pandas as pd

from indicators.catalogue import Catalogue, Country, Indicator
from indicators.demo import profiles
from indicators.observations import OBSERVATION_COLUMNS

DEMO_SEED = 20250101
START, END = "2016-01-01", "2025-12-31"
VINTAGE = pd.Timestamp("2026-03-31")
OLD_VINTAGE = pd.Timestamp("2025-09-30")
REVISED_FROM = pd.Timestamp("2024-01-01")  # periods the later vintage revises
PER_YEAR = {"M": 12, "Q": 4, "A": 1}
PANDAS_FREQ = {"M": "M", "Q": "Q", "A": "Y"}
RETURN_FLOWS = {
    "return_returned",
    "return_nl_departures",
    "return_frontex_ops",
    "protection_avrr_assisted",
}


def generate_demo(catalogue: Catalogue, seed: int = DEMO_SEED) -> pd.DataFrame:
    """All demonstration observations for the catalogue's countries, in the tidy shape."""
    frames = []
    for ind in catalogue.indicators:
        if ind.id == "return_rate":
            continue  # derived below from returned and ordered
        for country in catalogue.countries:
            level = _level(ind.id, country)
            if level is None:
                continue  # no data for this pair: shown as "no data", never as zero
            for reporter in ind.reporters:
                share = profiles.NL_SHARE if reporter == "NL" and ind.is_count else 1.0
                frames.append(_series(ind, country.iso3, reporter, level * share, seed))
    obs = pd.concat(frames, ignore_index=True)
    obs = pd.concat([_revise(obs, seed), _return_rate(obs)], ignore_index=True)
    obs["is_demo"] = True
    return obs[OBSERVATION_COLUMNS].sort_values(OBSERVATION_COLUMNS[:4]).reset_index(drop=True)


def with_synthetic_countries(catalogue: Catalogue, n: int) -> Catalogue:
    """The catalogue plus n invented comparison countries, for benchmarks at scale."""
    extra = tuple(
        Country(f"X{i:02d}", f"Q{i % 10}", f"Demoland {i:02d}", f"Demoland {i:02d}", "comparison")
        for i in range(1, n + 1)
    )
    return dataclasses.replace(catalogue, countries=catalogue.countries + extra)


def _level(indicator_id: str, country: Country) -> float | None:
    if indicator_id == "return_returned":
        orders = profiles.LEVELS["return_orders"]
        iso3 = _profile_country(country.iso3, orders)
        return orders[iso3] * profiles.RETURN_SHARE[iso3] if iso3 else None
    table = profiles.LEVELS.get(indicator_id, {})
    iso3 = _profile_country(country.iso3, table)
    return table.get(iso3) if iso3 else None


def _profile_country(iso3: str, table: dict[str, float]) -> str | None:
    """Synthetic countries borrow the profile of a real one, chosen by their code."""
    if not iso3.startswith("X"):
        return iso3 if iso3 in table else None
    keys = sorted(profiles.LEVELS["return_orders"])
    borrowed = keys[int(iso3[1:]) % len(keys)]
    return borrowed if borrowed in table else None


def _rng(seed: int, *parts: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32("|".join(parts).encode())])


def _series(ind: Indicator, iso3: str, reporter: str, level: float, seed: int) -> pd.DataFrame:
    rng = _rng(seed, ind.id, iso3, reporter)
    periods = pd.period_range(START, END, freq=PANDAS_FREQ[ind.frequency])
    t = np.array([p.start_time.year + (p.start_time.day_of_year - 1) / 365.25 for p in periods])
    t_mid = t + 0.5 / PER_YEAR[ind.frequency]
    # Slow, smooth, non-linear drift: an integrated random walk on the log scale.
    steps = rng.normal(0, 0.02, len(t)).cumsum() / np.sqrt(PER_YEAR[ind.frequency])
    drift = np.cumsum(steps) / PER_YEAR[ind.frequency]
    drift = 0.35 * drift / max(np.abs(drift).max(), 1e-9) * rng.uniform(0.4, 1.0)
    mult = np.exp(drift) * _shocks(ind, iso3, t_mid)
    if ind.frequency == "M" and ind.id in profiles.FLOW_INDICATORS and ind.is_count:
        mult = mult * np.array([profiles.SEASONAL[p.month - 1] for p in periods])
    if ind.is_count:
        mean = level / PER_YEAR[ind.frequency] * mult
        noisy = mean * np.exp(rng.normal(0, 0.12, len(t)))
        values = rng.poisson(np.maximum(noisy, 0)).astype(float)
        if ind.sources[0].startswith("eurostat"):
            values = np.round(values / 5) * 5  # Eurostat rounds to fives
    else:
        values = np.round(level * mult * np.exp(rng.normal(0, 0.06, len(t))), 1)
    frame = pd.DataFrame(
        {
            "indicator_id": ind.id,
            "country_iso3": iso3,
            "reporter": reporter,
            "period_start": periods.start_time.normalize(),
            "period_end": periods.end_time.normalize(),
            "frequency": ind.frequency,
            "value": values,
            "lower": np.nan,
            "upper": np.nan,
            "flags": "",
            "source_id": ind.sources[0],
            "vintage": VINTAGE,
        }
    )
    return _gaps_and_flags(frame, ind, iso3, rng)


def _shocks(ind: Indicator, iso3: str, t: np.ndarray) -> np.ndarray:
    mult = np.ones_like(t)
    if ind.id in profiles.FLOW_INDICATORS:
        for start, end, factor in profiles.EPISODES.get(iso3, []):
            inside = (t >= start) & (t <= end)
            phase = np.clip((t - start) / (end - start), 0, 1)
            mult = mult * np.where(inside, 1 + (factor - 1) * np.sin(np.pi * phase), 1.0)
        mult = mult * np.where((t >= 2020.2) & (t <= 2020.6), 0.45, 1.0)
    if ind.id in RETURN_FLOWS:
        mult = mult * np.where((t >= 2020.2) & (t <= 2021.0), 0.5, 1.0)
    return mult


def _gaps_and_flags(frame: pd.DataFrame, ind: Indicator, iso3: str, rng) -> pd.DataFrame:
    n = len(frame)
    keep = rng.random(n) > 0.03  # scattered missing periods
    if ind.id == "irregular_prevented_departures" and iso3 == "TUN":
        keep &= ~frame["period_start"].between("2019-07-01", "2019-12-31")  # a long gap
    frame = frame[keep].copy()
    last_year = frame["period_start"] >= pd.Timestamp("2025-01-01")
    recent = {"M": 3, "Q": 1, "A": 1}[ind.frequency]
    frame.loc[frame.index[-recent:], "flags"] = "p"
    if ind.id == "irregular_prevented_departures":
        frame["lower"] = np.round(frame["value"] * 0.85)
        frame["upper"] = np.round(frame["value"] * 1.2)
        if iso3 == "MAR":
            first = frame.index[frame["period_start"] >= pd.Timestamp("2019-01-01")][0]
            frame.loc[first, "flags"] += "b"  # the partner changed its recording system
    if ind.id == "protection_dead_missing":
        frame["lower"] = frame["value"]  # minimum estimates: the value is a floor
        frame["flags"] = frame["flags"] + "m"
    if ind.id == "context_youth_unemployment":
        width = np.round(rng.uniform(1.5, 3.5, len(frame)), 1)
        frame["lower"], frame["upper"] = frame["value"] - width, frame["value"] + width
        frame["flags"] = frame["flags"] + "e"
    if ind.id == "return_travel_documents":
        hidden = rng.random(len(frame)) < 0.05
        frame.loc[hidden & ~last_year, ["value", "flags"]] = [np.nan, "c"]  # confidential
    return frame


def _revise(obs: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Give return_returned an earlier vintage in which recent quarters were lower."""
    mask = obs["indicator_id"] == "return_returned"
    series = obs[mask]
    first = series[series["period_start"] < pd.Timestamp("2025-07-01")].copy()
    first["vintage"] = OLD_VINTAGE
    rng = _rng(seed, "revision")
    recent = first["period_start"] >= REVISED_FROM
    first.loc[recent, "value"] = (
        np.round(first.loc[recent, "value"] * rng.uniform(0.9, 0.98, recent.sum()) / 5) * 5
    )
    first.loc[first["period_start"] >= pd.Timestamp("2025-01-01"), "flags"] = "p"
    # The later vintage holds only what changed or is new, as an import stores it.
    later = series[series["period_start"] >= REVISED_FROM]
    return pd.concat([obs[~mask], first, later], ignore_index=True)


def _return_rate(obs: pd.DataFrame) -> pd.DataFrame:
    latest = obs[obs["vintage"] == VINTAGE]
    key = ["country_iso3", "reporter", "period_start", "period_end", "frequency"]
    returned = latest[latest["indicator_id"] == "return_returned"].set_index(key)
    ordered = latest[latest["indicator_id"] == "return_orders"].set_index(key)
    both = (
        returned[["value", "flags"]]
        .merge(ordered[["value", "flags"]], left_index=True, right_index=True, suffixes=("", "_o"))
        .reset_index()
    )
    both = both[both["value_o"] > 0]
    flags = (both["flags"] + both["flags_o"]).map(lambda f: "".join(sorted(set(f))))
    return pd.DataFrame(
        {
            **{k: both[k] for k in key},
            "indicator_id": "return_rate",
            "value": np.round(100 * both["value"] / both["value_o"], 1),
            "lower": np.nan,
            "upper": np.nan,
            "flags": flags,
            "source_id": "eurostat_migr_eirtn",
            "vintage": VINTAGE,
        }
    )
