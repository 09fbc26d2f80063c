"""A team instance: runs, event logs and schedule state in a real PostgreSQL server, configured by the shipped
deploy/dagster.yaml. The test set-up starts a throwaway server on a free localhost port."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from operations_support import (
    PROJECT_ROOT, assert_every_check_passed, free_port, make_workspace, require_system, run_job, seed_files, work_counts,
)
from pipeline.defs.automation import REFRESH_JOB, REFRESH_SCHEDULE, SOURCE_SENSOR

psycopg2 = pytest.importorskip("psycopg2")

DATABASE = "dagster"
USER = "dagster"
PASSWORD = "test-only-password"


@dataclass(frozen=True)
class PostgresServer:
    """Where the throwaway server listens."""

    host: str
    port: int

    def environment(self) -> dict[str, str]:
        """The variables deploy/dagster.yaml reads."""
        return {"DAGSTER_PG_HOST": self.host, "DAGSTER_PG_PORT": str(self.port), "DAGSTER_PG_DB": DATABASE,
                "DAGSTER_PG_USERNAME": USER, "DAGSTER_PG_PASSWORD": PASSWORD}

    def query(self, sql: str) -> list[tuple[object, ...]]:
        with psycopg2.connect(host=self.host, port=self.port, dbname=DATABASE, user=USER, password=PASSWORD) as connection:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()


def postgres_bin_dir() -> Path | None:
    """The server binaries: on PATH, or where Debian's postgresql package puts them."""
    if shutil.which("initdb") and shutil.which("pg_ctl"):
        return Path(shutil.which("initdb")).resolve().parent  # type: ignore[arg-type]
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = postgres_bin_dir()
    require_system(bin_dir is not None, "the PostgreSQL server (Debian package postgresql)")
    assert bin_dir is not None
    # PostgreSQL refuses to run as root: as root, the server runs as the postgres user the package creates
    as_user: list[str] = []
    if os.geteuid() == 0:
        require_system(shutil.which("runuser") is not None and _user_exists("postgres"), "the postgres system user")
        as_user = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="pipeline-postgres-"))
    data, password_file, log = root / "data", root / "password", root / "server.log"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if as_user:
        shutil.chown(root, "postgres")
        shutil.chown(password_file, "postgres")
    port = free_port()
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={password_file}",
                    "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"],
                   check=True, capture_output=True, timeout=120)
    # fsync off: a throwaway server; the socket goes in the private folder, TCP only on loopback
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                    "-o", f"-h 127.0.0.1 -p {port} -k {root} -F", "start"], check=True, capture_output=True, timeout=120)
    try:
        admin = psycopg2.connect(host="127.0.0.1", port=port, dbname="postgres", user=USER, password=PASSWORD)
        admin.autocommit = True  # CREATE DATABASE cannot run inside a transaction
        with admin.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {DATABASE}")
        admin.close()
        yield PostgresServer("127.0.0.1", port)
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def test_refresh_and_automation_state_live_in_postgresql(
        postgres_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    for name, value in postgres_server.environment().items():
        monkeypatch.setenv(name, value)
    files = seed_files()
    workspace = make_workspace(tmp_path / "corpus", files)
    defs = workspace.definitions()

    with dg.DagsterInstance.from_config(str(home)) as instance:
        storages = {type(s).__name__ for s in (instance.run_storage, instance.event_log_storage, instance.schedule_storage)}
        assert storages == {"PostgresRunStorage", "PostgresEventLogStorage", "PostgresScheduleStorage"}
        result = run_job(defs, REFRESH_JOB, instance)
        assert_every_check_passed(result, defs)
        assert work_counts(result)["document_extractions"] == (len(files), 0)
        assert instance.get_run_by_id(result.run_id).status == dg.DagsterRunStatus.SUCCESS  # type: ignore[union-attr]

    # switching the sensor and schedule on, as the UI or CLI does, writes their state to the schedule storage
    env = {**os.environ, "DAGSTER_HOME": str(home), "PIPELINE_SOURCE_DIR": str(workspace.source),
           "PIPELINE_DATA_DIR": str(workspace.data)}
    dagster = str(Path(sys.executable).parent / "dagster")
    for kind, name in (("schedule", REFRESH_SCHEDULE), ("sensor", SOURCE_SENSOR)):
        started = subprocess.run([dagster, kind, "start", name, "-m", "pipeline.definitions"], cwd=PROJECT_ROOT, env=env,
                                 capture_output=True, text=True, timeout=300)
        assert started.returncode == 0, started.stderr[-3000:]

    [(runs,)] = postgres_server.query(f"SELECT count(*) FROM runs WHERE run_id = '{result.run_id}' AND status = 'SUCCESS'")
    assert runs == 1
    [(materializations,)] = postgres_server.query(
        f"SELECT count(*) FROM event_logs WHERE run_id = '{result.run_id}' AND dagster_event_type = 'ASSET_MATERIALIZATION'")
    assert materializations == len(defs.resolve_asset_graph().get_all_asset_keys())
    running = postgres_server.query("SELECT job_type, job_body FROM jobs WHERE status = 'RUNNING' ORDER BY job_type")
    assert [kind for kind, _ in running] == ["SCHEDULE", "SENSOR"]
    assert f'"{REFRESH_SCHEDULE}"' in str(running[0][1]) and f'"{SOURCE_SENSOR}"' in str(running[1][1])
