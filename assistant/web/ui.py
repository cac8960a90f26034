"""The public Gradio page in Chinese: chat with citations and feedback, pre-screening, drafting."""

from __future__ import annotations

import html

import gradio as gr

from assistant.answering import Assistant
from assistant.feedback import FeedbackStore
from assistant.web.chat import build_chat
from assistant.web.drafting_form import build_drafting
from assistant.web.prescreen import build_prescreen
from assistant.web.theme import page

TITLE = "知识产权强国建设示范创建政策助手"


def header() -> str:
    return (f'<header class="app-header"><h1>{TITLE}</h1>'
            "<p>依据国家知识产权局国知发运字〔2025〕28号通知作答，每条回答附原文出处；通知附件1—4尚未载入，"
            "涉及附件内容的问题会如实说明。</p></header>")


def footer(organisation: str) -> str:
    runner = f"由{html.escape(organisation)}提供。" if organisation else ""
    return (f'<footer class="app-footer">{runner}回答仅供参考，申报以国家知识产权局通知原文和所在省'
            "知识产权局的通知为准。</footer>")


def build_ui(assistant: Assistant, feedback: FeedbackStore) -> gr.Blocks:
    with page(TITLE) as demo:
        gr.HTML(header())
        with gr.Tabs(elem_id="tabs"):
            with gr.Tab("问答", id="chat", elem_id="tab-chat"):
                build_chat(assistant, feedback, demo)
            with gr.Tab("申报预审", id="check", elem_id="tab-check"):
                build_prescreen(assistant)
            with gr.Tab("申报书起草", id="draft", elem_id="tab-draft"):
                build_drafting(assistant)
        gr.HTML(footer(assistant.settings.organisation))
    return demo
