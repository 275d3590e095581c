"""Report tests reuse the licensing test cast (organisations and users created through the real functions)."""

from tests.licensing.conftest import cast  # noqa: F401  (a fixture, made available to this package)
