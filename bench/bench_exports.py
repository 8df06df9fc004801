"""Exports: one chart to PNG with the renderer warm, a bundle of ten charts, country packs."""

from __future__ import annotations

import os
import time

from bench.common import budget, timed
from indicators.export.bundle import bundle
from indicators.export.chart import chart_file
from indicators.export.content import ChartRequest, chart_content, store_may_view
from indicators.export.pack import pack_content, to_pdf, to_pptx
from indicators.export.render import unavailable_reason, warm
from indicators.store import Store


def run(ctx: dict) -> dict:
    reason = unavailable_reason()
    if reason:
        return {"skipped": reason}
    store = Store(ctx["demo_store"])
    may_view = store_may_view(store)
    cat = store.catalogue()
    start = time.perf_counter()
    warm()
    first = chart_content(store, ChartRequest("irregular_detections", ("TUN",)), may_view, cat)
    chart_file(first, "nl", "png")
    cold = round(time.perf_counter() - start, 4)
    ids = [i.id for i in cat.indicators if may_view(i)][:10]
    requests = [ChartRequest(i, ("TUN",)) for i in ids]

    def one_png() -> None:
        content = chart_content(store, requests[0], may_view, cat)
        chart_file(content, "nl", "png")

    def pack(render) -> None:  # noqa: ANN001
        render(pack_content(store, "TUN", may_view, "nl"))

    return {
        # The machine's load while measuring: renders share its cores with everything else.
        "load_average_1min": round(os.getloadavg()[0], 1),
        "renderer_start_and_first_png": cold,
        "one_png_warm": budget(timed(one_png, repeat=5), 0.5),
        "bundle_ten_charts": timed(lambda: bundle(store, requests, may_view, "nl")),
        "country_pack_pdf": budget(timed(lambda: pack(to_pdf)), 10.0),
        "country_pack_pptx": budget(timed(lambda: pack(to_pptx)), 10.0),
    }
