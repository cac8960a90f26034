"""The staff documents tab: what the assistant answers from, importing files and removing them."""

from __future__ import annotations

from typing import Any, get_args

import gradio as gr

from assistant.answering import Assistant
from assistant.corpus.loaders import LOADERS
from assistant.corpus.model import KIND_NAMES, DocKind, DocumentInfo
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.web.uploads import uploaded_path

HEADERS = ["标题", "类型", "省份", "条款数", "导入时间", "编号"]
CONFIRM_REMOVAL = "(id) => (id && confirm('确定移除这个文件？移除后回答将不再引用它。')) ? id : null"
STATUS = {"added": "已导入", "replaced": "已替换", "unchanged": "内容未变化，未重复导入"}
WARNING = ("⚠️ **导入或移除文件会改变所有用户得到的回答**：省级转发通知会改变本省的截止日期和联系方式，"
           "已认定名单会改变预审结论。导入前请确认文件是正式发布的版本。")


def imported_at(info: DocumentInfo) -> str:
    if not info.ingested:
        return "随程序提供"
    return info.imported.strftime("%Y-%m-%d %H:%M") if info.imported else "—"


def document_rows(assistant: Assistant, settings: Settings) -> list[list[Any]]:
    """Every document the assistant answers from, then imports that did not finish."""
    from assistant.ingest import quarantined

    rows = []
    for document in assistant.library.documents.values():
        info = document.info
        kind = KIND_NAMES[info.kind] + ("" if info.available else "（未载入）")
        rows.append([info.title, kind, info.province or "—", len(document.clauses), imported_at(info), info.id])
    rows += [[record.name, "导入未完成", "—", 0, record.at.strftime("%Y-%m-%d %H:%M"), record.doc_id]
             for record in quarantined(settings)]
    return rows


def removable(assistant: Assistant, settings: Settings) -> list[tuple[str, str]]:
    """(label, id) of the documents staff imported, and of unfinished imports."""
    from assistant.ingest import quarantined

    imported = [(f"{d.info.title}（{d.info.id}）", d.info.id) for d in assistant.library.documents.values()
                if d.info.ingested]
    return imported + [(f"{r.name}（导入未完成，{r.doc_id}）", r.doc_id) for r in quarantined(settings)]


def build_documents(assistant: Assistant, settings: Settings) -> None:
    """The documents tab's components and events (inside a ``gr.Tab``)."""
    gr.Markdown(WARNING, elem_id="import-warning")
    table = gr.Dataframe(document_rows(assistant, settings), headers=HEADERS, interactive=False, wrap=True,
                         elem_id="documents")
    with gr.Row():
        chosen = gr.Dropdown(removable(assistant, settings), label="移除导入的文件", elem_id="remove-choice",
                             scale=3)
        remove = gr.Button("移除", variant="stop", elem_id="remove-document", scale=0, min_width=90)
    gr.Markdown("#### 导入文件")
    kinds = [("自动识别", "")] + [(KIND_NAMES[kind], kind) for kind in get_args(DocKind)]
    upload = gr.File(label=f"文件（{' '.join(LOADERS)}）", file_types=list(LOADERS), elem_id="import-file")
    with gr.Row():
        kind = gr.Dropdown(kinds, value="", label="文件类型", elem_id="import-kind")
        title = gr.Textbox(label="标题（可留空，默认取文件的标题行）", max_lines=1, elem_id="import-title")
        province = gr.Textbox(label="省份（省级转发通知可填，默认从文件识别）", max_lines=1, elem_id="import-province")
        doc_id = gr.Textbox(label="编号（可留空；小写字母、数字和连字符）", max_lines=1, elem_id="import-id")
    replace = gr.Checkbox(label="内容与已导入的文件相同时，用这个文件替换它", elem_id="import-replace")
    do_ingest = gr.Button("导入", variant="primary", elem_id="run-import")
    status = gr.Markdown(elem_id="import-status")

    def refreshed(message: str) -> tuple[Any, ...]:
        assistant.library.reload()
        assistant.index.reset()
        return message, document_rows(assistant, settings), gr.update(choices=removable(assistant, settings),
                                                                       value=None)

    def ingest(file: Any, wanted_kind: str, wanted_title: str, wanted_province: str, wanted_id: str,
               replacing: bool) -> tuple[Any, ...]:
        from assistant.ingest import ingest_file

        if file is None:
            raise gr.Error("请先选择要导入的文件。")
        try:
            result = ingest_file(settings, uploaded_path(file), doc_id=wanted_id.strip() or None,
                                 kind=wanted_kind or None, title=wanted_title.strip() or None,
                                 province=wanted_province.strip() or None, replace=replacing)
        except AssistantError as error:
            raise gr.Error(f"导入失败：{error}") from None
        kind = KIND_NAMES[result.kind]
        return refreshed(f"{STATUS[result.status]}{result.label}，类型：{kind}，{result.clauses} 条。")

    def remove_document(doc_id: str | None) -> tuple[Any, ...]:
        from assistant.ingest import remove_document as remove_stored

        if not doc_id:
            raise gr.Error("请先选择要移除的文件。")
        label = next((name for name, value in removable(assistant, settings) if value == doc_id), doc_id)
        try:
            remove_stored(settings, doc_id)
        except AssistantError as error:
            raise gr.Error(f"移除失败：{error}") from None
        return refreshed(f"已移除：{label}。")

    outputs = [status, table, chosen]
    do_ingest.click(ingest, [upload, kind, title, province, doc_id, replace], outputs)
    remove.click(remove_document, chosen, outputs, js=CONFIRM_REMOVAL)
