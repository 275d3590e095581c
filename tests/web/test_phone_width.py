"""Every main page at phone width (390 px) in Debian's Chromium: nothing scrolls sideways, tables are cards.
Screenshots (desktop and phone) go to ``test-artifacts/``."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.api.service import ServiceUnderTest
from tests.web.test_browser_flow import ARTIFACTS, browser, chromium, live, log_in

__all__ = ["browser", "chromium", "live"]  # fixtures used by the tests below
pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "exporter_a": ["/", "/screening?name=Huawei+Technologies+Co+Ltd", "/screening/batch", "/applications",
                   "/applications/new", "/licences", "/lists",
                   "/determination?eccn=5A992.c&destination=CN&end_user=Huawei+Technologies+Co.,+Ltd."],
    "reviewer": ["/reviews", "/policies", "/oversight"],
    "auditor": ["/audit", "/oversight?party=Huawei"],
}  # fmt: skip


@pytest.mark.parametrize("user", sorted(PAGES))
def test_no_page_scrolls_sideways_at_390px(browser: Browser, live: tuple[ServiceUnderTest, str], user: str) -> None:
    service, url = live
    page = log_in(browser, url, service, user)
    ARTIFACTS.mkdir(exist_ok=True)
    too_wide = []
    for path in PAGES[user]:
        name = path.strip("/").split("?")[0].replace("/", "-") or "dashboard"
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(path)
        page.screenshot(path=str(ARTIFACTS / f"desktop-{user}-{name}.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(50)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        page.screenshot(path=str(ARTIFACTS / f"phone-{user}-{name}.png"), full_page=True)
        if width > 390:
            too_wide.append(f"{path}: {width}px")
        if page.locator("tbody tr").count():
            assert page.locator("thead").first.evaluate("e => getComputedStyle(e).position") == "absolute", path
    assert not too_wide, too_wide
