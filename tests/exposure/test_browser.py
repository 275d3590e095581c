"""The exposure page in Debian's Chromium: upload the synthetic demo inventory, run a Huawei ban scenario, see the
plan and the timeline chart drawn. Screenshot: ``test-artifacts/browser-exposure.png``."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from exportctl.exposure.service import DEMO_DIR, DEMO_FILES
from tests.api.service import ServiceUnderTest
from tests.web.test_browser_flow import browser, chromium, live, log_in, shot

__all__ = ["browser", "chromium", "live"]  # fixtures used by the test below
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_scenario_with_plan_and_chart(browser: Browser, live: tuple[ServiceUnderTest, str]) -> None:
    service, url = live
    page = log_in(browser, url, service, "exporter_a")
    page.get_by_role("link", name="Vendor exposure").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vendor exposure")
    for kind, name in DEMO_FILES:
        page.get_by_label("File holds").select_option(kind)
        page.get_by_label("CSV or XLSX file").set_input_files(str(DEMO_DIR / name))
        page.get_by_role("button", name="Import (replaces the current rows)").click()
        expect(page.locator("#import-outcome")).to_contain_text("0 problem(s)")
    page.get_by_label("Banned vendor").fill("huawei")
    page.get_by_label("Ban from").fill("2026-06-01")
    page.get_by_label("Budget per quarter").fill("2000000")
    page.get_by_role("button", name="Run scenario").click()
    expect(page.locator("#clean")).to_contain_text("after 2028-Q1")
    expect(page.locator("#plan tbody tr").first).to_contain_text("core")
    chart = page.locator("#exposure-chart")
    expect(chart).to_be_visible()
    page.wait_for_function("() => document.querySelector('#exposure-chart').naturalWidth > 0")
    expect(page.locator("#watch-hits")).to_contain_text("entity_list")
    shot(page, "exposure")
