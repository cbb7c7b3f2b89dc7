"""Comparing a program's output with the expected output (custom checkers run sandboxed,
in the polyglot kernel's check mode; these are the built-in ones)."""

from __future__ import annotations

import math

from .limits import Comparison


def _lines(text: str) -> list[str]:
    """Lines without trailing spaces, and without trailing empty lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _close(a: str, b: str, tolerance: float) -> bool:
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return math.isclose(x, y, rel_tol=tolerance, abs_tol=tolerance)


def matches(comparison: Comparison, expected: str, actual: str) -> bool:
    if comparison.kind == "exact":
        return expected == actual
    if comparison.kind == "float":
        want, got = " ".join(_lines(expected)).split(), " ".join(_lines(actual)).split()
        return len(want) == len(got) and all(
            _close(w, g, comparison.tolerance) for w, g in zip(want, got, strict=True)
        )
    # whitespace: tokens per line must agree; runs of spaces and trailing blanks do not count
    return [line.split() for line in _lines(expected)] == [line.split() for line in _lines(actual)]
