"""The application: :func:`create_app` builds the one FastAPI service — the HTTP API (:mod:`exportctl.api`) under
``/api``, the pages (:mod:`exportctl.web`) at the site root, the static files, the error handlers and the
request-size and security-header middleware. :mod:`.service` is what ``exportctl serve`` runs before it listens.
"""

from exportctl.app.factory import create_app

__all__ = ["create_app"]
