"""Replay benchmark: seeking in a long document history.

Types ``BENCH_REPLAY_UPDATES`` (default 50,000) small text updates with pycrdt (one
character each, an occasional newline or deletion, as an editor sends them) into a fresh
SQLite database through ``DocHistory.append``, times the first replay (which makes the
checkpoints), then times seeks to random moments and checks a sample of them against the
text recorded while typing. Writes bench/results/replay.json.

Run: ``.venv/bin/python bench/bench_replay.py``. Needs no server and no network.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pycrdt import Doc, Text

from codecall_jupyter.collab.history import DocHistory
from codecall_jupyter.collab.replay import DocReplay
from codecall_jupyter.store import migrate
from codecall_jupyter.store.db import Database

HERE = Path(__file__).parent
UPDATES = int(os.environ.get("BENCH_REPLAY_UPDATES", "50000"))
SEEKS = int(os.environ.get("BENCH_REPLAY_SEEKS", "200"))
ROOM = "file:bench-0000"
START = 1_700_000_000.0
STEP = 0.144  # 50,000 updates over two hours


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def typing(n: int, seed: int = 7) -> tuple[list[bytes], dict[int, str]]:
    """n updates; the text after every 97th (kept to check seeks against)."""
    rng = random.Random(seed)
    doc = Doc()
    text = doc.get("source", type=Text)
    updates, seen = [], {}
    for i in range(n):
        before = doc.get_state()
        if len(text) > 10 and rng.random() < 0.08:
            del text[len(text) - 1]
        else:
            text.insert(
                rng.randrange(len(text) + 1) if rng.random() < 0.1 else len(text),
                "\n" if rng.random() < 0.05 else rng.choice("abcdefgh ();=+"),
            )
        updates.append(doc.get_update(before))
        if i % 97 == 0:
            seen[i] = str(text)
    return updates, seen


async def main() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        await migrate.upgrade(url)
        db = Database(url)
        history = DocHistory(db)
        updates, seen = typing(UPDATES)
        t0 = time.perf_counter()
        for i, data in enumerate(updates):
            history.append(ROOM, data, session_id="bench", author_id=1 + i % 2, at=START + i * STEP)
        await history.flush()
        append_s = time.perf_counter() - t0

        replay = DocReplay(db)
        t0 = time.perf_counter()
        await replay.state_at(ROOM, START)
        first_s = time.perf_counter() - t0

        rng = random.Random(11)
        timings = []
        for _ in range(SEEKS):
            t = START + rng.random() * UPDATES * STEP
            t0 = time.perf_counter()
            await replay.state_at(ROOM, t)
            timings.append(time.perf_counter() - t0)
        wrong = 0
        checked = list(seen.items())[:: max(1, len(seen) // 50)]
        for i, expected in checked:
            state = await replay.state_at(ROOM, START + i * STEP + STEP / 2)
            wrong += state.content != expected
        await history.close()
        await db.dispose()
    return {
        "updates": UPDATES,
        "append_seconds": round(append_s, 2),
        "first_replay_with_checkpoints_seconds": round(first_s, 3),
        "checkpoints": replay.made,
        "seeks": SEEKS,
        "seek_median_ms": round(statistics.median(timings) * 1000, 2),
        "seek_p95_ms": round(pct(timings, 95) * 1000, 2),
        "seek_max_ms": round(max(timings) * 1000, 2),
        "checked_against_typing": len(checked),
        "wrong": wrong,
        "python": sys.version.split()[0],
        "machine": platform.machine(),
    }


if __name__ == "__main__":
    result = asyncio.run(main())
    print(json.dumps(result, indent=2))
    out = HERE / "results" / "replay.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
