"""The same code location under Dagster's multiprocess executor: every step in its own process, two at a time,
giving the same release as the default in-process executor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from operations_support import PROJECT_ROOT, make_workspace, published_release, run_job, seed_files
from pipeline.defs.automation import REFRESH_JOB, AutomationSettings, run_executor

# forkserver with the code location preloaded: each step forks a warm process instead of importing Dagster anew
MULTIPROCESS_RUN_CONFIG = """\
execution:
  config:
    max_concurrent: 2
    start_method:
      forkserver:
        preload_modules: [pipeline.definitions]
"""


def test_refresh_runs_unchanged_under_the_multiprocess_executor(tmp_path: Path) -> None:
    workspace = make_workspace(tmp_path / "multiprocess", seed_files())
    home = tmp_path / "dagster_home"
    home.mkdir()
    config = tmp_path / "run_config.yaml"
    config.write_text(MULTIPROCESS_RUN_CONFIG, encoding="utf-8")
    env = {**os.environ, "DAGSTER_HOME": str(home), "PIPELINE_EXECUTOR": "multiprocess",
           "PIPELINE_SOURCE_DIR": str(workspace.source), "PIPELINE_DATA_DIR": str(workspace.data)}
    dagster = Path(sys.executable).parent / "dagster"
    completed = subprocess.run([str(dagster), "job", "execute", "-m", "pipeline.definitions", "-j", REFRESH_JOB,
                                "-c", str(config)], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-4000:]

    with dg.DagsterInstance.from_config(str(home)) as instance:
        [run] = instance.get_runs()
        assert run.status == dg.DagsterRunStatus.SUCCESS
        events = [entry.dagster_event for entry in instance.all_logs(run.run_id) if entry.dagster_event]
    run_process = {e.pid for e in events if e.event_type == dg.DagsterEventType.RUN_START}
    step_processes = {e.step_key: e.pid for e in events if e.event_type == dg.DagsterEventType.STEP_START}
    assert len(step_processes) >= 10, sorted(step_processes)
    assert not run_process & set(step_processes.values()), "steps ran inside the run's own process"
    assert len(set(step_processes.values())) >= 2
    checks = [e.event_specific_data for e in events
              if e.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION]
    assert checks and all(c.passed for c in checks)

    in_process = make_workspace(tmp_path / "in_process", seed_files())
    run_job(in_process.definitions(), REFRESH_JOB, dg.DagsterInstance.ephemeral())
    multiprocess_version, _ = published_release(workspace.data)
    in_process_version, _ = published_release(in_process.data)
    assert multiprocess_version == in_process_version


def test_executor_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_EXECUTOR", "multiprocess")
    assert run_executor(AutomationSettings.from_environment().executor) is dg.multiprocess_executor
    monkeypatch.delenv("PIPELINE_EXECUTOR")
    assert run_executor(AutomationSettings.from_environment().executor) is dg.in_process_executor
    with pytest.raises(ValueError, match="PIPELINE_EXECUTOR"):
        run_executor("threads")
