"""Files for briefings: charts (PNG, SVG, PDF), their numbers (CSV, XLSX), bundles, packs.

    content = chart_content(store, ChartRequest("irregular_detections", ("TUN",)), may_view)
    name, png = chart_file(content, "nl", "png")

Every exported chart carries its title, subtitle, calibrated sentence, source line,
main caveat, the demonstration mark and, when restricted, the classification marking.
Nothing restricted is exported unless `may_view` says it may be shown.
"""
