"""The framework on a store built from ../shared/realdata: no demonstration framework,
and a round prepared on real figures reports them as of its vintage."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from indicators.access import LOCAL
from indicators.framework import Framework
from indicators.framework.demo import seed_demo_framework
from indicators.framework.report import report_markdown, round_report
from indicators.store import Store
from indicators.store.workspace import DuckDBWorkspace, workspace_path
from tests.framework.conftest import TESS, TOM, objective, review_round


def test_a_real_store_gets_no_demonstration_framework_and_reports_real_figures(
    realdata_build, tmp_path: Path
):
    path = tmp_path / "public.duckdb"
    shutil.copyfile(realdata_build.path, path)
    assert not workspace_path(realdata_build.path).exists()
    assert seed_demo_framework(path) == 0  # real figures never get demonstration judgements
    store = Store(path)
    assert store.demo_status() == "real"
    vintage = max(store.vintages())
    fw = Framework(DuckDBWorkspace.beside(path), audit_path=tmp_path / "audit.jsonl")
    [link] = objective().links
    real = objective(links=(replace(link, reporter="EU_EXT"),))
    fw.seed([real, review_round(id="TUN-REAL", vintage=vintage, date=vintage)],
            author=TESS.user, approver=TOM.user)  # fmt: skip
    visible = frozenset(i.id for i in store.catalogue().indicators if not i.restricted)
    text = report_markdown(round_report(store, fw, LOCAL, "TUN-REAL", "en", visible), "en")
    line = next(x for x in text.splitlines() if x.startswith("- Detections of irregular"))
    assert "no data known" not in line and "95% interval" in line, line
    assert "Demonstration framework" not in text
