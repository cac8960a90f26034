"""Regenerate the README's screenshots of the running app (Debian chromium, a CJK font such as
fonts-wqy-microhei): ``python docs/screenshots.py``. Each PNG is reduced to a palette to stay small."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from PIL import Image
from playwright.sync_api import Page, sync_playwright

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
AS_OF = "2025-09-20"  # during the round's application period
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
MAX_BYTES = 200_000


def start_app(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_AS_OF": AS_OF}
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit("the app did not start")


def save(page: Page, name: str) -> None:
    """A viewport screenshot, reduced to 128 colours (text stays crisp) and written to docs/<name>.png."""
    path = DOCS / f"{name}.png"
    page.wait_for_timeout(400)
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(colors=128).save(path, optimize=True)
    size = path.stat().st_size
    print(f"{path.relative_to(ROOT)}: {size // 1000} KB")
    assert size <= MAX_BYTES, f"{path} is larger than {MAX_BYTES} bytes"


def ask(page: Page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"bot\"]')]"
                           ".some(b => b.querySelector('.cite-chip'))")


def open_page(browser, url: str, viewport: dict[str, int], path: str = "/") -> Page:
    context = browser.new_context(viewport=viewport, locale="zh-CN", is_mobile=viewport == PHONE,
                                  has_touch=viewport == PHONE)
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    page.locator("#question textarea, #documents").first.wait_for()
    return page


def shoot(browser, url: str) -> None:
    page = open_page(browser, url, DESKTOP)
    ask(page, "我们是上海市浦东新区人民政府，能申报示范市吗？")
    page.locator(".cite-chip").first.click()
    page.locator("#viewer mark").wait_for()
    save(page, "chat")

    page.get_by_role("tab", name="申报预审").click()
    page.locator("#profile-text textarea").fill("我们是重庆市城口县人民政府")
    page.locator("#run-check").click()
    page.locator(".verdict-card").first.wait_for()
    save(page, "prescreen")

    page.get_by_role("tab", name="申报书起草").click()
    page.get_by_text("批量填写").click()
    page.locator("#draft-paste textarea").fill("企业名称：江苏示例智能装备股份有限公司\n近三年发明专利授权量：126\n"
                                               "主营业务：智能装备：研发与制造")
    page.locator("#draft-fill").click()
    page.locator("#draft-paste-status").get_by_text("已填入").wait_for()
    page.locator("#draft-run").click()
    page.locator("#draft-status").get_by_text("草稿已生成").wait_for()
    page.evaluate("window.scrollTo(0, 0)")
    save(page, "drafting")

    staff = open_page(browser, url, DESKTOP, "/staff/")
    save(staff, "staff")

    phone = open_page(browser, url, PHONE)
    ask(phone, "申报需要交费吗？")
    phone.locator(".cite-chip").first.click()
    phone.locator("#viewer mark").wait_for()
    save(phone, "phone")


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        process, url = start_app(Path(data))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                                     args=["--no-sandbox", "--disable-gpu"])
                shoot(browser, url)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
