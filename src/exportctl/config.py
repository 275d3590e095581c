"""Settings, read from the environment (prefix ``EXPORTCTL_``) and validated once, when first asked for.

Never read at import time: call :func:`get_settings` where a setting is needed, so tests and the CLI can change the
environment first.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """The user's data directory for exportctl; honours ``XDG_DATA_HOME``."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg) / "exportctl"
    return Path(user_data_dir("exportctl"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EXPORTCTL_", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default: a SQLite file under the user's data directory.",
    )
    data_dir: Path | None = Field(default=None, description="Where the default SQLite file lives.")
    secret_key: SecretStr | None = Field(
        default=None, description="Signs browser sessions and CSRF tokens; generated per process if unset."
    )
    audit_key: SecretStr | None = Field(
        default=None,
        description="Signs audit checkpoints (`exportctl audit checkpoint`); keep it outside the database and repo.",
    )
    # Licensing settings (documented defaults; see README "Settings").
    licence_validity_years: int = Field(default=4, ge=1, le=10)
    review_decision_days: int = Field(default=90, ge=1, description="EAR 750.4(a): 90 calendar days")
    referral_days: int = Field(default=30, ge=1, description="EAR 750.4(b): agencies have 30 days")
    intent_to_deny_response_days: int = Field(default=20, ge=1, description="EAR 750.6: 20 days to respond")
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    # Official list downloads (``exportctl lists update``; see README "Keeping the lists current").
    lists_mirror: str | None = Field(
        default=None, description="Directory or base URL with one folder per source, instead of the official URLs."
    )
    lists_refresh: str | None = Field(
        default=None, description="How often `serve` runs `lists update`, e.g. 12h or 30m; unset: never."
    )
    lists_max_bytes: int = Field(default=200 * 1024 * 1024, ge=1024, description="Refuse a larger list file.")
    lists_timeout_seconds: float = Field(default=60.0, gt=0, description="Per-request connect/read timeout.")
    # Service hardening (README "Threat model").
    shipment_grace_days: int = Field(
        default=3, ge=0, le=30, description="a shipment may be recorded this many days after it left, no more"
    )
    dated_index_requests_per_minute: int = Field(
        default=6, ge=1, le=1000, description="per user: requests that may build a past date's screening index"
    )
    batch_jobs_per_user: int = Field(default=2, ge=1, le=100, description="batch jobs queued or running per user")
    batch_rows_per_user: int = Field(
        default=1_000_000,
        ge=1,
        description="rows across a user's batch jobs queued or running (429 beyond; 413 for one file larger)",
    )
    batch_max_upload_bytes: int = Field(
        default=256 * 1024 * 1024,
        ge=1024,
        description="largest batch screening upload (CSV or Parquet), streamed to disk",
    )
    batch_retention_hours: int = Field(default=24, ge=1, le=24 * 30, description="finished batch results kept")
    batch_workers: int = Field(default=2, ge=1, le=64, description="processes per service process running batch jobs")
    dask_scheduler: str | None = Field(
        default=None, description="Dask scheduler address (tcp://host:8786) that runs batch jobs instead of a pool"
    )
    clock_skew_days: int = Field(
        default=1, ge=0, le=2, description="how far after today (UTC) a date given by a user may lie"
    )

    def resolved_data_dir(self) -> Path:
        return self.data_dir if self.data_dir is not None else default_data_dir()

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolved_data_dir() / 'exportctl.sqlite3'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def reset_settings_cache() -> None:
    """Forget cached settings (tests change the environment between cases)."""
    get_settings.cache_clear()
