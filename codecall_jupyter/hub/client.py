"""A small client for the JupyterHub REST API, speaking as this single-user server
(its own ``$JUPYTERHUB_API_TOKEN``): only the calls CodeCall needs, the server's shares."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest


class HubError(Exception):
    """The Hub refused or could not answer; ``status`` is None when it was unreachable."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def retryable(self) -> bool:
        # Unreachable, busy or failing: try again later. A 4xx is a configuration fault
        # (missing scopes, unknown user) that retrying will not heal, but it is logged.
        return self.status is None or self.status >= 500 or self.status == 429


@dataclass(frozen=True)
class HubServer:
    """Who this server is, from the environment JupyterHub's spawner sets."""

    api_url: str  # e.g. http://127.0.0.1:8081/hub/api
    token: str
    owner: str  # $JUPYTERHUB_USER
    server_name: str = ""  # $JUPYTERHUB_SERVER_NAME: "" for the default server

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> HubServer | None:
        env = dict(os.environ if env is None else env)
        token = env.get("JUPYTERHUB_API_TOKEN", "")
        api_url = env.get("JUPYTERHUB_API_URL", "")
        owner = env.get("JUPYTERHUB_USER", "")
        if not (token and api_url and owner):
            return None
        return cls(api_url.rstrip("/"), token, owner, env.get("JUPYTERHUB_SERVER_NAME", ""))


def service_prefix(env: dict[str, str] | None = None) -> str | None:
    """This single-user server's URL prefix ("/user/ann/"), or None outside JupyterHub."""
    env = dict(os.environ if env is None else env)
    if not env.get("JUPYTERHUB_API_TOKEN"):
        return None
    return env.get("JUPYTERHUB_SERVICE_PREFIX") or None


class HubClient:
    """The Hub's share endpoints for this one server (JupyterHub >= 5).

    ``POST /shares/{owner}/{server}`` with ``{"user": name}`` grants the default
    ``access:servers!server=owner/server``; ``PATCH`` with the same body revokes it;
    ``GET`` lists the server's shares (paginated)."""

    def __init__(self, server: HubServer, timeout: float = 10.0) -> None:
        self.server = server
        self.timeout = timeout

    @property
    def _shares_url(self) -> str:
        owner = quote(self.server.owner, safe="")
        return f"{self.server.api_url}/shares/{owner}/{quote(self.server.server_name, safe='')}"

    async def _call(self, method: str, url: str, body: Any = None) -> Any:
        headers = {
            "Authorization": f"token {self.server.token}",
            "Accept": "application/jupyterhub-pagination+json",
        }
        request = HTTPRequest(
            url,
            method=method,
            headers=headers,
            body=None if body is None else json.dumps(body),
            request_timeout=self.timeout,
            connect_timeout=self.timeout,
        )
        if body is not None:
            request.headers["Content-Type"] = "application/json"
        try:
            response = await AsyncHTTPClient().fetch(request)
        except HTTPClientError as exc:
            detail = ""
            if exc.response is not None and exc.response.body:
                detail = exc.response.body.decode("utf-8", "replace")[:300]
            raise HubError(f"{method} {url}: {exc.code} {detail}".strip(), exc.code) from exc
        except OSError as exc:  # refused, reset, DNS, timeout
            raise HubError(f"{method} {url}: {exc}") from exc
        return json.loads(response.body) if response.body else None

    async def shared_users(self) -> set[str]:
        """The Hub user names this server is shared with (group shares are not ours)."""
        names: set[str] = set()
        offset = 0
        while True:
            page = await self._call("GET", f"{self._shares_url}?{urlencode({'offset': offset})}")
            items = page.get("items", []) if isinstance(page, dict) else page or []
            for share in items:
                user = share.get("user") or {}
                if share.get("kind", "user") == "user" and user.get("name"):
                    names.add(str(user["name"]))
            nxt = (page.get("_pagination") or {}).get("next") if isinstance(page, dict) else None
            if not nxt or not items:
                return names
            offset = int(nxt.get("offset", offset + len(items)))

    async def share_with(self, user: str) -> None:
        await self._call("POST", self._shares_url, {"user": user})

    async def revoke(self, user: str) -> None:
        await self._call("PATCH", self._shares_url, {"user": user})
