"""Low findings replayed at the edge: NaN amounts, control characters, chunked bodies over the limit, sign-in
throttling, token lifetime and revocation, strict numeric types."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.api.workflow import application_body
from tests.security.flow import licence
from tests.security.live import LiveService

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def signed_in(live: LiveService, user: str) -> httpx.Client:
    client = live.client()
    form = client.get("/login")
    token = CSRF.search(form.text)
    assert token is not None
    email, password = live.principals[user].email, live.passwords[user]
    response = client.post("/login", data={"email": email, "password": password, "csrf_token": token.group(1)})
    assert response.status_code == 303, response.text
    return client


@pytest.mark.parametrize("value", ["NaN", "sNaN", "-sNaN", "Infinity", "1e999999"])
def test_nan_in_the_web_shipment_form_is_a_clean_422(live: LiveService, value: str) -> None:
    issued = licence(live)
    browser = signed_in(live, "exporter_a")
    page = browser.get(f"/licences/{issued['id']}")
    token = CSRF.search(page.text)
    assert token is not None
    answer = browser.post(
        f"/licences/{issued['id']}/ship", data={"value": value, "quantity": "1", "csrf_token": token.group(1)}
    )
    browser.close()
    assert answer.status_code == 422, answer.text[:500]


@pytest.mark.parametrize("text", ["Acme\x00Corp", "Acme\x1bCorp", "Acme\x7fCorp", "Acme\x85Corp"])
def test_control_characters_are_refused_at_the_edge(live: LiveService, text: str) -> None:
    body = application_body(end_user=text)
    with live.client("exporter_a") as exporter:
        refused = exporter.post("/api/applications", json=body)
        assert refused.status_code == 422, refused.text
        assert refused.json()["field"].startswith("body.parties.")
        query = exporter.get("/api/screening", params={"name": text})
        assert query.status_code == 422, query.text
    browser = signed_in(live, "exporter_a")
    form = browser.post("/login", data={"email": f"x{text}@y.example", "password": "p", "csrf_token": "t"})
    browser.close()
    assert form.status_code == 422, form.text[:300]


def _chunks(data: bytes, size: int = 16 * 1024) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_a_chunked_body_over_the_upload_limit_answers_413(live: LiveService) -> None:
    """The live service's limit is 256 KiB (plus 64 KiB of multipart framing)."""
    boundary = "securityboundary"
    csv = b"id,name\n" + b"".join(b"%d,Acme Trading %d\n" % (n, n) for n in range(30_000))
    multipart = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + csv
        + f"\r\n--{boundary}--\r\n".encode()
    )
    assert len(multipart) > 400 * 1024
    with live.client("exporter_a") as exporter:
        upload = exporter.post(
            "/api/screening/batch",
            content=_chunks(multipart),
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        assert upload.status_code == 413, upload.text
        as_json = exporter.post(
            "/api/applications",
            content=_chunks(b'{"end_use": "' + b"x" * 400_000 + b'"}'),
            headers={"content-type": "application/json"},
        )
        assert as_json.status_code == 413, as_json.text


def test_failed_sign_ins_back_off_but_never_lock_the_admin_out(live: LiveService) -> None:
    email = live.principals["admin"].email
    with live.client() as client:
        codes = [
            client.post("/api/auth/tokens", json={"email": email, "password": f"wrong guess {n}"}).status_code
            for n in range(5)
        ]
        assert codes == [403, 403, 403, 403, 429], codes
        blocked = client.post("/api/auth/tokens", json={"email": email, "password": live.passwords["admin"]})
        assert blocked.status_code == 429
        wait = int(blocked.headers["retry-after"])
        assert wait <= 2  # a back-off, not a 15-minute lockout
        time.sleep(wait + 0.5)
        right = client.post("/api/auth/tokens", json={"email": email, "password": live.passwords["admin"]})
        assert right.status_code == 201, right.text


def test_tokens_always_expire_and_revocation_is_immediate(live: LiveService) -> None:
    credentials = {"email": live.principals["auditor"].email, "password": live.passwords["auditor"]}
    with live.client() as client:
        for valid_days in (None, 0, 366, True, "30"):
            refused = client.post("/api/auth/tokens", json={**credentials, "valid_days": valid_days})
            assert refused.status_code == 422, (valid_days, refused.text)
        issued = client.post("/api/auth/tokens", json={**credentials, "valid_days": 365})
        assert issued.status_code == 201 and issued.json()["expires_at"] is not None
        headers = {"Authorization": f"Bearer {issued.json()['token']}"}
        assert client.get("/api/auth/me", headers=headers).status_code == 200
        assert client.delete(f"/api/auth/tokens/{issued.json()['id']}", headers=headers).status_code == 204
        assert client.get("/api/auth/me", headers=headers).status_code == 401  # at once, not within 10 s


@pytest.mark.parametrize("quantity", [True, "1", 1.0, 1.5])
def test_numeric_fields_are_strict(live: LiveService, quantity: object) -> None:
    issued = licence(live)
    body = application_body()
    body["items"][0]["quantity"] = quantity
    with live.client("exporter_a") as exporter:
        shipment = exporter.post(
            f"/api/licences/{issued['id']}/shipments", json={"value": "1.00", "quantity": quantity}
        )
        assert shipment.status_code == 422, shipment.text
        application = exporter.post("/api/applications", json=body)
        assert application.status_code == 422, application.text
        assert exporter.get(f"/api/licences/{issued['id']}").json()["value_used"] == "0.00"
