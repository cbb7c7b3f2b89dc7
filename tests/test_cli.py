"""`jupyter codecall ...` as an operator runs it: a real subprocess on a real database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each command is a fresh Python process (~3 s of imports); the database logic under
# them is tested on both backends elsewhere, so only `db` runs on PostgreSQL too.
JUPYTER = str(Path(sys.executable).parent / "jupyter")


@pytest.fixture
def cli(codecall_db_url, tmp_path):
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
    }

    def run(*args, stdin=None, ok=True):
        result = subprocess.run(
            [
                JUPYTER,
                "codecall",
                *args,
                f"--db-url={codecall_db_url}",
                "--CodeCallApp.owner_username=owner",
            ],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    return run


def test_db_upgrade_and_current(cli):
    assert "is at revision" in cli("db", "upgrade").stdout
    assert "up to date" in cli("db", "current").stdout


@pytest.mark.sqlite_only
def test_user_lifecycle(cli):
    added = cli("user", "add", "ann", "--email=ann@example.test", "--display-name=Ann Lee",
                "--password-stdin", stdin="correct horse 1\n")  # fmt: skip
    assert "created user ann" in added.stdout
    listing = cli("user", "list").stdout
    assert "ann" in listing
    assert "Ann Lee" in listing
    assert "active" in listing
    assert "disabled ann" in cli("user", "disable", "ann").stdout
    assert "disabled" in cli("user", "list").stdout.split("ann", 1)[1].splitlines()[0]
    assert "enabled ann" in cli("user", "enable", "ann").stdout
    reset = cli("user", "reset-password", "ann", "--generate").stdout
    assert reset.startswith("new password for ann: ")


@pytest.mark.sqlite_only
def test_refusals_are_one_clear_line(cli):
    weak = cli("user", "add", "bob", "--password-stdin", stdin="short\n", ok=False)
    assert weak.returncode == 1
    assert "at least 8 characters" in weak.stderr
    missing = cli("user", "disable", "nobody", ok=False)
    assert missing.returncode == 1
    assert "No user named 'nobody'" in missing.stderr
    no_arg = cli("user", "add", ok=False)
    assert no_arg.returncode == 1
    assert "missing USERNAME" in no_arg.stderr
    cli("invite", "create")  # makes sure the owner's account exists
    owner = cli("user", "disable", "owner", ok=False)
    assert "cannot be disabled" in owner.stderr


@pytest.mark.sqlite_only
def test_invite_create_prints_a_register_link(cli):
    link = cli("invite", "create", "--base-url=/jupyter/").stdout.strip()
    assert link.startswith("/jupyter/codecall/register?invite=")


@pytest.mark.sqlite_only
def test_doctor_reports_what_works(cli):
    before = cli("doctor", ok=False)
    assert before.returncode == 1
    assert "run `jupyter codecall db upgrade`" in before.stdout
    cli("db", "upgrade")
    report = cli("doctor", ok=False)
    out = report.stdout
    assert "[ok  ] database:" in out
    assert "migrated to" in out
    assert "sandbox:" in out
    assert "language Python:" in out
    assert "collaboration (jupyter_server_ydoc)" in out
    assert "registration: invite" in out


@pytest.mark.sqlite_only
def test_doctor_fails_on_an_unreachable_database(tmp_path):
    result = subprocess.run(
        [JUPYTER, "codecall", "doctor", "--db-url=postgresql://nobody@127.0.0.1:1/none"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "[FAIL] database" in result.stdout
    assert "not reachable" in result.stdout


@pytest.mark.sqlite_only
def test_runner_status_names_every_layer_or_the_problem(cli):
    report = cli("runner", "status").stdout
    assert "isolation: sandboxed" in report
    assert "namespaces: user, pid, ipc, uts, cgroup, network" in report
    broken = cli(
        "runner",
        "status",
        "--CodeCallApp.sandbox_extra_binds=['/codecall-no-such-folder']",
        ok=False,
    )
    assert broken.returncode == 1
    assert "isolation: unavailable" in broken.stdout
    assert "a sandboxed kernel could not start" in broken.stdout
