"""The pre-screening tab: a description of the applicant in, one card per project type out."""

from __future__ import annotations

import html
from datetime import date

import gradio as gr

from assistant.answering import Assistant
from assistant.errors import AssistantError
from assistant.inputs import MAX_DESCRIPTION_CHARS
from assistant.language.dates import cn_date
from assistant.rules import STATUS, CheckResult, Verdict
from assistant.web.citations import inert

EMPTY = '<p class="hint">结果会在这里逐项列出：七类项目各一张卡片，写明结论、理由、依据的原文和还需补充的信息。</p>'


def sources(verdict: Verdict) -> str:
    """The clauses behind a verdict, each with its quote folded under its name."""
    items = "".join(f"<details><summary>{html.escape(c.label)}</summary><p>{inert(c.quote)}</p></details>"
                    for c in {(c.id, c.quote): c for c in verdict.citations}.values())
    return f'<div class="sources"><p>依据：</p>{items}</div>' if items else ""


def verdict_card(name: str, verdict: Verdict) -> str:
    status = STATUS[verdict.status]
    asks = "".join(f"<li>{inert(ask)}</li>" for ask in verdict.ask)
    return "".join([
        f'<article class="verdict-card"><h3>{html.escape(name)}</h3>',
        f'<p class="status {verdict.status}">{status.icon} {html.escape(status.label)}</p>',
        f"<p>{inert(verdict.reason)}</p>",
        f"<p>还需确认：</p><ul>{asks}</ul>" if asks else "",
        sources(verdict), "</article>",
    ])


def verdict_cards(result: CheckResult, names: dict[str, str]) -> str:
    cards = "".join(verdict_card(names[key], verdict) for key, verdict in result.verdicts.items())
    return f'<div class="verdict-cards">{cards}</div>'


def parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        raise gr.Error("日期格式应为 YYYY-MM-DD，例如 2025-09-20。") from None


def build_prescreen(assistant: Assistant) -> None:
    """The pre-screening tab's components and events (inside a ``gr.Tab``)."""
    gr.Markdown("描述申报单位（类型、所在地、级别、是否已获认定等），按通知“二、申报单位”逐项判断七类项目能否申报。")
    description = gr.Textbox(label=f"单位情况（最多 {MAX_DESCRIPTION_CHARS} 字）", lines=4, elem_id="profile-text",
                             placeholder="例如：我们是江苏省苏州市昆山市人民政府，产业集聚明显。")
    as_of = gr.Textbox(label="判定日期（可留空，默认今天；格式 2025-09-20）", max_lines=1, elem_id="profile-date",
                       value=assistant.settings.as_of.isoformat() if assistant.settings.as_of else "")
    run = gr.Button("开始预审", variant="primary", elem_id="run-check")
    timeline_box = gr.Markdown(elem_id="check-timeline")
    cards = gr.HTML(EMPTY, elem_id="verdicts")

    def prescreen(text: str, day: str) -> tuple[str, str]:
        when = parse_day(day)
        try:
            result = assistant.check(text, as_of=when)
        except AssistantError as error:
            raise gr.Error(str(error)) from None
        when_said = f"**时间安排（截至{cn_date(result.timeline.as_of)}）**：{result.timeline.summary}"
        return when_said, verdict_cards(result, assistant.short_names)

    run.click(prescreen, [description, as_of], [timeline_box, cards])
