"""API routers, one module per area; ``exportctl.app.factory`` mounts them under ``/api``."""
