"""The cyclic garbage collector's settings for a server that holds many busy rooms.

A full collection visits every object the collector tracks, with the event loop stopped.
A started Jupyter server tracks about 310,000 objects that stay for its whole life
(modules, JupyterLab's metadata, the grammars jsonschema's format checkers build), and
200 busy rooms add about 115,000. With Python's defaults a full collection came every 15
seconds or so under that load and stopped the loop for about 200 ms, and every room's
edits waited for it (bench_edits.py, p99 at 200 rooms: 165 to 400 ms in a window that
caught one). Two settings, each its own option on ``CodeCallApp``:

- **the started server's objects are frozen** (``gc.freeze``, after one collection, so
  that no garbage is frozen): full collections no longer visit them;
- **young collections come every 7,000 allocations, not 700**: fewer short-lived objects
  are still alive when one runs, so fewer reach the oldest generation, whose growth is
  what starts a full collection.

Together, in alternating runs at 200 rooms: p99 7.2 and 8.6 ms, full collections 22 to
36 ms, against 165 and 201 ms with only the second. A young collection of 7,000 objects
takes well under a millisecond.
"""

from __future__ import annotations

import gc
import logging
import time


def tune_collector(log: logging.Logger, *, freeze: bool, young_threshold: int) -> None:
    """Apply the settings; ``young_threshold`` 0 keeps Python's own."""
    if young_threshold > 0:
        _, middle, old = gc.get_threshold()
        gc.set_threshold(young_threshold, middle, old)
    if freeze:
        started = time.perf_counter()
        gc.collect()
        gc.freeze()
        log.info(
            "CodeCall: %d objects of the started server frozen out of the garbage "
            "collector's full collections (%.0f ms); young collections every %d allocations.",
            gc.get_freeze_count(),
            (time.perf_counter() - started) * 1000,
            gc.get_threshold()[0],
        )
