"""The drafting tab: a form per project type generated from the outline's facts, kept in the browser.

What is typed is kept by fact key in the browser's storage (``gr.BrowserState``), so it survives a switch
of project type (facts the types share, such as the unit's name, carry over) and a reload. Facts can also
be pasted as "事实项：内容" lines, with either colon; errors name the line.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from typing import Any

import gradio as gr

from assistant.answering import Assistant
from assistant.drafting import ApplicationDraft, draft_application, fact_fields, to_docx
from assistant.drafting.model import FACTS_HEADING, MISSING, PLACEHOLDERS_HEADING, TABLE_HEADER, Sentence
from assistant.errors import AssistantError
from assistant.web.citations import inert
from assistant.web.uploads import download_path

FACT_LINE = re.compile(r"^\s*([^:：]+?)\s*[:：]\s*(.*)$")  # the first colon, half- or full-width, ends the name
EMPTY_PREVIEW = ('<p class="hint">填写单位情况后点“生成草稿”，草稿会显示在这里；'
                 "未填写的事实显示为【待补充：…】。</p>")
STORAGE = "assistant-draft-facts"
SHOW_PREVIEW_ON_PHONES = ("() => window.matchMedia('(max-width: 640px)').matches && "
                          "document.getElementById('draft-preview')?.scrollIntoView({block: 'start'})")
DEFAULT_TYPE = "enterprise"


def hint(field: dict[str, Any]) -> str | None:
    if field["unit"]:
        return f"填数字即可，单位：{field['unit']}（也可写成文字，如“约120{field['unit']}”）"
    if field["multiline"]:
        return "可分段填写，写清做法和成效。"
    return None


def parse_fact_lines(text: str, fields: list[dict[str, Any]], type_name: str) -> tuple[dict[str, str], list[str]]:
    """Facts by key from "事实项：内容" lines; a line without a colon continues the previous fact.

    Returns the facts and one Chinese error per line that could not be used.
    """
    by_label = {f["label"]: f["key"] for f in fields} | {f["key"]: f["key"] for f in fields}
    facts: dict[str, str] = {}
    errors: list[str] = []
    last: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = FACT_LINE.match(line)
        name = match.group(1) if match else ""
        if name in by_label:
            last = by_label[name]
            facts[last] = match.group(2).strip()
        elif last is not None and not match:
            facts[last] = f"{facts[last]}\n{line.strip()}".strip()
        elif not match:
            errors.append(f"第{number}行：没有冒号，应写成“事实项：内容”，如“{fields[0]['label']}：某某单位”。")
        else:
            close = difflib.get_close_matches(name, [f["label"] for f in fields], n=1, cutoff=0.4)
            suggestion = f"您是不是指“{close[0]}”？" if close else "可用的事实项见下方表单的各栏标题。"
            errors.append(f"第{number}行：“{name}”不是{type_name}申报书的事实项。{suggestion}")
    return facts, errors


def sentence_html(sentence: Sentence) -> str:
    text = inert(sentence.text)
    return f"<blockquote>{text}</blockquote>" if sentence.source == "notice" else f"<p>{text}</p>"


def preview_html(draft: ApplicationDraft) -> str:
    """The draft as it will read: headings, the notice's requirements set off, the facts table, open items."""
    parts = [f"<h2>{inert(draft.title)}</h2>", *(sentence_html(s) for s in draft.intro)]
    for section in draft.sections:
        parts += [f"<h3>{inert(section.heading)}</h3>", *(sentence_html(s) for s in section.sentences)]
    header = "".join(f"<th>{h}</th>" for h in TABLE_HEADER)
    rows = "".join(f"<tr><td>{inert(r.section)}</td><td>{inert(r.label)}</td><td>{inert(r.value or MISSING)}</td></tr>"
                   for r in draft.facts)
    parts.append(f"<h3>{FACTS_HEADING}</h3><table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>")
    if draft.placeholders:
        items = "".join(f"<li>{inert(p)}</li>" for p in draft.placeholders)
        parts.append(f"<h3>{PLACEHOLDERS_HEADING}</h3><ul>{items}</ul>")
    return "".join(parts)


def chosen_type(state: dict[str, str] | None, assistant: Assistant) -> str:
    """The project type kept in the browser, if it is still one of the types."""
    key = (state or {}).get("type", DEFAULT_TYPE)
    return key if key in assistant.types else DEFAULT_TYPE


def remember_js(key: str) -> str:
    """Keep what is typed in a field under its fact key, in the browser, as it is typed (no server round trip)."""
    return f"(value, saved) => ({{...(saved || {{}}), {json.dumps(key)}: value}})"


def build_drafting(assistant: Assistant) -> None:
    """The drafting tab's components and events (inside a ``gr.Tab``)."""
    settings = assistant.settings

    def fields_of(key: str) -> list[dict[str, Any]]:
        return fact_fields(key, settings, assistant.library)  # the loaded 附件1's parts when there is one
    gr.Markdown("按项目类型填写单位情况，生成申报书草稿。草稿只使用您填写的事实，未填写的显示为【待补充：…】，"
                "不会编造任何数字或名称。申报书正式格式（附件1）尚未载入，提纲依通知“三、申报条件”整理。"
                "填写的内容保存在本浏览器中，切换项目类型不会丢失。")
    # Both are restored from the browser when the page loads; the type's restore (always a change) draws the form.
    saved = gr.BrowserState({}, storage_key=STORAGE)
    saved_type = gr.BrowserState({"type": DEFAULT_TYPE}, storage_key=f"{STORAGE}-type")
    version = gr.State(0)
    choices = [(f"{t.short}（{t.name}）", key) for key, t in assistant.types.items()]
    type_key = gr.Dropdown(choices, value=DEFAULT_TYPE, label="项目类型", elem_id="draft-type")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=300):
            with gr.Accordion("批量填写：粘贴“事实项：内容”，每行一项", open=False, elem_id="draft-paste-box"):
                pasted = gr.Textbox(label="每行一项，冒号用全角“：”或半角“:”均可；没有冒号的行接在上一项后面",
                                    lines=5, elem_id="draft-paste")
                fill = gr.Button("填入表单", elem_id="draft-fill")
                paste_status = gr.Markdown(elem_id="draft-paste-status")

            @gr.render(inputs=[saved_type, saved], triggers=[saved_type.change, version.change])
            def form(state: dict[str, str] | None, values: dict[str, str] | None) -> None:
                key, values, section = chosen_type(state, assistant), values or {}, None
                for field in fields_of(key):
                    if field["section"] != section:
                        section = field["section"]
                        gr.Markdown(f"#### {html.escape(section)}")
                    box = gr.Textbox(label=field["label"], info=hint(field), value=values.get(field["key"], ""),
                                     lines=3 if field["multiline"] else 1, max_lines=12 if field["multiline"] else 1,
                                     key=f"fact-{field['key']}", elem_classes=["fact"],
                                     elem_id=f"fact-{field['key']}")
                    box.input(None, [box, saved], saved, js=remember_js(field["key"]))

            with gr.Row(elem_id="draft-actions"):
                make = gr.Button("生成草稿", variant="primary", elem_id="draft-run", scale=0, min_width=120)
                download = gr.DownloadButton("下载 .docx", elem_id="draft-file", interactive=False, scale=0,
                                             min_width=120)
                draft_status = gr.Markdown(elem_id="draft-status")
        with gr.Column(scale=1, min_width=300, elem_id="draft-preview-col"):
            preview = gr.HTML(EMPTY_PREVIEW, elem_id="draft-preview")

    def paste(text: str, key: str, values: dict[str, str] | None, count: int) -> tuple[Any, ...]:
        facts, errors = parse_fact_lines(text or "", fields_of(key), assistant.types[key].short)
        if not facts and not errors:
            return gr.update(), count, "⚠️ 请先粘贴“事实项：内容”的行。"
        message = f"已填入 {len(facts)} 项。" + "".join(f"\n- ⚠️ {error}" for error in errors)
        return {**(values or {}), **facts}, count + 1, message

    fill.click(paste, [pasted, type_key, saved, version], [saved, version, paste_status])

    def make_draft(key: str, values: dict[str, str] | None) -> tuple[Any, ...]:
        wanted = {f["key"] for f in fields_of(key)}
        facts = {k: v for k, v in (values or {}).items() if k in wanted and str(v).strip()}
        try:
            draft = draft_application(key, facts, settings=settings, library=assistant.library)
        except AssistantError as error:
            raise gr.Error(str(error)) from None
        path = download_path(settings, "public", f"申报书草稿-{assistant.types[key].short}.docx")
        to_docx(draft, path, author=settings.author)
        status = f"草稿已生成：已用 {len(facts)} 项事实，{len(draft.placeholders)} 项待补充。"
        return preview_html(draft), gr.update(value=str(path), interactive=True), status

    make.click(make_draft, [type_key, saved], [preview, download, draft_status]).then(
        None, js=SHOW_PREVIEW_ON_PHONES)
    type_key.input(None, type_key, saved_type, js="(key) => ({type: key})")
    saved_type.change(None, saved_type, type_key, js=f"(state) => state?.type || {json.dumps(DEFAULT_TYPE)}")
