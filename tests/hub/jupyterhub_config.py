"""JupyterHub for tests/test_jupyterhub.py: everything on 127.0.0.1, users with a
password (SharedPasswordAuthenticator), single-user servers as local processes in
folders of their own (SimpleLocalProcessSpawner), CodeCall on one PostgreSQL database,
and the roles that CodeCall's sharing needs (docs/JUPYTERHUB.md shows the same for
Zero to JupyterHub).

The test sets CODECALL_TEST_HUB_* in the Hub's environment."""

# ruff: noqa: F821  (``c`` is JupyterHub's config object)

import os
import sys
from pathlib import Path

env = os.environ
work = Path(env["CODECALL_TEST_HUB_DIR"])
here = Path(__file__).parent

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(env["CODECALL_TEST_HUB_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env["CODECALL_TEST_HUB_API_PORT"])
c.JupyterHub.db_url = f"sqlite:///{work / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(work / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(work / "jupyterhub.pid")
# A restart of the Hub leaves the proxy and the users' servers running (the test stops
# the Hub to see CodeCall ride out an outage); the test's teardown stops them.
c.JupyterHub.cleanup_servers = False
c.JupyterHub.cleanup_proxy = False
c.ConfigurableHTTPProxy.command = [str(here / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['CODECALL_TEST_HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.pid_file = str(work / "proxy.pid")

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env["CODECALL_TEST_HUB_PASSWORD"]
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(work / "home" / "{username}")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.getuid() == 0 else []
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
c.Spawner.environment = {
    # The database every user's server shares: CodeCall reads $CODECALL_DB_URL.
    "CODECALL_DB_URL": env["CODECALL_TEST_HUB_DB_URL"],
    # CodeCall's test settings (kernels on demand, small run limits), as a config file.
    "JUPYTER_CONFIG_PATH": str(work / "config"),
}

c.JupyterHub.load_roles = [
    # Users may share their servers and name whom they share with.
    {"name": "user", "scopes": ["self", "shares!user", "read:users:name"]},
    # The single-user server's own token ($JUPYTERHUB_API_TOKEN) does it for them.
    {
        "name": "server",
        "scopes": [
            "users:activity!user",
            "access:servers!server",
            "shares!user",
            "read:users:name",
        ],
    },
    # The test's own hands on the Hub: it checks users' servers, reads shares, and
    # shares Ann's server by hand with someone CodeCall does not know.
    {
        "name": "codecall-test",
        "scopes": [
            "admin:users",
            "admin:servers",
            "admin:server_state",
            "shares",
            "read:users:name",
        ],
        "services": ["codecall-test"],
    },
]
c.JupyterHub.services = [
    {"name": "codecall-test", "api_token": env["CODECALL_TEST_HUB_SERVICE_TOKEN"]},
]
c.JupyterHub.log_level = env.get("CODECALL_TEST_HUB_LOG_LEVEL", "INFO")
