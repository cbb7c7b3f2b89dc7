"""CodeCall for Jupyter: practise and run technical interviews inside JupyterLab."""

from __future__ import annotations

from typing import Any

try:
    from ._version import __version__
except ImportError:  # a source checkout that was never built
    __version__ = "0.0.0+unknown"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "codecall-jupyter"}]


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    from .app import CodeCallApp

    return [{"module": "codecall_jupyter", "app": CodeCallApp}]
