"""Text that users send: the limits, and one check that turns bad input into a message they can act on."""

from __future__ import annotations

from assistant.errors import InvalidInputError

MAX_QUESTION_CHARS = 2000  # one chat turn
MAX_DESCRIPTION_CHARS = 5000  # a self-description to pre-screen, or an inquiry to reply to


def well_formed(text: str) -> bool:
    """False for text holding lone surrogates (``"\\ud800"`` in JSON), which no encoder accepts."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_text(text: object, what: str, limit: int) -> str:
    """``text`` stripped, or an InvalidInputError a user can act on (``what``: 问题, 单位情况, 来信 …)."""
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


def clean_inquiry(inquiry: object) -> str:
    return clean_text(inquiry, "来信内容", MAX_DESCRIPTION_CHARS)
