"""A briefing bundle: chosen charts as PNG and SVG, their CSV data and a README.

The same store and parameters give the same bytes for every file except README's one
"Generated at" line: zip entries carry a fixed date and a fixed order, and SVG ids are
numbered rather than random.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from indicators import markup
from indicators.citation import DEMO_MARK
from indicators.export.chart import chart_file
from indicators.export.content import ChartContent, ChartRequest, MayView, chart_content
from indicators.export.words import w
from indicators.settings import classification_marking
from indicators.store import Store

ZIP_DATE = (2000, 1, 1, 0, 0, 0)
BUNDLE_FORMATS = ("png", "svg", "csv")


def bundle(
    store: Store,
    requests: Sequence[ChartRequest],
    may_view: MayView,
    lang: str,
    *,
    generated_at: dt.datetime | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """The zip of a briefing bundle, charts in `lang`, README in both languages.

    `extra`: more files, e.g. a review round's report (`round_<id>_<lang>.md`).
    """
    cat = store.catalogue()
    contents = [chart_content(store, r, may_view, cat) for r in requests]
    files: dict[str, bytes] = {}
    for c in contents:
        for fmt in BUNDLE_FORMATS:
            name, data = chart_file(c, lang, fmt)
            files[name] = data
    files.update(extra or {})
    when = generated_at or dt.datetime.now(dt.UTC)
    files["README.md"] = readme(contents, sorted(files), lang, when).encode("utf-8")
    return zip_bytes(files)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend on the files only (names sorted, fixed dates)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return buf.getvalue()


def readme(contents: Sequence[ChartContent], names: list[str], lang: str, when: dt.datetime) -> str:
    """What each chart shows, full citations, caveats, statements in both languages,
    the parameters, the store's version and data date."""
    other = "en" if lang == "nl" else "nl"
    lines = [f"# {w('bundle_title', lang)} / {w('bundle_title', other)}", ""]
    if any(c.demo for c in contents):
        lines += [f"**{DEMO_MARK[lang]} / {DEMO_MARK[other]}**", ""]
    if any(c.restricted for c in contents):
        marks = {classification_marking(lang), classification_marking(other)}
        lines += [f"**{' / '.join(sorted(marks))}**", ""]
    meta = contents[0].store_meta if contents else {}
    version = ", ".join(
        f"{k} {meta[k]}" for k in ("schema_version", "data_fingerprint", "built_at") if k in meta
    )
    lines += [
        f"- {w('generated', 'en')} / {w('generated', 'nl')}: {when.isoformat(timespec='seconds')}",
        f"- {w('store_version', 'en')} / {w('store_version', 'nl')}: {version}",
        "",
        f"## {w('charts', lang)} / {w('charts', other)}",
    ]
    for n, c in enumerate(contents, start=1):
        lines += _chart_section(n, c, [x for x in names if x.startswith(c.stem() + "_")])
    lines += ["", f"## {w('files', lang)} / {w('files', other)}", ""]
    lines += [f"- {name}" for name in [*names, "README.md"]]
    return "\n".join(lines) + "\n"


def _chart_section(n: int, c: ChartContent, files: list[str]) -> list[str]:
    req = c.request
    view = c.accounts["en"][0].view
    params = (
        f"indicator={req.indicator_id} countries={','.join(req.countries)} "
        f"reporter={c.reporter} a={view.a.label} b={view.b.label} "
        f"comparison={','.join(view.comparison) or '-'}"
    )
    lines = ["", f"### {n}. {c.title('en')} / {c.title('nl')}", ""]
    for lang in ("en", "nl"):
        lines += [
            f"**{lang.upper()}** — {c.subtitle(lang)}",
            "",
            f"- {w('definition', lang)}: {c.indicator.definition(lang)} {c.indicator.counts(lang)}",
            f"- {w('sentence', lang)}: {c.sentence(lang)}",
            *[f"  - {d}" for d in c.details(lang)],
            f"- {c.source(lang)}",
            f"- {w('caveats', lang)}: " + " ".join(cv(lang) for cv in c.indicator.caveats),
            "",
        ]
    lines += [
        f"- {w('parameters', 'en')}: {markup.code(params)}",  # from the request: data
        f"- {w('data_date', 'en')}: {c.data_date or '-'}; vintage {c.vintage or '-'}",
        f"- {w('citations', 'en')}:",
        *[f"  - {cit}" for cit in c.citations()],
        f"- {w('files', 'en')}: {', '.join(markup.code(f) for f in files)}",
    ]
    return lines
