"""Screenshots of every page of the web UI, for the README and for review.

Usage::

    .venv/bin/python scripts/screenshots.py [--db PATH_OR_URL] [--out screenshots]

Without ``--db`` it builds the demo corpus (:mod:`marsad.web.demo`) in a temporary
SQLite file. It starts ``marsad serve`` on a free localhost port, drives Debian's
headless Chromium (``apt-get install chromium chromium-driver``) and writes one PNG per
page at laptop size (1280x900) plus the article and search pages at phone size (390x844).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHROMEDRIVER = "/usr/bin/chromedriver"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(base: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        if proc.poll() is not None:
            raise SystemExit("error: the server exited before answering")
        try:
            if httpx.get(base + "/api/sources", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("error: the server did not start within 30 s")


def _pages(base: str) -> list[tuple[str, str]]:
    """(name, path) of the pages to capture, ids taken from the running API."""
    api = httpx.Client(base_url=base, timeout=30)
    pages = [("home", "/"), ("search", "/search?q=الزين"), ("map", "/map"), ("entities", "/entities"),
             ("stories", "/stories"), ("docs", "/docs")]
    # the demo corpus's annotated article, else the newest article of the given database
    hits = api.get("/api/search", params={"q": "المفاوضات ستستأنف", "limit": 1}).json().get("results", []) \
        or api.get("/api/articles", params={"limit": 1}).json().get("items", [])
    if hits:
        aid = hits[0]["id"]
        pages.append(("article", f"/articles/{aid}"))
        article = api.get(f"/api/articles/{aid}").json()
        ids = [i for i in article.get("entity_ids", []) if i]
        if ids:
            pages.append(("entity", f"/entities/{ids[0]}"))
    stories = api.get("/api/stories", params={"limit": 1}).json().get("items", [])
    if stories:
        pages.append(("story", f"/stories/{stories[0]['id']}"))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to show (default: a fresh demo corpus)")
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="output folder")
    args = parser.parse_args()
    if shutil.which("chromium") is None or not os.path.exists(CHROMEDRIVER):
        print("error: needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
              file=sys.stderr)
        return 2
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="marsad-shots-") as tmp:
        db = args.db
        if not db:
            from marsad.web.demo import build_demo_store
            db = str(Path(tmp) / "demo.db")
            build_demo_store(db)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", db, "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--hide-scrollbars", f"--user-data-dir={Path(tmp) / 'profile'}"):
            options.add_argument(arg)
        driver = None
        try:
            _wait(base, proc)
            driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
            for size, (w, h) in (("laptop", (1280, 900)), ("phone", (390, 844))):
                driver.set_window_size(w, h)
                for name, path in _pages(base):
                    if size == "phone" and name not in ("article", "search", "home"):
                        continue
                    driver.get(base + path)
                    time.sleep(0.3)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(w, min(max(h, int(height) + 100), 4000))
                    target = out / f"{name}-{size}.png"
                    driver.save_screenshot(str(target))
                    driver.set_window_size(w, h)
                    print(f"wrote {target}")
        finally:
            if driver is not None:
                driver.quit()
            proc.terminate()
            proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
