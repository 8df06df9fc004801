"""Events read the same on every channel: Dutch dates and types, and a demonstration
event marked from its flag rather than by a prefix in its title."""

from __future__ import annotations

import re

from indicators import events
from indicators.analysis.windows import parse_window
from indicators.export.pack import event_rows

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_a_demonstration_event_is_marked_in_both_languages(store):
    ev = store.events("TUN")
    demo = ev[ev["is_demo"]].iloc[0]
    real = ev[~ev["is_demo"]].iloc[0]
    assert events.title(demo, "nl").endswith("(demonstratie)")
    assert events.title(demo, "en").endswith("(demonstration)")
    assert "demonstr" not in events.title(real, "nl").lower()
    said = events.dated(demo, "nl")
    assert said.endswith(", juni 2022)") and "(demonstratie, " in said
    assert ":" not in said  # no 'Demonstratie: …' inside 'viel samen met: …'


def test_window_b_lists_the_countrys_own_events_without_data_breaks(store):
    every = store.events("MAR")
    assert "data_break" in set(every["type"])  # the demo store has one for Morocco
    ev = events.in_window(every, "MAR", parse_window("2016-2025"))
    assert set(ev["country"]) <= {"MAR"}
    assert "data_break" not in set(ev["type"])
    assert list(ev["event_date"]) == sorted(ev["event_date"])


class _Pack:
    def __init__(self, frame, lang):
        self.events, self.lang = frame, lang


def test_the_packs_event_table_writes_dates_and_types_in_its_language(store):
    frame = store.events("TUN")
    rows = event_rows(_Pack(frame, "nl"))
    assert len(rows) == len(frame)
    for (day, kind, _), row in zip(rows, frame.itertuples(), strict=True):
        assert not ISO.search(day), day
        assert kind == events.label(row.type, "nl") and "_" not in kind
    assert ("1 juni 2022", "mijlpaal partnerschap") in {(d, k) for d, k, _ in rows}
    english = {k for _, k, _ in event_rows(_Pack(frame, "en"))}
    assert not english & {k for _, k, _ in rows if k != "data break"}
