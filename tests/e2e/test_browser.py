"""End-to-end: a real ``marsad serve`` process driven by headless Chromium.

Search, open an article, see a highlighted quote with its speaker, open the speaker's
entity page; and an article whose text holds ``<script>alert(1)</script>`` shows it as
text (no alert, the literal text visible). Skips with a reason when Debian's chromium
or chromedriver is absent (CI installs both).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from marsad.web.demo import XSS_ATTR, XSS_SCRIPT, build_demo_store

pytestmark = pytest.mark.e2e

CHROMEDRIVER = "/usr/bin/chromedriver"


def _browser_missing() -> str | None:
    if shutil.which("chromium") is None:
        return "chromium is not installed (apt-get install chromium chromium-driver)"
    if not os.path.exists(CHROMEDRIVER):
        return f"{CHROMEDRIVER} is missing (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    reason = _browser_missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("e2e")
    db = folder / "demo.db"
    info = build_demo_store(str(db))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_WRITE_TOKEN"}
    log = open(folder / "server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                pytest.fail(f"server exited: {(folder / 'server.log').read_text()}")
            try:
                if httpx.get(base + "/api/sources", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("server did not start within 30 s")
        yield base, info
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def driver(server: tuple[str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    try:
        yield drv
    finally:
        drv.quit()


def _no_alert(drv: Any) -> bool:
    from selenium.common.exceptions import NoAlertPresentException
    try:
        drv.switch_to.alert  # noqa: B018 - raises when there is none
    except NoAlertPresentException:
        return True
    return False


def test_search_article_quote_speaker_entity(driver: Any, server: tuple[str, dict[str, Any]]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, info = server
    wait = WebDriverWait(driver, 15)
    driver.get(base + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    box = driver.find_element(By.CSS_SELECTOR, ".big-search input[name=q]")
    box.send_keys("المفاوضات ستستأنف")
    box.submit()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results .result")))
    assert driver.find_elements(By.CSS_SELECTOR, "#results mark.hit"), "snippets should highlight the hits"
    link = driver.find_element(By.CSS_SELECTOR, f'#results a[href="/articles/{info["annotated_id"]}"]')
    link.click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#article-text mark.quote")))
    quote = driver.find_element(By.CSS_SELECTOR, "#article-text mark.quote")
    assert quote.is_displayed()
    assert "المفاوضات ستستأنف في جنيف" in quote.text
    speaker_in_text = driver.find_element(By.CSS_SELECTOR, "#article-text .speaker")
    assert speaker_in_text.text == "محمد الزين"
    speaker = driver.find_element(By.CSS_SELECTOR, "#side-panel .side-quote .speaker-link")
    assert speaker.text == "محمد الزين"
    speaker.click()
    wait.until(ec.url_contains("/entities/"))
    heading = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "h1.entity-name")))
    assert "محمد الزين" in heading.text
    assert driver.find_elements(By.CSS_SELECTOR, "figure.chart svg rect"), "mentions chart should render"
    assert "المفاوضات ستستأنف في جنيف" in driver.find_element(By.CSS_SELECTOR, ".quotes").text


def test_script_in_article_is_shown_as_text(driver: Any, server: tuple[str, dict[str, Any]]) -> None:
    from selenium.webdriver.common.by import By

    base, info = server
    driver.get(f"{base}/articles/{info['xss_id']}")
    time.sleep(0.5)  # give an injected script (if any) the chance to fire
    assert _no_alert(driver), "an alert fired: article text was executed"
    body = driver.find_element(By.ID, "article-text").text
    assert XSS_SCRIPT in body and XSS_ATTR in body
    title = driver.find_element(By.CSS_SELECTOR, "h1.article-title").text
    assert XSS_SCRIPT in title
    assert driver.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img") == []
    driver.get(f"{base}/search?q=شيفرة")
    time.sleep(0.3)
    assert _no_alert(driver)
    assert XSS_SCRIPT in driver.find_element(By.ID, "results").text


def test_phone_layout_stacks_columns(driver: Any, server: tuple[str, dict[str, Any]]) -> None:
    from selenium.webdriver.common.by import By

    base, info = server
    driver.set_window_size(390, 844)
    try:
        driver.get(f"{base}/articles/{info['annotated_id']}")
        text_box = driver.find_element(By.ID, "article-text").rect
        side = driver.find_element(By.ID, "side-panel").rect
        assert side["y"] >= text_box["y"] + text_box["height"] - 1, "side panel should move below the text"
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, f"page scrolls sideways on a phone ({width}px)"
    finally:
        driver.set_window_size(1280, 900)
