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
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from assistant.answering import Answer, Assistant
from assistant.errors import AssistantError, IndexUnavailableError, ModelUnavailableError
from assistant.inputs import MAX_DESCRIPTION_CHARS, clean_question, well_formed

MODEL_NAME = "ip-demo-assistant"
MAX_MESSAGES = 200
HTTP_MESSAGES = {400: "请求体无法解析，请发送 UTF-8 编码的 JSON。", 404: "没有这个接口。",
                 405: "该接口不支持这种请求方法。"}
FIELD_PROBLEMS = {"missing": "缺少必填字段", "list_type": "应为数组",
                  "string_type": "应为字符串", "string_unicode": "应为有效的 UTF-8 文本",
                  "bool_parsing": "应为 true 或 false", "model_attributes_type": "应为 JSON 对象",
                  "dict_type": "应为 JSON 对象", "literal_error": "取值无效", "too_short": "不能为空",
                  "string_too_short": "不能为空", "too_long": "过长", "string_too_long": "过长",
                  "date_from_datetime_parsing": "日期应写成 YYYY-MM-DD"}


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str = "text"
    text: str = ""


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[ContentPart] | None = ""

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(part.text for part in self.content)
        return self.content or ""


class ChatRequest(BaseModel):
    model: str = MODEL_NAME
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False
    as_of: date | None = None


class CheckRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_DESCRIPTION_CHARS)
    as_of: date | None = None


def error_response(status: int, message: str, kind: str = "invalid_request_error") -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": kind}}, status_code=status)


def field_problem(error: dict[str, Any]) -> str:
    """One validation error in Chinese: where, what is wrong, and the allowed values or limit."""
    if error.get("type") == "json_invalid":
        return "请求体不是有效的 JSON"
    where = ".".join(str(p) for p in error.get("loc", []) if p != "body") or "请求体"
    problem = FIELD_PROBLEMS.get(error.get("type", ""), error.get("msg", ""))
    context = error.get("ctx") or {}
    if "expected" in context:
        problem += f"（可选：{context['expected']}）"
    elif error.get("type") in ("too_long", "string_too_long") and "max_length" in context:
        problem += f"（最多 {context['max_length']}）"
    return f"{where} {problem}"


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
        if not all(well_formed(text) for text in users):
            return error_response(400, "问题中含有无法识别的字符（无效的 Unicode 编码），请检查后重新输入。")
        conversation = assistant.conversation_from(users[:-1])
        request_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        if body.stream:
            clean_question(users[-1])  # bad input is a 400 before the stream starts
            events = assistant.stream(users[-1], conversation, body.as_of)
            return StreamingResponse(sse_chunks(events, request_id), media_type="text/event-stream")
        return completion(assistant.ask(users[-1], conversation, body.as_of), request_id)

    @router.post("/api/check", response_model=None)
    def check(body: CheckRequest) -> JSONResponse | dict[str, Any]:
        if not body.text.strip():
            return error_response(400, "请填写单位情况（类型、所在地、级别等）。")
        return assistant.check(body.text, as_of=body.as_of).model_dump(mode="json")

    return router


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AssistantError)
    async def assistant_error(_request: Request, error: AssistantError) -> JSONResponse:
        if isinstance(error, IndexUnavailableError | ModelUnavailableError):
            return error_response(503, str(error), "service_unavailable")
        return error_response(400, str(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        return error_response(422, f"请求格式不正确：{field_problem(first)}".strip())

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        response = error_response(error.status_code, HTTP_MESSAGES.get(error.status_code, f"请求失败：{error.detail}"))
        response.headers.update(error.headers or {})
        return response
