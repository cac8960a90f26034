"""The chat tab: a welcome that says what the assistant does and where the round stands, the composer,
answers with their own citations, one "新对话" that forgets everything, and feedback by answer id."""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from typing import Any

import gradio as gr
from pydantic import BaseModel, Field

from assistant.answering import Assistant
from assistant.answering.conversation import Conversation
from assistant.errors import AssistantError, InvalidInputError
from assistant.feedback import MAX_CORRECTION_CHARS, FeedbackStore
from assistant.inputs import MAX_QUESTION_CHARS, clean_question
from assistant.language.dates import cn_date
from assistant.rules import Timeline, timeline
from assistant.web.citations import VIEWER_HINT, answer_html, inert, viewer

EXAMPLES = [
    "直辖市的区可以申报示范市吗？",
    "昆山市人民政府能申报示范县吗？",
    "申报要交费吗？",
    "推荐材料什么时候截止？",
    "我们公司已经是国家知识产权示范企业了，还要重新申报吗？",
    "申报书要写哪些内容？",
]
PENDING = '<span class="pending">正在查找原文…</span>'
THANKS = {True: "已收到您的反馈，谢谢！", False: "已收到，谢谢！如愿意，请在下方写下正确的说法。"}
CORRECTED = "已收到您的更正，谢谢！评测人员会核对这条回答。"
CORRECTION_LABEL = f"正确的说法是？（最多 {MAX_CORRECTION_CHARS} 字，会与这条回答一起交给评测人员核对）"
QUESTION_HINT = "例如：直辖市的区可以申报示范市吗？（Enter 发送，Shift+Enter 换行）"
CLOSE_SHEET = "() => { document.getElementById('viewer')?.classList.remove('open'); window.assistantComposer?.sync(); }"
SYNC_COMPOSER = "() => window.assistantComposer?.sync()"


class ChatSession(BaseModel):
    """One visitor's chat, kept on the server: what the assistant remembers, what the chat shows, and for
    each answer shown (by message index) its id and first words; the id is all that feedback refers to."""

    conversation: Conversation = Field(default_factory=Conversation)
    messages: list[dict[str, str]] = []
    answers: dict[int, tuple[str, str]] = {}
    correcting: str | None = None


def phase_sentence(state: Timeline) -> str:
    """Where this round of applications stands on ``state.as_of``, in one sentence."""
    application = next(p for p in state.periods if p.key == "application")
    recommendation = next(d for d in state.deadlines if d.key == "recommendation")
    if recommendation.status == "passed":
        return f"本届申报已于{cn_date(recommendation.date)}截止；下一届预计{state.next_round_year}年启动。"
    if state.phase == "before_application":
        return (f"本届组织申报安排在{application.display}，尚未开始；省级知识产权局须于{recommendation.display}"
                "完成推荐，申报单位向省局提交材料的时间以本省通知为准。")
    left = "今天是截止日" if recommendation.days_remaining == 0 else f"还剩{recommendation.days_remaining}天"
    return (f"本届申报正在进行：省级知识产权局须于{recommendation.display}完成推荐，截至{cn_date(state.as_of)}"
            f"{left}；申报单位向省局提交材料的时间以本省通知为准。")


def welcome(assistant: Assistant, today: date) -> str:
    """The empty chat: what the assistant can do, and the round's phase today."""
    phase = phase_sentence(timeline(today, assistant.library))
    return (
        '<div class="welcome"><p><strong>您好！我依据国知发运字〔2025〕28号通知回答问题，'
        "每条回答都附原文出处。</strong></p>"
        "<ul><li><strong>问政策</strong>：申报单位、时间安排、工作要求等，直接在下方提问；</li>"
        "<li><strong>申报预审</strong>：描述您的单位，逐项判断能否申报七类示范创建项目；</li>"
        "<li><strong>申报书起草</strong>：按项目类型填写单位情况，生成申报书草稿（.docx）。</li></ul>"
        f'<p class="phase" id="phase">{html.escape(phase)}</p></div>')


def message(role: str, content: str) -> dict[str, str]:
    return {"role": role, "content": content}


def build_chat(assistant: Assistant, feedback: FeedbackStore, demo: gr.Blocks) -> None:
    """The chat tab's components and events (inside a ``gr.Tab``)."""
    today = assistant.settings.as_of
    session = gr.State(ChatSession)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            chatbot = gr.Chatbot(label="对话", elem_id="chatbot", height="52vh", layout="bubble",
                                 placeholder=welcome(assistant, today or date.today()), buttons=["copy"],
                                 examples=[{"text": text} for text in EXAMPLES], latex_delimiters=[])
            with gr.Column(visible=False, elem_id="correction-panel", variant="panel") as correction_panel:
                correcting = gr.Markdown(elem_id="correcting")
                correction = gr.Textbox(label=CORRECTION_LABEL, lines=2, max_length=MAX_CORRECTION_CHARS,
                                        elem_id="correction")
                with gr.Row():
                    send_correction = gr.Button("提交更正", variant="primary", elem_id="send-correction", scale=0)
                    skip_correction = gr.Button("不用了", elem_id="skip-correction", scale=0)
            feedback_status = gr.Markdown(elem_id="feedback-status")
            question = gr.Textbox(label="您的问题", placeholder=QUESTION_HINT, elem_id="question", lines=2, max_lines=6)
            with gr.Row(elem_id="composer-buttons"):
                gr.HTML(f'<span class="count" data-limit="{MAX_QUESTION_CHARS}">0/{MAX_QUESTION_CHARS}</span>',
                        elem_id="counter")
                new_chat = gr.Button("新对话", elem_id="new-chat", scale=0, min_width=90)
                send = gr.Button("发送", variant="primary", elem_id="send", scale=0, min_width=90, interactive=True)
            composer_status = gr.Markdown(elem_id="composer-status")
        with gr.Column(scale=2, min_width=280):
            gr.Markdown("### 原文", elem_id="viewer-title")
            source = viewer(assistant.library)

    def respond(text: str, chat: ChatSession) -> Iterator[tuple[Any, ...]]:
        """Post the question, then its answer; rejected text stays in the box with a message why."""
        try:
            question_text = clean_question(text)
        except InvalidInputError as error:
            yield gr.update(), gr.update(), chat, f"⚠️ {error}"
            return
        chat.messages = [*chat.messages, message("user", inert(question_text)), message("assistant", PENDING)]
        yield chat.messages, "", chat, ""
        try:
            answer = assistant.ask(question_text, chat.conversation, as_of=today)
        except AssistantError as error:
            chat.messages = chat.messages[:-2]
            yield chat.messages, text, chat, f"⚠️ {error}"
            return
        index = len(chat.messages) - 1
        answer_id = feedback.issue(question=question_text, answer=answer.answer,
                                   citations=[c.id for c in answer.citations])
        chat.answers[index] = answer_id, excerpt(answer.answer)
        chat.messages = [*chat.messages[:-1], message("assistant", answer_html(answer, assistant.library))]
        yield chat.messages, gr.update(), chat, ""  # the box was emptied at posting: keep what was typed since

    asked = [question, session]
    shown = [chatbot, question, session, composer_status]
    send.click(respond, asked, shown).then(None, js=SYNC_COMPOSER)
    question.submit(respond, asked, shown).then(None, js=SYNC_COMPOSER)

    def ask_example(chat: ChatSession, picked: gr.SelectData) -> Iterator[tuple[Any, ...]]:
        yield from respond(str(picked.value.get("text", "")), chat)

    chatbot.example_select(ask_example, [session], shown)

    def reset() -> tuple[Any, ...]:
        """Forget the conversation, the messages, the citations shown and any pending correction."""
        return ChatSession(), [], VIEWER_HINT, gr.update(visible=False), "", "", "", ""

    cleared = [session, chatbot, source, correction_panel, correction, feedback_status, composer_status, question]
    new_chat.click(reset, None, cleared).then(None, js=CLOSE_SHEET)
    chatbot.clear(reset, None, cleared).then(None, js=CLOSE_SHEET)

    def on_like(chat: ChatSession, data: gr.LikeData) -> tuple[Any, ...]:
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        if index not in chat.answers or data.liked not in (True, False):
            return chat, gr.update(), gr.update(), gr.update()
        answer_id, first_words = chat.answers[index]
        try:
            feedback.rate(answer_id, liked=data.liked)
        except AssistantError as error:
            return chat, gr.update(visible=False), "", f"⚠️ {error}"
        chat.correcting = None if data.liked else answer_id
        return chat, gr.update(visible=not data.liked), f"更正这条回答：{first_words}", THANKS[data.liked]

    chatbot.like(on_like, [session], [session, correction_panel, correcting, feedback_status]).then(
        None, js="() => document.querySelector('#correction textarea')?.focus()")

    def on_correction(text: str, chat: ChatSession) -> tuple[Any, ...]:
        if not text.strip():
            return chat, gr.update(), text, "⚠️ 请先写下正确的说法，或点“不用了”。"
        try:
            feedback.rate(chat.correcting or "", liked=False, correction=text)
        except AssistantError as error:
            return chat, gr.update(), text, f"⚠️ {error}"
        chat.correcting = None
        return chat, gr.update(visible=False), "", CORRECTED

    send_correction.click(on_correction, [correction, session],
                          [session, correction_panel, correction, feedback_status])
    skip_correction.click(lambda: (gr.update(visible=False), ""), None, [correction_panel, correction])
    demo.load(lambda: gr.update(placeholder=welcome(assistant, today or date.today())), None, chatbot,
              show_progress="hidden")  # today's phase, for pages served past midnight


def excerpt(text: str, length: int = 40) -> str:
    """The first words of an answer, so that the correction box says which answer it is about."""
    plain = " ".join(text.split())
    return f"「{plain[:length]}…」" if len(plain) > length else f"「{plain}」"
