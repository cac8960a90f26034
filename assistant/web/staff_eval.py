"""The staff evaluation tab: suites to run, one progress bar, metrics in Chinese with rounded figures."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.answering import Assistant
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.web.uploads import download_path, uploaded_path

SPLIT_NAMES = {"dev": "开发集", "holdout": "留出集"}
KIND_NAMES = {"qa": "问答", "retrieval": "检索", "multiturn": "多轮对话", "adversarial": "对抗问题",
              "eligibility": "资格判定", "timeline": "时间安排", "replies": "复函", "drafting": "申报书起草",
              "layering": "省级与参考文件"}
METRIC_NAMES = {
    "pass_rate": "通过率", "wrong_eligible": "误判为“可以申报”的次数", "latency_p50_ms": "耗时中位数（毫秒）",
    "latency_p95_ms": "耗时 P95（毫秒）", "hit@1": "首位命中率", "hit@3": "前三命中率", "mrr": "平均倒数排名",
    "verdict_accuracy": "判定准确率", "accuracy": "准确率", "fact_recall": "要点覆盖率",
    "citation_precision": "引用准确率", "citation_recall": "引用覆盖率", "quote_verification": "引文核对通过率",
    "groundedness": "有据可查率", "refusal_precision": "拒答准确率", "refusal_recall": "应拒答的拒答率",
    "provenance_clean": "来源核对通过率", "documents_cited": "引用文件正确率",
    "reference_kept_below": "参考文件未优先率", "kind_detection": "文件类型识别率",
}
TYPE_NAMES = {"city": "示范市", "county": "示范县", "park": "示范园区", "service_zone": "服务业集聚示范区",
              "enterprise": "示范企业", "university": "示范高校", "institute": "示范科研机构"}
SUITE = re.compile(r"^(?:(?P<split>dev|holdout)/)?(?P<kind>[a-z]+)(?:[_-](?P<rest>.+))?$")


def suite_label(name: str) -> str:
    """``holdout/qa_2`` → 留出集·问答（2）; ``dev`` → 开发集."""
    match = SUITE.match(name)
    if name in SPLIT_NAMES or not match or match["kind"] not in KIND_NAMES:
        return SPLIT_NAMES.get(name, name)
    split = f"{SPLIT_NAMES[match['split']]}·" if match["split"] else ""
    return split + KIND_NAMES[match["kind"]] + (f"（{match['rest']}）" if match["rest"] else "")


def metric_label(key: str) -> str:
    """``dev/qa.fact_recall`` → 开发集·问答：要点覆盖率; ``….verdict_accuracy.city`` → …：判定准确率（示范市）."""
    owner, _, base = key.rpartition(".")
    if base in TYPE_NAMES:  # a per-type metric: <suite>.verdict_accuracy.<type>
        owner, _, metric = owner.rpartition(".")
        return f"{suite_label(owner)}：{METRIC_NAMES.get(metric, metric)}（{TYPE_NAMES[base]}）"
    name = METRIC_NAMES.get(base, base)
    return f"{suite_label(owner)}：{name}" if owner else name


def figure(key: str, value: float | None) -> str:
    """Rates to three decimals (0.860), counts and milliseconds as whole numbers; — when there is no value."""
    if value is None:
        return "—"
    if key.endswith(("_ms", "wrong_eligible")):
        return f"{value:.0f}"
    return f"{value:.3f}"


def metrics_rows(metrics: dict[str, float | None], thresholds: dict[str, float]) -> list[list[str]]:
    """指标, 数值, 门槛, 结果 for each metric of a run."""
    from assistant.evaluation.runner import misses, upper

    rows = []
    for key, value in metrics.items():
        bound = thresholds.get(key)
        limit = "" if bound is None else ("≤ " if upper(key) else "≥ ") + figure(key, bound)
        result = "" if bound is None else "未达标" if misses(key, value, bound) else "达标"
        rows.append([metric_label(key), figure(key, value), limit, result])
    return rows


def build_evaluation(assistant: Assistant, settings: Settings) -> None:
    """The evaluation tab's components and events (inside a ``gr.Tab``)."""
    from assistant.evaluation.runner import discover, suite_name

    suites = [(suite_label(suite_name(path)), str(path)) for path in discover(settings.eval_dir)]
    default = [value for _, value in suites if value.endswith("dev/qa.jsonl")]
    chosen = gr.CheckboxGroup(suites, value=default, label="选择评测集", elem_id="eval-suites")
    uploaded = gr.File(label="或上传评测集（JSONL，文件名以类型开头，如 qa_江苏.jsonl）", file_types=[".jsonl"],
                       file_count="multiple", elem_id="eval-upload")
    run = gr.Button("运行评测", variant="primary", elem_id="run-eval")
    verdict = gr.Markdown(elem_id="eval-verdict")
    table = gr.Dataframe(headers=["指标", "数值", "门槛", "结果"], interactive=False, elem_id="eval-metrics",
                         wrap=True)
    failures = gr.Dataframe(headers=["评测集", "编号", "问题", "原因"], interactive=False, wrap=True,
                            elem_id="eval-failures")
    report_file = gr.File(label="下载报告（HTML）", elem_id="eval-report")

    def run_eval(names: list[str], files: list[Any] | None,
                 progress: gr.Progress = gr.Progress()  # noqa: B008 (gradio injects it)
                 ) -> tuple[str, list, list, str]:
        from assistant.evaluation.report import write_reports
        from assistant.evaluation.runner import load_thresholds, run_suites, suite_kind

        known = {value for _, value in suites}
        paths = [Path(name) for name in names or [] if name in known]  # only the suites offered
        for upload in files or []:
            path = uploaded_path(upload)
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
                                lambda done, total, label: progress(done / total, desc=f"正在评测 {label}"))
        except (ValueError, AssistantError) as error:
            raise gr.Error(str(error)) from None
        _, html_path = write_reports(report, settings.data_dir / "runs" / report.run_id)
        download = download_path(settings, "staff", f"评测报告-{report.run_id}.html")
        shutil.copyfile(html_path, download)
        failed = [[suite_label(c.suite), c.id, c.question, "；".join(c.reasons)] for c in report.cases if not c.passed]
        rows = metrics_rows(report.metrics, thresholds)
        missed = "".join(f"\n- {name}：{value}（门槛 {limit}）" for name, value, limit, met in rows if met == "未达标")
        summary = "### 门槛：全部达标 ✅" if report.passed else f"### 门槛未达标 ❌{missed}"
        return summary, rows, failed, str(download)

    run.click(run_eval, [chosen, uploaded], [verdict, table, failures, report_file], show_progress_on=[verdict])
