"""`partnership-monitor info`: what a store holds."""

from __future__ import annotations

import argparse
from typing import Any

from indicators.cli.common import print_data, subcommand
from indicators.store import Store


def add_parser(subparsers: Any) -> None:
    sp = subcommand(
        subparsers, "info", "countries, indicators, observations per source, schema version", True
    )
    sp.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = Store(args.store)
    cat = store.catalogue()
    meta = store.meta()
    sources = store.counts_by_source()
    info: dict[str, Any] = {
        "store": str(args.store),
        "schema_version": int(meta["schema_version"]),
        "data_status": store.demo_status(),
        "demo": store.demo_status() in ("demo", "mixed"),
        "built_at": meta.get("built_at"),
        "countries": [
            {"iso3": c.iso3, "name_en": c.name_en, "name_nl": c.name_nl, "role": c.role}
            for c in cat.countries
        ],
        "indicators": [
            {
                "id": i.id,
                "theme": i.theme,
                "title_en": i.title.en,
                "sensitivity": i.sensitivity,
                "frequency": i.frequency,
            }
            for i in cat.indicators
        ],
        "observations": store.count("observations"),
        "observations_per_source": {r.source_id: int(r.observations) for r in sources.itertuples()},
        "vintages": [v.isoformat() for v in store.vintages()],
    }
    if args.json:
        print_data(info, True)
        return 0
    for key in ("store", "schema_version", "data_status", "built_at", "observations"):
        print(f"{key}: {info[key]}")
    print("countries: " + ", ".join(f"{c['iso3']} ({c['role']})" for c in info["countries"]))
    print("indicators: " + ", ".join(i["id"] for i in info["indicators"]))
    print("observations per source:")
    for sid, n in info["observations_per_source"].items():
        print(f"  {sid}: {n}")
    return 0
