"""The assistant: one entry point from a question to an ``Answer``, for every interface."""

from __future__ import annotations

import itertools
import logging
import re
import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from assistant.answering import compose, scope
from assistant.answering.conversation import Conversation
from assistant.answering.guard import check_answer
from assistant.answering.result import Answer
from assistant.answering.router import ASKS_ELIGIBILITY, FOLLOW_UP, route
from assistant.answering.topics import Lead, match_topic
from assistant.corpus.library import Library
from assistant.errors import IndexUnavailableError, InvalidInputError
from assistant.rules import PROJECT_TYPES, check, extract_profile, mentioned_types
from assistant.rules import timeline as build_timeline
from assistant.settings import Settings

MAX_QUESTION_CHARS = 2000
GREETING = ("您好！我是知识产权强国建设示范创建政策助手，可以解答国知发运字〔2025〕28号通知的申报单位、"
            "时间安排、工作要求等问题，并帮您预审能否申报七类示范创建项目。")
DRAFTING_HINT = ("起草申报书请使用“申报书起草”页签（或命令 assistant draft），工作人员起草复函请用工作人员页面的"
                 "“复函起草”（或命令 assistant reply）；草稿只使用您提供的事实，缺少的信息会以【待补充】标出。")
THANKS = re.compile(r"谢|感谢|再见")
INDEX_BUILDING = "检索索引正在建立，请稍后再试。"
INDEX_FAILED = "检索索引暂不可用，详见服务日志。"
RETRY_SECONDS = (1, 2, 5, 10)  # between warm-up attempts; the last one repeats

log = logging.getLogger(__name__)


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


def clean_question(question: str) -> str:
    """The question as asked, or an InvalidInputError a user can act on."""
    if not isinstance(question, str):
        raise InvalidInputError("问题必须是文本。")
    text = question.replace("\x00", "").strip()
    if not well_formed(text):
        raise InvalidInputError("问题中含有无法识别的字符（无效的 Unicode 编码），请检查后重新输入。")
    if not text:
        raise InvalidInputError("问题不能为空，请输入您想了解的内容。")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidInputError(f"问题过长（{len(text)} 字），请精简到 {MAX_QUESTION_CHARS} 字以内。")
    return text


class Assistant:
    """Wires the library, the rules, the retriever and the optional language model."""

    def __init__(self, settings: Settings, library: Library | None = None, retriever: Any = None,
                 chat_model: Any = None) -> None:
        self.settings = settings
        self.library = library or Library(settings.corpus_dir, settings.documents_dir)
        self._retriever = retriever
        self._warming = threading.Event()  # set while the background warm-up owns building the retriever
        self._index_error = ""
        self.types = PROJECT_TYPES
        self.short_names = {key: t.short for key, t in PROJECT_TYPES.items()}
        self.explainer = None
        if chat_model is None:
            from assistant.answering.llm import build_chat_model

            chat_model = build_chat_model(settings)
        if chat_model is not None:
            from assistant.answering.llm import Explainer

            self.explainer = Explainer(chat_model, settings.prompts_dir)

    @property
    def retriever(self) -> Any:
        """Built on first use, unless the background warm-up is building it: then a 503 until it is ready."""
        retriever = self._retriever
        if retriever is None:
            if self._warming.is_set():
                raise IndexUnavailableError(self._index_error or INDEX_BUILDING)
            retriever = self._retriever = self._build_retriever()
        return retriever

    def _build_retriever(self) -> Any:
        from assistant.retrieval import build_retriever

        retriever = build_retriever(self.settings, self.library)
        retriever.search("申报单位", k=1)  # the first question is then as fast as the rest
        return retriever

    def reset_retriever(self) -> None:
        """Use a fresh retriever from the next question on (after ingestion); running answers keep theirs."""
        self._retriever = None

    def warm_up(self) -> None:
        """Load the embedder and the index now, so the first question is as fast as the rest."""
        _ = self.retriever

    def start_warm_up(self) -> threading.Thread:
        """Warm up in a background thread, retrying until the index answers; the app serves (503) meanwhile."""
        self._warming.set()
        thread = threading.Thread(target=self._warm_up_until_ready, name="index-warm-up", daemon=True)
        thread.start()
        return thread

    def _warm_up_until_ready(self) -> None:
        for attempt in itertools.count():
            try:
                self._retriever = self._build_retriever()
                break
            except Exception as error:
                expected = isinstance(error, IndexUnavailableError)  # its message says it all
                self._index_error = str(error) if expected else INDEX_FAILED
                log.error("索引暂不可用，服务照常启动，/healthz 返回 503：%s", error, exc_info=not expected)
                time.sleep(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
        self._index_error = ""
        self._warming.clear()

    def health(self) -> dict[str, Any]:
        """What works right now: documents, index (building, ready or error), optional language model.

        It only reports: building or repairing the index is the warm-up's job, never a health check's.
        """
        status: dict[str, Any] = {"ok": False, "documents": len(self.library.documents),
                                  "clauses": len(self.library.clauses()),
                                  "annexes_missing": [d.id for d in self.library.unavailable()],
                                  "llm": bool(self.explainer)}
        retriever = self._retriever
        if retriever is None:
            state = "error" if self._index_error else "building"
            return status | {"index": {"ok": False, "state": state, "error": self._index_error or INDEX_BUILDING}}
        try:
            indexed = len(retriever.dense.store.get(include=[])["ids"])
        except Exception as error:  # the health endpoint reports, never raises
            log.warning("健康检查：向量库查询失败：%s", error)
            return status | {"index": {"ok": False, "state": "error", "error": "向量库暂不可用，详见服务日志。"}}
        expected = len(self.library.clauses())
        status["ok"] = indexed == expected
        status["index"] = {"ok": status["ok"], "state": "ready", "indexed": indexed, "expected": expected,
                           "chroma": self.settings.chroma_host or "embedded"}
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
            citations=citations,
            verdicts={k: v.model_dump(mode="json") for k, v in result.verdicts.items()} if result else None,
            timeline=timeline.model_dump(mode="json") if timeline else None,
            profile=result.profile.model_dump(mode="json") if result else None,
            trace={"retrieved": [h.clause.id for h in hits], "topic": topic.name if topic else None})

    def _screen(self, text: str, kind: str, conversation: Conversation, today: date) -> Any:
        """The rules' verdicts when the turn asks about eligibility or the chat has described the applicant.

        The profile accumulates in the conversation either way.
        """
        if kind == "drafting":
            return None
        result = check(text, as_of=today, previous=conversation.profile, library=self.library)
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
        inputs = prompt_inputs(answer.question, answer.answer, clauses, answer.verdicts, answer.timeline, today)
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
