"""Server-rendered pages, one module per area; ``exportctl.api.app`` mounts them at the site root."""
