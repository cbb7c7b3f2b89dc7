"""Every installed language, through the real sandbox and the REST API: its starter
program runs, and is judged against three cases (skipped, visibly, when absent)."""

import pytest
from runner_support import RUNNER_CONFIG, run
from test_languages import NAMES, stdin_for

from codecall_jupyter.runner.languages import available_languages
from codecall_jupyter.runner.polyglot.languages import LANGUAGES

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def codecall_config():
    # JVM languages compile slowly on two busy cores.
    return {
        **RUNNER_CONFIG,
        "run_wall_seconds": 10.0,
        "run_cpu_seconds": 10.0,
        "run_memory_mb": 256,
        "compile_wall_seconds": 60.0,
    }


def _require(language: str) -> None:
    probed = {lang.id: lang for lang in available_languages()}
    if not probed[language].available:
        row = LANGUAGES[language]
        pytest.skip(f"{' / '.join((row.version[0], *row.requires))} not installed")


@pytest.mark.parametrize("language", list(LANGUAGES))
async def test_hello_and_judged_in_the_sandbox(people, language):
    _require(language)
    row = LANGUAGES[language]
    [ann] = await people("ann")
    hello = await run(ann, row.template, language=language, stdin=stdin_for(language, "Ada"))
    assert hello["verdict"] == "OK", hello
    assert hello["stdout"] == "Hello, Ada!\n"
    tests = [
        {"input": stdin_for(language, name), "expected": f"Hello, {name or 'world'}!\n"}
        for name in NAMES
    ]
    tests.append({"input": stdin_for(language, "Bo"), "expected": "Hello, Al!\n"})
    judged = await run(ann, row.template, language=language, mode="judge", tests=tests)
    assert [c["verdict"] for c in judged["cases"]] == ["OK", "OK", "OK", "WA"], judged
    assert (judged["passed"], judged["total"], judged["verdict"]) == (3, 4, "WA")
