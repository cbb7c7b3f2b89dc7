"""The benchmark report's verdicts: each target's PASS or FAIL follows its rule, and a
figure that was not measured says so rather than passing."""

import importlib.util
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "bench_report", Path(__file__).parent.parent / "bench" / "report.py"
)
report = importlib.util.module_from_spec(spec)
sys.modules["bench_report"] = report  # dataclasses look their module up there
spec.loader.exec_module(report)


def edits(ours_100, ours_200, lost=0, node_100=2.0):
    def row(rooms, p99, lost=0):
        return {"rooms": rooms, "p50_ms": 1.0, "p99_ms": p99, "sent": 100, "lost": lost}

    return {
        "servers": {
            "codecall": [row(100, ours_100), row(200, ours_200, lost)],
            "y-websocket": [row(100, node_100)],
            "hocuspocus": [row(100, node_100 * 2)],
        }
    }


def statuses(targets):
    return {t.name: t.status for t in targets}


def test_edit_targets_compare_with_the_faster_node_server():
    good = statuses(report.edit_targets(edits(ours_100=3.9, ours_200=40.0)))
    assert set(good.values()) == {"PASS"}
    bad = statuses(report.edit_targets(edits(ours_100=4.1, ours_200=60.0, lost=1)))
    assert set(bad.values()) == {"FAIL"}
    assert report.largest_fast_n(edits(ours_100=3.9, ours_200=60.0)) == 100


def test_missing_results_are_not_measured_not_passed():
    targets = report.all_targets({})
    assert {t.status for t in targets} == {"NOT MEASURED"}
    assert len(targets) == 9


def test_runner_and_replay_rules():
    runner = {
        "python_hello_warm_rest": {"p50_ms": 40.0},
        "reference_bare_subprocess": {"p50_ms": 90.0},
        "trivial_runs_per_second": 60,
    }
    assert set(statuses(report.runner_targets(runner)).values()) == {"PASS"}
    runner["python_hello_warm_rest"]["p50_ms"] = 50.0
    assert statuses(report.runner_targets(runner))["runner: warm Python p50"] == "FAIL"
    replay = {"seek_median_ms": 20, "seek_p95_ms": 40, "seek_max_ms": 99, "updates": 9,
              "wrong": 0}  # fmt: skip
    assert report.replay_target(replay).status == "PASS"
    assert report.replay_target({**replay, "wrong": 1}).status == "FAIL"
