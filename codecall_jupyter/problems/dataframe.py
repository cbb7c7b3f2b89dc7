"""The DataFrame-aware checker of data problems: both outputs read as CSV and compared
as tables (the same columns in any order, the same rows in any order, numbers within a
tolerance). It runs sandboxed, as the runner's custom checkers do, on the kernels'
Python, which has pandas."""

from __future__ import annotations

_SOURCE = """\
import io, json, sys
import pandas as pd

TOLERANCE = {tolerance!r}
case = json.load(sys.stdin)


def table(text):
    frame = pd.read_csv(io.StringIO(text))
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def rows_sorted(frame, columns):
    frame = frame[columns]
    keys = frame.astype(str)
    order = keys.sort_values(by=columns, kind="mergesort").index
    return frame.loc[order].reset_index(drop=True)


try:
    want, got = table(case["expected"]), table(case["actual"])
except Exception as e:
    print("WA")
    print("the output is not a CSV table:", str(e).splitlines()[0][:200])
    sys.exit()
if sorted(want.columns) != sorted(got.columns):
    print("WA")
    print("columns differ: expected", list(want.columns), "got", list(got.columns))
    sys.exit()
if len(want) != len(got):
    print("WA")
    print("expected", len(want), "rows, got", len(got))
    sys.exit()
columns = list(want.columns)
for column in columns:
    if pd.api.types.is_numeric_dtype(want[column]):
        # As floats on both sides, so 3 and 3.0 sort (and compare) as the same value.
        want[column] = want[column].astype(float).round(6)
        got[column] = pd.to_numeric(got[column], errors="coerce").astype(float).round(6)
try:
    pd.testing.assert_frame_equal(
        rows_sorted(want, columns), rows_sorted(got, columns),
        check_dtype=False, rtol=TOLERANCE, atol=TOLERANCE,
    )
except AssertionError as e:
    print("WA")
    print(" ".join(str(e).split())[:300])
else:
    print("OK")
"""


def dataframe_checker(tolerance: float) -> str:
    """Python source of the checker for one problem's tolerance."""
    return _SOURCE.format(tolerance=float(tolerance))
