"""`fetch eurostat` against a local HTTP server, and `build --from DIR` from real files."""

from __future__ import annotations

import http.server
import shutil
import threading
import urllib.parse
from pathlib import Path

import pytest

from indicators.cli import main
from indicators.importers.fetch import eurostat_url
from indicators.store import Store
from tests.conftest import realdata
from tests.importers.conftest import digest
from tests.importers.test_eurostat import sdmx2_codes


@pytest.fixture
def server(tmp_path):
    """A server on 127.0.0.1 answering every GET with a recorded file; logs the requests."""
    state: dict = {"body": b"", "status": 200, "requests": []}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            state["requests"].append(self.path)
            self.send_response(state["status"])
            self.send_header("Content-Type", "text/csv")
            self.end_headers()
            self.wfile.write(state["body"])

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}/api"
    yield state
    httpd.shutdown()
    httpd.server_close()


def test_fetch_downloads_sdmx_csv_with_filters_and_imports_it(store_copy, tmp_path, server, capsys):
    server["body"] = sdmx2_codes(tmp_path).read_bytes()
    code = main(
        ["fetch", "eurostat", "migr_eirtn1", "--filter", "citizen=MA+TN", "--filter",
         "geo=NL+EU27_2020", "--base-url", server["url"], "--store", str(store_copy)]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0 and "4 added" in out, out
    (request,) = server["requests"]
    url = urllib.parse.urlsplit(request)
    assert url.path == "/api/sdmx/3.0/data/dataflow/ESTAT/MIGR_EIRTN1/1.0/*"
    query = dict(urllib.parse.parse_qsl(url.query))
    assert query["c[citizen]"] == "MA,TN" and query["c[geo]"] == "NL,EU27_2020"
    assert query["format"] == "csvdata" and query["formatVersion"] == "2.0"
    obs = Store(store_copy).observations("return_returned", "MAR", "EU27")
    assert list(obs["value"]) == [7015, 6890]


def test_download_only_then_build_from_the_folder(tmp_path, server, capsys):
    # The README's "real data in ten minutes": fetch into a folder, then build --from.
    server["body"] = sdmx2_codes(tmp_path).read_bytes()
    folder = tmp_path / "public"
    target = folder / "migr_eirtn1.csv"
    args = ["fetch", "eurostat", "migr_eirtn1", "--base-url", server["url"], "--download-only"]
    assert main(args) == 1  # --keep is needed
    assert "--download-only needs --keep" in capsys.readouterr().err
    assert main([*args, "--keep", str(target)]) == 0
    assert "not imported" in capsys.readouterr().out and target.exists()
    store_path = tmp_path / "public.duckdb"
    assert main(["build", "--from", str(folder), "--store", str(store_path)]) == 0
    out = capsys.readouterr().out
    assert "Imported: migr_eirtn1.csv as eurostat" in out
    assert "from the file's modification time" in out  # the time of the fetch
    store = Store(store_path)
    assert list(store.observations("return_returned", "MAR", "EU27")["value"]) == [7015, 6890]


def test_fetch_http_error_or_bad_answer_changes_nothing(store_copy, server, capsys):
    before = digest(store_copy)
    server["status"] = 404
    args = ["fetch", "eurostat", "migr_eirtn1", "--base-url", server["url"]]
    assert main([*args, "--store", str(store_copy)]) == 1
    assert "HTTP 404" in capsys.readouterr().err
    server["status"], server["body"] = 200, b"<html>maintenance</html>\n"
    assert main([*args, "--store", str(store_copy)]) == 1
    assert "not a Eurostat file" in capsys.readouterr().err
    assert digest(store_copy) == before


def test_default_url_is_eurostat_dissemination_api():
    url = eurostat_url("migr_eiord1", ["geo=NL"])
    assert url.startswith("https://ec.europa.eu/eurostat/api/dissemination/sdmx/3.0/data/")
    with pytest.raises(ValueError, match="dimension=value"):
        eurostat_url("migr_eiord1", ["geo"])


def test_build_from_a_folder_of_public_files(tmp_path, capsys):
    folder = tmp_path / "public"
    folder.mkdir()
    for parts in (
        ("returns", "frontex_return_ops_returnees.csv"),
        ("eurostat", "migr_eirfs_sdmxcsv_labels__natix.csv"),
        ("unhcr", "unhcr_refugee_data_finder_EU_UK__natix.csv"),
    ):
        shutil.copy(realdata(*parts), folder / parts[-1])
    store_path = tmp_path / "public.duckdb"
    # The UNHCR export holds totals over all origins only and the Eurostat extract has
    # no row by citizenship: both refused on their own, the list still goes in.
    assert main(["build", "--from", str(folder), "--store", str(store_path)]) == 1
    captured = capsys.readouterr()
    assert "Refused: unhcr_refugee_data_finder_EU_UK__natix.csv (unhcr)" in captured.out
    assert "Refused: migr_eirfs_sdmxcsv_labels__natix.csv (eurostat)" in captured.out
    assert "Imported: frontex_return_ops_returnees.csv as frontex-returns" in captured.out
    assert "error: 2 of 3 file(s) refused" in captured.err
    store = Store(store_path)
    assert store.demo_status() == "real"  # no demonstration notice for this store
    assert set(store.counts_by_source()["source_id"]) == {"frontex_return_ops"}
    assert len(store.imports()) == 1  # the refused files left no trace
    assert main(["info", "--store", str(store_path), "--json"]) == 0
    assert '"demo": false' in capsys.readouterr().out
    # A bad file is refused on its own: the other files still go in.
    (folder / "broken.csv").write_text("ROID,DATE,MSNAME,DEST,N_RETURNEES\nx,y,z\n", "utf-8")
    assert main(["build", "--from", str(folder), "--store", str(store_path)]) == 1
    out = capsys.readouterr().out
    assert "Refused: broken.csv (frontex-returns)" in out and "row 2" in out
    assert set(Store(store_path).counts_by_source()["source_id"]) == {"frontex_return_ops"}
    assert not list(Path(tmp_path).glob(".public.duckdb*"))
    # A folder where nothing can be used leaves the existing store as it was.
    before = digest(store_path)
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    shutil.copy(folder / "broken.csv", only_bad / "broken.csv")
    assert main(["build", "--from", str(only_bad), "--store", str(store_path)]) == 1
    assert digest(store_path) == before
