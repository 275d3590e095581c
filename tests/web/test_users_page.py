"""The admin's users page over the real service: the admin's menu lists every page the admin can open; create an
account, disable one (its open session ends at once), reset a password, change roles; refusals explained next to
the form with what was typed kept; other roles get 403."""

from __future__ import annotations

import re

from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in

ADMIN_PAGES = ["/", "/screening", "/screening/batch", "/determination", "/applications", "/licences", "/alerts",
               "/reviews", "/policies", "/oversight", "/lists", "/exposure", "/audit", "/users"]  # fmt: skip


def _nav(html: str) -> list[str]:
    menu = html.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="([^"]+)"', menu)


def test_the_admin_menu_shows_every_page_the_admin_can_open(web_service: ServiceUnderTest) -> None:
    admin = signed_in(web_service, "admin")
    assert _nav(admin.get("/").text) == ADMIN_PAGES
    for path in ADMIN_PAGES:
        assert admin.get(path).status_code == 200, path
    exporter = signed_in(web_service, "exporter_a")
    assert "/users" not in _nav(exporter.get("/").text)
    assert exporter.get("/users", headers={"Accept": "text/html"}).status_code == 403


def test_create_disable_reset_and_change_roles(web_service: ServiceUnderTest) -> None:
    admin = signed_in(web_service, "admin")
    token = csrf_of(admin.get("/users").text)
    weak = admin.post(
        "/users/new",
        data={"csrf_token": token, "email": "kim@test.example", "organisation": "Exporter A Corp (test)",
              "password": "short", "roles": ["exporter"], "display_name": "Kim"},
    )  # fmt: skip
    assert weak.status_code == 422 and "Not done: password" in weak.text
    assert 'value="kim@test.example"' in weak.text and 'value="short"' not in weak.text
    created = admin.post(
        "/users/new",
        data={"csrf_token": token, "email": "kim@test.example", "organisation": "Exporter A Corp (test)",
              "password": "a long passphrase for today 2026", "roles": ["exporter"], "display_name": "Kim"},
    )  # fmt: skip
    assert created.status_code == 303
    page = admin.get(created.headers["location"]).text
    assert "Account created." in page and "kim@test.example" in page

    victim = signed_in(web_service, "exporter_b")
    assert victim.get("/").status_code == 200
    user_id = web_service.principals["exporter_b"].user_id
    assert admin.post(f"/users/{user_id}/active", data={"csrf_token": token, "active": "no"}).status_code == 303
    assert victim.get("/", headers={"Accept": "text/html"}).status_code == 303  # the session ended: to login
    assert "Disabled" in admin.get("/users").text

    reviewer_id = web_service.principals["reviewer"].user_id
    misplaced = admin.post(f"/users/{user_id}/roles", data={"csrf_token": token, "roles": ["reviewer"]})
    assert misplaced.status_code == 422 and "take no effect in exporter organisation" in misplaced.text
    both = admin.post(f"/users/{reviewer_id}/roles", data={"csrf_token": token, "roles": ["reviewer", "auditor"]})
    assert both.status_code == 303
    assert "Reviewer, Auditor" in admin.get("/users").text or "Auditor, Reviewer" in admin.get("/users").text
    reset = admin.post(f"/users/{reviewer_id}/password", data={"csrf_token": token, "password": "a new passphrase 9"})
    assert reset.status_code == 303

    own = web_service.principals["admin"].user_id
    refused = admin.post(f"/users/{own}/active", data={"csrf_token": token, "active": "no"})
    assert refused.status_code == 422 and "your own account" in refused.text
