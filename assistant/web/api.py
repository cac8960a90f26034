"""HTTP API: OpenAI-compatible chat completions, pre-screening, health."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from assistant.answering import Answer, Assistant
from assistant.errors import AssistantError

MODEL_NAME = "ip-demo-assistant"


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict[str, Any]] | None = ""

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.get("text", "") for part in self.content if isinstance(part, dict))
        return self.content or ""


class ChatRequest(BaseModel):
    model: str = MODEL_NAME
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    as_of: date | None = None


class CheckRequest(BaseModel):
    text: str = Field(min_length=1, max_length=5000)
    as_of: date | None = None


def error_response(status: int, message: str, kind: str = "invalid_request_error") -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind}}, status_code=status)


def completion(answer: Answer, request_id: str) -> dict[str, Any]:
    return {
        "id": request_id, "object": "chat.completion", "created": int(time.time()), "model": MODEL_NAME,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.answer},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "citations": answer.public()["citations"],
        "assistant": answer.public(),
    }


def sse_chunks(events: Iterator[str | Answer], request_id: str) -> Iterator[str]:
    created = int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        body = {"id": request_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_NAME,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    try:
        for event in events:
            if isinstance(event, Answer):
                public = event.public()
                yield chunk({}, "stop", citations=public["citations"], assistant=public)
            else:
                yield chunk({"content": event})
    except AssistantError as error:
        yield chunk({"content": str(error)}, "stop")
    yield "data: [DONE]\n\n"


def build_router(assistant: Assistant) -> APIRouter:
    router = APIRouter()

    @router.get("/healthz")
    def healthz() -> JSONResponse:
        status = assistant.health()
        return JSONResponse(status, status_code=200 if status["ok"] else 503)

    @router.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "owned_by": "local"}]}

    @router.post("/v1/chat/completions", response_model=None)
    def chat(body: ChatRequest) -> JSONResponse | StreamingResponse | dict[str, Any]:
        users = [m.text() for m in body.messages if m.role == "user"]
        if not users:
            return error_response(400, "messages 中至少需要一条 user 消息。")
        conversation = assistant.conversation_from(users[:-1])
        request_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        if body.stream:
            from assistant.answering.service import clean_question

            clean_question(users[-1])  # bad input is a 400 before the stream starts
            events = assistant.stream(users[-1], conversation, body.as_of)
            return StreamingResponse(sse_chunks(events, request_id), media_type="text/event-stream")
        return completion(assistant.ask(users[-1], conversation, body.as_of), request_id)

    @router.post("/api/check")
    def check(body: CheckRequest) -> dict[str, Any]:
        from assistant.rules import check as run_check

        return run_check(body.text, as_of=body.as_of, library=assistant.library).model_dump(mode="json")

    return router


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AssistantError)
    async def assistant_error(_request: Request, error: AssistantError) -> JSONResponse:
        return error_response(400, str(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", []))
        return error_response(422, f"请求格式不正确：{where} {first.get('msg', '')}".strip())
