"""The shipped deployment example stays consistent with the code (the cluster itself is not tested here)."""

from __future__ import annotations

import re
import tomllib

import yaml

from operations_support import PROJECT_ROOT
from pipeline.defs.automation import EXECUTORS

DEPLOY = PROJECT_ROOT / "deploy"


def module_name() -> str:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["dagster"]["module_name"]


def locked_versions() -> dict[str, str]:
    lines = (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    return dict(line.split("==", 1) for line in lines if "==" in line and not line.startswith("#"))


def variables_the_code_reads() -> set[str]:
    sources = (PROJECT_ROOT / "pipeline").rglob("*.py")
    return {name for path in sources for name in re.findall(r"PIPELINE_[A-Z_]+", path.read_text(encoding="utf-8"))}


def test_helm_values_run_the_code_location_with_settings_the_code_reads() -> None:
    values = yaml.safe_load((DEPLOY / "helm-values.yaml").read_text(encoding="utf-8"))
    [deployment] = values["dagster-user-deployments"]["deployments"]
    assert deployment["dagsterApiGrpcArgs"] == ["--module-name", module_name()]
    env = {item["name"]: item["value"] for item in deployment["env"]}
    assert set(env) <= variables_the_code_reads(), set(env) - variables_the_code_reads()
    assert env["PIPELINE_EXECUTOR"] == "k8s" and "k8s" in EXECUTORS
    mounts = {mount["mountPath"] for mount in deployment["volumeMounts"]}
    assert all(any(env[name].startswith(m) for m in mounts) for name in ("PIPELINE_SOURCE_DIR", "PIPELINE_DATA_DIR"))
    assert values["dagsterDaemon"]["runCoordinator"]["config"]["queuedRunCoordinator"]["maxConcurrentRuns"] == 1


def test_instance_config_uses_postgresql_through_psycopg2() -> None:
    config = yaml.safe_load((DEPLOY / "dagster.yaml").read_text(encoding="utf-8"))
    database = config["storage"]["postgres"]["postgres_db"]
    assert database["scheme"] == "postgresql+psycopg2"
    assert "psycopg2-binary" in locked_versions()
    assert config["concurrency"]["runs"]["max_concurrent_runs"] == 1


def test_image_pins_dagster_k8s_to_the_locked_dagster_release() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    [k8s_version] = re.findall(r"dagster-k8s==([0-9.]+)", dockerfile)
    # Dagster's integration libraries are released together with dagster under their own numbers
    assert k8s_version == locked_versions()["dagster-postgres"]
    assert f'"--module-name", "{module_name()}"' in dockerfile
    assert "-c requirements.lock" in dockerfile
