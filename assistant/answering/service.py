"""The assistant: one entry point from a question to an ``Answer``, for every interface."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.answering import compose, scope
from assistant.answering.conversation import Conversation
from assistant.answering.guard import check_answer
from assistant.answering.result import Answer
from assistant.answering.router import ASKS_ELIGIBILITY, FOLLOW_UP, route
from assistant.answering.topics import Lead, match_topic
from assistant.corpus.library import Library
from assistant.errors import AssistantError, InvalidInputError
from assistant.rules import PROJECT_TYPES, CheckResult, Profile, check, extract_profile, mentioned_types
from assistant.rules import timeline as build_timeline
from assistant.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.retrieval.base import Retriever

MAX_QUESTION_CHARS = 2000
MAX_DESCRIPTION_CHARS = 5000  # pre-screening and reply drafting: a self-introduction may be long
GREETING = ("您好！我是知识产权强国建设示范创建政策助手，可以解答国知发运字〔2025〕28号通知的申报单位、"
            "时间安排、工作要求等问题，并帮您预审能否申报七类示范创建项目。")
DRAFTING_HINT = ("起草申报书请使用“申报书起草”页签（或命令 assistant draft），工作人员起草复函请用工作人员页面的"
                 "“复函起草”（或命令 assistant reply）；草稿只使用您提供的事实，缺少的信息会以【待补充】标出。")
THANKS = re.compile(r"谢|感谢|再见")


def describes_applicant(profile: Any) -> bool:
    """Whether the conversation so far says anything about who the applicant is."""
    return profile is not None and (profile.kind is not None or profile.place is not None or bool(profile.recognized))


def well_formed(text: str) -> bool:
    """False for text holding lone surrogates (``"\\ud800"`` in JSON), which no encoder accepts."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_text(text: object, what: str, limit: int) -> str:
    """``text`` stripped, or an InvalidInputError a user can act on (``what``: 问题, 单位情况 …)."""
    if not isinstance(text, str):
        raise InvalidInputError(f"{what}必须是文本。")
    text = text.replace("\x00", "").strip()
    if not well_formed(text):
        raise InvalidInputError(f"{what}中含有无法识别的字符（无效的 Unicode 编码），请检查后重新输入。")
    if not text:
        raise InvalidInputError(f"{what}不能为空，请输入您想了解的内容。")
    if len(text) > limit:
        raise InvalidInputError(f"{what}过长（{len(text)} 字），请精简到 {limit} 字以内。")
    return text


def clean_question(question: object) -> str:
    return clean_text(question, "问题", MAX_QUESTION_CHARS)


def clean_description(description: object) -> str:
    return clean_text(description, "单位情况", MAX_DESCRIPTION_CHARS)


class Assistant:
    """Wires the library, the rules, the retriever and the optional language model."""

    def __init__(self, settings: Settings, library: Library | None = None, retriever: Retriever | None = None,
                 chat_model: BaseChatModel | None = None) -> None:
        self.settings = settings
        self.library = library or Library.from_settings(settings)
        self._retriever = retriever
        self.types = PROJECT_TYPES
        self.short_names = {key: t.short for key, t in PROJECT_TYPES.items()}
        self.explainer = None
        if chat_model is not None or settings.llm_base_url:  # langchain is imported only when a model is used
            from assistant.answering.llm import Explainer, build_chat_model

            self.explainer = Explainer(chat_model or build_chat_model(settings), settings.prompts_dir)

    @property
    def retriever(self) -> Retriever:
        if self._retriever is None:
            from assistant.retrieval import build_retriever

            self._retriever = build_retriever(self.settings, self.library)
        return self._retriever

    def reset_retriever(self) -> None:
        """Use a fresh retriever from the next question on (after ingestion); running answers keep theirs."""
        self._retriever = None

    def warm_up(self) -> None:
        """Load the embedder and the index now, so the first question is as fast as the rest."""
        self.retriever.search("申报单位", k=1)

    def health(self) -> dict[str, Any]:
        """What works right now: documents, index, optional language model."""
        status: dict[str, Any] = {"ok": True, "documents": len(self.library.documents),
                                  "clauses": len(self.library.clauses()),
                                  "annexes_missing": [d.id for d in self.library.unavailable()],
                                  "llm": bool(self.explainer)}
        try:
            indexed = len(self.retriever.dense.store.get(include=[])["ids"])
            expected = len(self.library.clauses())
            status["index"] = {"ok": indexed == expected, "indexed": indexed, "expected": expected,
                               "chroma": self.settings.chroma_host or "embedded"}
            status["ok"] = indexed == expected
        except Exception as error:  # the health endpoint reports, never raises
            message = str(error) if isinstance(error, AssistantError) else f"向量库暂不可用（{type(error).__name__}）"
            status |= {"ok": False, "index": {"ok": False, "error": message}}
        return status

    def conversation_from(self, previous_questions: list[str]) -> Conversation:
        """Rebuild a chat's memory from its earlier user turns (as an API client sends them)."""
        conversation = Conversation()
        for question in previous_questions:
            if question.strip():
                conversation.profile = extract_profile(question, conversation.profile)
                conversation.focus_types = mentioned_types(question) or conversation.focus_types
        return conversation

    def ask(self, question: str, conversation: Conversation | None = None, as_of: date | None = None) -> Answer:
        started = time.perf_counter()
        text = clean_question(question)
        conversation = conversation if conversation is not None else Conversation()
        today = as_of or date.today()
        answer = self._extractive(text, conversation, today)
        if self.explainer is not None and answer.route not in ("smalltalk", "out_of_scope"):
            answer = self._explained(answer, today)
        conversation.remember(text, answer.answer)
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
        kind = route(text)
        if kind == "smalltalk":
            reply = "不客气！还有关于示范创建申报的问题，随时可以问我。" if THANKS.search(text) else GREETING
            return Answer(question=text, answer=reply, route=kind)
        hits = self.retriever.search(text, k=5)
        named = mentioned_types(text)
        topic = match_topic(text)
        result = self._screen(text, kind, conversation, today)
        timeline = result.timeline if result else None
        asks = bool(ASKS_ELIGIBILITY.search(text))
        # "can X apply for type T" outranks the timetable; "can WE apply (for what)" outranks a topic
        asks_about_type = asks and bool(named)
        asks_about_applicant = asks_about_type or (asks and describes_applicant(extract_profile(text)))
        if kind == "drafting":
            lead = Lead(DRAFTING_HINT, [])
        elif scope.off_topic(text):
            kind, lead = "out_of_scope", compose.out_of_scope_lead(self.library, named)
        elif kind == "timeline" and not asks_about_type:
            timeline = build_timeline(today, self.library)
            lead = compose.timeline_lead(timeline, text)
        elif topic is not None and not asks_about_applicant:
            kind, lead = "factual", topic.build(self.library, text, named, self.settings)
        elif definition := compose.definition_lead(text, self.library.clauses()):
            kind, lead = "factual", definition
        elif result is not None:
            kind = "eligibility"
            focus = named or (conversation.focus_types if FOLLOW_UP.search(text) else []) or self.held_by(
                result.profile.kind)
            lead = compose.eligibility_lead(result.verdicts, focus, self.short_names)
        else:
            kind, lead = "factual", self._factual_lead(text, [hit.clause for hit in hits], named)
        conversation.focus_types = named or conversation.focus_types
        if not lead.in_scope and not any(q[0].startswith("notice#annex") for q in lead.quotes):
            kind = "out_of_scope"
        citations = compose.cite_all(self.library, lead.quotes)
        return Answer(
            question=text, answer=compose.render(lead.sentence, citations), in_scope=lead.in_scope, route=kind,
            citations=citations, check=result, timeline=timeline,
            trace={"retrieved": [h.clause.id for h in hits], "topic": topic.name if topic else None})

    def check(self, text: str, *, as_of: date | None = None, previous: Profile | None = None) -> CheckResult:
        """Pre-screen a description against the seven project types (the rules decide; no model)."""
        return check(clean_description(text), self.library, as_of=as_of, previous=previous)

    def _screen(self, text: str, kind: str, conversation: Conversation, today: date) -> CheckResult | None:
        """The rules' verdicts when the turn asks about eligibility or the chat has described the applicant.

        The profile accumulates in the conversation either way.
        """
        if kind == "drafting":
            return None
        result = check(text, self.library, as_of=today, previous=conversation.profile)
        conversation.profile = result.profile
        return result if kind == "eligibility" or describes_applicant(result.profile) else None

    def held_by(self, kind: Any) -> list[str]:
        """The project types only this kind of applicant can hold (a company → 示范企业); none for governments."""
        if kind is None or str(kind) in ("government", "park_committee"):
            return []
        return [key for key, t in self.types.items() if t.holder_kind and t.holder_kind == str(kind)]

    def _factual_lead(self, text: str, clauses: list, named: list[str]) -> Lead:
        if named and not (clauses and scope.in_scope(text, clauses[:3])):
            rule = self.types[named[0]].applicants
            return Lead(f"通知对{self.short_names[named[0]]}申报单位的规定是：{rule.quote}。通知没有其他相关规定。",
                        [(rule.clause, rule.quote)])
        if not clauses or not scope.in_scope(text, clauses[:3]):
            return compose.out_of_scope_lead(self.library, named)
        top = clauses[0]
        sentence = compose.best_sentence(text, top, lambda q, s: len(scope.bigrams(q) & scope.bigrams(s)))
        return Lead(f"根据通知{top.heading}：{sentence}", [(top.id, sentence)])

    def _explained(self, answer: Answer, today: date) -> Answer:
        """The model's wording when it passes every check; otherwise the extractive answer, flagged."""
        from assistant.answering.llm import prompt_inputs

        ids = list(dict.fromkeys([c.id for c in answer.citations] + answer.trace.get("retrieved", [])[:3]))
        clauses = [self.library.clause(cid) for cid in ids if self.library.clause(cid)]
        inputs = prompt_inputs(answer.question, answer.answer, clauses, answer.check, answer.timeline, today)
        try:
            text = self.explainer.explain(inputs)
        except Exception as error:  # endpoint down, timeout, bad payload: never the user's problem
            answer.trace["fallback"] = f"llm_error: {type(error).__name__}: {str(error)[:200]}"
            return answer
        problems = check_answer(text, library=self.library, allowed_ids={c.id for c in clauses},
                                verdicts=answer.verdicts, type_names=self.type_aliases(),
                                context="\n".join(inputs.values()))
        if problems:
            answer.trace["fallback"] = "guard: " + "；".join(problems[:5])
            return answer
        return answer.model_copy(update={"answer": text, "mode": "llm"})

    def type_aliases(self) -> dict[str, list[str]]:
        return {key: t.names for key, t in self.types.items()}
