"""The whole problem bank, held to docs/PROBLEMS.md: every problem validates, and in the
real sandbox every reference solution passes all its cases in every language it is
given in, every starter compiles and runs the first example, and the naive solution
times out on the large cases only."""

from collections import Counter

import pytest
from runner_support import RUNNER_CONFIG

from codecall_jupyter.handlers.runs import RUNNER_KEY
from codecall_jupyter.problems.checker import check_problem, runner_submit
from codecall_jupyter.problems.folders import BANK_DIR, load_all, load_folder, problem_folders
from codecall_jupyter.problems.model import DIFFICULTIES

FOLDERS = problem_folders(BANK_DIR)
# The tags the issue names: the bank must cover each.
CORE_TAGS = (
    "arrays", "strings", "hashing", "two-pointers", "stacks", "trees", "graphs",
    "dynamic-programming", "intervals", "heaps", "design",
)  # fmt: skip


@pytest.fixture
def codecall_config():
    # The problems' own time limits govern; these only bound them.
    return {
        **RUNNER_CONFIG,
        "run_wall_seconds": 10.0,
        "run_cpu_seconds": 10.0,
        "run_memory_mb": 256,
        "compile_wall_seconds": 60.0,
        # Warm kernels: a problem's dozen runs need not each wait for a kernel to start.
        "kernel_pool_sizes": {"python": 0, "polyglot": 2},
    }


def test_every_problem_in_the_bank_validates():
    problems, invalid = load_all([])
    assert [str(f) for e in invalid for f in e.faults] == []
    assert len(problems) == len(FOLDERS)


@pytest.mark.skipif(len(FOLDERS) < 40, reason="the bank is being written")
def test_the_bank_covers_difficulties_and_tags():
    problems, _ = load_all([])
    assert len(problems) >= 40
    by_difficulty = Counter(p.difficulty for p in problems)
    assert all(by_difficulty[d] >= 8 for d in DIFFICULTIES), by_difficulty
    tags = Counter(t for p in problems for t in p.tags)
    assert [t for t in CORE_TAGS if tags[t] == 0] == []
    assert any(p.kind == "data" for p in problems)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
async def test_problem_holds_in_the_sandbox(folder, jp_serverapp, people):
    problem = load_folder(folder)
    [checker] = await people("checker")
    runner = jp_serverapp.web_app.settings[RUNNER_KEY]
    submit = runner_submit(runner, checker.id)
    report = await check_problem(problem, submit)
    if report.faults:
        # Time limits are wall-clock and these machines are noisy: one more whole try,
        # which a real fault fails again.
        report = await check_problem(problem, submit)
    assert [str(f) for f in report.faults] == []
    assert report.runs == len(problem.solutions) + len(problem.starters) + (
        1 if problem.naive else 0
    )
