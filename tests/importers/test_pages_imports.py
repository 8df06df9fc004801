"""Data & sources shows revisions between vintages; a public store has no demo notice."""

from __future__ import annotations

import datetime as dt

from indicators.citation import DEMO_MARK
from indicators.importers.pipeline import import_file
from tests.apptest import open_page, texts
from tests.importers.test_template import write

ROW = "{ind},MAR,{rep},2024-Q1,{v},,,,{src}\n"


def test_sources_page_lists_revisions_without_restricted_ones(use_store, store_copy, tmp_path):
    for vintage, value in ((dt.date(2024, 5, 1), 10), (dt.date(2024, 8, 1), 12)):
        body = ROW.format(ind="smuggling_arrests", rep="NAT", v=value, src="partner_authorities")
        body += ROW.format(
            ind="return_travel_documents", rep="NL", v=value, src="taskforce_internal"
        )
        import_file(store_copy, "template", write(tmp_path, body, f"{value}.csv"), vintage=vintage)
    use_store(store_copy)
    at = open_page("sources")
    revisions = next(df.value for df in at.dataframe if "new_value" in df.value.columns)
    # Local mode on a real store: the restricted indicator's revision is not shown.
    assert list(revisions["indicator_id"]) == ["smuggling_arrests"]
    assert (revisions["old_value"].iloc[0], revisions["new_value"].iloc[0]) == (10, 12)
    assert DEMO_MARK["nl"] not in texts(at)
