"""Drafts as data: every sentence says where it comes from; Markdown and JSON views of them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.corpus.model import Citation
from assistant.rules import ProjectKey, Verdict

Source = Literal["facts", "notice", "template", "polished"]
Mode = Literal["template", "polished"]

FACTS_HEADING = "附：所用事实"
PLACEHOLDERS_HEADING = "附：待补充事项"
TABLE_HEADER = ("章节", "事实项", "内容")
MISSING = "【待补充】"
# Words the renderers add around the material; they count as template text for the provenance check.
RENDER_WORDS = (FACTS_HEADING, PLACEHOLDERS_HEADING, *TABLE_HEADER, MISSING)


class Sentence(BaseModel):
    """One line of a draft: from the applicant's facts, a cited clause, a template phrase or a polish."""

    text: str
    source: Source
    facts: list[str] = Field(default_factory=list, description="keys of the facts it states")
    citations: list[Citation] = []


class DraftSection(BaseModel):
    key: str
    heading: str = Field(description="numbered heading, e.g. 二、知识产权创造质量")
    sentences: list[Sentence]


class FactRow(BaseModel):
    """One row of the facts table; ``value`` is empty when the fact is missing."""

    key: str
    label: str
    value: str
    section: str


def public_citations(citations: list[Citation]) -> list[dict[str, str]]:
    unique = {(c.id, c.quote): c for c in citations}
    return [{"id": c.id, "doc": c.doc, "heading": c.heading, "quote": c.quote} for c in unique.values()]


class ApplicationDraft(BaseModel):
    """A 申报书 draft for one project type: the whole outline or one section."""

    type: str
    title: str
    intro: list[Sentence] = []
    sections: list[DraftSection]
    facts: list[FactRow]
    placeholders: list[str]
    mode: Mode = "template"
    problems: list[str] = Field(default_factory=list, description="provenance problems; empty when clean")
    trace: dict[str, Any] = Field(default_factory=dict)

    def sentences(self) -> list[Sentence]:
        return self.intro + [s for section in self.sections for s in section.sentences]

    def citations(self) -> list[Citation]:
        return [c for s in self.sentences() for c in s.citations]

    def markdown(self) -> str:
        lines = [f"# {self.title}", ""]
        lines += [line for s in self.intro for line in (_md_line(s), "")]
        for section in self.sections:
            lines += [f"## {section.heading}", ""]
            lines += [line for s in section.sentences for line in (_md_line(s), "")]
        lines += [f"## {FACTS_HEADING}", "", "| " + " | ".join(TABLE_HEADER) + " |", "|---|---|---|"]
        lines += [f"| {_cell(r.section)} | {_cell(r.label)} | {_cell(r.value or MISSING)} |" for r in self.facts]
        if self.placeholders:
            lines += ["", f"## {PLACEHOLDERS_HEADING}", ""] + [f"- {p}" for p in self.placeholders]
        return "\n".join(lines) + "\n"

    def public(self) -> dict[str, Any]:
        """The JSON of ``assistant draft --json`` (same keys as a reply)."""
        return {"text": self.markdown(), "citations": public_citations(self.citations()), "verdicts": None,
                "placeholders": self.placeholders}


class ReplyDraft(BaseModel):
    """A 公文-style reply to an applicant's inquiry, for staff to review and send."""

    inquiry: str
    text: str
    citations: list[Citation]
    verdicts: dict[ProjectKey, Verdict]
    focus: list[str] = Field(default_factory=list, description="project type keys the reply is about")
    placeholders: list[str]
    problems: list[str] = Field(default_factory=list, description="provenance problems; empty when clean")

    def public(self) -> dict[str, Any]:
        """The JSON of ``assistant reply --json``."""
        verdicts = {key: verdict.model_dump(mode="json") for key, verdict in self.verdicts.items()}
        return {"text": self.text, "citations": public_citations(self.citations), "verdicts": verdicts,
                "placeholders": self.placeholders}


def _md_line(sentence: Sentence) -> str:
    return f"> {sentence.text}" if sentence.source == "notice" else sentence.text


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")
