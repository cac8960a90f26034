"""The 申报书 outline as data: sections per project type and the facts each section needs.

The bundled ``outline.yaml`` is derived from the notice (二、申报单位 and 三、申报条件) because the
official form (附件1) is not available. Once staff ingest 附件1, its own sections are the outline
(``outline_from_form``); a file with the same schema at ``<data_dir>/drafting/outline.yaml`` replaces the
bundled one as a whole.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, model_validator

from assistant.corpus.model import Document

BUNDLED_OUTLINE = Path(__file__).with_name("outline.yaml")


class FactSpec(BaseModel):
    """One applicant fact a section needs, e.g. ``invention_grants_3y`` / 近三年发明专利授权量 / 件."""

    key: str
    label: str
    unit: str = ""
    multiline: bool = False


class BasisQuote(BaseModel):
    """What the notice asks for in a section: a clause id and a verbatim quote."""

    id: str
    quote: str


class SectionSpec(BaseModel):
    key: str
    title: str
    basis: list[BasisQuote] = []
    facts: list[FactSpec] = []


class Outline(BaseModel):
    """The outline for one project type."""

    name: str
    title: str
    sections: list[SectionSpec]

    @model_validator(mode="after")
    def _unique_keys(self) -> Outline:
        for kind, keys in (("章节", [s.key for s in self.sections]), ("事实项", [f.key for f in self.facts()])):
            duplicates = sorted({k for k in keys if keys.count(k) > 1})
            if duplicates:
                raise ValueError(f"{self.name} 的{kind}编号重复：{'、'.join(duplicates)}")
        return self

    def facts(self) -> list[FactSpec]:
        return [fact for section in self.sections for fact in section.facts]

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


def outline_path(data_dir: Path) -> Path:
    """The outline in use: the staff override under ``data_dir`` if present, else the bundled one."""
    override = data_dir / "drafting" / "outline.yaml"
    return override if override.is_file() else BUNDLED_OUTLINE


def load_outlines(path: Path = BUNDLED_OUTLINE) -> dict[str, Outline]:
    """Outlines by project type key; top-level keys starting with ``_`` hold YAML anchors only."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: Outline.model_validate(value) for key, value in raw.items() if not key.startswith("_")}


FORM_SECTIONS = ("section", "heading")  # the form's own numbered parts (一、…); their items stay inside them
FACTS_SECTION = "申报单位基本情况"
BASIC_FACTS = "基本情况"  # the form's part that collects the applicant's facts, if it has one


def outline_from_form(form: Document, base: Outline) -> Outline:
    """The outline the loaded 附件1 itself sets: one section per numbered part of the form, each quoting the
    form's words as its basis; the facts the bundled outline collects go to the form's 基本情况 part (or lead,
    in a section of their own)."""
    parts = [c for c in form.clauses if c.kind in FORM_SECTIONS] or [c for c in form.clauses if c.kind == "item"]
    sections = [SectionSpec(key=f"form_{clause.id.partition('#')[2]}",
                            title=clause.titled_place.removeprefix(clause.place) or clause.heading,
                            basis=[BasisQuote(id=clause.id, quote=clause.text.splitlines()[0])])
                for clause in parts]
    facts = base.facts()
    basic = next((s for s in sections if BASIC_FACTS in s.title), None)
    if basic is not None:
        basic.facts = facts
    elif facts:
        sections.insert(0, SectionSpec(key="facts", title=FACTS_SECTION, facts=facts))
    return Outline(name=base.name, title=base.title, sections=sections)
