"""The one result type every interface (CLI, UI, HTTP API, evaluation) receives."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.corpus.model import Citation

Mode = Literal["extractive", "llm"]
Route = Literal["eligibility", "timeline", "factual", "drafting", "out_of_scope", "smalltalk"]


class Answer(BaseModel):
    question: str
    answer: str
    in_scope: bool = True
    mode: Mode = "extractive"
    route: Route = "factual"
    citations: list[Citation] = []
    verdicts: dict[str, Any] | None = None
    timeline: dict[str, Any] | None = None
    profile: dict[str, Any] | None = None
    trace: dict[str, Any] = Field(default_factory=dict, description="timings, fallback reason, ...")

    def public(self) -> dict[str, Any]:
        """The JSON shape of ``assistant ask --json`` and of the API's extra fields."""
        data = self.model_dump(mode="json", include={"answer", "in_scope", "mode", "route", "citations",
                                                     "verdicts", "timeline", "trace"})
        data["citations"] = [{k: c[k] for k in ("id", "doc", "heading", "quote")} for c in data["citations"]]
        return data
