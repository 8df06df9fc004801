"""File names that say what they hold, and that no file system or shell chokes on."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_LENGTH = 120


def safe_name(text: str) -> str:
    """ASCII letters, digits, '.', '_' and '-' only; no leading dots; at most 120 characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = _UNSAFE.sub("_", ascii_text).strip("._-")
    name = re.sub(r"_{2,}", "_", name)[:MAX_LENGTH].rstrip("._-")
    return name or "export"


def chart_stem(
    indicator_id: str,
    countries: tuple[str, ...] | list[str],
    reporter: str,
    window: str,
    data_date: str | None,
) -> str:
    """'TUN_irregular_detections_EU27_2016-2025_data-2025-12'."""
    parts = ["-".join(countries), indicator_id, reporter, window_name(window)]
    if data_date:
        parts.append(f"data-{data_date}")
    return safe_name("_".join(p for p in parts if p))


def window_name(label: str) -> str:
    """A window's label as file names write it: '2016–2021' → '2016-2021'."""
    return label.replace("–", "-")


def bundle_name(countries: tuple[str, ...] | list[str], a: str, b: str, lang: str) -> str:
    """'TUN_briefing_bundle_baseline_partnership_nl.zip' (windows as ids or labels)."""
    stem = f"{'-'.join(countries)}_briefing_bundle_{window_name(a)}_{window_name(b)}_{lang}"
    return safe_name(stem) + ".zip"


def pack_name(country: str, reporter: str | None, a: str, b: str, lang: str, fmt: str) -> str:
    """'TUN_briefing_NL_2016-2021_2025-_en.pdf': country, area, windows, language."""
    parts = [country, "briefing", reporter or "", window_name(a), window_name(b), lang]
    return safe_name("_".join(p for p in parts if p)) + f".{fmt}"


def comparison_name(a: str, b: str) -> str:
    """'comparison_2016-2021_vs_2022-2025': a comparison table or forest chart."""
    return safe_name(f"comparison_{window_name(a)}_vs_{window_name(b)}")


def round_name(round_id: str, lang: str) -> str:
    """'round_2026-1_nl.md': a review round's report in a bundle or beside a pack."""
    return safe_name(f"round_{round_id}_{lang}") + ".md"
