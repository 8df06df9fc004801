"""Rough, plausible magnitudes per country for the demonstration data.

Annual totals unless noted. They are orders of magnitude chosen to look like the
real series, not figures from any source: the generated data says so everywhere.
A missing entry means the series does not exist for that country ("no data").
"""

from __future__ import annotations

# indicator -> country -> typical annual total (per period for days/percent/ratio).
LEVELS: dict[str, dict[str, float]] = {
    "return_orders": {
        "MAR": 30000,
        "TUN": 16000,
        "IRQ": 12000,
        "TUR": 18000,
        "DZA": 32000,
        "EGY": 6000,
        "NGA": 9000,
    },
    "return_frontex_ops": {"TUN": 900, "IRQ": 500, "TUR": 250, "EGY": 150, "NGA": 1400},
    "return_nl_departures": {
        "MAR": 600,
        "TUN": 200,
        "IRQ": 450,
        "TUR": 650,
        "DZA": 400,
        "EGY": 90,
        "NGA": 160,
    },
    "return_id_response_days": {"MAR": 140, "TUN": 75, "IRQ": 110, "TUR": 45, "DZA": 160},
    "return_travel_documents": {"MAR": 160, "TUN": 140, "IRQ": 200, "TUR": 300},
    "irregular_detections": {
        "MAR": 12000,
        "TUN": 9000,
        "IRQ": 9000,
        "TUR": 6000,
        "DZA": 11000,
        "EGY": 8000,
        "NGA": 6000,
    },
    "irregular_illegally_present": {
        "MAR": 52000,
        "TUN": 21000,
        "IRQ": 16000,
        "TUR": 24000,
        "DZA": 40000,
        "EGY": 11000,
        "NGA": 14000,
    },
    "irregular_refused_entry": {
        "MAR": 9000,
        "TUN": 1500,
        "IRQ": 1200,
        "TUR": 4000,
        "DZA": 2500,
        "EGY": 600,
        "NGA": 900,
    },
    "irregular_asylum_applications": {
        "MAR": 11000,
        "TUN": 6000,
        "IRQ": 24000,
        "TUR": 30000,
        "DZA": 7000,
        "EGY": 9000,
        "NGA": 20000,
    },
    "irregular_prevented_departures": {
        "MAR": 60000,
        "TUN": 40000,
        "TUR": 70000,
        "DZA": 12000,
        "EGY": 6000,
    },
    "smuggling_networks_dismantled": {"MAR": 30, "TUN": 18, "IRQ": 8, "TUR": 40},
    "smuggling_arrests": {"MAR": 1200, "TUN": 900, "IRQ": 300, "TUR": 2500, "DZA": 400, "EGY": 350},
    "smuggling_joint_operations": {"MAR": 3, "TUN": 4, "TUR": 5},
    "protection_dead_missing": {
        "MAR": 700,
        "TUN": 900,
        "IRQ": 60,
        "TUR": 150,
        "DZA": 300,
        "EGY": 200,
        "NGA": 400,
    },
    "protection_avrr_assisted": {
        "MAR": 900,
        "TUN": 1400,
        "IRQ": 5000,
        "TUR": 300,
        "DZA": 450,
        "EGY": 500,
        "NGA": 7000,
    },
    "context_youth_unemployment": {
        "MAR": 30,
        "TUN": 37,
        "IRQ": 30,
        "TUR": 22,
        "DZA": 30,
        "EGY": 27,
        "NGA": 12,
    },
    "context_population": {
        "MAR": 36.5e6,
        "TUN": 11.8e6,
        "IRQ": 39.0e6,
        "TUR": 81.0e6,
        "DZA": 41.0e6,
        "EGY": 98.0e6,
        "NGA": 195.0e6,
    },
}

# Share of orders that end in a return, per country: drives return_returned.
RETURN_SHARE = {
    "MAR": 0.09,
    "TUN": 0.16,
    "IRQ": 0.24,
    "TUR": 0.30,
    "DZA": 0.08,
    "EGY": 0.15,
    "NGA": 0.19,
}

# Share of the EU-27 figure that the Netherlands reports.
NL_SHARE = 0.05

# Country-specific episodes (start year, end year, multiplier) on top of the slow
# trend, so the demo shows non-linear movement: surges, dips and recoveries.
EPISODES: dict[str, list[tuple[float, float, float]]] = {
    "TUN": [(2022.3, 2023.9, 2.2)],
    "IRQ": [(2016.0, 2016.8, 2.5), (2021.5, 2022.0, 2.0)],
    "TUR": [(2022.0, 2023.8, 1.9)],
    "EGY": [(2022.0, 2023.0, 2.4)],
    "MAR": [(2018.3, 2019.2, 1.8)],
    "NGA": [(2016.0, 2017.5, 2.0)],
}

# Indicators whose flows follow irregular migration (episodes and COVID apply).
FLOW_INDICATORS = {
    "irregular_detections",
    "irregular_asylum_applications",
    "irregular_prevented_departures",
    "protection_dead_missing",
    "irregular_illegally_present",
    "return_orders",
}

# Monthly seasonal pattern for sea crossings: calm summers bring more departures.
SEASONAL = [0.6, 0.6, 0.75, 0.9, 1.1, 1.25, 1.4, 1.45, 1.3, 1.1, 0.85, 0.7]
