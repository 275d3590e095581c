"""Sign-in, sessions and CSRF protection on the pages."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest
from tests.web.pages import csrf_of, signed_in


def test_pages_need_a_session_and_send_browsers_to_login(web_service: ServiceUnderTest) -> None:
    client = TestClient(web_service.app, follow_redirects=False)
    response = client.get("/screening", headers={"Accept": "text/html"})
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/screening"


def test_wrong_password_and_missing_csrf_are_refused(web_service: ServiceUnderTest) -> None:
    client = TestClient(web_service.app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    email = web_service.email("reviewer")
    wrong = client.post("/login", data={"email": email, "password": "nope", "csrf_token": token})
    assert wrong.status_code == 401 and "Wrong e-mail or password" in wrong.text
    no_csrf = client.post(
        "/login", data={"email": web_service.email("reviewer"), "password": web_service.passwords["reviewer"]}
    )
    assert no_csrf.status_code == 400 and "expired" in no_csrf.text
    assert "exportctl_session" not in client.cookies


def test_login_then_logout_requires_the_session_csrf_token(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    home = client.get("/")
    assert home.status_code == 200 and "Exporter A Corp (test)" in home.text
    forged = client.post("/logout", data={"csrf_token": "forged"}, headers={"Accept": "text/html"})
    assert forged.status_code == 403
    assert client.get("/").status_code == 200
    done = client.post("/logout", data={"csrf_token": csrf_of(home.text)})
    assert done.status_code == 303
    client.cookies.clear()
    assert client.get("/", headers={"Accept": "text/html"}).status_code == 303


def test_open_redirects_after_login_are_ignored(web_service: ServiceUnderTest) -> None:
    client = TestClient(web_service.app, follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={
            "email": web_service.email("auditor"),
            "password": web_service.passwords["auditor"],
            "csrf_token": token,
            "next": "//evil.example/phish",
        },
    )
    assert response.headers["location"] == "/"


def test_cookie_authenticated_api_writes_need_the_csrf_header(web_service: ServiceUnderTest) -> None:
    client = signed_in(web_service, "exporter_a")
    token = csrf_of(client.get("/").text)
    body = {"name": "Huawei Technologies Co Ltd"}
    assert client.post("/api/screening", json=body).status_code == 403
    assert client.post("/api/screening", json=body, headers={"X-CSRF-Token": token}).status_code == 200
    assert client.get("/api/screening", params=body).status_code == 200  # safe methods need no token


def test_security_headers_are_set(web_service: ServiceUnderTest) -> None:
    response = TestClient(web_service.app).get("/login")
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_repeated_wrong_passwords_back_off_without_locking_the_account_out(web_service: ServiceUnderTest) -> None:
    client = TestClient(web_service.app, follow_redirects=False)
    email = web_service.email("admin")
    codes = []
    for _ in range(6):
        token = csrf_of(client.get("/login").text)
        codes.append(
            client.post("/login", data={"email": email, "password": "guess-guess", "csrf_token": token}).status_code
        )
    assert codes == [401] * 4 + [429] * 2  # three free failures, then back-off (refused attempts do not count)
    time.sleep(2.5)  # the back-off after the 4th failure is 1 s: then even the admin signs in again
    token = csrf_of(client.get("/login").text)
    right = client.post(
        "/login", data={"email": email, "password": web_service.passwords["admin"], "csrf_token": token}
    )
    assert right.status_code == 303, right.text
