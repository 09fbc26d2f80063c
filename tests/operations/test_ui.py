"""The UI a user sees, for real: `dagster dev` (webserver and daemon) on a free localhost port with a temporary
DAGSTER_HOME; the refresh launched through GraphQL; the sensor switched on through GraphQL; the asset graph page
rendered by headless Chromium and saved as a screenshot."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from operations_support import PROJECT_ROOT, PER_DOCUMENT_STAGES, Workspace, free_port, make_workspace, require_system, seed_files
from pipeline.defs.automation import REFRESH_JOB, SOURCE_SENSOR

LOCATION = "pipeline.definitions"
REPOSITORY = "__repository__"
STARTUP_SECONDS = 180
RUN_SECONDS = 300
INSTANCE_CONFIG = "telemetry:\n  enabled: false\n"
SCREEN = (1800, 1200)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

LAUNCH_RUN = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}"""
RUN_STATUS = "query Status($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status tags { key value } } } }"
RUN_EVENTS = """
query Events($id: ID!, $after: String) {
  logsForRun(runId: $id, afterCursor: $after, limit: 500) {
    __typename
    ... on EventConnection {
      cursor
      hasMore
      events {
        __typename
        ... on MaterializationEvent {
          assetKey { path }
          metadataEntries { label ... on IntMetadataEntry { intValue } }
        }
        ... on AssetCheckEvaluationEvent { evaluation { checkName success } }
      }
    }
  }
}"""
START_SENSOR = """
mutation Start($selector: SensorSelector!) {
  startSensor(sensorSelector: $selector) { __typename ... on Sensor { sensorState { id status } } ... on PythonError { message } }
}"""
STOP_SENSOR = "mutation Stop($id: String!) { stopSensor(id: $id) { __typename } }"
SENSOR_RUNS = """
query SensorRuns($tag: String!) {
  runsOrError(filter: {tags: [{key: "dagster/sensor_name", value: $tag}]}) { __typename ... on Runs { results { runId status } } }
}"""
SUMMARY = """
{ repositoriesOrError { __typename ... on RepositoryConnection { nodes { name location { name }
    jobs { name } assetNodes { assetKey { path } } sensors { name } schedules { name } } } } }"""


@dataclass
class DagsterDev:
    """A running `dagster dev` and the folders it works on."""

    url: str
    workspace: Workspace
    process: subprocess.Popen[bytes]
    log: Path

    def graphql(self, query: str, **variables: object) -> dict[str, object]:
        response = requests.post(f"{self.url}/graphql", json={"query": query, "variables": variables}, timeout=60)
        response.raise_for_status()
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]


def _reset_signals() -> None:
    # the test runner may have inherited ignored SIGINT/SIGTERM; dagster dev shuts its children down on them
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _wait_until_loaded(server: DagsterDev) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.process.poll() is None, f"dagster dev exited early:\n{server.log_tail()}"
        try:
            summary = server.graphql(SUMMARY)["repositoriesOrError"]
            if summary["__typename"] == "RepositoryConnection" and summary["nodes"]:  # type: ignore[index]
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail(f"dagster dev did not load the code location in {STARTUP_SECONDS}s:\n{server.log_tail()}")


@pytest.fixture(scope="module")
def dagster_dev(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DagsterDev]:
    """dagster dev on the seeds minus one, whose per-document results are already computed (a previous run)."""
    root = tmp_path_factory.mktemp("ui")
    *initial, _ = seed_files()
    workspace = make_workspace(root, initial)
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(INSTANCE_CONFIG, encoding="utf-8")
    # the previous run: in a separate instance, so that this one records only what the tests launch
    subprocess.run([str(Path(sys.executable).parent / "dagster"), "job", "execute", "-m", LOCATION, "-j", REFRESH_JOB],
                   cwd=PROJECT_ROOT, check=True, capture_output=True, timeout=RUN_SECONDS,
                   env={**os.environ, "DAGSTER_HOME": str(_scratch_home(root)),
                        "PIPELINE_SOURCE_DIR": str(workspace.source), "PIPELINE_DATA_DIR": str(workspace.data)})
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "PIPELINE_SOURCE_DIR": str(workspace.source),
           "PIPELINE_DATA_DIR": str(workspace.data), "PIPELINE_SENSOR_INTERVAL_SECONDS": "5"}
    log = root / "dagster_dev.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "dagster"), "dev", "-m", LOCATION, "-h", "127.0.0.1", "-p", str(port)],
            cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=_reset_signals)
    server = DagsterDev(f"http://127.0.0.1:{port}", workspace, process, log)
    try:
        _wait_until_loaded(server)
        yield server
    finally:
        _stop(process)


def _scratch_home(root: Path) -> Path:
    home = root / "previous_run_home"
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text(INSTANCE_CONFIG, encoding="utf-8")
    return home


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGINT lets dagster dev stop its webserver, daemon and code server; SIGKILL to its session if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the session this fixture started: children left behind, if any
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def wait_for_run(server: DagsterDev, run_id: str) -> dict[str, str]:
    """Wait for a run to finish; fail unless it succeeded. Returns its tags."""
    deadline = time.monotonic() + RUN_SECONDS
    while time.monotonic() < deadline:
        run = server.graphql(RUN_STATUS, id=run_id)["runOrError"]
        if run["status"] in {"SUCCESS", "FAILURE", "CANCELED"}:  # type: ignore[index]
            assert run["status"] == "SUCCESS", server.log_tail()  # type: ignore[index]
            return {tag["key"]: tag["value"] for tag in run["tags"]}  # type: ignore[index]
        time.sleep(1)
    pytest.fail(f"run {run_id} did not finish in {RUN_SECONDS}s:\n{server.log_tail()}")


def run_outcome(server: DagsterDev, run_id: str) -> tuple[dict[str, dict[str, int]], dict[str, bool]]:
    """(asset name → integer metadata, check name → passed) from the run's event log, read through GraphQL."""
    metadata: dict[str, dict[str, int]] = {}
    checks: dict[str, bool] = {}
    cursor = None
    while True:
        page = server.graphql(RUN_EVENTS, id=run_id, after=cursor)["logsForRun"]
        for event in page["events"]:  # type: ignore[index]
            if event["__typename"] == "MaterializationEvent":
                metadata[event["assetKey"]["path"][-1]] = {
                    e["label"]: e["intValue"] for e in event["metadataEntries"] if "intValue" in e}
            elif event["__typename"] == "AssetCheckEvaluationEvent":
                checks[event["evaluation"]["checkName"]] = event["evaluation"]["success"]
        if not page["hasMore"]:  # type: ignore[index]
            return metadata, checks
        cursor = page["cursor"]  # type: ignore[index]


def code_location_summary(server: DagsterDev) -> dict[str, object]:
    [repository] = server.graphql(SUMMARY)["repositoriesOrError"]["nodes"]  # type: ignore[index]
    return repository


def expected_checks(workspace: Workspace) -> set[str]:
    return {key.name for key in workspace.definitions().resolve_asset_graph().asset_check_keys}


def assert_only_one_document_computed(server: DagsterDev, run_id: str) -> None:
    """The run read one file and computed one document at every per-document stage; every check ran and passed."""
    files = len(list(server.workspace.source.iterdir()))
    metadata, checks = run_outcome(server, run_id)
    assert set(checks) == expected_checks(server.workspace)
    assert all(checks.values()), checks
    assert (metadata["source_files"]["read_now"], metadata["source_files"]["reused"]) == (1, files - 1)
    for stage, computed in PER_DOCUMENT_STAGES.items():
        assert (metadata[stage][computed], metadata[stage]["reused"]) == (1, files - 1), stage
    assert metadata["release"]["rows/documents"] == files


def test_ui_shows_jobs_sensor_schedule_and_every_asset(dagster_dev: DagsterDev) -> None:
    summary = code_location_summary(dagster_dev)
    assert summary["location"]["name"] == LOCATION  # type: ignore[index]
    assert {"refresh", "full_rebuild"} <= {job["name"] for job in summary["jobs"]}  # type: ignore[union-attr]
    assert [s["name"] for s in summary["sensors"]] == [SOURCE_SENSOR]  # type: ignore[union-attr]
    assert [s["name"] for s in summary["schedules"]] == ["daily_refresh"]  # type: ignore[union-attr]
    keys = {tuple(node["assetKey"]["path"]) for node in summary["assetNodes"]}  # type: ignore[union-attr]
    assert keys == {tuple(key.path) for key in dagster_dev.workspace.definitions().resolve_asset_graph().get_all_asset_keys()}


def test_refresh_launched_through_graphql_processes_only_the_new_document(dagster_dev: DagsterDev) -> None:
    held_out = seed_files()[-1]
    shutil.copy2(held_out, dagster_dev.workspace.source / held_out.name)
    launched = dagster_dev.graphql(LAUNCH_RUN, params={
        "selector": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "jobName": REFRESH_JOB},
        "runConfigData": {}})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched  # type: ignore[index]
    run_id = launched["run"]["runId"]  # type: ignore[index]
    wait_for_run(dagster_dev, run_id)
    assert_only_one_document_computed(dagster_dev, run_id)


def test_sensor_switched_on_through_graphql_refreshes_a_changed_file(dagster_dev: DagsterDev) -> None:
    changed = sorted(dagster_dev.workspace.source.iterdir())[0]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\n\nThe two sides agreed to stay in close communication.\n")
    selector = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "sensorName": SOURCE_SENSOR}
    started = dagster_dev.graphql(START_SENSOR, selector=selector)["startSensor"]
    assert started["sensorState"]["status"] == "RUNNING", started  # type: ignore[index]
    try:
        deadline = time.monotonic() + RUN_SECONDS
        runs: list[dict[str, str]] = []
        while not runs and time.monotonic() < deadline:
            time.sleep(2)
            runs = dagster_dev.graphql(SENSOR_RUNS, tag=SOURCE_SENSOR)["runsOrError"]["results"]  # type: ignore[index]
        assert len(runs) == 1, f"the sensor launched {len(runs)} runs:\n{dagster_dev.log_tail()}"
        tags = wait_for_run(dagster_dev, runs[0]["runId"])
    finally:
        dagster_dev.graphql(STOP_SENSOR, id=started["sensorState"]["id"])  # type: ignore[index]
    assert tags["pipeline/changed_files"] == "1" and tags["pipeline/new_files"] == "0"
    assert_only_one_document_computed(dagster_dev, runs[0]["runId"])


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_asset_graph_page_renders_every_asset_in_headless_chromium(dagster_dev: DagsterDev, tmp_path: Path) -> None:
    browser = chromium_binary()
    require_system(browser is not None, "headless Chromium (Debian package chromium)")
    from websockets.sync.client import connect

    asset_count = len(code_location_summary(dagster_dev)["assetNodes"])  # type: ignore[arg-type]
    groups = sorted(_group_names(dagster_dev))
    dagster_dev.graphql("mutation { setNuxSeen }")  # the first-visit newsletter dialog would cover the graph
    expanded = ",".join(f"global@global:{group}" for group in groups)
    page_url = f"{dagster_dev.url}/asset-groups?expanded={expanded}"
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    process = subprocess.Popen([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",  # type: ignore[list-item]
                                f"--window-size={SCREEN[0]},{SCREEN[1]}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    screenshot = tmp_path / "asset_graph.png"
    try:
        with connect(_page_websocket(profile, process), max_size=None, open_timeout=30) as devtools:
            session = _DevTools(devtools)
            session.call("Emulation.setDeviceMetricsOverride", width=SCREEN[0], height=SCREEN[1], deviceScaleFactor=1,
                         mobile=False)
            session.call("Page.navigate", url=page_url)
            rendered = 0
            deadline = time.monotonic() + 120
            while rendered < asset_count and time.monotonic() < deadline:
                time.sleep(1)
                rendered = session.evaluate("document.querySelectorAll('[class*=\"AssetNode_assetName\"]').length")
            assert rendered == asset_count, f"{rendered} of {asset_count} asset nodes rendered"
            time.sleep(1)  # let edges and layout settle before the picture
            screenshot.write_bytes(base64.b64decode(session.call("Page.captureScreenshot", format="png")["data"]))
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)
    print(f"asset graph screenshot: {screenshot}")
    if os.environ.get("UI_SCREENSHOT_DIR"):  # CI keeps the picture as an artifact
        Path(os.environ["UI_SCREENSHOT_DIR"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(os.environ["UI_SCREENSHOT_DIR"]) / screenshot.name)
    from PIL import Image

    with Image.open(screenshot) as image:
        assert image.size == SCREEN
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50, "the page looks blank"


def _group_names(server: DagsterDev) -> set[str]:
    definitions = server.workspace.definitions()
    graph = definitions.resolve_asset_graph()
    return {graph.get(key).group_name for key in graph.get_all_asset_keys()}


def _page_websocket(profile: Path, process: subprocess.Popen[bytes]) -> str:
    """The DevTools websocket of the browser's page; Chromium writes its port to the profile once it listens."""
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 60
    while not (port_file.exists() and port_file.read_text().strip()):
        assert process.poll() is None, "chromium exited at start"
        assert time.monotonic() < deadline, "chromium did not open its DevTools port"
        time.sleep(0.2)
    port = int(port_file.read_text().split()[0])
    targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=30).json()
    return next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")


class _DevTools:
    """Minimal Chrome DevTools Protocol client: one command at a time, events skipped."""

    def __init__(self, connection: object) -> None:
        self.connection = connection
        self.next_id = 0

    def call(self, method: str, **params: object) -> dict[str, object]:
        self.next_id += 1
        self.connection.send(json.dumps({"id": self.next_id, "method": method, "params": params}))  # type: ignore[attr-defined]
        while True:
            message = json.loads(self.connection.recv(timeout=60))  # type: ignore[attr-defined]
            if message.get("id") == self.next_id:
                assert "error" not in message, message
                return message["result"]

    def evaluate(self, expression: str) -> object:
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")  # type: ignore[union-attr]
