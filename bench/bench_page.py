"""Page load: JupyterLab's load time in headless Chromium with and without the CodeCall
extension, and the extension's bundle size.

Two `jupyter lab` servers run side by side: one as installed (CodeCall's server and lab
extensions), one with CodeCall's server extension disabled and its lab extension left out
of the lab-extension path (every other extension is the same). Loads alternate between them,
each in a fresh browser profile (cold cache, no cookies), and each is timed from the start
of the navigation to the moment JupyterLab removes its splash screen (the app is restored),
recorded as a performance mark by a script injected before the page's own. The browser is
Debian's /usr/bin/chromium through Playwright, as the browser tests use it; it only talks
to 127.0.0.1.

    python bench/bench_page.py [--loads 8]

Writes bench/results/page.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import free_port, machine, summary_ms, write_result

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:|data:|blob:)")
EXTENSION = "codecall-jupyter"
LABEXTENSIONS = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
# Marks the moment the splash screen leaves the page: JupyterLab removes it once restored.
READY_SCRIPT = """
(() => {
  let seen = false;
  const observer = new MutationObserver(() => {
    const splash = document.getElementById('jupyterlab-splash');
    if (splash) { seen = true; return; }
    if (seen && document.querySelector('.jp-LabShell')) {
      performance.mark('codecall-bench-lab-ready');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"""


class Lab:
    def __init__(self, tmp: Path, with_extension: bool) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.token = secrets.token_hex(16)
        home = {name: tmp / name for name in ("config", "data", "runtime", "settings", "ws")}
        for path in home.values():
            path.mkdir(parents=True)
        (home["config"] / "labconfig").mkdir()
        overrides = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}
        (home["config"] / "labconfig" / "default_setting_overrides.json").write_text(
            json.dumps(overrides)
        )
        config: dict[str, Any] = {}
        if not with_extension:
            # The other prebuilt extensions, without ours; CodeCall's server side off too.
            path = tmp / "labextensions"
            shutil.copytree(LABEXTENSIONS, path, ignore=shutil.ignore_patterns(EXTENSION))
            config = {
                "ServerApp": {"jpserver_extensions": {"codecall_jupyter": False}},
                "LabApp": {"labextensions_path": [str(path)]},
            }
        (home["config"] / "jupyter_server_config.json").write_text(json.dumps(config))
        root = tmp / "root"
        root.mkdir()
        env = dict(os.environ)
        env.pop("JUPYTERHUB_API_TOKEN", None)
        env.update(
            JUPYTER_CONFIG_DIR=str(home["config"]),
            JUPYTER_DATA_DIR=str(home["data"]),
            JUPYTER_RUNTIME_DIR=str(home["runtime"]),
            JUPYTERLAB_SETTINGS_DIR=str(home["settings"]),
            JUPYTERLAB_WORKSPACES_DIR=str(home["ws"]),
        )
        command = [
            str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
            "--ip=127.0.0.1", f"--port={self.port}", "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={root}", f"--ServerApp.token={self.token}",
            f"--CodeCallApp.db_url=sqlite:///{tmp / 'codecall.db'}",
            '--CodeCallApp.kernel_pool_sizes={"python": 0, "polyglot": 0}',
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]  # fmt: skip
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.log = tmp / "lab.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def wait(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited: {self.log.read_text()[-3000:]}")
            try:
                request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
                    self.base + "api/status", headers={"Authorization": f"token {self.token}"}
                )
                with urllib.request.urlopen(request, timeout=5):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError("jupyter lab did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def load(browser: Any, lab: Lab) -> dict[str, float]:
    """One load in a fresh profile: ms to restored, the renderer's and the server's busy
    time, and the bytes of our extension fetched."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    server_before = cpu_ms(lab.process.pid)
    try:
        context.route(NOT_LOCAL, lambda route: route.abort())
        context.add_init_script(READY_SCRIPT)
        page = context.new_page()
        # The renderer's own busy time (CPU spent in tasks and scripts), which the
        # machine's other work moves far less than the wall clock.
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(f"{lab.base}lab?token={lab.token}", timeout=120_000)
        page.wait_for_function(
            "performance.getEntriesByName('codecall-bench-lab-ready').length > 0",
            timeout=120_000,
        )
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        timing: dict[str, float] = page.evaluate(
            """(name) => {
                const ready = performance.getEntriesByName('codecall-bench-lab-ready')[0];
                const ours = performance.getEntriesByType('resource')
                    .filter(r => r.name.includes('/lab/extensions/' + name + '/'));
                return {
                    ready_ms: ready.startTime,
                    extension_bytes: ours.reduce((n, r) => n + r.encodedBodySize, 0),
                    extension_files: ours.length,
                };
            }""",
            EXTENSION,
        )
        timing["server_cpu_ms"] = cpu_ms(lab.process.pid) - server_before
        timing["task_ms"] = metrics["TaskDuration"] * 1000
        timing["script_ms"] = metrics["ScriptDuration"] * 1000
        return timing
    finally:
        context.close()


def bundle() -> dict[str, int]:
    """The built extension as served: its JavaScript and CSS, raw and gzipped (maps aside)."""
    static = LABEXTENSIONS / EXTENSION / "static"
    files = [p for p in static.iterdir() if p.suffix in (".js", ".css")]
    return {
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "gzip_bytes": sum(len(gzip.compress(p.read_bytes(), 6)) for p in files),
    }


def run(loads: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="codecall-bench-page-") as tmp_name:
        tmp = Path(tmp_name)
        labs = {"with": Lab(tmp / "with", True), "without": Lab(tmp / "without", False)}
        try:
            for lab in labs.values():
                lab.wait()
            samples: dict[str, list[dict[str, float]]] = {"with": [], "without": []}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                try:
                    for lab in labs.values():  # one load each first: the servers' caches
                        load(browser, lab)
                    for _ in range(loads):
                        for key, lab in labs.items():
                            samples[key].append(load(browser, lab))
                finally:
                    browser.close()
        finally:
            for lab in labs.values():
                lab.stop()
    leaked = [row for row in samples["without"] if row["extension_files"]]
    if leaked or not all(row["extension_files"] for row in samples["with"]):
        raise RuntimeError("the extension was not loaded exactly where it should be")
    result: dict[str, Any] = {"machine": machine(), "loads": loads, "cache": "cold"}
    for key, rows in samples.items():
        result[key] = summary_ms([row["ready_ms"] for row in rows])
        result[key]["renderer_task"] = summary_ms([row["task_ms"] for row in rows])
        result[key]["renderer_script"] = summary_ms([row["script_ms"] for row in rows])
        result[key]["server_cpu"] = summary_ms([row["server_cpu_ms"] for row in rows])
    result["added_ms"] = round(result["with"]["p50_ms"] - result["without"]["p50_ms"], 1)
    result["added_renderer_task_ms"] = round(
        result["with"]["renderer_task"]["p50_ms"] - result["without"]["renderer_task"]["p50_ms"],
        1,
    )
    fetched = [row["extension_bytes"] for row in samples["with"]]
    result["bundle_bytes"] = int(statistics.median(fetched))  # what a load fetched of ours
    result["bundle_files_fetched"] = int(samples["with"][0]["extension_files"])
    result["bundle_on_disk"] = bundle()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=8, help="loads per variant")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing (apt-get install chromium)")
    results = run(args.loads)
    print(
        f"with {results['with']}, without {results['without']}: {results['added_ms']} ms added "
        f"({results['added_renderer_task_ms']} ms of renderer task time); "
        f"bundle fetched {results['bundle_bytes']} bytes, on disk {results['bundle_on_disk']}"
    )
    print(f"wrote {write_result('page', results)}")


if __name__ == "__main__":
    main()
