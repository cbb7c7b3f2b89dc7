"""The package as users install it: the wheel's contents and what Jupyter sees."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*cmd, cwd=ROOT):
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_jupyter_sees_the_server_extension():
    listing = run(str(BIN / "jupyter"), "server", "extension", "list")
    assert "codecall_jupyter enabled" in listing.replace("\x1b[32m", "").replace("\x1b[0m", "")
    assert "codecall_jupyter 0" in listing
    assert "OK" in listing.split("codecall_jupyter 0", 1)[1].splitlines()[0]


def test_jupyter_sees_the_labextension():
    listing = run(str(BIN / "jupyter"), "labextension", "list")
    line = next(line for line in listing.splitlines() if "codecall-jupyter" in line)
    assert "enabled" in line
    assert "OK" in line


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(out),
        ".",
    )
    return zipfile.ZipFile(next(out.glob("codecall_jupyter-*.whl")))


def test_wheel_carries_everything_a_server_needs(wheel):
    names = set(wheel.namelist())
    data = next(n.split("/")[0] for n in names if ".data/" in n)
    for needed in (
        f"{data}/data/etc/jupyter/jupyter_server_config.d/codecall_jupyter.json",
        f"{data}/data/share/jupyter/labextensions/codecall-jupyter/package.json",
        f"{data}/data/share/jupyter/labextensions/codecall-jupyter/install.json",
        "codecall_jupyter/openapi.json",
        "codecall_jupyter/templates/login.html",
        "codecall_jupyter/static/pages.css",
        "codecall_jupyter/store/migrations/env.py",
        "codecall_jupyter/store/migrations/versions/0001_initial.py",
        "codecall_jupyter/_version.py",
        # The problem bank: statements, cases, generators, starters and solutions.
        "codecall_jupyter/problems/bank/pair-sum-count/problem.md",
        "codecall_jupyter/problems/bank/pair-sum-count/tests/hidden/10-large-distinct.gen.py",
        "codecall_jupyter/problems/bank/pair-sum-count/tests/hidden/10-large-distinct.out",
        "codecall_jupyter/problems/bank/pair-sum-count/starter/Main.java",
        "codecall_jupyter/problems/bank/pair-sum-count/solutions/naive.cpp",
    ):
        assert needed in names, needed
    assert any(
        n.startswith(
            f"{data}/data/share/jupyter/labextensions/codecall-jupyter/static/remoteEntry."
        )
        for n in names
    )
    # No node_modules folder (a bundled chunk may carry the words in its file name).
    assert not any("/node_modules/" in f"/{n}" for n in names)
    entry_points = wheel.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "jupyter-codecall = codecall_jupyter.cli:main" in entry_points
