from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from indicators.build import build_demo_store
from indicators.catalogue import load_catalogue
from indicators.errors import CatalogueError

REQUIRED_IDS = {
    "return_orders",
    "return_returned",
    "return_rate",
    "return_frontex_ops",
    "return_nl_departures",
    "return_id_response_days",
    "return_travel_documents",
    "irregular_detections",
    "irregular_illegally_present",
    "irregular_asylum_applications",
    "irregular_prevented_departures",
    "smuggling_networks_dismantled",
    "smuggling_arrests",
    "smuggling_joint_operations",
    "protection_dead_missing",
    "protection_avrr_assisted",
    "context_youth_unemployment",
}
RESTRICTED = {
    "return_id_response_days",
    "return_travel_documents",
    "smuggling_networks_dismantled",
    "smuggling_joint_operations",
}


def test_catalogue_holds_every_required_indicator(catalogue):
    assert REQUIRED_IDS <= set(catalogue.indicator_by_id)


def test_restricted_indicators_are_marked(catalogue):
    restricted = {i.id for i in catalogue.indicators if i.restricted}
    assert restricted == RESTRICTED


def test_every_indicator_is_complete_in_both_languages(catalogue):
    for ind in catalogue.indicators:
        for text in (ind.title, ind.unit, ind.definition, ind.counts, *ind.caveats):
            assert text.nl.strip() and text.en.strip(), ind.id
        assert ind.caveats, f"{ind.id} has no caveat"
        assert ind.id.startswith(ind.theme + "_")


def test_priority_and_comparison_countries(catalogue):
    roles = {c.iso3: c.role for c in catalogue.countries}
    assert {k for k, v in roles.items() if v == "priority"} == {"MAR", "TUN", "IRQ", "TUR"}
    assert sum(v == "comparison" for v in roles.values()) >= 3


def _edit_indicator(data_dir: Path, index: int, **changes) -> None:
    path = data_dir / "catalogue" / "indicators.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            entries[index].pop(key)
        else:
            entries[index][key] = value
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"colour": "red"}, "colour", "Extra inputs are not permitted"),
        ({"unit": None}, "unit", "Field required"),
        ({"sphere": "control-ish"}, "sphere", "Input should be"),
        ({"theme": "weather"}, "theme", "unknown theme"),
        ({"sources": ["nobody"]}, "sources", "unknown source"),
        ({"title": {"nl": "kleine letter", "en": "Fine"}}, "title", "capitalised"),
    ],
)
def test_broken_catalogue_names_file_entry_and_field(data_copy, changes, field, reason):
    _edit_indicator(data_copy, 0, **changes)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(data_copy)
    message = str(err.value)
    assert "indicators.yaml" in message
    assert "'return_orders'" in message
    assert field in message
    assert reason in message


def test_broken_catalogue_leaves_existing_store_untouched(data_copy, fresh_store_path):
    before = hashlib.sha256(fresh_store_path.read_bytes()).hexdigest()
    _edit_indicator(data_copy, 3, frequency="weekly")
    with pytest.raises(CatalogueError):
        build_demo_store(fresh_store_path, data_copy)
    assert hashlib.sha256(fresh_store_path.read_bytes()).hexdigest() == before


def test_bad_event_row_is_reported_with_row_number(data_copy):
    path = data_copy / "reference" / "events.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "2024-01-01,ATL,storm,x,y,z,false\n", encoding="utf-8"
    )
    with pytest.raises(CatalogueError) as err:
        load_catalogue(data_copy)
    problems = {(p.file, p.column) for p in err.value.problems}
    assert ("events.csv", "country") in problems
    assert ("events.csv", "type") in problems
    assert all(p.row for p in err.value.problems if p.file == "events.csv")


def test_every_indicator_says_why_it_has_its_frequency(catalogue):
    # Data & sources and the Method page show it; a missing reason would show nothing.
    missing = [i.id for i in catalogue.indicators if i.frequency_why is None]
    assert not missing
    for ind in catalogue.indicators:
        assert ind.frequency_why is not None
        words = {"M": ("maand", "Monthly"), "Q": ("kwartaal", "Quarterly"), "A": ("jaar", "Annual")}
        nl, en = words[ind.frequency]
        assert nl in ind.frequency_why.nl.lower() and ind.frequency_why.en.startswith(en), ind.id
