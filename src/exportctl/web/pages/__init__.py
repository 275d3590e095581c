"""Server-rendered pages, one module per area; ``exportctl.app.factory`` mounts them at the site root."""
