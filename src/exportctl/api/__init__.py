"""The exportctl HTTP API (FastAPI): ``create_app()`` builds the whole service, pages included."""

from exportctl.api.app import create_app

__all__ = ["create_app"]
