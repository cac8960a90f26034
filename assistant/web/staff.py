"""Staff pages (mounted at /staff, behind a login when configured): evaluation, reply drafts, ingestion."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.answering import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings

UPLOAD_TYPES = [".txt", ".md", ".docx", ".pdf", ".xlsx"]


def metrics_rows(metrics: dict[str, float | None], thresholds: dict[str, float]) -> list[list[Any]]:
    return [[name, "—" if value is None else round(value, 4), thresholds.get(name, "")]
            for name, value in metrics.items()]


def build_staff_ui(assistant: Assistant, settings: Settings) -> gr.Blocks:
    with gr.Blocks(title="政策助手 · 工作人员", analytics_enabled=False) as staff:
        gr.Markdown("## 工作人员页面\n评测、复函起草与文件导入。")
        with gr.Tab("评测"):
            suites = sorted(p.name for p in settings.eval_dir.glob("*.jsonl"))
            chosen = gr.CheckboxGroup(suites, value=["qa.jsonl"] if "qa.jsonl" in suites else [],
                                      label="选择评测集", elem_id="eval-suites")
            uploaded = gr.File(label="或上传评测集（JSONL，文件名以类型开头，如 qa_江苏.jsonl）",
                               file_types=[".jsonl"], file_count="multiple")
            run = gr.Button("运行评测", variant="primary", elem_id="run-eval")
            verdict = gr.Markdown(elem_id="eval-verdict")
            table = gr.Dataframe(headers=["指标", "数值", "门槛"], interactive=False, elem_id="eval-metrics")
            failures = gr.Dataframe(headers=["评测集", "编号", "问题", "原因"], interactive=False, wrap=True)
            report_file = gr.File(label="下载报告（HTML）")

            def run_eval(names: list[str], files: list[Any] | None, progress: gr.Progress = gr.Progress()  # noqa: B008 (gradio injects it)
                         ) -> tuple[str, list, list, str]:
                from assistant.evaluation.report import write_reports
                from assistant.evaluation.runner import load_thresholds, run_suites, suite_kind

                paths = [settings.eval_dir / name for name in names or []]
                for upload in files or []:
                    path = Path(upload if isinstance(upload, str) else upload.name)
                    try:
                        suite_kind(path)
                    except ValueError as error:
                        raise gr.Error(str(error)) from None
                    paths.append(path)
                if not paths:
                    raise gr.Error("请至少选择或上传一个评测集。")
                thresholds = load_thresholds(settings.eval_dir / "thresholds.yaml")
                try:
                    report = run_suites(assistant, paths, thresholds,
                                        lambda done, total, label: progress(done / total, desc=label))
                except (ValueError, AssistantError) as error:
                    raise gr.Error(str(error)) from None
                _, html_path = write_reports(report, settings.data_dir / "runs" / report.run_id)
                download = Path(tempfile.mkdtemp(prefix="eval-")) / f"评测报告-{report.run_id}.html"
                shutil.copyfile(html_path, download)
                failed = [[c.suite, c.id, c.question, "；".join(c.reasons)] for c in report.cases if not c.passed]
                summary = "### 门槛：通过 ✅" if report.passed else "### 门槛未通过 ❌\n" + "\n".join(
                    f"- {m}" for m in report.missed)
                return summary, metrics_rows(report.metrics, thresholds), failed, str(download)

            run.click(run_eval, [chosen, uploaded], [verdict, table, failures, report_file])

        with gr.Tab("复函起草"):
            gr.Markdown("粘贴申请单位的来信，生成公文格式的复函草稿（依据规则判定与通知原文，附联系人）。"
                        "无法确定的事项以【待核实：…】标出，请核实后再发出。")
            inquiry = gr.Textbox(label="来信内容", lines=6, elem_id="reply-inquiry")
            sender = gr.Textbox(label="落款单位（可留空）", max_lines=1)
            write = gr.Button("生成复函", variant="primary", elem_id="reply-run")
            reply_text = gr.Textbox(label="复函草稿", lines=18, elem_id="reply-text")
            reply_notes = gr.Markdown()

            def reply(text: str, signer: str) -> tuple[str, str]:
                from assistant.drafting import draft_reply

                if not text or not text.strip():
                    raise gr.Error("请先粘贴来信内容。")
                try:
                    draft = draft_reply(text, library=assistant.library, settings=settings,
                                        sender=signer.strip() or None)
                except AssistantError as error:
                    raise gr.Error(str(error)) from None
                cited = "、".join(dict.fromkeys(c.id for c in draft.citations)) or "无"
                open_items = "".join(f"\n- {p}" for p in draft.placeholders) or "无"
                return draft.text, f"**引用条款**：{cited}\n\n**待补充／待核实**：{open_items}"

            write.click(reply, [inquiry, sender], [reply_text, reply_notes])

        with gr.Tab("文件导入"):
            gr.Markdown("导入附件或省级转发通知（.txt .md .docx .pdf .xlsx）。编号填 annex1—annex4 可补上通知附件。")
            upload = gr.File(label="文件", file_types=UPLOAD_TYPES)
            doc_id = gr.Textbox(label="文件编号（可留空）", max_lines=1)
            do_ingest = gr.Button("导入", variant="primary")
            ingest_status = gr.Markdown()

            def ingest(file: Any, wanted_id: str) -> str:
                from assistant.ingest import ingest_file

                if file is None:
                    raise gr.Error("请先选择文件。")
                source = Path(file if isinstance(file, str) else file.name)
                try:
                    result = ingest_file(settings, source, doc_id=wanted_id.strip() or None)
                except AssistantError as error:
                    raise gr.Error(str(error)) from None
                assistant.library.reload()
                assistant.index.reset()
                return f"{result.status}：{result.doc_id}，{result.clauses} 条"

            do_ingest.click(ingest, [upload, doc_id], ingest_status)
    return staff
