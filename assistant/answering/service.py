"""The assistant: one entry point from a question to an ``Answer``, for every interface."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from assistant.answering import compose, evidence
from assistant.answering.conversation import Conversation
from assistant.answering.explain import explained
from assistant.answering.intents import (
    Intent,
    Part,
    decide,
    describes,
    of_another_type,
    things_before,
    what_about,
    with_things_carried,
)
from assistant.answering.keeper import RetrieverKeeper
from assistant.answering.layers import Layers
from assistant.answering.result import Answer, Route
from assistant.answering.topics import Lead, annex_lead, listed_annex, load_topics
from assistant.corpus.library import Library
from assistant.inputs import clean_description, clean_question
from assistant.language.lexicon import pattern
from assistant.language.normalize import normalize
from assistant.rules import PROJECT_TYPES, CheckResult, Profile, check, extract_profile, mentioned_types
from assistant.rules.extract import spaces_as_commas
from assistant.rules.profile import ApplicantKind, PlaceCategory
from assistant.rules.provincial import loaded_areas
from assistant.rules.timeline import timeline
from assistant.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.answering.llm import Explainer
    from assistant.retrieval.base import Hit, Retriever

GREETING = ("您好！我是知识产权强国建设示范创建政策助手，可以解答国知发运字〔2025〕28号通知的申报单位、"
            "时间安排、工作要求等问题，并帮您预审能否申报七类示范创建项目。")
DRAFTING_HINT = ("起草申报书请使用“申报书起草”页签：按项目类型填写单位情况，即可生成申报书草稿（.docx）；"
                 "草稿只使用您提供的事实，缺少的信息会以【待补充】标出。")
SMALLTALK = {"greeting": GREETING, "identity": GREETING,
             "thanks": "不客气！还有关于示范创建申报的问题，随时可以问我。"}
SEARCHED, KEPT = 16, 8  # clauses retrieved per piece, and kept once the documents that may not answer it are out
ROUTES: dict[Intent, Route] = {Intent.smalltalk: "smalltalk", Intent.drafting: "drafting", Intent.listed: "factual",
                               Intent.eligibility: "eligibility", Intent.when: "timeline", Intent.topic: "factual",
                               Intent.definition: "factual", Intent.factual: "factual",
                               Intent.out_of_scope: "out_of_scope"}
OWN_LEADS = (Intent.smalltalk, Intent.drafting, Intent.listed, Intent.eligibility)  # no loaded notice speaks to these


class Assistant:
    """Wires the library, the rules, the retriever and the optional language model."""

    def __init__(self, settings: Settings, library: Library | None = None, retriever: Retriever | None = None,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.library = library or Library.from_settings(settings)
        self.index = RetrieverKeeper(self._build_retriever, retriever)
        self.types = PROJECT_TYPES
        self.short_names = {key: t.short for key, t in PROJECT_TYPES.items()}
        self._chat_model = chat_model
        self.uses_llm = chat_model is not None or bool(settings.llm_base_url)

    @cached_property
    def explainer(self) -> Explainer | None:
        """The language model's wording, when one is configured (langchain is imported on first use only)."""
        if not self.uses_llm:
            return None
        from assistant.answering.llm import Explainer, build_chat_model

        return Explainer(self._chat_model or build_chat_model(self.settings), self.settings.prompts_dir)

    @property
    def retriever(self) -> Retriever:
        return self.index.get()

    def _build_retriever(self) -> Retriever:
        from assistant.retrieval import build_retriever

        return build_retriever(self.settings, self.library)

    def health(self) -> dict[str, Any]:
        """What works right now: documents, index (building, ready or error), optional language model."""
        index = self.index.state(expected=len(self.library.clauses()))
        if index["state"] == "ready":
            index["chroma"] = self.settings.chroma_host or "embedded"
        return {"ok": index["ok"], "documents": len(self.library.documents), "clauses": len(self.library.clauses()),
                "annexes_missing": [d.id for d in self.library.unavailable()], "llm": self.uses_llm,
                "index": index}

    def conversation_from(self, previous_questions: list[str]) -> Conversation:
        """Rebuild a chat's memory from its earlier user turns (as an API client sends them).

        Each turn is held to the limit of a question; only the newest ``limits.max_turns`` turns within
        ``limits.max_history_chars`` are read — older ones are dropped, never refused — so the work of one
        request does not grow with the conversation.
        """
        limits = self.settings.limits
        recent: list[str] = []
        budget = limits.max_history_chars
        for question in reversed([q for q in previous_questions if q.strip()]):
            text = clean_question(question)
            if len(recent) == limits.max_turns or len(text) > budget:
                break
            recent.append(text)
            budget -= len(text)
        conversation = Conversation()
        for question in reversed(recent):
            conversation.profile = extract_profile(question, conversation.profile)
            conversation.focus_types = mentioned_types(question) or conversation.focus_types
            conversation.remember(question, "")  # what a follow-up leaves unsaid is read from these
        return conversation

    def ask(self, question: str, conversation: Conversation | None = None, as_of: date | None = None) -> Answer:
        started = time.perf_counter()
        text = clean_question(question)
        conversation = conversation if conversation is not None else Conversation()
        today = as_of or date.today()
        # 那示范县呢 after 示范园区对接人: the question before, asked of that type (and remembered so)
        asked = (of_another_type(text, conversation.turns[-1][0]) if conversation.turns else None) or text
        answer = self._extractive(asked, conversation, today).model_copy(update={"question": text})
        if self.uses_llm and answer.route not in ("smalltalk", "out_of_scope"):
            answer = explained(answer, self.explainer, self.library, self.type_aliases(), today)
        conversation.remember(asked, answer.answer)
        answer.trace["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return answer

    def stream(self, question: str, conversation: Conversation | None = None,
               as_of: date | None = None) -> Iterator[str | Answer]:
        """Text deltas as they are ready, then the final ``Answer``.

        Every delta has passed the checks: in LLM mode the model's text is checked whole first.
        """
        answer = self.ask(question, conversation, as_of)
        yield from answer.answer.splitlines(keepends=True)
        yield answer

    def _extractive(self, text: str, conversation: Conversation, today: date) -> Answer:
        hits: dict[str, list[Hit]] = {}
        before = conversation.profile.kind if conversation.profile else None
        result = check(text, self.library, as_of=today, previous=conversation.profile)
        layers = Layers(self.library, result.profile.place, today)

        def search(piece: str) -> list[Hit]:  # only the documents that may answer this piece (layers.py)
            hits[piece] = hits.get(piece) or layers.keep(piece, self.retriever.search(piece, k=SEARCHED))[:KEPT]
            return hits[piece]

        turn = extract_profile(text)
        earlier = [read_as_written(question) for question, _ in conversation.turns]
        read = read_as_written(text) if describes(turn) else \
            with_things_carried(what_about(read_as_written(text), earlier[-1] if earlier else ""),
                                things_before(earlier))
        decision = decide(read, turn=turn, profile=result.profile, search=search, corpus=self.library.clauses())
        if decision.route not in (Intent.smalltalk, Intent.drafting, Intent.listed) or decision.about_applicant:
            conversation.profile = result.profile  # a question about another unit (是示范县吗) is no self-description
        switched = self.types_turned_to(turn.kind, result) \
            if turn.kind not in (None, before) and pattern("follow_up").search(read) else []
        focus = decision.types or switched or ([] if pattern("asks_which_types").search(read)  # 能报什么: all
                                                else conversation.focus_types)  # follow-ups keep the earlier types
        timed = any(part.intent == Intent.when for part in decision.parts)
        reference = layers.reference_lead(read)  # what an earlier round's document or a news item said answers
        parts = [part for part in decision.parts if part.intent in OWN_LEADS] if reference else decision.parts
        lead = compose.combine([*(self._layered(part, result, focus if part.intent == Intent.eligibility
                                                else decision.types, layers, timed) for part in parts),
                                *([reference] if reference else [])])  # all it asks, not this round's rules
        conversation.focus_types = focus
        annex = any(clause_id.startswith("notice#annex") for clause_id, _ in lead.quotes)
        citations = compose.cite_all(self.library, lead.quotes)
        screened = decision.about_applicant or (result.profile.kind is not None and decision.route != Intent.listed)
        return Answer(question=text, answer=compose.render(lead.sentence, citations), in_scope=lead.in_scope,
                      route=ROUTES[decision.route] if lead.in_scope or annex else "out_of_scope",
                      citations=citations, check=result if screened else None,
                      timeline=result.timeline if timed else None,
                      trace={"retrieved": list(dict.fromkeys(h.clause.id for found in hits.values() for h in found)),
                             "parts": [f"{part.intent}:{part.slot}" for part in decision.parts]})

    def _layered(self, part: Part, result: CheckResult, focus: list[str], layers: Layers, timed: bool) -> Lead:
        """The part's answer, after what the province's notice says on it when that is what it asks (``timed``:
        another part answers when)."""
        lead = self._lead(part, result, focus, timed)
        if part.intent in OWN_LEADS:
            return lead
        provincial = layers.provincial_lead(part.text, closest=part.intent != Intent.when, types=focus)
        if provincial and provincial.in_scope and part.intent == Intent.out_of_scope and not part.slot:
            return provincial  # what only a loaded notice answers (其补充通知改了什么): no refusal beside it
        return compose.combine([provincial, lead]) if provincial else lead

    def _lead(self, part: Part, result: CheckResult, focus: list[str], timed: bool) -> Lead:
        """The sentence and quotes that answer one part of the question (``focus``: the project types it is
        about — for eligibility also those of earlier turns; ``timed``: another part answers when)."""
        if part.intent == Intent.smalltalk:
            return Lead(SMALLTALK[part.slot], [])
        if part.intent == Intent.drafting:
            return Lead(DRAFTING_HINT, [])
        if part.intent == Intent.listed:
            return compose.listed_lead(result, part.slot)
        if part.intent == Intent.eligibility:
            keys = focus or result.profile.piloted or self.held_by(result.profile.kind)  # 是试点城市，用不用报: 示范市
            return compose.eligibility_lead(result.verdicts, keys, self.short_names, timed)
        if part.intent == Intent.when:
            lead = compose.timeline_lead(result.timeline, part.slot, answers_to_province(result.profile), part.text)
            # said nowhere, for a type: each loaded notice's date for it (their dates for no type differ by type)
            types = focus or self.held_by(result.profile.kind)  # 公司这边几号截止: a company's type
            placeless = not result.timeline.province and part.slot in compose.PROVINCE_EVENTS and bool(types)
            loaded = compose.loaded_deadlines_lead([timeline(result.timeline.as_of, self.library, province, city, types)
                                                    for province, city in loaded_areas(self.library)]) \
                if placeless else None
            return compose.combine([lead, loaded]) if loaded else lead
        if part.intent == Intent.topic and part.topic is not None:
            return part.topic.build(self.library, part.text, focus, self.settings)
        clauses = [hit.clause for hit in part.hits]
        if part.intent == Intent.definition:
            return compose.definition_lead(part.slot, clauses[0], self.library.label(clauses[0], titled=True))
        if part.slot == "not_stated":  # the type's own clause is the nearest one when the question names a type,
            # the conditions when it asks what applying requires (非得有十件发明专利才行吗), else the nearest body
            nearest = self.library.clause(self.types[focus[0]].applicants.clause) if focus else \
                self.library.clause(conditions_clause()) if pattern("asks_requirement").search(part.text) else \
                next((c for c in clauses if c.says_something), clauses[0])
            return compose.not_stated_lead(nearest or clauses[0])
        if part.intent == Intent.factual and clauses and (annex := listed_annex(clauses[0].id)) \
                and evidence.coverage(part.text, clauses[:1]) != 1:  # more is asked than the annex's title says
            return annex_lead(self.library, annex, "所问内容", part.text)
        if part.intent in (Intent.definition, Intent.factual) and clauses:
            return compose.factual_lead(part.text, clauses[0], self.library.label(clauses[0], titled=True))
        return compose.out_of_scope_lead(self.library, focus, about=part.slot)

    def check(self, text: str, *, as_of: date | None = None, previous: Profile | None = None) -> CheckResult:
        """Pre-screen a description against the seven project types (the rules decide; no model)."""
        return check(clean_description(text), self.library, as_of=as_of, previous=previous)

    def held_by(self, kind: Any) -> list[str]:
        """The project types only this kind of applicant can hold (a company → 示范企业); none for governments."""
        if kind is None or str(kind) in ("government", "park_committee"):
            return []
        return [key for key, t in self.types.items() if t.holder_kind and t.holder_kind == str(kind)]

    def types_turned_to(self, kind: Any, result: CheckResult) -> list[str]:
        """The types of the unit a follow-up turns to (那学校控股的公司呢, 那开发区所在的县政府呢): those only its
        kind holds, else those it is eligible for."""
        return self.held_by(kind) or [key for key, verdict in result.verdicts.items() if verdict.status == "eligible"]

    def type_aliases(self) -> dict[str, list[str]]:
        return {key: t.names for key, t in self.types.items()}


def conditions_clause() -> str:
    """The clause of the notice's conditions for applying (三、申报条件)."""
    return next(topic for topic in load_topics() if topic.special == "conditions").anchors[0]


def read_as_written(question: str) -> str:
    """The question normalised, a message's pauses between phrases kept as commas (几号截止 申报书找谁要: two
    questions)."""
    return normalize(spaces_as_commas(question))


def answers_to_province(profile: Profile) -> bool:
    """The asker sends its materials to a provincial office: an applicant, or an office below the province (a
    city's bureau forwards to it) — not a provincial office itself, for which the national deadline is its own."""
    if profile.kind is None:
        return False
    place = profile.place
    return profile.kind != ApplicantKind.department or (
        place is not None and place.category not in (None, PlaceCategory.province, PlaceCategory.municipality))
