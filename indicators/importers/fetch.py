"""`partnership-monitor fetch eurostat DATASET`: download SDMX-CSV and import it.

Uses Eurostat's public dissemination API (SDMX 3.0, `format=csvdata`,
`formatVersion=2.0`); `--filter geo=NL+EU27_2020` narrows the download on the
server. The downloaded file goes through the same import as a file on disk.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from indicators.errors import FetchError, InputError, Problem
from indicators.files import write_file
from indicators.importers.pipeline import ImportReport, import_file

EUROSTAT_API = "https://ec.europa.eu/eurostat/api/dissemination"
TIMEOUT_S = 120


def eurostat_url(dataset: str, filters: list[str], base_url: str | None = None) -> str:
    """The SDMX-CSV 2.0 download URL of a dataset, with dimension filters."""
    params: list[tuple[str, str]] = []
    for spec in filters:
        dim, sep, values = spec.partition("=")
        if not sep or not dim.strip() or not values.strip():
            raise InputError(
                Problem("--filter", None, None, f"expected dimension=value[+value], got {spec!r}")
            )
        params.append((f"c[{dim.strip()}]", ",".join(v.strip() for v in values.split("+"))))
    params += [("format", "csvdata"), ("formatVersion", "2.0"), ("compress", "false")]
    code = urllib.parse.quote(dataset.upper())
    path = f"/sdmx/3.0/data/dataflow/ESTAT/{code}/1.0/*"
    return (base_url or EUROSTAT_API).rstrip("/") + path + "?" + urllib.parse.urlencode(params)


def download(url: str, target: Path) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "partnership-monitor"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310
            data = answer.read()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"download failed: HTTP {exc.code} {exc.reason} for {url}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise FetchError(f"download failed: {exc} for {url}") from None
    if not data.strip():
        raise FetchError(f"download failed: empty answer for {url}")
    write_file(target, data)


def download_eurostat(
    dataset: str, target: Path | str, filters: list[str] | None = None, *, base_url=None
) -> str:
    """Download a dataset's SDMX-CSV to `target` without importing it; return the URL.

    For a folder of public files (`build --from`): the file's modification time is
    the time of the fetch, which the build takes as the date its figures were known.
    """
    url = eurostat_url(dataset, filters or [], base_url)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    download(url, Path(target))
    return url


def fetch_eurostat(
    store_path: Path | str,
    dataset: str,
    filters: list[str] | None = None,
    *,
    base_url: str | None = None,
    vintage: dt.date | None = None,
    dry_run: bool = False,
    keep: str | None = None,
) -> ImportReport:
    url = eurostat_url(dataset, filters or [], base_url)
    with tempfile.TemporaryDirectory(prefix="pm-fetch-") as tmp:
        target = Path(keep) if keep else Path(tmp) / f"{dataset.lower()}.csv"
        download(url, target)
        report = import_file(
            store_path,
            "eurostat",
            target,
            vintage=vintage,
            dry_run=dry_run,
            dataset=dataset.lower(),
        )
    report.notes.append(f"downloaded from {url}")
    return report
