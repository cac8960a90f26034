"""The one result type every interface (CLI, UI, HTTP API, evaluation) receives."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.corpus.model import Citation
from assistant.rules import CheckResult, ProjectKey, Timeline, Verdict

Mode = Literal["extractive", "llm"]
Route = Literal["eligibility", "timeline", "factual", "drafting", "out_of_scope", "smalltalk"]


class Answer(BaseModel):
    question: str
    answer: str
    in_scope: bool = True
    mode: Mode = "extractive"
    route: Route = "factual"
    citations: list[Citation] = []
    check: CheckResult | None = Field(None, description="the rules' pre-screening, when the turn is about an applicant")
    timeline: Timeline | None = Field(None, description="where the programme stands, when the turn is about dates")
    trace: dict[str, Any] = Field(default_factory=dict, description="timings, fallback reason, ...")

    @property
    def verdicts(self) -> dict[ProjectKey, Verdict] | None:
        return self.check.verdicts if self.check else None

    def public(self) -> dict[str, Any]:
        """The JSON shape of ``assistant ask --json`` and of the API's extra fields."""
        data = self.model_dump(mode="json", include={"answer", "in_scope", "mode", "route", "citations", "trace"})
        data["citations"] = [{k: c[k] for k in ("id", "doc", "label", "heading", "quote")} for c in data["citations"]]
        check = self.check.model_dump(mode="json") if self.check else {}
        data["verdicts"] = check.get("verdicts")
        data["profile"] = check.get("profile")
        timeline = self.timeline or (self.check.timeline if self.check else None)
        data["timeline"] = timeline.model_dump(mode="json") if timeline else None
        return data
