"""Briefing bundles: contents, README, and the same files from the same store."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from indicators.citation import DEMO_MARK
from indicators.export.bundle import bundle
from indicators.export.content import ChartRequest, store_may_view
from indicators.views import account, series_view
from tests.export.conftest import assert_no_causal_words

REQUESTS = [
    ChartRequest("irregular_detections", ("TUN",)),
    ChartRequest("return_rate", ("MAR", "TUN"), "EU27", "2016-2019", "2023-2025"),
]


def _files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_bundle_holds_png_svg_csv_and_a_full_readme(store, renderer):
    files = _files(bundle(store, REQUESTS, store_may_view(store), "en"))
    stems = [
        "TUN_irregular_detections_EU_EXT_2016-2021_vs_2022-2025_data-2025-12_en",
        "MAR-TUN_return_rate_EU27_2016-2019_vs_2023-2025_data-2025-Q4_en",
    ]
    assert sorted(files) == sorted(
        [f"{s}.{ext}" for s in stems for ext in ("png", "svg", "csv")] + ["README.md"]
    )
    readme = files["README.md"].decode("utf-8")
    assert DEMO_MARK["en"] in readme and DEMO_MARK["nl"] in readme
    catalogue = store.catalogue()
    for request in REQUESTS:
        ind = catalogue.indicator_by_id[request.indicator_id]
        assert ind.title("en") in readme and ind.title("nl") in readme
        for source in ind.sources:
            assert catalogue.source_by_id[source].citation_full in readme
        for caveat in ind.caveats:
            assert caveat("en") in readme and caveat("nl") in readme
    for lang in ("en", "nl"):  # the page's account of the series, headline and details
        view = series_view(catalogue, "irregular_detections", "TUN", lang=lang)
        told = account(store, view, catalogue)
        assert told.headline in readme and all(d in readme for d in told.details)
    assert "a=2016–2019 b=2023–2025" in readme
    assert store.meta()["data_fingerprint"] in readme
    assert "Data to: 2025-12" in readme
    assert_no_causal_words(readme)


def test_same_store_and_parameters_give_the_same_files(store, renderer):
    may_view = store_may_view(store)
    first = bundle(store, REQUESTS, may_view, "nl", generated_at=dt.datetime(2026, 1, 1))
    second = bundle(store, REQUESTS, may_view, "nl", generated_at=dt.datetime(2026, 2, 2))
    a, b = _files(first), _files(second)
    assert a.keys() == b.keys()
    assert [n for n in a if a[n] != b[n]] == ["README.md"]
    lines_a = a["README.md"].decode().splitlines()
    lines_b = b["README.md"].decode().splitlines()
    differing = [(x, y) for x, y in zip(lines_a, lines_b, strict=True) if x != y]
    assert len(differing) == 1 and differing[0][0].startswith("- Generated at")
    same = bundle(store, REQUESTS, may_view, "nl", generated_at=dt.datetime(2026, 1, 1))
    assert same == first  # the zip itself, byte for byte
