"""Optional polishing by a language model; the provenance check decides whether it is kept."""

from __future__ import annotations

from pathlib import Path

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate

from assistant.drafting.model import ApplicationDraft, DraftSection, Sentence
from assistant.drafting.provenance import check_provenance, placeholders


def polish_chain(chat_model: BaseChatModel, prompts_dir: Path):
    system = (prompts_dir / "drafts" / "polish_system.md").read_text(encoding="utf-8")
    user = (prompts_dir / "drafts" / "polish_user.md").read_text(encoding="utf-8")
    return ChatPromptTemplate.from_messages([("system", system), ("human", user)]) | chat_model | StrOutputParser()


def polish_section(section: DraftSection, chain) -> DraftSection:
    """The section with its prose rewritten; the cited clauses stay verbatim, before it."""
    quoted = [s for s in section.sentences if s.source == "notice"]
    prose = [s for s in section.sentences if s.source != "notice"]
    if not prose:
        return section
    text = chain.invoke({"heading": section.heading, "text": "\n".join(s.text for s in prose)}).strip()
    facts = list(dict.fromkeys(k for s in prose for k in s.facts))
    return section.model_copy(update={"sentences": [*quoted, Sentence(text=text, source="polished", facts=facts)]})


def polish_draft(draft: ApplicationDraft, chat_model: BaseChatModel, prompts_dir: Path,
                 material: list[str]) -> ApplicationDraft:
    """The polished draft if every section passes the provenance check and keeps its placeholders.

    Otherwise the template draft, with the reason in ``trace["fallback"]``.
    """
    chain = polish_chain(chat_model, prompts_dir)
    try:
        candidate = draft.model_copy(update={"sections": [polish_section(s, chain) for s in draft.sections],
                                             "mode": "polished"})
    except Exception as error:  # endpoint down, timeout, bad payload: keep the template draft
        return _fallback(draft, f"llm_error: {type(error).__name__}: {str(error)[:200]}")
    problems = check_provenance(candidate.markdown(), material)
    body = placeholders("\n".join(s.text for s in candidate.sentences()))
    problems += [f"润色稿丢失了待补充项 {p}" for p in draft.placeholders if p not in body]
    problems += [f"润色稿新增了待补充项 {p}" for p in body if p not in draft.placeholders]
    if problems:
        return _fallback(draft, "provenance: " + "；".join(problems[:5]))
    return candidate


def _fallback(draft: ApplicationDraft, reason: str) -> ApplicationDraft:
    return draft.model_copy(update={"trace": {**draft.trace, "fallback": reason}})
