"""HTTP API: OpenAI-compatible chat completions, pre-screening, health."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from assistant.answering import Answer, Assistant
from assistant.errors import AssistantError, IndexUnavailableError, ModelUnavailableError
from assistant.inputs import MAX_DESCRIPTION_CHARS, MAX_QUESTION_CHARS, clean_question, well_formed

MODEL_NAME = "ip-demo-assistant"
MAX_MESSAGES = 200
USAGE = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}  # extractive answers use no tokens
WRONG_METHODS = ["GET", "PUT", "PATCH", "DELETE", "OPTIONS"]
HTTP_MESSAGES = {400: "请求体无法解析，请发送 UTF-8 编码的 JSON。", 404: "没有这个接口。",
                 405: "该接口不支持这种请求方法。"}
# OpenAI parameters a client may send: wrong types and unsupported values are a 400, as OpenAI answers them.
OPENAI_PARAMETERS = {"n", "temperature", "top_p", "max_tokens", "max_completion_tokens", "logprobs", "top_logprobs",
                     "tools", "tool_choice", "functions", "function_call", "response_format", "stream_options"}
FIELD_PROBLEMS = {"missing": "缺少必填字段", "list_type": "应为数组",
                  "string_type": "应为字符串", "string_unicode": "应为有效的 UTF-8 文本",
                  "bool_parsing": "应为 true 或 false", "model_attributes_type": "应为 JSON 对象",
                  "dict_type": "应为 JSON 对象", "literal_error": "取值无效", "too_short": "不能为空",
                  "string_too_short": "不能为空", "too_long": "过长", "string_too_long": "过长",
                  "date_from_datetime_parsing": "日期应写成 YYYY-MM-DD", "float_parsing": "应为数字",
                  "float_type": "应为数字", "int_parsing": "应为整数", "int_type": "应为整数",
                  "int_from_float": "应为整数", "int_parsing_size": "数值过大", "finite_number": "应为有限的数字",
                  "greater_than_equal": "超出范围",
                  "less_than_equal": "超出范围"}


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


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatRequest(BaseModel):
    """OpenAI's request body; parameters the assistant cannot honour are refused by ``unsupported`` (the
    sampling ones — temperature, top_p, seed, stop, penalties, user — are accepted and ignored)."""

    model: str = MODEL_NAME
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False
    stream_options: StreamOptions | None = None
    as_of: date | None = None
    n: int | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    tools: list[Any] | None = None
    tool_choice: Any = None
    functions: list[Any] | None = None
    function_call: Any = None
    response_format: dict[str, Any] | None = None

    def unsupported(self) -> str | None:
        """What in this request the assistant cannot do, in Chinese; None when it can answer it."""
        if self.n not in (None, 1):
            return "本接口每次只生成一个回答，n 只能为 1。"
        if self.tools or self.functions or self.tool_choice not in (None, "none") \
                or self.function_call not in (None, "none"):
            return "本接口不支持工具调用（tools、tool_choice、functions）。"
        if self.response_format and self.response_format.get("type") != "text":
            return "本接口只返回文字回答，不支持 response_format 指定的格式。"
        if self.logprobs or self.top_logprobs:
            return "本接口不提供 logprobs。"
        if any(limit is not None and limit <= 0 for limit in (self.max_tokens, self.max_completion_tokens)):
            return "max_tokens 应为正整数。"
        if any(part.type != "text" for m in self.messages if isinstance(m.content, list) for part in m.content):
            return "本接口只接受文字消息，不支持图片、音频或文件。"
        return None


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
    elif "le" in context:
        problem += f"（不能大于 {context['le']}）"
    elif "ge" in context:
        problem += f"（不能小于 {context['ge']}）"
    return f"{where} {problem}"


def completion(answer: Answer, request_id: str) -> dict[str, Any]:
    return {
        "id": request_id, "object": "chat.completion", "created": int(time.time()), "model": MODEL_NAME,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": answer.answer},
                     "finish_reason": "stop"}],
        "usage": USAGE,
        "citations": answer.public()["citations"],
        "assistant": answer.public(),
    }


def sse_chunks(events: Iterator[str | Answer], request_id: str, usage: bool = False) -> Iterator[str]:
    """The answer as OpenAI's stream: a role chunk, text chunks, the final chunk with the citations, and with
    ``usage`` (``stream_options.include_usage``) a chunk with no choices carrying the usage."""
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
    if usage:
        body = {"id": request_id, "object": "chat.completion.chunk", "created": created, "model": MODEL_NAME,
                "choices": [], "usage": USAGE}
        yield f"data: {json.dumps(body)}\n\n"
    yield "data: [DONE]\n\n"


def turn_problem(users: list[str]) -> str | None:
    """Every user turn, not only the last, is held to the limits of a question (earlier ones may be blank)."""
    for number, text in enumerate(users, 1):
        if not well_formed(text):
            return "问题中含有无法识别的字符（无效的 Unicode 编码），请检查后重新输入。"
        if len(text.strip()) > MAX_QUESTION_CHARS:
            where = "" if number == len(users) else f"第 {number} 条 user 消息："
            return f"{where}问题过长（{len(text.strip())} 字），请精简到 {MAX_QUESTION_CHARS} 字以内。"
    return None


def build_router(assistant: Assistant) -> APIRouter:
    router = APIRouter()

    @router.get("/healthz")
    def healthz() -> JSONResponse:
        status = assistant.health()
        return JSONResponse(status, status_code=200 if status["ok"] else 503)

    @router.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "owned_by": "local"}]}

    heavy = asyncio.Semaphore(assistant.settings.limits.max_heavy)

    def in_turn(weight: int) -> AbstractAsyncContextManager[Any]:
        """Requests carrying more than one question's worth of text are answered a few at a time (their work
        waits on the event loop, holding no thread); shorter ones never wait behind them."""
        return heavy if weight > MAX_QUESTION_CHARS else contextlib.nullcontext()

    @router.post("/v1/chat/completions", response_model=None)
    async def chat(body: ChatRequest) -> JSONResponse | StreamingResponse | dict[str, Any]:
        if problem := body.unsupported():
            return error_response(400, problem)
        users = [m.text() for m in body.messages if m.role == "user"]
        if not users:
            return error_response(400, "messages 中至少需要一条 user 消息。")
        if problem := turn_problem(users):
            return error_response(400, problem)
        request_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        weight = sum(len(text) for text in users)
        async with in_turn(weight):
            conversation = await run_in_threadpool(assistant.conversation_from, users[:-1])
            if not body.stream:
                answer = await run_in_threadpool(assistant.ask, users[-1], conversation, body.as_of)
                return completion(answer, request_id)
            clean_question(users[-1])  # bad input is a 400 before the stream starts
            events = assistant.stream(users[-1], conversation, body.as_of)
            if weight > MAX_QUESTION_CHARS:  # answered within its turn, then streamed
                events = iter(await run_in_threadpool(list, events))
        usage = bool(body.stream_options and body.stream_options.include_usage)
        return StreamingResponse(sse_chunks(events, request_id, usage), media_type="text/event-stream")

    @router.api_route("/v1/chat/completions", methods=WRONG_METHODS, include_in_schema=False)
    @router.api_route("/api/check", methods=WRONG_METHODS, include_in_schema=False)
    def post_only() -> JSONResponse:
        response = error_response(405, HTTP_MESSAGES[405])
        response.headers["Allow"] = "POST"
        return response

    @router.post("/api/check", response_model=None)
    async def check(body: CheckRequest) -> JSONResponse | dict[str, Any]:
        if not body.text.strip():
            return error_response(400, "请填写单位情况（类型、所在地、级别等）。")
        async with in_turn(len(body.text)):
            result = await run_in_threadpool(assistant.check, body.text, as_of=body.as_of)
        return result.model_dump(mode="json")

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
        location = [str(p) for p in first.get("loc", []) if p != "body"]
        status = 400 if location and location[0] in OPENAI_PARAMETERS else 422
        return error_response(status, f"请求格式不正确：{field_problem(first)}".strip())

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        response = error_response(error.status_code, HTTP_MESSAGES.get(error.status_code, f"请求失败：{error.detail}"))
        response.headers.update(error.headers or {})
        return response
