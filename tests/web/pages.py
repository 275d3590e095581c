"""Helpers for page tests: sign in through the real login form and read CSRF tokens from pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.service import ServiceUnderTest

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


def signed_in(service: ServiceUnderTest, user: str) -> TestClient:
    """A browser-like client (cookies, no bearer token) signed in as ``user`` through the login form."""
    client = TestClient(service.app, follow_redirects=False)
    form = client.get("/login")
    response = client.post(
        "/login",
        data={"email": service.email(user), "password": service.passwords[user], "csrf_token": csrf_of(form.text)},
    )
    assert response.status_code == 303, response.text
    return client
