"""Reading problem folders (docs/PROBLEMS.md): every fault is reported at once, each with
the file it is in, for the bank's standard and for users' own problems; the operator's
`jupyter codecall problems check` says the same and exits 1."""

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from codecall_jupyter.problems.faults import ProblemInvalid
from codecall_jupyter.problems.folders import BANK_DIR, load_all, load_folder
from codecall_jupyter.problems.model import is_large
from codecall_jupyter.problems.parse import parse, read_folder
from codecall_jupyter.problems.progress import streaks

MODEL = BANK_DIR / "pair-sum-count"


@pytest.fixture
def problem(tmp_path):
    """A copy of a bank problem to break."""
    folder = tmp_path / "pair-sum-count"
    shutil.copytree(MODEL, folder)
    return folder


def faults_of(folder, **kw):
    with pytest.raises(ProblemInvalid) as caught:
        parse(folder.name, read_folder(folder), **{"strict": True, "trusted": True, **kw})
    return [(f.file, f.message) for f in caught.value.faults]


def edit_front_matter(folder, old, new):
    path = folder / "problem.md"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_the_model_problem_reads_whole():
    problem = load_folder(MODEL)
    assert (problem.difficulty, problem.tags, problem.time_limit) == (
        "easy",
        ("arrays", "hashing"),
        2.0,
    )
    assert len(problem.cases) == 11
    assert [c.id for c in problem.examples] == ["01-basic", "02-all-equal"]
    assert [c.id for c in problem.cases if c.large] == ["10-large-distinct", "11-large-equal"]
    large = problem.cases[-1].input()
    assert large.startswith("200000 14\n")  # generated, then kept
    assert problem.cases[-1].input() is large
    assert len(problem.starters) == 8
    assert problem.naive is not None
    assert problem.naive.file == "naive.cpp"


def test_every_fault_is_named_at_once(problem):
    (problem / "solutions" / "naive.cpp").unlink()
    (problem / "starter" / "main.rs").unlink()
    (problem / "tests" / "hidden" / "04-none.out").unlink()
    (problem / "starter" / "main.kt").write_text("fun main() {}\n")
    edit_front_matter(problem, "tags: [arrays, hashing]", "tags: [arrays, hashin]")
    edit_front_matter(problem, "difficulty: easy", "difficulty: trivial\ncolour: red")
    faults = faults_of(problem)
    assert sorted(faults) == sorted(
        [
            ("problem.md", "unknown front matter key 'colour'"),
            ("problem.md", "'difficulty' must be one of easy, medium, hard"),
            ("problem.md", "unknown tag 'hashin' (see docs/PROBLEMS.md for the list)"),
            ("tests/hidden/04-none.out", "is missing (every case needs its expected output)"),
            (
                "starter/main.kt",
                "is not a program file CodeCall knows (one of: solution.py, main.js, main.ts, "
                "main.c, main.cpp, Main.java, main.go, main.rs)",
            ),
            ("starter/main.rs", "is missing"),
            ("solutions/naive.cpp", "is missing (the slow solution)"),
        ]
    )


def test_the_banks_standard_for_cases_and_statement(problem):
    for case in ("05-negative", "06-extremes", "07-doubles"):
        for suffix in (".in", ".out"):
            (problem / "tests" / "hidden" / f"{case}{suffix}").unlink()
    for large in problem.glob("tests/hidden/1*-large*"):
        large.unlink()
    text = (problem / "problem.md").read_text().replace("## Constraints", "## Limits")
    (problem / "problem.md").write_text(text + "\n## Examples\nmine\n")
    faults = faults_of(problem)
    assert ("tests", "has 6 case(s); at least 10 are needed") in faults
    assert (
        "tests/hidden",
        "needs a large case (named like '10-large' or '10-large-random')",
    ) in faults
    assert ("solutions/naive.cpp", "needs a large case to time out on") in faults
    assert ("problem.md", "the statement has no '## Constraints' section") in faults
    assert ("problem.md", "leave out '## Examples': it is made from tests/examples") in faults


def test_users_problems_run_no_generators_and_need_less(problem):
    # Not the bank: fewer cases and starters are fine, generators are not.
    for name in ("main.rs", "main.go", "Main.java"):
        (problem / "starter" / name).unlink()
    faults = faults_of(problem, strict=False, trusted=False)
    assert faults[:2] == [
        (f"tests/hidden/{name}.gen.py", "generators run only from the bank and operators' "
         "folders; store the input as an .in file")
        for name in ("10-large-distinct", "11-large-equal")
    ]  # fmt: skip
    # ...and without its large cases, the naive solution has nothing to time out on.
    assert faults[2:] == [("solutions/naive.cpp", "needs a large case to time out on")]


@pytest.mark.parametrize(
    ("content", "fault"),
    [
        (b"\xff\xfe not text", "is not UTF-8 text (byte 0)"),
        (b"nul \x00 inside", "contains a NUL character"),
        (b"x" * (64 * 1024 + 1), "is 65537 bytes; the limit is 65536"),
    ],
)
def test_a_file_that_is_not_usable_text_is_named(problem, content, fault):
    (problem / "tests" / "hidden" / "03-single.in").write_bytes(content)
    assert ("tests/hidden/03-single.in", fault) in faults_of(problem)


@pytest.mark.parametrize(
    ("front", "fault"),
    [
        ("title: [a list]", "'title' must be text of 1 to 120 characters"),
        ("time_limit: forever", "'time_limit' must be a number of seconds"),
        ("time_limit: 60", "'time_limit' must be between 0.1 and 20 seconds"),
        ("tolerance: 2", "'tolerance' must be between 0 and 1"),
        ("compare: fuzzy", "'compare' must be one of whitespace, exact, float, dataframe"),
        ("kind: quiz", "'kind' must be code or data"),
        ("hints: just one", "'hints' must be a list of texts"),
        ("follow_up: ''", "give a 'follow_up' question for the interviewer"),
    ],
)
def test_front_matter_values_are_checked(problem, front, fault):
    key = front.split(":")[0]
    text = (problem / "problem.md").read_text()
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), 1)
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    if not lines[start].startswith(f"{key}:"):
        end = start  # a key the model problem leaves out: add it
    lines[start:end] = [front]
    (problem / "problem.md").write_text("\n".join(lines))
    assert ("problem.md", fault) in faults_of(problem)


def test_scientific_notation_reads_as_a_number(problem):
    edit_front_matter(problem, "time_limit: 2", "time_limit: 2\ntolerance: 1e-6")
    assert load_folder(problem).tolerance == 1e-6


def test_an_operator_folder_cannot_shadow_the_bank(tmp_path):
    shutil.copytree(MODEL, tmp_path / "extra" / "pair-sum-count")
    shutil.copytree(MODEL, tmp_path / "extra" / "my-own-copy")
    problems, invalid = load_all([tmp_path / "extra"])
    ids = [p.id for p in problems]
    assert ids.count("pair-sum-count") == 1
    assert next(p for p in problems if p.id == "pair-sum-count").source == "bank"
    assert next(p for p in problems if p.id == "my-own-copy").source == "folder"
    assert [e for e in invalid if e.problem_id in ("pair-sum-count", "my-own-copy")] == []


def test_large_cases_are_known_by_name():
    assert [is_large(n) for n in ("10-large", "10-large-random", "02-largest", "large")] == [
        True,
        True,
        False,
        False,
    ]


def test_streaks_count_days_in_a_row():
    d = date(2026, 11, 22)
    days = {date(2026, 11, n) for n in (1, 2, 3, 10, 20, 21)}
    assert streaks(days, d) == (2, 3)  # today not yet: the run up to yesterday counts
    assert streaks(days | {d}, d) == (3, 3)
    assert streaks(days, date(2026, 11, 25)) == (0, 3)
    assert streaks(set(), d) == (0, 0)


def test_the_operators_check_names_faults_and_fails(problem, tmp_path):
    edit_front_matter(problem, "difficulty: easy", "difficulty: trivial")
    jupyter = str(Path(sys.executable).parent / "jupyter")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg")}
    broken = subprocess.run(
        [jupyter, "codecall", "problems", "check", "--static", str(problem.parent)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert broken.returncode == 1
    assert (
        "pair-sum-count: problem.md: 'difficulty' must be one of easy, medium, hard"
        in broken.stdout
    )
    good = subprocess.run(
        [jupyter, "codecall", "problems", "check", "--static", str(MODEL)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert good.returncode == 0, good.stdout + good.stderr
    assert "1 problem(s), 0 fault(s)" in good.stdout
