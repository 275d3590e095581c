"""The exportctl HTTP API (FastAPI routers under ``/api``, their request/response models and dependencies).

Only the API: the pages are :mod:`exportctl.web`, and :func:`exportctl.app.create_app` mounts both.
"""
