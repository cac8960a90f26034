"""The Gradio UI in Chinese: chat with citations and feedback, and pre-screening."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.answering import Answer, Assistant
from assistant.answering.conversation import Conversation
from assistant.errors import AssistantError
from assistant.feedback import FeedbackStore
from assistant.rules import STATUS, CheckResult

EXAMPLES = [
    "直辖市的区可以申报示范市吗？",
    "昆山市人民政府能申报示范县吗？",
    "申报要交费吗？",
    "推荐材料什么时候截止？",
    "我们公司已经是国家知识产权示范企业了，还要重新申报吗？",
    "示范园区的联系人是谁？",
]


def citations_markdown(answer: Answer | None, library: Any) -> str:
    """Each citation with its clause id, its place in the notice (heading, character span) and the quote."""
    if answer is None or not answer.citations:
        return "（暂无引用）"
    blocks = []
    for number, c in enumerate(answer.citations, 1):
        quote = html.escape(c.quote).replace("\n", "<br>")
        start, end = library.clause(c.id).span
        where = f"{html.escape(c.heading)}（原文第{start + 1}—{end}字）"
        blocks.append(f"**[{number}] {html.escape(c.id)}**　{where}\n\n> {quote}")
    return "\n\n".join(blocks)


def text_of(content: Any) -> str:
    """A chat message's text; Gradio 6 may hand content back as a list of blocks."""
    if isinstance(content, list):
        return "".join(block.get("text", "") if isinstance(block, dict) else str(block) for block in content)
    return str(content)


def message_text(history: list, index: int) -> str:
    """The text of the message at ``index`` as it was written (the chat shows it HTML-escaped)."""
    return html.unescape(text_of(history[index]["content"]))


def question_before(history: list, index: int) -> str:
    """The user's message that the assistant message at ``index`` answers."""
    users = [i for i in range(index) if history[i]["role"] == "user"]
    return message_text(history, users[-1]) if users else ""


def verdict_rows(result: CheckResult, names: dict[str, str]) -> list[list[str]]:
    rows = []
    for key, verdict in result.verdicts.items():
        cited = "；".join(c.id for c in verdict.citations)
        status = STATUS[verdict.status]
        rows.append([names[key], f"{status.icon} {status.label}", verdict.reason, cited, "；".join(verdict.ask)])
    return rows


def build_ui(assistant: Assistant, feedback: FeedbackStore) -> gr.Blocks:
    names = assistant.short_names
    with gr.Blocks(title="知识产权强国建设示范创建政策助手", analytics_enabled=False) as demo:
        gr.Markdown("## 知识产权强国建设示范创建政策助手\n依据国知发运字〔2025〕28号通知作答，每条回答均附原文引用。"
                    "附件1—4尚未载入，涉及附件内容的问题会如实说明。")
        with gr.Tab("问答"):
            conversation = gr.State(Conversation)
            last_answers = gr.State(list)
            with gr.Row():
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(label="对话", height=480, elem_id="chatbot")
                    question = gr.Textbox(label="您的问题", placeholder="例如：直辖市的区可以申报示范市吗？",
                                          elem_id="question", max_lines=6)
                    with gr.Row():
                        send = gr.Button("发送", variant="primary", elem_id="send")
                        clear = gr.Button("清空对话")
                    gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                with gr.Column(scale=2):
                    gr.Markdown("### 引用条款")
                    cited = gr.Markdown("（暂无引用）", elem_id="citations")

            def respond(message: str, history: list, state: Conversation, answers: list
                        ) -> Iterator[tuple[list, str, str, Conversation, list]]:
                history = [*history, {"role": "user", "content": html.escape(message)}]  # shown as text
                try:
                    text = ""
                    for event in assistant.stream(message, state):
                        if isinstance(event, Answer):
                            answers = [*answers, event.public()]
                            yield ([*history, {"role": "assistant", "content": text}], "",
                                   citations_markdown(event, assistant.library), state, answers)
                        else:
                            text += html.escape(event)
                            yield [*history, {"role": "assistant", "content": text}], "", "…", state, answers
                except AssistantError as error:
                    answers = [*answers, None]
                    yield ([*history, {"role": "assistant", "content": f"⚠️ {error}"}], "", "（暂无引用）",
                           state, answers)

            outputs = [chatbot, question, cited, conversation, last_answers]
            send.click(respond, [question, chatbot, conversation, last_answers], outputs)
            question.submit(respond, [question, chatbot, conversation, last_answers], outputs)
            clear.click(lambda: ([], "（暂无引用）", Conversation(), []), None,
                        [chatbot, cited, conversation, last_answers])

            def on_like(data: gr.LikeData, history: list, answers: list) -> None:
                index = data.index[0] if isinstance(data.index, list | tuple) else data.index
                answer_number = sum(1 for m in history[: index + 1] if m["role"] == "assistant") - 1
                public = answers[answer_number] if 0 <= answer_number < len(answers) else None
                feedback.add(question=question_before(history, index), answer=message_text(history, index),
                             liked=bool(data.liked), citations=(public or {}).get("citations", []))

            chatbot.like(on_like, [chatbot, last_answers], None)

            with gr.Accordion("回答有误？提交更正", open=False):
                correction = gr.Textbox(label="正确的说法（会与上一条回答一起保存，供评测人员核对）", lines=2,
                                        elem_id="correction")
                send_correction = gr.Button("提交更正（记为 👎）", elem_id="send-correction")
                correction_status = gr.Markdown()

            def on_correction(text: str, history: list, answers: list) -> tuple[str, str]:
                if not text or not text.strip():
                    raise gr.Error("请先写下正确的说法。")
                last = next((i for i in range(len(history) - 1, -1, -1) if history[i]["role"] == "assistant"), None)
                if last is None:
                    raise gr.Error("还没有可更正的回答。")
                public = answers[-1] if answers else None
                feedback.add(question=question_before(history, last), answer=message_text(history, last),
                             liked=False, citations=(public or {}).get("citations", []), correction=text.strip())
                return "", "已记录，谢谢！"

            send_correction.click(on_correction, [correction, chatbot, last_answers], [correction, correction_status])

        with gr.Tab("申报预审"):
            gr.Markdown("描述申报单位（类型、所在地、级别、是否已获认定等），系统按通知“二、申报单位”逐项判定七类项目。")
            description = gr.Textbox(label="单位情况", lines=4, elem_id="profile-text",
                                     placeholder="例如：我们是江苏省苏州市昆山市人民政府，产业集聚明显。")
            as_of = gr.Textbox(label="判定日期（可留空，默认今天；格式 2025-09-20）", max_lines=1)
            run = gr.Button("开始预审", variant="primary", elem_id="run-check")
            table = gr.Dataframe(headers=["项目", "结论", "理由", "依据条款", "需补充的问题"], wrap=True,
                                 elem_id="verdicts", interactive=False)
            timeline_box = gr.Markdown()

            def prescreen(text: str, day: str) -> tuple[list[list[str]], str]:
                from datetime import date

                try:
                    when = date.fromisoformat(day.strip()) if day and day.strip() else None
                except ValueError:
                    raise gr.Error("日期格式应为 YYYY-MM-DD，例如 2025-09-20。") from None
                if not text or not text.strip():
                    raise gr.Error("请先填写单位情况。")
                try:
                    result = assistant.check(text, as_of=when)
                except AssistantError as error:
                    raise gr.Error(str(error)) from None
                timeline = result.timeline
                return verdict_rows(result, names), f"**时间安排（{timeline.as_of}）**：{timeline.summary}"

            run.click(prescreen, [description, as_of], [table, timeline_box])

        with gr.Tab("申报书起草"):
            build_drafting_tab(assistant)
    return demo


def facts_template(type_key: str, settings: Any) -> str:
    """One ``标签: `` line per fact the outline asks for, to be filled in by the applicant."""
    from assistant.drafting import fact_fields

    return "\n".join(f"{field['label']}: " for field in fact_fields(type_key, settings))


def build_drafting_tab(assistant: Assistant) -> None:
    import tempfile

    import yaml

    from assistant.drafting import draft_application, to_docx

    gr.Markdown("按项目类型填写单位事实（YAML，每行“标签: 值”），生成申报书草稿。未填写的事实在草稿中显示为"
                "【待补充：…】，草稿不会编造任何数字或名称。申报书正式格式（附件1）尚未载入，提纲依通知“三、申报条件”整理。")
    choices = [(f"{t.short}（{t.name}）", key) for key, t in assistant.types.items()]
    type_key = gr.Dropdown(choices, value="enterprise", label="项目类型", elem_id="draft-type")
    facts = gr.Code(facts_template("enterprise", assistant.settings), language="yaml", label="单位事实", lines=14,
                    elem_id="draft-facts")
    make = gr.Button("生成草稿", variant="primary", elem_id="draft-run")
    preview = gr.Markdown(elem_id="draft-preview")
    download = gr.File(label="下载 .docx", elem_id="draft-file")
    type_key.change(lambda key: facts_template(key, assistant.settings), type_key, facts)

    def make_draft(key: str, text: str) -> tuple[str, str]:
        try:
            values = yaml.safe_load(text or "") or {}
        except yaml.YAMLError as error:
            raise gr.Error(f"事实格式有误（应为 YAML“标签: 值”）：{error}") from None
        if not isinstance(values, dict):
            raise gr.Error("事实格式有误：应为“标签: 值”的若干行。")
        values = {str(k): v for k, v in values.items() if v not in (None, "")}
        try:
            draft = draft_application(key, values, settings=assistant.settings, library=assistant.library)
        except AssistantError as error:
            raise gr.Error(str(error)) from None
        path = Path(tempfile.mkdtemp(prefix="draft-")) / f"申报书草稿-{assistant.types[key].short}.docx"
        to_docx(draft, path)
        return html.escape(draft.markdown(), quote=False), str(path)

    make.click(make_draft, [type_key, facts], [preview, download])
