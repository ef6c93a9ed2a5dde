"""Helpers for the browser walk (tests/test_browser.py): a real JupyterLab started as `mlcourse lab` starts
it, isolated from the machine's own Jupyter settings, and headless Chromium driven by Selenium.

The browser is Debian's ``chromium`` with its ``chromium-driver`` (``make browser-tool`` installs them).
A missing browser fails the walk with the one line that installs it: it never skips silently.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mlcourse.instructor import lab

INSTALL = "apt-get install -y chromium chromium-driver (as root: make browser-tool)"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "/usr/lib/chromium/chromedriver", "/usr/bin/chromedriver")

#: The user settings each test server starts with: every cell of a notebook in the page (JupyterLab
#: otherwise renders only the cells in view), and no "official Jupyter news?" toast over the buttons.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}


def browser_paths() -> tuple[str, str]:
    """The browser and its driver, or a test failure that says how to install them."""
    browser = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    driver = next((path for name in DRIVERS if (path := shutil.which(name))), None)
    if not browser or not driver:
        missing = " and ".join(name for name, path in (("chromium", browser), ("chromedriver", driver))
                               if not path)
        pytest.fail(f"the browser walk needs {missing}: {INSTALL}", pytrace=False)
    return browser, driver


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    """One JupyterLab, started as ``mlcourse lab`` starts it (:func:`mlcourse.instructor.lab.lab_command`,
    :func:`~mlcourse.instructor.lab.lab_environment`, cwd = its root), on its own port and token, with its
    own Jupyter configuration, data, runtime, workspaces and settings folders under ``home``."""

    name: str
    root: Path
    home: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    token: str = ""
    process: subprocess.Popen | None = None

    @property
    def log(self) -> Path:
        return self.home / "server.log"

    def url(self, path: str) -> str:
        """``path`` on this server, logged in with its token."""
        separator = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}{separator}token={self.token}"

    def launch(self) -> LabServer:
        self.port, self.token = free_port(), f"{self.name}-{os.urandom(12).hex()}"
        folders = {name: self.home / name for name in ("config", "data", "runtime", "workspaces", "settings")}
        for folder in folders.values():
            folder.mkdir(parents=True, exist_ok=True)
        for name, values in SETTINGS.items():
            path = folders["settings"] / f"{name}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        # JUPYTER_PATH is lab_environment's: nbgrader's lab extension and server settings live in the venv's
        # share/jupyter and etc/jupyter, which Jupyter finds from sys.prefix; a learner's adds the course's.
        env = {**lab.lab_environment(self.root), "JUPYTER_CONFIG_DIR": str(folders["config"]),
               "JUPYTER_DATA_DIR": str(folders["data"]), "JUPYTER_RUNTIME_DIR": str(folders["runtime"]),
               **self.env}
        command = lab.lab_command(self.root, [
            "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
            f"--LabApp.workspaces_dir={folders['workspaces']}",
            f"--LabApp.user_settings_dir={folders['settings']}"])
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=log,
                                            stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout: float = 90) -> LabServer:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the {self.name}'s JupyterLab exited ({self.process.returncode}); "
                            f"log: {self.log}", pytrace=False)
            try:
                with urllib.request.urlopen(self.url("/api/status"), timeout=5):
                    return self
            except OSError:
                time.sleep(0.2)  # polls the server until it answers
        pytest.fail(f"the {self.name}'s JupyterLab did not answer within {timeout:.0f} s; log: {self.log}",
                    pytrace=False)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
