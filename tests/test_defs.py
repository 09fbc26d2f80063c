"""The code location loads with exactly the assets, groups and checks the README describes."""

from __future__ import annotations

import dagster as dg

from pipeline.definitions import defs


def test_asset_keys_and_groups() -> None:
    graph = defs.resolve_asset_graph()
    groups = {key.to_user_string(): graph.get(key).group_name for key in graph.get_all_asset_keys()}
    expected = {
        "staging/source_files": "ingest", "staging/rejected_documents": "ingest",
        "staging/documents": "text", "staging/segments": "text",
        "staging/document_extractions": "extraction",
        "staging/meetings": "curated", "staging/attendees": "curated", "staging/proposals": "curated",
        "staging/evidence": "curated", "staging/merge_blocks": "curated", "curated/release": "curated",
        "review": "review",
    }
    assert groups == expected


def test_jobs_schedule_and_sensor() -> None:
    assert {job.name for job in defs.jobs or []} >= {"refresh", "full_rebuild"}
    assert [s.name for s in defs.schedules or []] == ["daily_refresh"]
    assert [s.name for s in defs.sensors or []] == ["source_folder_sensor"]


def test_blocking_checks_guard_the_release() -> None:
    graph = defs.resolve_asset_graph()
    checks = {key.name for key in graph.asset_check_keys}
    assert {"every_input_accounted_for", "document_ids_unique", "segment_offsets_slice_text",
            "evidence_quotes_match_text", "attendees_reference_meetings", "proposals_reference_meetings_and_text"} <= checks
    assert all(graph.get_check_spec(key).blocking for key in graph.asset_check_keys
               if key.name in {"segment_offsets_slice_text", "evidence_quotes_match_text"})


def test_default_executor_runs_in_process() -> None:
    job = defs.resolve_implicit_global_asset_job_def()
    assert job.executor_def.name == dg.in_process_executor.name
