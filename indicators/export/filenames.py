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
    parts = ["-".join(countries), indicator_id, reporter, window.replace("–", "-")]
    if data_date:
        parts.append(f"data-{data_date}")
    return safe_name("_".join(p for p in parts if p))
