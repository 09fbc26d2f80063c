"""A headless Chromium driven over the DevTools protocol on localhost: open a page, evaluate script, screenshot.

Debian's `chromium` package is the browser (no browser download). Flags keep it off the network and away from
any profile: a fresh user-data-dir per instance.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from websockets.sync.client import connect

CHROMIUM_NAMES = ("chromium", "chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--hide-scrollbars")
START_TIMEOUT_S = 30.0
LOAD_TIMEOUT_S = 30.0


def chromium_binary() -> str | None:
    """Path of the system's Chromium, if installed."""
    return next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)


class HeadlessChromium:
    """One browser with one page; use as a context manager."""

    def __init__(self, binary: str, width: int = 1400, height: int = 1000) -> None:
        self._profile = tempfile.mkdtemp(prefix="review-browser-")
        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._ids = itertools.count(1)
        self._socket = connect(self._page_socket_url(), max_size=None, open_timeout=START_TIMEOUT_S)
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _page_socket_url(self) -> str:
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"chromium exited with {self._process.returncode} before it was ready")
            if port_file.exists() and port_file.read_text().strip():
                port = int(port_file.read_text().split()[0])
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                    pages = [t for t in json.load(response) if t["type"] == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port in time")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and return its result, skipping events that arrive meanwhile."""
        message_id = next(self._ids)
        self._socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=LOAD_TIMEOUT_S))
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, path: Path) -> None:
        """Load a local file and wait until the page (and its images) finished loading."""
        self.call("Page.navigate", url=path.resolve().as_uri())
        deadline = time.monotonic() + LOAD_TIMEOUT_S
        while self.evaluate("document.readyState") != "complete" or self.evaluate("location.href") != path.resolve().as_uri():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} did not load")
            time.sleep(0.05)

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a script expression in the page."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, target: Path) -> Path:
        """A PNG of the whole page (not just the viewport)."""
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        target.write_bytes(base64.b64decode(data))
        return target

    def close(self) -> None:
        try:
            self._socket.close()
        finally:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> HeadlessChromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def require_system_tests() -> bool:
    """CI sets REQUIRE_SYSTEM_TESTS=1: there a missing browser is a failure, not a skip."""
    return os.environ.get("REQUIRE_SYSTEM_TESTS") == "1"
