"""`partnership-monitor export chart|bundle|pack`: briefing files in batch, before a meeting.

Heavy imports (plotly, kaleido, reportlab) happen when the command runs, so other
commands start as quickly as before.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from indicators.cli.common import subcommand
from indicators.errors import InputError, Problem, RenderError
from indicators.files import write_file

KINDS = ("chart", "bundle", "pack")
FORMATS = {
    "chart": ("png", "svg", "pdf", "csv", "xlsx"),
    "bundle": ("zip",),
    "pack": ("pdf", "pptx"),
}


def add_parser(subparsers: Any) -> None:
    sp = subcommand(subparsers, "export", "briefing files: a chart, a bundle or a country pack")
    sp.add_argument("kind", choices=KINDS, help="one chart, a bundle of charts, or a country pack")
    sp.add_argument(
        "--country", required=True, help="ISO3 code(s), comma-separated: TUN or TUN,MAR"
    )
    sp.add_argument(
        "--indicator",
        default=None,
        help="indicator id(s), comma-separated (bundle: 'all' for every one that may be shown)",
    )
    sp.add_argument("--reporter", default=None, help="reporting area (default: the first)")
    sp.add_argument(
        "--comparison",
        default=None,
        help="comparison countries, e.g. MAR,EGY; 'none' for none (default: the comparison "
        "countries when --country is a priority country)",
    )
    sp.add_argument("--a", default="baseline", help="window A: 2016-2021 or a period id")
    sp.add_argument("--b", default="partnership", help="window B, written like window A")
    sp.add_argument("--lang", choices=("nl", "en"), default="nl")
    sp.add_argument(
        "--round",
        default=None,
        help="bundle, pack: add this review round's judgements and claims beside the "
        "figures of its vintage (partnership-monitor framework export lists the rounds)",
    )
    sp.add_argument(
        "--format",
        default=None,
        help="chart: png, svg, pdf, csv or xlsx (comma-separated for several); pack: pdf or "
        "pptx (default both); bundle: zip",
    )
    sp.add_argument(
        "--out", type=Path, default=Path("."), help="file to write, or a folder (default: here)"
    )
    sp.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from indicators.export.content import store_may_view
    from indicators.export.render import unavailable_reason
    from indicators.store import Store

    formats = _formats(args)
    if any(f in ("png", "svg", "pdf", "zip", "pptx") for f in formats):
        reason = unavailable_reason()
        if reason:
            raise RenderError(reason)
    store = Store(args.store)
    may_view = store_may_view(store)
    files = {"chart": _chart, "bundle": _bundle, "pack": _pack}[args.kind](
        store, args, formats, may_view
    )
    for name, data in files:
        target = _target(args.out, name, len(files))
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file(target, data)  # never through a symlink planted at the name
        print(f"wrote {target} ({len(data):,} bytes)")
    return 0


def _formats(args: argparse.Namespace) -> list[str]:
    allowed = FORMATS[args.kind]
    if args.format is None:
        if args.kind == "chart" and args.out.suffix.lstrip(".") in allowed:
            return [args.out.suffix.lstrip(".")]
        return ["png"] if args.kind == "chart" else list(allowed)
    chosen = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    bad = [f for f in chosen if f not in allowed]
    if bad or not chosen:
        reason = f"{args.kind} can be written as {', '.join(allowed)}, not {bad or '(nothing)'}"
        raise InputError(Problem("--format", None, None, reason))
    return chosen


def _countries(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in args.country.split(",") if c.strip())


def _comparison(args: argparse.Namespace) -> tuple[str, ...] | None:
    """The comparison countries asked for: None for the default ones, () for none."""
    if args.comparison is None:
        return None
    if args.comparison.strip().lower() in ("", "none"):
        return ()
    return tuple(c.strip().upper() for c in args.comparison.split(",") if c.strip())


def _indicators(args: argparse.Namespace, store, may_view) -> list[str]:  # noqa: ANN001
    if not args.indicator:
        raise InputError(Problem("--indicator", None, None, f"{args.kind} needs --indicator"))
    if args.indicator.strip().lower() == "all":
        return [i.id for i in store.catalogue().indicators if may_view(i)]
    return [i.strip() for i in args.indicator.split(",") if i.strip()]


def _chart(store, args, formats, may_view) -> list[tuple[str, bytes]]:  # noqa: ANN001
    from indicators.export.chart import chart_file
    from indicators.export.content import ChartRequest, chart_content

    ids = _indicators(args, store, may_view)
    if len(ids) != 1:
        raise InputError(Problem("--indicator", None, None, "chart takes one indicator"))
    request = ChartRequest(
        ids[0], _countries(args), args.reporter, args.a, args.b, _comparison(args)
    )
    content = chart_content(store, request, may_view)
    return [chart_file(content, args.lang, fmt) for fmt in formats]


def _bundle(store, args, formats, may_view) -> list[tuple[str, bytes]]:  # noqa: ANN001
    from indicators.export.bundle import bundle
    from indicators.export.content import ChartRequest
    from indicators.export.filenames import bundle_name

    countries = _countries(args)
    requests = [
        ChartRequest(i, countries, args.reporter, args.a, args.b, _comparison(args))
        for i in _indicators(args, store, may_view)
    ]
    name = bundle_name(countries, args.a, args.b, args.lang)
    extra = _round_files(store, args)
    return [(name, bundle(store, requests, may_view, args.lang, extra=extra))]


def _pack(store, args, formats, may_view) -> list[tuple[str, bytes]]:  # noqa: ANN001
    from indicators.export.pack import pack_content, pack_file

    countries = _countries(args)
    if len(countries) != 1:
        raise InputError(Problem("--country", None, None, "a pack is for one country"))
    pack = pack_content(
        store,
        countries[0],
        may_view,
        args.lang,
        args.a,
        args.b,
        reporter=args.reporter,
        comparison=_comparison(args),
    )
    for text in _round_files(store, args).values():
        pack.round_lines = text.decode("utf-8").splitlines()
    return [pack_file(pack, fmt) for fmt in formats]


def _round_files(store, args) -> dict[str, bytes]:  # noqa: ANN001
    """`--round ID`: the round's report (judgements, claims, figures of its vintage)."""
    if not getattr(args, "round", None):
        return {}
    from indicators.access import LOCAL, can_view
    from indicators.export.filenames import round_name
    from indicators.framework import Framework
    from indicators.framework.report import round_text
    from indicators.store.workspaces import open_workspace

    cat = store.catalogue()
    status = store.demo_status()
    visible = frozenset(i.id for i in cat.indicators if can_view(LOCAL, i, status))
    text = round_text(store, Framework(open_workspace(store.path)), LOCAL, args.round,
                      args.lang, visible)  # fmt: skip
    return {round_name(args.round, args.lang): text.encode("utf-8")}


def _target(out: Path, name: str, n_files: int) -> Path:
    """`out` itself when it names one file; otherwise the generated name inside `out`."""
    if out.is_dir() or n_files > 1 or not out.suffix:
        return out / name
    return out
