"""Many browser-like sessions against a live server, while an import replaces the store.

Each simulated user speaks Streamlit's own websocket protocol (`/_stcore/stream`, the
BackMsg/ForwardMsg protobufs the browser sends and receives): it opens a session on a
page from a shared link, changes a widget, and on the comparison page downloads the
table (an export), then starts over with another visit. Meanwhile the CLI imports a
file into the store (validated, written to a copy, swapped in with os.replace).

What a user sees is reduced to a signature per step (the text, charts and tables the
run drew, or the exported bytes). Before the load every step is rendered on the old
store, after it on the new one; during the load every step must match one of the two:
a page that mixes old and new data matches neither. Visits that begin after the
import finished must see the new data (no stale cache). Used by `make bench`
(bench_load) with 20+ sessions and by tests/test_load.py with a few.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import os
import random
import shutil
import statistics
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from indicators.serving.apps import AppProcess
from indicators.serving.front import Front
from indicators.serving.nginx import COOKIE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_IMPORT = ROOT / "data" / "templates" / "internal_figures_example.csv"
FINISHED = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
RERUN = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")


@dataclass(frozen=True)
class Step:
    """One thing a user does: open a link, pick a widget option, or download."""

    page: str | None = None  # open this page (with `query`) ...
    query: str = ""
    widget: str | None = None  # ... or set the widget whose key ends with this
    option: int | str = 1  # to this option (index into its options, or the label)
    export: bool = False  # ... or download the page's file (the download button)


# A visit: what one person does after opening a shared link. Page views, widget
# changes and an export; every step's result is checked.
SCENARIOS: dict[str, tuple[Step, ...]] = {
    # The overview is the default page, served at / (its own /overview link leads there).
    "overview": (Step(""), Step(widget="app_lang", option="English")),
    "country": (Step("country", "country=TUN"), Step(widget="country_iso3", option=1)),
    "explore": (
        Step("explore", "indicator=irregular_detections"),
        Step(widget="explore_indicator", option=2),
    ),
    "compare": (
        Step("compare", "indicators=irregular_detections,return_returned&countries=TUN,MAR"),
        Step(export=True),
    ),
    "sources": (Step("sources"),),
}


@dataclass
class StepResult:
    scenario: str
    step: int
    signature: str
    seconds: float
    started: float
    visit_started: float
    error: str | None = None


@dataclass
class Session:
    """One websocket session (a browser tab) on the server."""

    base: str  # http://127.0.0.1:PORT
    cookie: str | None = None  # the front's sticky-session cookie, as a browser keeps it
    ws: object = None
    query: str = ""
    page: str = ""
    widgets: dict[str, object] = field(default_factory=dict)
    download: str | None = None

    async def __aenter__(self) -> Session:
        ws_url = self.base.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await websockets.connect(
            ws_url,
            subprotocols=["streamlit"],
            origin=self.base,
            max_size=None,
            open_timeout=60,
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()

    async def run(self, step: Step, timeout: float) -> str:
        """Do one step; the signature of what the user then sees (or downloaded)."""
        if step.export:
            if not self.download:
                raise RuntimeError("no download offered on this page")
            return await asyncio.to_thread(self._fetch, self.download)
        msg = BackMsg()
        state = msg.rerun_script
        if step.page is not None:
            self.page, self.query = step.page, step.query
        else:
            key = next((k for k in self.widgets if k.endswith("-" + str(step.widget))), None)
            if key is None:
                raise RuntimeError(f"no widget {step.widget} on {self.page}")
            kind, options = self.widgets[key]
            widget = state.widget_states.widgets.add()
            widget.id = key
            value = options[step.option] if isinstance(step.option, int) else step.option
            if kind == "string_array_value":
                widget.string_array_value.data.extend([value])
            else:
                widget.string_value = value
        state.query_string, state.page_name = self.query, self.page
        await self.ws.send(msg.SerializeToString())
        return await asyncio.wait_for(self._collect(), timeout)

    async def _collect(self) -> str:
        digest = hashlib.sha256()
        self.widgets, self.download = {}, None
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await self.ws.recv())
            kind = fm.WhichOneof("type")
            if kind == "page_info_changed":
                self.query = fm.page_info_changed.query_string
            elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                self._element(fm.delta.new_element, digest)
            elif kind == "script_finished":
                if fm.script_finished == RERUN:  # st.switch_page: the server runs again
                    digest, self.widgets, self.download = hashlib.sha256(), {}, None
                    continue
                if fm.script_finished != FINISHED:
                    raise RuntimeError(f"script finished with status {fm.script_finished}")
                return digest.hexdigest()

    def _element(self, el, digest) -> None:  # noqa: ANN001 - a protobuf Element
        kind = el.WhichOneof("type")
        if kind == "exception":
            raise RuntimeError(f"exception on the page: {el.exception.message}")
        if kind == "alert" and el.alert.format == Alert.ERROR:
            raise RuntimeError(f"error on the page: {el.alert.body}")
        if kind in ("selectbox", "radio"):
            self.widgets[el.__getattribute__(kind).id] = (
                "string_value",
                list(getattr(el, kind).options),
            )
        elif kind == "multiselect":
            self.widgets[el.multiselect.id] = ("string_array_value", list(el.multiselect.options))
        elif kind == "download_button" and self.download is None and el.download_button.url:
            # The page's first file served by URL: the comparison's CSV (its XLSX carries a
            # save time). Files made on click (the forest plot's) have no URL until asked.
            self.download = el.download_button.url
        content = {
            "markdown": lambda: el.markdown.body,
            "alert": lambda: el.alert.body,
            "heading": lambda: el.heading.body,
            "plotly_chart": lambda: el.plotly_chart.spec,
            "arrow_data_frame": lambda: el.arrow_data_frame.data,
            "metric": lambda: el.metric.body,
        }.get(kind)
        if content is not None:
            value = content()
            digest.update(kind.encode() + b"\0")
            digest.update(value if isinstance(value, bytes) else value.encode())

    def _fetch(self, url: str) -> str:
        request = urllib.request.Request(self.base + url)
        if self.cookie:
            request.add_header("Cookie", self.cookie)
        with urllib.request.urlopen(request, timeout=60) as resp:
            return hashlib.sha256(resp.read()).hexdigest()


def browser_cookie(base: str) -> str | None:
    """What a browser keeps from opening the app's address: the front's route cookie.

    None from a bare app process (no front, no cookie).
    """
    with urllib.request.urlopen(base + "/", timeout=60) as resp:
        for header in resp.headers.get_all("Set-Cookie") or []:
            if header.startswith(COOKIE + "="):
                return header.split(";", 1)[0]
    return None


Think = tuple[float, float] | None  # seconds a user reads before acting: (least, most)


async def visit(
    base: str,
    name: str,
    timeout: float,
    cookie: str | None = None,
    think: Think = None,
    rng: random.Random | None = None,
) -> list[StepResult]:
    """Open a session, do a scenario's steps (reading `think` seconds before each), close it."""
    results: list[StepResult] = []
    visit_started = time.monotonic()
    try:
        async with Session(base, cookie) as session:
            for n, step in enumerate(SCENARIOS[name]):
                if think and n:
                    await asyncio.sleep((rng or random).uniform(*think))
                start = time.monotonic()
                signature = await session.run(step, timeout)
                results.append(
                    StepResult(name, n, signature, time.monotonic() - start, start, visit_started)
                )
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
        n = len(results)
        results.append(StepResult(name, n, "", 0.0, time.monotonic(), visit_started, repr(exc)))
    return results


async def reference(
    base: str, timeout: float, warm_times: list[float] | None = None
) -> dict[tuple[str, int], str]:
    """Every step's signature on the store as it is now; twice, to prove it is stable.

    The second pass is one user alone on warm caches: its step times go to `warm_times`.
    """
    found: dict[tuple[str, int], str] = {}
    cookie = await asyncio.to_thread(browser_cookie, base)  # through a front: one browser
    for n in range(2):
        for name in SCENARIOS:
            for r in await visit(base, name, timeout, cookie):
                if r.error:
                    raise RuntimeError(f"reference run of {name} step {r.step}: {r.error}")
                key = (name, r.step)
                if found.setdefault(key, r.signature) != r.signature:
                    raise RuntimeError(f"{name} step {r.step} draws differently on each run")
                if n == 1 and warm_times is not None:
                    warm_times.append(r.seconds)
    return found


# --- the server and the import --------------------------------------------------------


def import_command(store: Path, file: Path = EXAMPLE_IMPORT) -> list[str]:
    return [
        sys.executable,
        "-m",
        "indicators.cli",
        "import",
        "template",
        str(file),
        "--store",
        str(store),
    ]


@contextlib.contextmanager
def serving(
    store: Path, env: dict[str, str] | None = None, processes: int | None = None
) -> Iterator[tuple[str, Callable[[], dict[str, float]]]]:
    """A bare app process (`processes` None) or nginx in front of that many processes.

    Yields the address users open and a reader of each app process's peak memory (MB).
    """
    if processes is None:
        with AppProcess.on_free_port(store, env=dict(env or {})) as app:
            yield app.url, lambda: {"app": app.memory_mb().get("peak_rss_mb", float("nan"))}
        return
    if os.geteuid() == 0:
        # Root's front runs its processes as the service account: it must reach the
        # store (temporary directories are private to their owner).
        os.chmod(store.parent, 0o755)
    with Front.on_free_ports(store, processes, env=dict(env or {})) as front:

        def memory() -> dict[str, float]:
            return {
                str(port): m.get("peak_rss_mb", float("nan"))
                for port, m in front.memory_mb().items()
            }

        yield front.url, memory


# --- the load ----------------------------------------------------------------------

MAX_VISITS = 500  # per user: the loop is bounded in count as well as in time


@dataclass
class LoadReport:
    sessions: int
    seconds: float
    results: list[StepResult]
    old: dict[tuple[str, int], str]
    new: dict[tuple[str, int], str]
    import_started: float
    import_finished: float
    import_output: str
    memory_mb: dict[str, float]  # peak resident memory of each app process
    alone: list[float] = field(default_factory=list)  # one user alone, warm caches
    processes: int | None = None  # None: one bare app process, no front
    think: Think = None

    @property
    def peak_rss_mb(self) -> float:
        return max(self.memory_mb.values(), default=float("nan"))

    @property
    def errors(self) -> list[StepResult]:
        return [r for r in self.results if r.error]

    @property
    def mixed(self) -> list[StepResult]:
        """Steps that showed neither the old nor the new data."""
        return [
            r
            for r in self.results
            if not r.error
            and r.signature not in (self.old[(r.scenario, r.step)], self.new[(r.scenario, r.step)])
        ]

    @property
    def stale(self) -> list[StepResult]:
        """Steps of visits begun after the import finished that still showed old data."""
        return [
            r
            for r in self.results
            if not r.error
            and r.visit_started > self.import_finished
            and r.signature != self.new[(r.scenario, r.step)]
        ]

    def seen(self, which: str) -> int:
        ref = self.old if which == "old" else self.new
        return sum(
            1 for r in self.results if not r.error and r.signature == ref[(r.scenario, r.step)]
        )

    @property
    def changed_steps(self) -> list[tuple[str, int]]:
        return [k for k in self.old if self.old[k] != self.new[k]]

    def figures(self) -> dict:
        times = sorted(r.seconds for r in self.results if not r.error)
        pct = statistics.quantiles(times, n=20) if len(times) >= 2 else [float("nan")] * 19
        page_runs = sum(1 for r in self.results if not r.error)
        return {
            "sessions": self.sessions,
            "processes": self.processes or 1,
            "through_nginx": self.processes is not None,
            "think_s": list(self.think) if self.think else None,
            "duration_s": round(self.seconds, 1),
            "requests": len(self.results),
            "page_runs": page_runs,
            "finished_per_s": round(page_runs / self.seconds, 2) if self.seconds else None,
            "p50_s": round(statistics.median(times), 3) if times else None,
            "p95_s": round(pct[18], 3),
            "max_s": round(times[-1], 3) if times else None,
            "errors": len(self.errors),
            "mixed_old_new": len(self.mixed),
            "stale_after_import": len(self.stale),
            "saw_old": self.seen("old"),
            "saw_new": self.seen("new"),
            "import_s": round(self.import_finished - self.import_started, 2),
            "peak_server_rss_mb": self.peak_rss_mb,
            "peak_rss_mb_per_process": self.memory_mb,
            "one_user_warm_p50_s": round(statistics.median(self.alone), 3) if self.alone else None,
        }


async def _user(
    base: str, index: int, until: dict, timeout: float, think: Think
) -> list[StepResult]:
    """One browser: visit after visit until the time is up and the import is a while past."""
    names = list(SCENARIOS)
    rng = random.Random(index)
    out: list[StepResult] = []
    try:
        cookie = await asyncio.to_thread(browser_cookie, base)
    except Exception as exc:  # noqa: BLE001 - counted like any failed step
        now = time.monotonic()
        return [StepResult("open", 0, "", 0.0, now, now, repr(exc))]
    if think:
        await asyncio.sleep(rng.uniform(0, think[1]))  # people do not all arrive at once
    n = index
    for _ in range(MAX_VISITS):
        now = time.monotonic()
        if now >= until["deadline"] and now >= until["after_import"]:
            break
        out += await visit(base, names[n % len(names)], timeout, cookie, think, rng)
        n += 1
        if think:
            await asyncio.sleep(rng.uniform(*think))
    return out


async def _load(
    base: str,
    store: Path,
    sessions: int,
    seconds: float,
    import_after: float,
    timeout: float,
    think: Think,
) -> tuple[list[StepResult], float, float, str]:
    # Users go on until `seconds` have passed and, whatever the import's speed, for a
    # while after it: visits on the new store are part of every run.
    until = {"deadline": time.monotonic() + seconds, "after_import": float("inf")}
    users = [asyncio.create_task(_user(base, i, until, timeout, think)) for i in range(sessions)]
    await asyncio.sleep(import_after)
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        *import_command(store),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output = (await proc.communicate())[0].decode()
    finished = time.monotonic()
    # With think time a user starts a visit every few seconds: give each a few.
    after = max(5.0, seconds / 5) if not think else max(3 * think[1], seconds / 4)
    until["after_import"] = finished + after
    if proc.returncode != 0:
        for user in users:
            user.cancel()
        raise RuntimeError(f"the import failed: {output}")
    results = [r for batch in await asyncio.gather(*users) for r in batch]
    return results, started, finished, output


def _run_async(coro):
    """Run `coro` to completion on a fresh event loop in its own thread.

    Callers may already be inside a running loop (Playwright's sync API keeps one
    running in the test process once a browser test has started it), where
    asyncio.run would refuse; a thread has no running loop of its own.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def old_signatures(store: Path, env: dict[str, str] | None = None, timeout: float = 120) -> dict:
    """Every step's signature on `store` as it is, from a server of its own on a copy."""
    before = store.with_name(store.stem + ".before" + store.suffix)
    shutil.copyfile(store, before)
    try:
        with AppProcess.on_free_port(before, env=dict(env or {})) as app:
            return _run_async(reference(app.url, timeout))
    finally:
        before.unlink()


def run_load(
    store: Path,
    sessions: int = 20,
    seconds: float = 60,
    import_after: float = 10,
    timeout: float = 120,
    env: dict[str, str] | None = None,
    processes: int | None = None,
    think: Think = None,
    old: dict | None = None,
) -> LoadReport:
    """Serve `store`, record old signatures, load it while importing, record new ones.

    `store` is changed by the import: pass a copy. The old signatures come from a
    separate server on a copy of the store (or from `old`, when several runs start
    from the same store), so the loaded server starts with cold caches and fills them
    while the store is being replaced. `processes`: serve through nginx in front of
    that many app processes instead of one bare process. `think`: each user reads a
    page for a random time in that range (seconds) before the next action.
    """
    old = old or old_signatures(store, env, timeout)
    with serving(store, env, processes) as (base, memory):
        started = time.monotonic()
        results, imp_start, imp_end, output = _run_async(
            _load(base, store, sessions, seconds, import_after, timeout, think)
        )
        elapsed = time.monotonic() - started
        alone: list[float] = []
        new = _run_async(reference(base, timeout, alone))
        peaks = memory()
    return LoadReport(
        sessions, elapsed, results, old, new, imp_start, imp_end, output, peaks, alone,
        processes, think,
    )  # fmt: skip


def main(argv: Sequence[str]) -> int:
    """`python -m tests.loadgen STORE [SESSIONS] [SECONDS] [PROCESSES]`: a load run by hand.

    PROCESSES: through nginx in front of that many app processes (else one bare one).
    """
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store.duckdb"
        shutil.copyfile(argv[0], store)
        sessions = int(argv[1]) if len(argv) > 1 else 20
        seconds = float(argv[2]) if len(argv) > 2 else 60
        processes = int(argv[3]) if len(argv) > 3 else None
        report = run_load(store, sessions, seconds, import_after=seconds / 3, processes=processes)
        print(json.dumps(report.figures(), indent=2))
        for r in (report.errors + report.mixed + report.stale)[:10]:
            print(r)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
