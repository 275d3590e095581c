"""The server-rendered pages (Jinja2 templates, htmx); :func:`exportctl.app.create_app` mounts them."""
