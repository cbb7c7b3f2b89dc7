"""The language table: the server's probe of it, and every row's starter template run and
judged for real in the polyglot kernel (skipped, visibly, when its toolchain is absent)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_polyglot_kernel import Polyglot  # the same kernel harness

from codecall_jupyter.runner import languages
from codecall_jupyter.runner.polyglot.languages import CORE, LANGUAGES
from codecall_jupyter.runner.polyglot.row import LanguageRow, expand, placeholders

CORE_IDS = ("python", "javascript", "typescript", "c", "cpp", "java", "go", "rust", "bash", "sql")
# What each template reads: a name on stdin; SQL reads its tables from stdin.
NAMES = ("CodeCall", "Ada", "")


def stdin_for(language: str, name: str) -> str:
    if language == "sql":
        rows = f"INSERT INTO people VALUES ('{name}');" if name else ""  # noqa: S608
        return f"CREATE TABLE people (name TEXT); {rows}\n"
    return name + "\n" if name else ""


@pytest.fixture(scope="module")
def kernel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Polyglot]:
    k = Polyglot(tmp_path_factory.mktemp("languages"))
    yield k
    k.close()


@pytest.fixture(scope="module")
def probed() -> dict[str, languages.Language]:
    return {lang.id: lang for lang in languages.available_languages()}


def test_the_table_has_the_core_languages_and_more() -> None:
    assert tuple(row.id for row in CORE) == CORE_IDS
    assert len(LANGUAGES) >= len(CORE_IDS) + 12
    for row in LANGUAGES.values():
        assert row.template.strip(), row.id
        assert row.version, row.id
        if row.memory == "flag":  # the command limits its own heap
            assert "{mem}" in " ".join((*row.run, *row.env.values())), row.id


def test_probe_lists_every_row_once_and_caches(probed: dict[str, languages.Language]) -> None:
    assert list(probed) == list(LANGUAGES)
    python = probed["python"]
    assert python.available
    assert python.kernel == "python"
    assert python.version == f"Python {sys.version.split()[0]}"
    assert {lang.kernel for lang in probed.values() if lang.id != "python"} == {"polyglot"}
    assert languages.available_languages() == list(probed.values())
    assert languages._probe_all.cache_info().hits >= 1


def test_missing_or_failing_toolchains_are_unavailable(tmp_path: Path) -> None:
    def row(version: tuple[str, ...], requires: tuple[str, ...] = ()) -> LanguageRow:
        return LanguageRow("x", "X", "x", ("x",), version, "", requires=requires)

    probe = languages.probe_version
    assert probe(row(("no-such-compiler-here", "--version")), sys.executable, str(tmp_path)) is None
    assert probe(row(("false",)), sys.executable, str(tmp_path)) is None
    assert probe(row(("true",), ("/no/such/file",)), sys.executable, str(tmp_path)) is None
    assert probe(row(("echo", "1.2.3")), sys.executable, str(tmp_path)) == "1.2.3"
    assert probe(row(("{python}", "-c", "print(7)")), sys.executable, str(tmp_path)) == "7"


def test_placeholders_fill_argv() -> None:
    values = placeholders("app/Main.java", 256, "/py", "/tmp", "/tmp/home")
    argv = ("java", "-Xmx{mem}m", "-cp", "{build}/classes", "{class}", "{files}", "{other}")
    assert expand(argv, values, ["app/Main.java", "app/B.java"]) == [
        "java", "-Xmx256m", "-cp", ".codecall/classes", "app.Main",
        "app/Main.java", "app/B.java", "{other}",
    ]  # fmt: skip
    assert values["entry_stem"] == "app/Main"


def _require(probed: dict[str, languages.Language], language: str) -> LanguageRow:
    row = LANGUAGES[language]
    if not probed[language].available:
        pytest.skip(f"{' / '.join((row.version[0], *row.requires))} not installed")
    return row


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_hello_world_runs(kernel: Polyglot, probed: dict[str, languages.Language], language: str):
    row = _require(probed, language)
    spec = kernel.spec(language, {row.file: row.template}, stdin=stdin_for(language, "CodeCall"))
    reply = kernel.execute(spec)
    assert reply.status == "ok", reply
    result = reply.result
    compiled = result["compile"]
    assert result["verdict"] == "OK", (result, reply.text("stderr"))
    assert (compiled is None) == (row.compile is None)
    assert reply.text() == "Hello, CodeCall!\n"
    assert reply.text("stderr") == ""


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_judging_runs_every_case(
    kernel: Polyglot, probed: dict[str, languages.Language], language: str
) -> None:
    row = _require(probed, language)
    cases = [{"id": f"c{i}", "stdin": stdin_for(language, n)} for i, n in enumerate(NAMES)]
    spec = kernel.spec(language, {row.file: row.template}, mode="judge", cases=cases)
    reply = kernel.execute(spec)
    judged = reply.all("case")
    assert [case["id"] for case in judged] == ["c0", "c1", "c2"]
    assert [case["stdout"] for case in judged] == [
        "Hello, CodeCall!\n",
        "Hello, Ada!\n",
        "Hello, world!\n",
    ], judged
    assert (reply.result["verdict"], reply.result["cases"], reply.result["passed"]) == (
        "OK",
        3,
        3,
    )
