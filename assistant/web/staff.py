"""Staff pages (mounted at /staff): documents, reply drafts, evaluation."""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from assistant.answering import Assistant
from assistant.errors import AssistantError
from assistant.inputs import MAX_DESCRIPTION_CHARS
from assistant.settings import Settings
from assistant.web.staff_documents import build_documents
from assistant.web.staff_eval import build_evaluation
from assistant.web.theme import page
from assistant.web.uploads import download_path

NO_LOGIN = ("未设置登录：工作人员页面只对本机开放。要从其他电脑使用，请设置环境变量 ASSISTANT_STAFF_USER 和 "
            "ASSISTANT_STAFF_PASSWORD 后重新启动。")


def header(settings: Settings) -> str:
    login = "" if settings.staff_user else f'<p class="notice">{html.escape(NO_LOGIN)}</p>'
    return ('<header class="app-header"><h1>政策助手 · 工作人员页面</h1>'
            f"<p>管理回答所依据的文件、起草复函、评测回答质量。</p>{login}</header>")


def notes(draft: Any) -> str:
    cited = "、".join(dict.fromkeys(c.label for c in draft.citations)) or "无"
    open_items = "".join(f"\n- {html.escape(p)}" for p in draft.placeholders) or "无"
    return f"**引用条款**：{cited}\n\n**发出前须补充／核实**：{open_items}"


def build_replies(assistant: Assistant, settings: Settings) -> None:
    """The reply tab's components and events (inside a ``gr.Tab``)."""
    gr.Markdown("粘贴申报单位的来信，生成公文格式的复函草稿（依据规则判定与通知原文，附联系人）。"
                "无法确定的事项以【待核实：…】标出，请核实后再发出。")
    inquiry = gr.Textbox(label=f"来信内容（最多 {MAX_DESCRIPTION_CHARS} 字）", lines=6, elem_id="reply-inquiry")
    sender = gr.Textbox(label="落款单位（可留空）", value=settings.organisation, max_lines=1, elem_id="reply-sender")
    with gr.Row():
        write = gr.Button("生成复函", variant="primary", elem_id="reply-run", scale=0, min_width=120)
        download = gr.DownloadButton("下载 .docx", elem_id="reply-file", interactive=False, scale=0, min_width=120)
    reply_text = gr.Textbox(label="复函草稿（可直接修改；右上角按钮复制全文）", lines=18, elem_id="reply-text",
                            buttons=["copy"])
    reply_notes = gr.Markdown(elem_id="reply-notes")

    def reply(text: str, signer: str) -> tuple[Any, ...]:
        from assistant.drafting import draft_reply, reply_docx

        try:
            draft = draft_reply(text, library=assistant.library, settings=settings, as_of=settings.as_of,
                                sender=signer.strip() or None)
        except AssistantError as error:
            raise gr.Error(str(error)) from None
        path = download_path(settings, "staff", "复函草稿.docx")
        reply_docx(draft, path, author=settings.author)
        return draft.text, notes(draft), gr.update(value=str(path), interactive=True)

    write.click(reply, [inquiry, sender], [reply_text, reply_notes, download])


def build_staff_ui(assistant: Assistant, settings: Settings) -> gr.Blocks:
    with page("政策助手 · 工作人员") as staff:
        gr.HTML(header(settings))
        with gr.Tabs():
            with gr.Tab("文件", id="documents"):
                build_documents(assistant, settings)
            with gr.Tab("复函起草", id="replies"):
                build_replies(assistant, settings)
            with gr.Tab("评测", id="evaluation"):
                build_evaluation(assistant, settings)
    return staff
