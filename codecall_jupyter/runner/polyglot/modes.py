"""The three request modes: run (streamed), judge (cases captured), check (custom
checkers). Each publishes its display_data as it goes and ends with the result.

Results (``application/vnd.codecall.result+json``):
- run: verdict, exit_code, signal, wall, cpu, memory, truncated, stdout_bytes and
  stderr_bytes (everything the program wrote, forwarded or not), compile.
- judge: verdict (OK when every case ran OK, else the first other verdict), cases (how
  many ran), passed, wall and cpu (totals), memory (the highest), truncated, compile.
- check: verdict (OK when the checker accepted every case, else WA; CANCELLED), cases,
  passed, failed (cases whose checker crashed or timed out).
A failed compile ends any mode with verdict "CE"; an interrupt with "CANCELLED".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import jobs
from .cancel import Cancel
from .execute import Outcome, run_job
from .output import CaptureSink, StreamSink
from .protocol import CASE, CHECK, COMPILE, RESULT
from .spawner import Spawner
from .spec import Request
from .verdict import verdict
from .workspace import fresh_build_dir, write_files

COMPILE_OUTPUT = 64 * 1024
CASE_STDERR = 8 * 1024


@dataclass
class Context:
    spawner: Spawner
    cancel: Cancel
    places: jobs.Places
    display: Callable[[str, dict[str, Any]], None]  # mimetype, data
    stream: Callable[[str, str], None]  # stream name, text


def handle(request: Request, ctx: Context) -> dict[str, Any]:
    """Do the request; its result, already published."""
    if request.mode == "check":
        result = check(request, ctx)
    else:
        write_files(request.workdir, request.files or {})
        fresh_build_dir(request.workdir)
        compiled = compile_program(request, ctx)
        if compiled is not None and not compiled["ok"]:
            verdict_ = "CANCELLED" if compiled.get("cancelled") else "CE"
            result = {"verdict": verdict_, **_NOTHING_RAN, "compile": compiled}
            if request.mode == "judge":
                result.update(cases=0, passed=0)
        elif request.mode == "run":
            result = run(request, ctx, compiled)
        else:
            result = judge(request, ctx, compiled)
    ctx.display(RESULT, result)
    return result


_NOTHING_RAN = {
    "exit_code": None,
    "signal": None,
    "wall": 0.0,
    "cpu": 0.0,
    "memory": 0,
    "truncated": False,
    "stdout_bytes": 0,
    "stderr_bytes": 0,
}


def compile_program(request: Request, ctx: Context) -> dict[str, Any] | None:
    assert request.language is not None
    if request.language.compile is None:
        return None
    job = jobs.compile_job(request, ctx.places)
    sink = CaptureSink({"stdout": COMPILE_OUTPUT, "stderr": COMPILE_OUTPUT})
    out = run_job(ctx.spawner, job, sink, ctx.cancel)
    stderr = sink.text("stderr")
    if out.timed_out:
        stderr += f"\n[compilation stopped: it ran past {job.wall:g} seconds]\n"
    info: dict[str, Any] = {
        "ok": out.exit_code == 0 and not (out.timed_out or out.cancelled),
        "exit_code": out.exit_code,
        "signal": out.signal,
        "stdout": sink.text("stdout"),
        "stderr": stderr,
        "wall": out.wall,
        "timed_out": out.timed_out,
    }
    if out.cancelled:
        info["cancelled"] = True
    ctx.display(COMPILE, info)
    return info


def run(request: Request, ctx: Context, compiled: dict[str, Any] | None) -> dict[str, Any]:
    job = jobs.program_job(request, ctx.places, request.stdin, streaming=True)
    sink = StreamSink(ctx.stream, request.limits.output_bytes)
    out = run_job(ctx.spawner, job, sink, ctx.cancel)
    return {
        "verdict": _verdict(request, out, sink.tail),
        **_measures(out),
        "truncated": sink.truncated,
        "stdout_bytes": sink.total["stdout"],
        "stderr_bytes": sink.total["stderr"],
        "compile": compiled,
    }


def judge(request: Request, ctx: Context, compiled: dict[str, Any] | None) -> dict[str, Any]:
    verdicts: list[str] = []
    wall = cpu = 0.0
    memory = 0
    truncated = cancelled = False
    for case in request.cases:
        job = jobs.program_job(request, ctx.places, case["stdin"], streaming=False)
        sink = CaptureSink({"stdout": request.limits.output_bytes, "stderr": CASE_STDERR})
        out = run_job(ctx.spawner, job, sink, ctx.cancel)
        if out.cancelled:
            cancelled = True
            break
        verdicts.append(_verdict(request, out, sink.tail))
        ctx.display(
            CASE,
            {
                "id": case["id"],
                "verdict": verdicts[-1],
                **_measures(out),
                # The exact prefix, for the server's comparison; the flag says it is one.
                "stdout": sink.data["stdout"].decode("utf-8", "replace"),
                "stderr": sink.text("stderr"),
                "truncated": sink.overflowed("stdout"),
            },
        )
        wall, cpu, memory = wall + out.wall, cpu + out.cpu, max(memory, out.memory)
        truncated = truncated or sink.overflowed("stdout")
    first_failure = next((v for v in verdicts if v != "OK"), "OK")
    return {
        "verdict": "CANCELLED" if cancelled else first_failure,
        "cases": len(verdicts),
        "passed": verdicts.count("OK"),
        "wall": round(wall, 4),
        "cpu": round(cpu, 4),
        "memory": memory,
        "truncated": truncated,
        "compile": compiled,
    }


def check(request: Request, ctx: Context) -> dict[str, Any]:
    """Run the problem author's checker once per case: JSON on its stdin, ``OK`` or
    ``WA`` on its first line, optionally a message after it."""
    build = fresh_build_dir(request.workdir)
    write_files(build, {"checker.py": request.checker})
    passed = failed = ran = 0
    cancelled = False
    for case in request.cases:
        payload = json.dumps({k: case[k] for k in ("input", "expected", "actual")})
        job = jobs.checker_job(request, ctx.places, f"{build}/checker.py", payload)
        sink = CaptureSink({"stdout": COMPILE_OUTPUT, "stderr": CASE_STDERR})
        out = run_job(ctx.spawner, job, sink, ctx.cancel)
        if out.cancelled:
            cancelled = True
            break
        ok, message = _checker_said(out, sink)
        ran += 1
        passed += ok
        failed += message.startswith("checker failed")
        ctx.display(CHECK, {"id": case["id"], "ok": ok, "message": message})
    outcome = "CANCELLED" if cancelled else "OK" if passed == ran else "WA"
    return {"verdict": outcome, "cases": ran, "passed": passed, "failed": failed}


def _checker_said(out: Outcome, sink: CaptureSink) -> tuple[bool, str]:
    if out.timed_out or out.signal or out.exit_code != 0:
        how = (
            "it ran past its time limit"
            if out.timed_out
            else f"signal {out.signal}"
            if out.signal
            else f"exit code {out.exit_code}"
        )
        tail = sink.text("stderr").strip()[-1000:]
        return False, f"checker failed: {how}" + (f": {tail}" if tail else "")
    text = sink.text("stdout").strip()
    first, _, rest = text.partition("\n")
    word, _, same_line = first.strip().partition(" ")
    message = "\n".join(part for part in (same_line.strip(), rest.strip()) if part)[:1000]
    if word.upper().rstrip(":") in ("OK", "WA"):
        return word.upper().startswith("OK"), message
    return False, f"checker failed: its first line must be OK or WA, not {first[:100]!r}"


def _verdict(request: Request, out: Outcome, tail: bytes) -> str:
    limit = jobs.memory_limit(request)
    return verdict(out, cpu_limit=request.limits.cpu, memory_limit=limit, stderr_tail=tail)


def _measures(out: Outcome) -> dict[str, Any]:
    return {
        "exit_code": out.exit_code,
        "signal": out.signal,
        "wall": out.wall,
        "cpu": out.cpu,
        "memory": out.memory,
    }
