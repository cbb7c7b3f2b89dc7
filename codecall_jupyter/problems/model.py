"""What a problem is once read: plain frozen data, shared by the bank, the checker and
the REST views."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Difficulty = Literal["easy", "medium", "hard"]
Kind = Literal["code", "data"]
Source = Literal["bank", "folder", "user"]

DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")
TAGS = (
    "arrays", "strings", "hashing", "two-pointers", "stacks", "queues", "trees", "graphs",
    "dynamic-programming", "intervals", "heaps", "design", "sorting", "binary-search",
    "math", "greedy", "linked-lists", "sliding-window", "prefix-sums", "matrix",
    "backtracking", "bit-manipulation", "recursion", "data", "pandas", "numpy",
)  # fmt: skip
COMPARES = ("whitespace", "exact", "float", "dataframe")
# The languages every code problem has a starter in, and their file names (the runner's).
BANK_LANGUAGES: dict[str, str] = {
    "python": "solution.py",
    "javascript": "main.js",
    "typescript": "main.ts",
    "c": "main.c",
    "cpp": "main.cpp",
    "java": "Main.java",
    "go": "main.go",
    "rust": "main.rs",
}
LANGUAGE_OF_FILE = {name: language for language, name in BANK_LANGUAGES.items()}
REQUIRED_SOLUTIONS = ("python", "cpp")
NAIVE_FILE = "naive.cpp"
MIN_CASES = 10
MIN_EXAMPLES = 2
DEFAULT_TIME_LIMIT = 2.0
# "10-large" and "10-large-random" are large cases; "02-largest" is not.
LARGE = re.compile(r"-large(-|$)")


def is_large(case_id: str) -> bool:
    return LARGE.search(case_id) is not None


@dataclass(frozen=True)
class Case:
    id: str  # the file stem, e.g. "03-empty"
    hidden: bool
    expected: str
    explanation: str | None = None
    stored_input: str | None = None
    # A generated input: called (and cached) when the case runs.
    generate: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @property
    def large(self) -> bool:
        return is_large(self.id)

    def input(self) -> str:
        if self.stored_input is not None:
            return self.stored_input
        assert self.generate is not None
        return self.generate()


@dataclass(frozen=True)
class Program:
    language: str
    file: str
    source: str


@dataclass(frozen=True)
class Problem:
    id: str
    title: str
    difficulty: Difficulty
    tags: tuple[str, ...]
    body: str  # the statement without its examples
    hints: tuple[str, ...]
    follow_up: str
    time_limit: float
    compare: str
    tolerance: float
    kind: Kind
    cases: tuple[Case, ...]
    starters: tuple[Program, ...]
    solutions: tuple[Program, ...]
    naive: Program | None
    source: Source = "bank"
    owner_id: int | None = None
    shared: bool = False  # a user's problem that their friends may use

    @property
    def examples(self) -> tuple[Case, ...]:
        return tuple(c for c in self.cases if not c.hidden)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(p.language for p in self.starters)

    def starter(self, language: str) -> Program | None:
        return next((p for p in self.starters if p.language == language), None)

    def statement(self) -> str:
        """The statement a session shows: title, body and the examples, in Markdown."""
        parts = [f"# {self.title}\n", self.body.strip() + "\n", "## Examples\n"]
        for number, case in enumerate(self.examples, 1):
            parts.append(f"### Example {number}\n")
            parts.append("Input:\n\n" + _fenced(case.input()))
            parts.append("Output:\n\n" + _fenced(case.expected))
            if case.explanation:
                parts.append(case.explanation.strip() + "\n")
        return "\n".join(parts)


def _fenced(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}text\n{text.rstrip(chr(10))}\n{fence}\n"
