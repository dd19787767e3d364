"""Server settings, declared once with their defaults and where they come from.

Every knob the API has lives here (datasette's ``SETTINGS`` habit), validated by
pydantic so a bad value fails at start-up with one clear message rather than on the
first request. Values come from keyword arguments first, then environment variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field, field_validator

TOKEN_ENV = "MARSAD_WRITE_TOKEN"
READ_OPEN_ENV = "MARSAD_READ_OPEN"
MAX_BODY_ENV = "MARSAD_MAX_BODY_BYTES"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class SettingsError(ValueError):
    """A setting has a value the server cannot work with."""


class Settings(BaseModel):
    """What the API needs to know besides the database URL."""

    write_token: str | None = Field(
        default=None,
        description="Bearer token that authorises POST /api/articles; unset disables writes.",
    )
    read_open: bool = Field(
        default=True,
        description="When false, read endpoints also require the token (closed deployment).",
    )
    max_body_bytes: int = Field(
        default=2_000_000, ge=1_000, le=100_000_000,
        description="Largest request body accepted; bigger bodies get 413.",
    )
    default_page: int = Field(default=20, ge=1, le=200, description="Page size when limit is omitted.")
    max_page: int = Field(default=100, ge=1, le=1000, description="Cap on limit for paginated endpoints.")
    max_offset: int = Field(default=100_000, ge=0, description="Cap on offset (deep paging is refused).")
    max_export_rows: int = Field(default=10_000, ge=1, description="Cap on rows in one export download.")
    warm: bool = Field(default=False, description="Build the corpus read model at start-up, in the background "
                                                 "(else on the first page that needs it).")

    @field_validator("write_token")
    @classmethod
    def _token_not_blank(cls, value: str | None) -> str | None:
        # An empty or whitespace token would authorise "Bearer " - treat it as unset.
        if value is None or not value.strip():
            return None
        if len(value.strip()) < 8:
            raise ValueError("the write token must be at least 8 characters long")
        return value.strip()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``MARSAD_*`` environment variables, then explicit overrides."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if env.get(TOKEN_ENV):
            values["write_token"] = env[TOKEN_ENV]
        if READ_OPEN_ENV in env:
            values["read_open"] = _parse_bool(READ_OPEN_ENV, env[READ_OPEN_ENV])
        if env.get(MAX_BODY_ENV):
            try:
                values["max_body_bytes"] = int(env[MAX_BODY_ENV])
            except ValueError as exc:
                raise SettingsError(f"{MAX_BODY_ENV} must be an integer, got {env[MAX_BODY_ENV]!r}") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValueError as exc:
            raise SettingsError(str(exc)) from exc


def _parse_bool(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise SettingsError(f"{name} must be true or false, got {raw!r}")
