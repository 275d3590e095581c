"""API routers, one module per area; ``exportctl.api.app`` mounts them under ``/api``."""
