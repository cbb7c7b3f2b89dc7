"""Reading a problem from its files (a folder, a zip, or a user's stored problem) and
saying everything that is wrong with it at once, each fault naming its file.

``strict`` is the bank's standard (docs/PROBLEMS.md): ten cases, starters in every bank
language, a naive solution that the large case must stop. Users' own problems need
only what makes them usable: a statement, one example, one starter, one solution.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..services.folders import read_regular, walk_files
from .faults import Fault, ProblemInvalid
from .generate import GeneratorFailed, generated
from .model import (
    BANK_LANGUAGES,
    COMPARES,
    DEFAULT_TIME_LIMIT,
    DIFFICULTIES,
    LANGUAGE_OF_FILE,
    MIN_CASES,
    MIN_EXAMPLES,
    NAIVE_FILE,
    REQUIRED_SOLUTIONS,
    TAGS,
    Case,
    Problem,
    Program,
    Source,
)

ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")
CASE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
STATEMENT = "problem.md"
STRICT_FILE_BYTES = 64 * 1024
FILE_BYTES = 2 * 1024 * 1024  # any one file of a user's problem
TOTAL_BYTES = 16 * 1024 * 1024
MAX_FILES = 400
REQUIRED_SECTIONS = ("## Input", "## Output", "## Constraints")
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", re.S)
KEYS = {
    "title", "difficulty", "tags", "time_limit", "compare", "tolerance", "kind", "hints",
    "follow_up",
}  # fmt: skip


def valid_id(problem_id: str) -> bool:
    return bool(ID.match(problem_id)) and "--" not in problem_id


def read_folder(folder: Path) -> dict[str, bytes]:
    """A problem folder's files (hidden files and links left out), up to the limits."""
    files: dict[str, bytes] = {}
    total = 0
    for relative, path in walk_files(folder, skip_suffixes=(".pyc",)):
        if "__pycache__" in relative.split("/"):
            continue
        data = read_regular(path, FILE_BYTES + 1)
        if data is None:
            continue
        total += len(data)
        if len(files) >= MAX_FILES or total > TOTAL_BYTES:
            raise ProblemInvalid(folder.name, [Fault("", "the problem's files are too large")])
        files[relative] = data
    return files


def parse(
    problem_id: str,
    files: Mapping[str, bytes],
    *,
    strict: bool,
    trusted: bool,
    source: Source = "bank",
    owner_id: int | None = None,
    shared: bool = False,
) -> Problem:
    """The problem, or ProblemInvalid listing every fault found."""
    reader = _Reader(files, strict=strict, trusted=trusted)
    if not valid_id(problem_id):
        reader.fault("", "the id must be 3 to 64 lowercase letters, digits and dashes")
    meta, body = reader.statement()
    kind = meta.get("kind", "code")
    cases = reader.cases(meta.get("kind") == "data")
    starters = reader.programs("starter", kind == "data")
    solutions = reader.programs("solutions", kind == "data", allow_naive=True)
    naive = next((p for p in solutions if p.file == NAIVE_FILE), None)
    solutions = tuple(p for p in solutions if p.file != NAIVE_FILE)
    reader.check_programs(kind, starters, solutions, naive, cases)
    reader.check_unknown()
    if reader.faults:
        raise ProblemInvalid(problem_id, reader.faults)
    return Problem(
        id=problem_id,
        title=meta["title"],
        difficulty=meta["difficulty"],
        tags=tuple(meta["tags"]),
        body=body,
        hints=tuple(meta.get("hints") or ()),
        follow_up=str(meta.get("follow_up") or "").strip(),
        time_limit=float(meta.get("time_limit", DEFAULT_TIME_LIMIT)),
        compare=meta.get("compare", "dataframe" if kind == "data" else "whitespace"),
        tolerance=float(meta.get("tolerance", 1e-6)),
        kind=kind,
        cases=cases,
        starters=starters,
        solutions=solutions,
        naive=naive,
        source=source,
        owner_id=owner_id,
        shared=shared,
    )


class _Reader:
    def __init__(self, files: Mapping[str, bytes], *, strict: bool, trusted: bool) -> None:
        self.files = files
        self.strict = strict
        self.trusted = trusted
        self.faults: list[Fault] = []
        self.used: set[str] = set()

    def fault(self, file: str, message: str) -> None:
        self.faults.append(Fault(file, message))

    def text(self, name: str) -> str | None:
        """A file as text (UTF-8, LF line ends), or None with a fault when unusable."""
        self.used.add(name)
        data = self.files[name]
        limit = STRICT_FILE_BYTES if self.strict else FILE_BYTES
        if len(data) > limit:
            self.fault(name, f"is {len(data)} bytes; the limit is {limit}")
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fault(name, f"is not UTF-8 text (byte {e.start})")
            return None
        if "\x00" in text:
            self.fault(name, "contains a NUL character")
            return None
        return text.replace("\r\n", "\n")

    # --- problem.md ---------------------------------------------------------------------

    def statement(self) -> tuple[dict[str, Any], str]:
        if STATEMENT not in self.files:
            self.fault(STATEMENT, "is missing")
            return {}, ""
        text = self.text(STATEMENT)
        if text is None:
            return {}, ""
        match = FRONT_MATTER.match(text)
        if match is None:
            self.fault(STATEMENT, "must start with front matter between two '---' lines")
            return {}, ""
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as e:
            self.fault(STATEMENT, f"front matter is not valid YAML: {_one_line(e)}")
            return {}, ""
        if not isinstance(meta, dict):
            self.fault(STATEMENT, "front matter must be a mapping of keys to values")
            return {}, ""
        body = match.group(2).strip()
        self._check_meta(meta)
        if not body:
            self.fault(STATEMENT, "the statement after the front matter is empty")
        elif self.strict:
            for section in REQUIRED_SECTIONS:
                if not re.search(rf"^{re.escape(section)}\s*$", body, re.M):
                    self.fault(STATEMENT, f"the statement has no '{section}' section")
        if re.search(r"^## Examples\s*$", body, re.M):
            self.fault(STATEMENT, "leave out '## Examples': it is made from tests/examples")
        return meta, body

    def _check_meta(self, meta: dict[str, Any]) -> None:
        def bad(message: str) -> None:
            self.fault(STATEMENT, message)

        for key in sorted(set(meta) - KEYS, key=str):
            bad(f"unknown front matter key {key!r}")
        title = meta.get("title")
        if not isinstance(title, str) or not 1 <= len(title.strip()) <= 120:
            bad("'title' must be text of 1 to 120 characters")
        else:
            meta["title"] = " ".join(title.split())
        if meta.get("difficulty") not in DIFFICULTIES:
            bad(f"'difficulty' must be one of {', '.join(DIFFICULTIES)}")
        tags = meta.get("tags")
        if not isinstance(tags, list) or not tags or not all(isinstance(t, str) for t in tags):
            bad("'tags' must be a list of at least one tag")
        else:
            for tag in tags:
                if tag not in TAGS:
                    bad(f"unknown tag {tag!r} (see docs/PROBLEMS.md for the list)")
        limit = meta["time_limit"] = _number(meta.get("time_limit", DEFAULT_TIME_LIMIT))
        if limit is None:
            bad("'time_limit' must be a number of seconds")
        elif not 0.1 <= limit <= 20:
            bad("'time_limit' must be between 0.1 and 20 seconds")
        kind = meta.get("kind", "code")
        if kind not in ("code", "data"):
            bad("'kind' must be code or data")
        compare = meta.get("compare", "dataframe" if kind == "data" else "whitespace")
        if compare not in COMPARES:
            bad(f"'compare' must be one of {', '.join(COMPARES)}")
        tolerance = meta["tolerance"] = _number(meta.get("tolerance", 1e-6))
        if tolerance is None:
            bad("'tolerance' must be a number")
        elif not 0 <= tolerance <= 1:
            bad("'tolerance' must be between 0 and 1")
        hints = meta.get("hints", [])
        if not isinstance(hints, list) or not all(isinstance(h, str) and h.strip() for h in hints):
            bad("'hints' must be a list of texts")
        elif self.strict and len(hints) < 2:
            bad("give at least 2 hints")
        follow_up = meta.get("follow_up", "")
        if not isinstance(follow_up, str):
            bad("'follow_up' must be text")
        elif self.strict and not follow_up.strip():
            bad("give a 'follow_up' question for the interviewer")

    # --- tests ----------------------------------------------------------------------------

    def cases(self, data: bool) -> tuple[Case, ...]:
        cases = [*self._folder_cases("examples", hidden=False)]
        cases += self._folder_cases("hidden", hidden=True)
        examples = sum(1 for c in cases if not c.hidden)
        least_cases, least_examples = (MIN_CASES, MIN_EXAMPLES) if self.strict else (1, 1)
        if examples < least_examples:
            self.fault("tests/examples", f"needs at least {least_examples} example case(s)")
        if len(cases) < least_cases:
            self.fault("tests", f"has {len(cases)} case(s); at least {least_cases} are needed")
        if self.strict and not data and not any(c.large for c in cases):
            self.fault(
                "tests/hidden", "needs a large case (named like '10-large' or '10-large-random')"
            )
        return tuple(cases)

    def _folder_cases(self, folder: str, hidden: bool) -> list[Case]:
        prefix = f"tests/{folder}/"
        names = sorted(
            n for n in self.files if n.startswith(prefix) and "/" not in n[len(prefix) :]
        )
        stems: dict[str, dict[str, str]] = {}
        for name in names:
            base = name[len(prefix) :]
            for suffix in (".gen.py", ".in", ".out", ".md"):
                if base.endswith(suffix):
                    stems.setdefault(base[: -len(suffix)], {})[suffix] = name
                    break
        cases = []
        for stem, parts in sorted(stems.items()):
            case = self._case(prefix, stem, parts, hidden)
            if case is not None:
                cases.append(case)
        return cases

    def _case(self, prefix: str, stem: str, parts: dict[str, str], hidden: bool) -> Case | None:
        where = prefix + stem
        self.used.update(parts.values())
        if not CASE_NAME.match(stem):
            self.fault(where, "a case name is letters, digits, '-' and '_' (64 at most)")
            return None
        if ".out" not in parts:
            self.fault(f"{where}.out", "is missing (every case needs its expected output)")
            return None
        if ".in" in parts and ".gen.py" in parts:
            self.fault(where, "has both an .in file and a generator; keep one")
            return None
        expected = self.text(parts[".out"])
        explanation = self.text(parts[".md"]) if ".md" in parts else None
        if ".in" in parts:
            stored = self.text(parts[".in"])
            if stored is None or expected is None:
                return None
            return Case(stem, hidden, expected, explanation, stored_input=stored)
        if ".gen.py" not in parts:
            self.fault(f"{where}.in", "is missing (every case needs an input)")
            return None
        script = self.text(parts[".gen.py"])
        if not self.trusted:
            self.fault(
                parts[".gen.py"],
                "generators run only from the bank and operators' folders; store the input "
                "as an .in file",
            )
            return None
        if not hidden:
            self.fault(parts[".gen.py"], "examples are stored, not generated")
            return None
        if script is None or expected is None:
            return None
        return Case(stem, hidden, expected, explanation, generate=_generator(script))

    # --- programs -------------------------------------------------------------------------

    def programs(self, folder: str, data: bool, allow_naive: bool = False) -> tuple[Program, ...]:
        found = []
        for name in sorted(n for n in self.files if n.startswith(f"{folder}/")):
            base = name[len(folder) + 1 :]
            language = LANGUAGE_OF_FILE.get(base)
            if allow_naive and base == NAIVE_FILE:
                language = "cpp"
            if language is None:
                allowed = ", ".join(BANK_LANGUAGES.values())
                self.used.add(name)
                self.fault(name, f"is not a program file CodeCall knows (one of: {allowed})")
                continue
            if data and language != "python":
                self.used.add(name)
                self.fault(name, "data problems are Python only")
                continue
            source = self.text(name)
            if source is not None:
                found.append(Program(language, base, source))
        return tuple(found)

    def check_programs(
        self,
        kind: str,
        starters: tuple[Program, ...],
        solutions: tuple[Program, ...],
        naive: Program | None,
        cases: tuple[Case, ...],
    ) -> None:
        data = kind == "data"
        have_starters = {p.language for p in starters}
        have_solutions = {p.language for p in solutions}
        if self.strict:
            wanted = ["python"] if data else list(BANK_LANGUAGES)
            for language in wanted:
                if language not in have_starters:
                    self.fault(f"starter/{BANK_LANGUAGES[language]}", "is missing")
            for language in ["python"] if data else REQUIRED_SOLUTIONS:
                if language not in have_solutions:
                    self.fault(f"solutions/{BANK_LANGUAGES[language]}", "is missing")
            if not data and naive is None:
                self.fault(f"solutions/{NAIVE_FILE}", "is missing (the slow solution)")
        else:
            if not starters:
                self.fault("starter", "needs at least one starter program")
            if not solutions:
                self.fault("solutions", "needs at least one reference solution")
        if naive is not None and not any(c.large for c in cases):
            self.fault(f"solutions/{NAIVE_FILE}", "needs a large case to time out on")

    def check_unknown(self) -> None:
        for name in sorted(set(self.files) - self.used):
            if name.startswith("tests/"):
                self.fault(name, "is not a test file (tests/examples/ or tests/hidden/)")
            else:
                self.fault(name, "is not part of a problem (see docs/PROBLEMS.md)")


def _generator(script: str) -> Callable[[], str]:
    def generate() -> str:
        return generated(script)

    return generate


def check_generators(problem: Problem) -> list[Fault]:
    """Run every generator once; the faults of those that fail."""
    faults = []
    for case in problem.cases:
        if case.generate is not None:
            try:
                case.input()
            except GeneratorFailed as e:
                faults.append(Fault(f"tests/hidden/{case.id}.gen.py", f"failed: {e}"))
    return faults


def _number(value: object) -> float | None:
    """A finite number, also from text: YAML reads ``1e-6`` (no dot) as a string."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300]
