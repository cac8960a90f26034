"""Optional explanation by a language model behind an OpenAI-compatible endpoint."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.prompts import ChatPromptTemplate

from assistant.corpus.model import Clause
from assistant.rules import CheckResult, Timeline
from assistant.settings import Settings

DRAFT_HEADING = "【程序生成的参考答案"


class EchoChatModel(BaseChatModel):
    """The shipped fake model (``llm_base_url: fake``): answers with the program's draft, unchanged."""

    @property
    def _llm_type(self) -> str:
        return "echo"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        prompt = str(messages[-1].content)
        quoted = prompt.partition(DRAFT_HEADING)[2].partition("\n")[2].lstrip()  # the draft, as a JSON string
        draft, _ = json.JSONDecoder().raw_decode(quoted)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=draft))])


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """A ChatOpenAI client for the configured endpoint (DeepSeek, Qwen, vLLM, Ollama …), the echo fake, or None."""
    if not settings.llm_base_url:
        return None
    if settings.llm_base_url == "fake":
        return EchoChatModel()
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(model=settings.llm_model or "default", base_url=settings.llm_base_url,
                      api_key=settings.llm_api_key, timeout=settings.llm_timeout_s, max_retries=0,
                      temperature=0)


def load_prompt(prompts_dir: Path) -> ChatPromptTemplate:
    system = (prompts_dir / "answer_system.md").read_text(encoding="utf-8")
    user = (prompts_dir / "answer_user.md").read_text(encoding="utf-8")
    return ChatPromptTemplate.from_messages([("system", system), ("human", user)])


def prompt_inputs(question: str, draft: str, clauses: list[Clause], check: CheckResult | None,
                  timeline: Timeline | None, today: date) -> dict[str, str]:
    """The prompt's slots. Everything not written by the program — the question, the clauses (an ingested
    document may carry planted instructions) and the draft quoting them — goes in as JSON strings: quoted
    data the prompt tells the model not to obey, which no text inside can close."""
    verdicts = {k: v.model_dump(mode="json") for k, v in check.verdicts.items()} if check else {}
    timeline = timeline or (check.timeline if check else None)
    quoted = [{"id": c.id, "heading": c.heading, "text": c.text} for c in clauses]
    return {
        "today": today.isoformat(),
        "question": _json(question),
        "draft": _json(draft),
        "verdicts": _json(verdicts),
        "timeline": _json(timeline.model_dump(mode="json") if timeline else {}),
        "clauses": json.dumps(quoted, ensure_ascii=False, indent=1),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Explainer:
    """prompt | chat model | text; failures propagate so the caller can fall back."""

    def __init__(self, chat_model: BaseChatModel, prompts_dir: Path) -> None:
        self.chain = load_prompt(prompts_dir) | chat_model | StrOutputParser()

    def explain(self, inputs: dict[str, str]) -> str:
        return self.chain.invoke(inputs)
