"""The words exported files use, in Dutch and English (the dashboard has its own in i18n)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "window": "periode",
        "windows": "vergelijking",
        "reporter": "rapporterend gebied",
        "caveat": "Kanttekening",
        "sentence": "Uitspraak",
        "no_sentence": "Geen uitspraak: voor deze reeks is geen vergelijking berekend.",
        "generated": "Gemaakt op",
        "store_version": "Versie van de opslag",
        "data_date": "Gegevens t/m",
        "parameters": "Parameters",
        "citations": "Volledige bronvermelding",
        "caveats": "Kanttekeningen",
        "charts": "Grafieken",
        "files": "Bestanden",
        "definition": "Wat de grafiek toont",
        "events": "Gebeurtenissen",
        "no_events": "Geen gebeurtenissen vastgelegd.",
        "sources": "Bronnen",
        "pack_title": "Landenbriefing",
        "pack_intro": "Langetermijntrends met expliciete onzekerheid. Een trend is geen "
        "bewijs van oorzaak en gevolg.",
        "nothing_shown": "Geen grafieken in dit thema (geen gegevens of niet zichtbaar).",
        "bundle_title": "Briefingbundel",
        "statements": "Uitspraken",
        "compared_with": "vergeleken met",
    },
    "en": {
        "window": "window",
        "windows": "comparison",
        "reporter": "reporting area",
        "caveat": "Caveat",
        "sentence": "Statement",
        "no_sentence": "No statement: no comparison was computed for this series.",
        "generated": "Generated at",
        "store_version": "Store version",
        "data_date": "Data to",
        "parameters": "Parameters",
        "citations": "Full citations",
        "caveats": "Caveats",
        "charts": "Charts",
        "files": "Files",
        "definition": "What the chart shows",
        "events": "Events",
        "no_events": "No events recorded.",
        "sources": "Sources",
        "pack_title": "Country briefing",
        "pack_intro": "Long-term trends with explicit uncertainty. A trend is not evidence "
        "of cause and effect.",
        "nothing_shown": "No charts in this theme (no data or not visible).",
        "bundle_title": "Briefing bundle",
        "statements": "Statements",
        "compared_with": "compared with",
    },
}


def w(key: str, lang: str) -> str:
    return WORDS["en" if lang == "en" else "nl"][key]
