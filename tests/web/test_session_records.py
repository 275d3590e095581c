"""Server-side session records: a copied session cookie stops working once its session is signed out, and all of
a user's sessions end when the password changes; other sessions of the same user are not affected by a sign-out."""

from __future__ import annotations

from fastapi.testclient import TestClient

from exportctl.accounts.users import set_password
from exportctl.store.db import session_scope
from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in

HTML = {"Accept": "text/html"}
COOKIE = "exportctl_session"


def _with_cookie(service: ServiceUnderTest, cookie: str) -> TestClient:
    """Another browser holding a copy of a session cookie (e.g. a stolen one)."""
    client = TestClient(service.app, follow_redirects=False)
    client.cookies.set(COOKIE, cookie)
    return client


def test_a_copied_cookie_dies_with_the_sign_out(web_service: ServiceUnderTest) -> None:
    browser, other_browser = signed_in(web_service, "exporter_b"), signed_in(web_service, "exporter_b")
    thief = _with_cookie(web_service, browser.cookies[COOKIE])
    home = thief.get("/", headers=HTML)
    assert home.status_code == 200 and "Exporter B GmbH (test)" in home.text  # the copy works while signed in

    assert browser.post("/logout", data={"csrf_token": csrf_of(browser.get("/").text)}).status_code == 303
    assert thief.get("/", headers=HTML).status_code == 303  # sent to the login page
    assert thief.get("/api/applications").status_code == 401
    assert other_browser.get("/", headers=HTML).status_code == 200  # only the signed-out session ended


def test_a_password_change_ends_every_session_of_the_user(web_service: ServiceUnderTest) -> None:
    browser = signed_in(web_service, "admin")
    assert browser.get("/", headers=HTML).status_code == 200
    with session_scope(web_service.engine) as db:  # the same password again: the change itself ends the sessions
        set_password(db, web_service.principals["admin"].user_id, web_service.passwords["admin"])
    assert browser.get("/", headers=HTML).status_code == 303
    assert signed_in(web_service, "admin").get("/", headers=HTML).status_code == 200
