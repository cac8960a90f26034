"""申报书 drafts: the outline of a project type, filled from templates, the applicant's facts and the notice.

Template syntax is described in ``prompts/drafts/README.md``: ``{basis}`` expands to the section's
cited clauses, ``{facts}`` to one line per remaining fact, ``{key}`` to one fact, ``{project}`` to the
project name; a 「quote」〔clause id〕 is verified against the notice and written as 「quote」（《通知》三、申报条件）,
the clause as readers cite it (ids stay in the citations). Missing facts become 【待补充：label】 placeholders.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.drafting.facts import ApplicantFacts, FactValue, resolve_facts
from assistant.drafting.model import RENDER_WORDS, ApplicationDraft, DraftSection, FactRow, Sentence
from assistant.drafting.outline import Outline, SectionSpec, load_outlines, outline_from_form, outline_path
from assistant.drafting.provenance import check_provenance, placeholders
from assistant.errors import AssistantError, InvalidInputError
from assistant.settings import Settings

FORM_ID = "annex1"  # 附件1《知识产权强国建设示范创建申报书》: once loaded, its sections are the outline
SLOT = re.compile(r"\{(\w+)\}")
CITED = re.compile(r"「([^」]+)」〔([^〕]+)〕")
COMMENT = re.compile(r"<!--.*?-->", re.S)
ORDINALS = "一二三四五六七八九十"
END_PUNCTUATION = "。；！？"


def ordinal(index: int) -> str:
    """一 … 十, 十一 … 九十九 for section headings."""
    tens, units = divmod(index, 10)
    return (f"{ORDINALS[tens - 1] if tens > 1 else ''}十" if tens else "") + (ORDINALS[units - 1] if units else "")


def placeholder(label: str) -> str:
    return f"【待补充：{label}】"


def template_path(prompts_dir: Path, type_key: str, section_key: str) -> Path:
    """The most specific template: per type, per section, then the default."""
    drafts = prompts_dir / "drafts"
    candidates = (drafts / type_key / f"{section_key}.md", drafts / f"{section_key}.md", drafts / "default.md")
    return next(path for path in candidates if path.is_file())


def template_lines(path: Path) -> list[str]:
    text = COMMENT.sub("", path.read_text(encoding="utf-8"))
    return [line.strip() for line in text.splitlines() if line.strip()]


class SectionWriter:
    """Turns template lines into traceable sentences for one outline."""

    def __init__(self, outline: Outline, values: dict[str, str], library: Library) -> None:
        self.outline = outline
        self.values = values
        self.library = library
        self.specs = {spec.key: spec for spec in outline.facts()}

    def value(self, key: str) -> str:
        return self.values.get(key) or placeholder(self.specs[key].label)

    def cited(self, text: str) -> list[Citation]:
        return [self.library.cite(clause_id, quote) for quote, clause_id in CITED.findall(text)]

    def line(self, line: str) -> Sentence:
        keys = [k for k in SLOT.findall(line) if k != "project"]
        unknown = [k for k in keys if k not in self.specs]
        if unknown:
            raise AssistantError(f"模板引用了提纲中没有的事实项：{'、'.join(unknown)}")
        text = SLOT.sub(lambda m: self.outline.name if m.group(1) == "project" else self.value(m.group(1)), line)
        citations = self.cited(text)
        source = "facts" if keys else "notice" if citations else "template"
        return Sentence(text=CITED.sub(lambda m: f"「{m.group(1)}」（{self.label(m.group(2))}）", text), source=source,
                        facts=keys, citations=citations)

    def label(self, clause_id: str) -> str:
        return self.library.label(self.library.clause(clause_id), titled=True)

    def basis(self, section: SectionSpec) -> list[Sentence]:
        return [self.line(f"通知要求：「{b.quote}」〔{b.id}〕") for b in section.basis]

    def fact_lines(self, section: SectionSpec, used: set[str]) -> list[Sentence]:
        lines = []
        for spec in section.facts:
            if spec.key not in used:
                value = self.value(spec.key)
                end = "" if value.endswith(tuple(END_PUNCTUATION)) else "。"
                lines.append(Sentence(text=f"{spec.label}：{value}{end}", source="facts", facts=[spec.key]))
        return lines

    def lines(self, lines: list[str], section: SectionSpec | None = None) -> list[Sentence]:
        used = {k for line in lines for k in SLOT.findall(line)}
        sentences: list[Sentence] = []
        for line in lines:
            if line == "{basis}" and section is not None:
                sentences += self.basis(section)
            elif line == "{facts}" and section is not None:
                sentences += self.fact_lines(section, used)
            else:
                sentences.append(self.line(line))
        return sentences


def resolve_outline(settings: Settings, type_key: str, library: Library | None = None) -> Outline:
    """The outline of ``type_key``: the loaded 附件1's own sections when ``library`` has it, else the outline file."""
    outlines = load_outlines(outline_path(settings.data_dir))
    if type_key not in outlines:
        raise InvalidInputError(f"没有项目类型 {type_key}，可选：{'、'.join(outlines)}")
    form = library.documents.get(FORM_ID) if library else None
    if form is not None and form.info.available and form.clauses:
        return outline_from_form(form, outlines[type_key])
    return outlines[type_key]


def fact_fields(type_key: str, settings: Settings, library: Library | None = None) -> list[dict[str, Any]]:
    """The form fields of a project type, in outline order (for the UI): key, label, unit, multiline, section;
    with ``library``, those of the loaded 附件1 when there is one."""
    outline = resolve_outline(settings, type_key, library)
    return [{**spec.model_dump(), "section": section.title} for section in outline.sections
            for spec in section.facts]


def draft_application(type_key: str, facts: ApplicantFacts | dict[str, FactValue] | None = None, *,
                      settings: Settings, library: Library, section: str | None = None,
                      chat_model: Any = None) -> ApplicationDraft:
    """The 申报书 draft (whole, or one section) for ``type_key``; checked for provenance.

    With a langchain chat model the prose is polished, and kept only if it passes the same check.
    """
    outline = resolve_outline(settings, type_key, library)
    chosen = outline.sections
    if section is not None:
        if outline.section(section) is None:
            keys = "、".join(s.key for s in chosen)
            raise InvalidInputError(f"{outline.name}的提纲中没有章节 {section}，可选：{keys}")
        chosen = [outline.section(section)]
    values = resolve_facts(outline, facts, type_key)
    writer = SectionWriter(outline, values, library)
    templates = {spec.key: template_path(settings.prompts_dir, type_key, spec.key) for spec in chosen}
    intro_path = settings.prompts_dir / "drafts" / "intro.md"
    intro = writer.lines(template_lines(intro_path)) if section is None else []
    sections = [DraftSection(key=spec.key, heading=f"{ordinal(outline.sections.index(spec) + 1)}、{spec.title}",
                             sentences=writer.lines(template_lines(templates[spec.key]), spec))
                for spec in chosen]
    rows = [FactRow(key=f.key, label=f.label, value=values.get(f.key, ""), section=s.title)
            for s in chosen for f in s.facts]
    draft = ApplicationDraft(type=type_key, title=outline.title, intro=intro, sections=sections, facts=rows,
                             placeholders=[])
    draft.placeholders = placeholders(draft.markdown())
    material = draft_material(outline, values, library, draft, [intro_path, *templates.values()])
    draft.problems = check_provenance(draft.markdown(), material)
    if chat_model is not None:
        from assistant.drafting.polish import polish_draft

        draft = polish_draft(draft, chat_model, settings.prompts_dir, material)
    return draft


def draft_material(outline: Outline, values: dict[str, str], library: Library, draft: ApplicationDraft,
                   templates: list[Path]) -> list[str]:
    """Everything a draft may draw numbers, dates and names from."""
    cited = {c.id for c in draft.citations()}
    return [
        outline.name, outline.title, *RENDER_WORDS,
        *(f"{s.title} {f.label} {f.unit}" for s in outline.sections for f in s.facts),
        *(s.title for s in outline.sections), *(section.heading for section in draft.sections),
        *values.values(),
        *(template.read_text(encoding="utf-8") for template in templates),
        *cited, *(library.clause(cid).text for cid in cited),
        *(library.label(library.clause(cid), titled=True) for cid in cited),
    ]
