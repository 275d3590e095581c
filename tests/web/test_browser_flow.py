"""The service in a real browser: Debian's Chromium, headless, driven by Playwright against a real uvicorn server.

Covers: log in; screen "Huawei Technologies Co Ltd" and see the Entity List hit with its explanation; file an
application as an exporter; review and approve it as a reviewer; see the licence and draw a shipment; see the
oversight chart. Screenshots go to ``test-artifacts/``. Never downloads a browser.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.api.service import ServiceUnderTest, fresh_service
from tests.external import tool_missing
from tests.web.live_server import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("EXPORTCTL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium (.ci/run installs it); missing: these tests fail, or skip if asked (tests/external.py)."""
    if not CHROMIUM.exists():
        tool_missing(
            "Chromium",
            f"{CHROMIUM} does not exist",
            "install Debian's chromium package (apt-get install chromium) or point EXPORTCTL_CHROMIUM at one",
            "EXPORTCTL_SKIP_BROWSER",
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def live(chromium: Path) -> Iterator[tuple[ServiceUnderTest, str]]:
    """One service for this module's browser flows (each test files and signs in with its own data)."""
    with fresh_service() as service:
        service.app.state.ctx.screening_index()  # as `exportctl serve` does: built once, before the first request
        service.app.state.ctx.party_screener()  # and today's submission screener
        with serving(service.app) as url:
            yield service, url


@pytest.fixture(scope="module")
def browser(chromium: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"browser-{name}.png"), full_page=True)


def log_in(browser: Browser, url: str, service: ServiceUnderTest, user: str) -> Page:
    page = browser.new_context(base_url=url).new_page()
    page.goto("/login")
    page.get_by_label("E-mail").fill(service.email(user))
    page.get_by_label("Password").fill(service.passwords[user])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    return page


def test_login_rejects_a_wrong_password(browser: Browser, live: tuple[ServiceUnderTest, str]) -> None:
    service, url = live
    page = browser.new_context(base_url=url).new_page()
    page.goto("/login")
    page.get_by_label("E-mail").fill(service.email("exporter_a"))
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#login-error")).to_contain_text("Wrong e-mail or password")
    shot(page, "login-refused")


def test_screening_shows_the_entity_list_hit_with_its_explanation(
    browser: Browser, live: tuple[ServiceUnderTest, str]
) -> None:
    service, url = live
    page = log_in(browser, url, service, "exporter_a")
    page.get_by_role("link", name="Screening", exact=True).click()
    page.get_by_label("Name of the customer").fill("Huawei Technologies Co Ltd")
    page.get_by_role("button", name="Screen").click()
    hit = page.locator("article.hit", has=page.locator(".badge.entity_list")).first
    expect(hit).to_be_visible()
    expect(hit).to_contain_text("Huawei Technologies")
    expect(hit.locator("details.explanation table")).to_contain_text("Contribution")
    shot(page, "screening-huawei")


def test_file_review_approve_ship_and_oversight(browser: Browser, live: tuple[ServiceUnderTest, str]) -> None:
    service, url = live
    exporter = log_in(browser, url, service, "exporter_a")
    exporter.goto("/applications/new")
    exporter.get_by_label("Specific end use").fill("any use, including but not limited to networks")
    exporter.get_by_label("Specific end use").press("Tab")  # a change event: htmx asks the linter
    expect(exporter.locator("#findings")).to_contain_text("vague_end_use")
    exporter.get_by_label("Specific end use").fill("office network of the consignee's Shenzhen campus")
    exporter.get_by_label("Why this export is no threat").fill("mass-market items for internal IT only")
    exporter.get_by_label("item 1 eccn").fill("5A992.c")
    exporter.get_by_label("item 1 description").fill("network switches")
    exporter.get_by_label("item 1 quantity").fill("10")
    exporter.get_by_label("item 1 unit value").fill("1200.00")
    for role in ("ultimate consignee", "end user"):
        exporter.get_by_label(f"{role} name").fill("Huawei Technologies Co., Ltd.")
        exporter.get_by_label(f"{role} country").fill("CN")
    exporter.get_by_label("item 1 unit value").press("Tab")  # a change event: htmx asks the linter
    expect(exporter.locator("#findings")).to_contain_text("No findings")
    shot(exporter, "application-form")
    exporter.get_by_role("button", name="Save draft").click()
    exporter.get_by_role("button", name="Submit application").click()
    expect(exporter.locator("#app-status")).to_have_text("Submitted")
    application_url = exporter.url
    number = exporter.get_by_role("heading", level=1).inner_text().split()[1]
    shot(exporter, "application-submitted")

    reviewer = log_in(browser, url, service, "reviewer")
    reviewer.get_by_role("link", name="Review queue").click()
    reviewer.get_by_role("link", name=number).click()
    expect(reviewer.locator("#recommendation")).to_be_visible()
    reviewer.get_by_role("button", name="Register (starts the clock)").click()
    reviewer.get_by_role("button", name="Start review").click()
    expect(reviewer.get_by_label("Statutory clock")).to_contain_text("Decision due")
    reviewer.get_by_label("Decision").select_option("approved")
    reviewer.get_by_label("Reasons (one per line)").fill("mass-market items; case by case")
    reviewer.get_by_label("Conditions (one per line; approvals only)").fill("no re-export without authorisation")
    shot(reviewer, "review")
    reviewer.once("dialog", lambda dialog: dialog.accept())  # "Record this decision?"
    reviewer.get_by_role("button", name="Record decision").click()
    expect(reviewer.locator("#app-status")).to_have_text("Approved")

    exporter.goto(application_url)
    exporter.locator("#licence-link").click()
    expect(exporter.locator("#value-remaining")).to_contain_text("$12,000.00")
    exporter.get_by_label("Value (USD)").fill("2500")
    exporter.get_by_label("Quantity").fill("2")
    exporter.get_by_role("button", name="Record shipment").click()
    expect(exporter.locator("#value-remaining")).to_contain_text("$9,500.00")
    expect(exporter.locator("#shipments")).to_contain_text("$2,500.00")
    shot(exporter, "licence-shipment")
    reviewer.goto(exporter.url)  # the authority suspends the licence from its page
    reviewer.get_by_label("Reason", exact=True).fill("end user added to a denial list")
    questions: list[str] = []
    reviewer.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    reviewer.get_by_role("button", name="Record status change").click()
    expect(reviewer.locator("#licence-status")).to_have_text("Suspended")
    assert questions and "status change" in questions[0]  # asked before a destructive step
    expect(reviewer.locator("#status-notice")).to_contain_text("end user added to a denial list")
    exporter.reload()  # the holder sees why, and no shipment form
    expect(exporter.locator("#status-notice")).to_contain_text("end user added to a denial list")
    expect(exporter.locator("#ship-form")).to_have_count(0)

    auditor = log_in(browser, url, service, "auditor")
    auditor.get_by_role("link", name="Oversight").click()
    chart = auditor.locator("#oversight-chart")
    expect(chart).to_be_visible()
    auditor.wait_for_function(
        "() => { const c = document.getElementById('oversight-chart'); return c.complete && c.naturalWidth > 100; }"
    )
    shot(auditor, "oversight")


def test_batch_upload_progress_bar_reaches_done(
    browser: Browser, live: tuple[ServiceUnderTest, str], tmp_path: Path
) -> None:
    service, url = live
    page = log_in(browser, url, service, "exporter_b")
    csv_file = tmp_path / "customers.csv"
    csv_file.write_text("id,name,country\n1,Huawei Technologies Co Ltd,CN\n2,Acme Bakery,US\n", encoding="utf-8")
    page.goto("/screening/batch")
    page.get_by_label("CSV file").set_input_files(str(csv_file))
    page.get_by_role("button", name="Upload and screen").click()
    expect(page.locator("#job-status")).to_have_text("Done", timeout=30_000)
    expect(page.locator("#job-progress")).to_have_attribute("value", "100")
    with page.expect_download() as download:
        page.locator("#download").click()
    assert "Huawei" in Path(download.value.path()).read_text(encoding="utf-8")
    shot(page, "batch-done")
