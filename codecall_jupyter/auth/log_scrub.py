"""Secrets stay out of the server's log.

Jupyter scrubs ``?token=`` (and ``extra_log_scrub_param_keys``) from its access log, but
tornado logs a refused request (an ``HTTPError``: a missing file, a missing XSRF token)
with its raw URL, so a real token in the URL of a 404 lands in the log. ``install``
gives every Jupyter handler of this server the access log's scrubbing for that line too,
and adds CodeCall's own secret arguments (a session's join token, a registration
invite) to the scrubbed keys.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.log import _scrub_uri  # the access log's own scrubber

# Query arguments that carry a secret (invite_url's join token, register?invite=).
SECRET_QUERY_KEYS = ("codecall-join", "invite")


def _scrubbed_summary(handler: JupyterHandler) -> str:
    keys = handler.settings.get("extra_log_scrub_param_keys")
    uri = _scrub_uri(handler.request.uri or "", keys)
    return f"{handler.request.method} {uri} ({handler.request.remote_ip})"


def install(settings: dict[str, Any]) -> None:
    """Scrub CodeCall's secret arguments, and refused requests' URLs, in this server."""
    keys = settings.setdefault("extra_log_scrub_param_keys", [])
    keys.extend(key for key in SECRET_QUERY_KEYS if key not in keys)
    # Process-wide on purpose: every handler class of the server inherits it, ours,
    # Jupyter's and other extensions'; it only changes what a log line shows.
    JupyterHandler._request_summary = _scrubbed_summary  # type: ignore[method-assign,assignment]
