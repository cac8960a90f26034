"""The ``assistant`` command line. Thin: every command calls into the package and prints.

Heavy libraries (torch, chromadb, gradio) are imported inside the commands that need them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import typer

from assistant.errors import AssistantError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="知识产权强国建设示范创建政策助手")


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``app.command()`` that shows an AssistantError as one line in Chinese and exits with 1."""
    def register(function: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(function)
        def reported(*call_args: Any, **call_kwargs: Any) -> None:
            try:
                function(*call_args, **call_kwargs)
            except AssistantError as error:
                typer.echo(f"错误：{error}", err=True)
                raise typer.Exit(1) from None
        return app.command(*args, **kwargs)(reported)
    return register


@app.callback()
def main() -> None:
    """知识产权强国建设示范创建政策助手 (国知发运字〔2025〕28号)."""


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@command()
def docs(as_json: bool = typer.Option(False, "--json", help="machine-readable output")) -> None:
    """List the registered documents and whether their text is available, then quarantined imports."""
    from assistant.corpus.library import Library
    from assistant.corpus.model import KIND_NAMES
    from assistant.ingest import quarantined
    from assistant.settings import get_settings

    settings = get_settings()
    library = Library.from_settings(settings)
    rows = [{"id": d.info.id, "title": d.info.title, "label": d.info.label, "kind": d.info.kind,
             "province": d.info.province, "available": d.info.available, "clauses": len(d.clauses),
             "imported": d.info.imported.isoformat() if d.info.imported else None}
            for d in library.documents.values()]
    held = [{"id": q.doc_id, "file": q.name, "quarantined": q.reason, "at": q.at.isoformat()}
            for q in quarantined(settings)]
    if as_json:
        print_json(rows + held)
        return
    for row in rows:
        status = f"{row['clauses']} 条" if row["available"] else "未载入"
        typer.echo(f"{row['id']:<22} {KIND_NAMES[row['kind']]:<8} {status:<8} {row['label']} {row['title']}")
    for row in held:
        typer.echo(f"{row['id']:<10} {'已隔离':<16} {row['file']}：{row['quarantined']}"
                   f"（assistant ingest --remove {row['id']} 可清除）")


@command()
def ingest(
    paths: list[str] | None = typer.Argument(None, help="要导入的文件：.txt .md .docx .pdf .xlsx .csv"),  # noqa: B008
    as_id: str | None = typer.Option(None, "--as", help="文件编号，如 annex2（默认由内容生成：hunan-2025、annex1 …）"),
    kind: str | None = typer.Option(None, "--kind", help="national_notice | annex | provincial_notice | "
                                    "recognised_list | reference（默认由内容识别）"),
    title: str | None = typer.Option(None, "--title", help="文件标题（默认取公文标题或名单标题）"),
    province: str | None = typer.Option(None, "--province", help="省级转发通知所属省份，如 湖南省（默认按发文机关）"),
    replace: bool = typer.Option(False, "--replace", help="内容与已载入文件相同时，用新文件替换它"),
    remove: str | None = typer.Option(None, "--remove", help="删除一个导入的文件（按编号）"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Take in documents (or remove one), then update the search index."""
    from pathlib import Path

    from assistant.corpus.model import KIND_NAMES
    from assistant.ingest import ingest_file, remove_document
    from assistant.settings import get_settings

    if not paths and not remove:
        raise typer.BadParameter("请给出要导入的文件，或用 --remove 指定要删除的文件编号")
    if as_id and len(paths or []) > 1:
        raise typer.BadParameter("--as 只能用于单个文件")
    settings = get_settings()
    rows: list[dict[str, Any]] = []
    if remove:
        try:
            rows.append({"doc_id": remove, "status": "removed", "index": remove_document(settings, remove)})
        except AssistantError as error:
            rows.append({"doc_id": remove, "error": str(error)})
    for path in paths or []:  # each file is indexed before it is stored, or not stored at all
        try:
            result = ingest_file(settings, Path(path), doc_id=as_id, kind=kind, title=title, province=province,
                                 replace=replace)
            rows.append({"path": path, **result.model_dump()})
        except AssistantError as error:
            rows.append({"path": path, "error": str(error)})
    changes = [row["index"] for row in rows if row.get("index")]
    index = {key: sum(change[key] for change in changes) for key in ("added", "updated", "deleted")} if changes else {}
    if as_json:
        print_json({"results": rows, "index": index})
    else:
        labels = {"added": "已导入", "replaced": "已更新（旧条文已替换）", "unchanged": "内容未变，未做改动",
                  "removed": "已删除"}
        for row in rows:
            if "error" in row:
                typer.echo(f"错误：{row['error']}", err=True)
            else:
                count = f"，{row['clauses']} 条" if "clauses" in row else ""
                what = f"（{KIND_NAMES[row['kind']]}{row['label']}）" if row.get("label") else ""
                source = row.get("path", row["doc_id"])
                typer.echo(f"{labels[row['status']]}：{source} → {row['doc_id']}{what}{count}")
        if index:
            typer.echo(f"检索索引已更新：新增 {index['added']}，更新 {index['updated']}，删除 {index['deleted']}")
    if any("error" in row for row in rows):
        raise typer.Exit(1)


def parse_day(value: str | None) -> Any:
    """An ``--as-of`` value as a date, or a clear usage error."""
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"日期格式应为 YYYY-MM-DD：{value}") from None


@command()
def ask(
    question: str = typer.Argument(..., help="您的问题"),
    as_of: str | None = typer.Option(None, "--as-of", help="按哪一天作答（默认今天），YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Answer one question with verified citations."""
    from assistant.answering import Assistant
    from assistant.settings import get_settings

    answer = Assistant(get_settings()).ask(question, as_of=parse_day(as_of))
    if as_json:
        print_json(answer.public())
    else:
        typer.echo(answer.answer)


@command("eval")
def evaluate(
    suites: list[str] | None = typer.Argument(None, help="评测集 JSONL 文件（默认 eval/ 下全部）"),  # noqa: B008
    as_json: bool = typer.Option(False, "--json", help="print the JSON report"),
    baseline: str | None = typer.Option(None, "--baseline", help="与之比较的运行目录或 report.json"),
    out: str | None = typer.Option(None, "--out", help="报告目录（默认 data/runs/<时间>）"),
    judge: int = typer.Option(0, "--judge", help="另用已配置的大模型评判行文 N 轮（报告均值与波动，不作门槛）"),
    paraphrase: bool = typer.Option(False, "--paraphrase", help="另把 qa 与 eligibility 用例机械改写"
                                    "（同义词、语序、错字、繁体、寒暄）后重跑，报告各指标下降（不作门槛）"),
) -> None:
    """Run answer-quality suites; exit 1 when a threshold in eval/thresholds.yaml is missed."""
    from datetime import datetime
    from pathlib import Path

    from assistant.evaluation.corpora import pinned_assistant
    from assistant.evaluation.report import compare, load_report, write_reports
    from assistant.evaluation.runner import discover, load_thresholds, run_suites, suite_kind
    from assistant.settings import get_settings

    settings = get_settings()
    paths = [Path(s) for s in suites] if suites else discover(settings.eval_dir)
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise typer.BadParameter(f"找不到评测集：{', '.join(missing)}")
    thresholds = load_thresholds(settings.eval_dir / "thresholds.yaml")

    def progress(done: int, total: int, label: str) -> None:
        if not as_json:
            typer.echo(f"\r[{done}/{total}] {label:<40}", nl=False, err=True)

    if judge and not settings.llm_base_url:
        raise typer.BadParameter("--judge 需要先配置大模型端点（ASSISTANT_LLM_BASE_URL 等）")
    assistant = pinned_assistant(settings)  # the gate never depends on what staff imported
    out_dir = Path(out) if out else settings.data_dir / "runs" / datetime.now().strftime("%Y%m%d-%H%M%S")
    pairs = []
    if paraphrase:
        from assistant.evaluation.paraphrase import load_rewrites, rewritten_suites

        pairs = rewritten_suites(paths, load_rewrites(settings.eval_dir / "paraphrase.yaml"), out_dir / "paraphrase",
                                 suite_kind)
    report = run_suites(assistant, [*paths, *(p for _, *pair in pairs for p in pair)], thresholds, progress)
    if judge:
        from assistant.answering.llm import build_chat_model
        from assistant.evaluation.judge import judge_cases

        verdict = judge_cases(build_chat_model(settings), settings.prompts_dir, assistant.library, report.cases, judge)
        report.metrics |= {f"judge.{name}": value for name, value in verdict.items()}
    comparison = compare(report, load_report(Path(baseline))) if baseline else None
    json_path, html_path = write_reports(report, out_dir, comparison)
    if pairs:
        from assistant.evaluation.paraphrase import robustness

        summary = robustness(report.metrics, pairs)
        (out_dir / "paraphrase.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    if as_json:
        print_json(json.loads(json_path.read_text(encoding="utf-8")))
    else:
        typer.echo("", err=True)
        for name, value in report.metrics.items():
            shown = "—" if value is None else f"{value:.3f}"
            typer.echo(f"{name:<45} {shown}")
        for case in (c for c in report.cases if not c.passed):
            typer.echo(f"✗ {case.suite}:{case.id} {case.question[:30]} — {'；'.join(case.reasons)}")
        if comparison:
            fixed, broken = ", ".join(comparison["fixed"]) or "无", ", ".join(comparison["broken"]) or "无"
            typer.echo(f"变好：{fixed}；变差：{broken}")
        if pairs:
            typer.echo("改写稳健性（各指标平均下降，百分点）：" + "；".join(
                f"{metric} {drop:+.1f}" for metric, drop in summary["mean_drop_points"].items()))
            for row in sorted(summary["rows"], key=lambda r: -r["drop_points"])[:10]:
                typer.echo(f"  {row['rewrite']:<12} {row['suite']:<40} {row['metric']:<20} "
                           f"{row['as_written']:.3f} → {row['rewritten']:.3f}（{row['drop_points']:+.1f}）")
        for corpus, ids in report.documents.items():
            typer.echo(f"语料 {corpus}：{'、'.join(ids)}")
        typer.echo(f"报告：{html_path}")
        typer.echo("门槛：通过" if report.passed else "门槛未通过：\n  " + "\n  ".join(report.missed))
    if not report.passed:
        raise typer.Exit(1)


@command()
def draft(
    type_key: str = typer.Option(..., "--type", help="项目类型：city county park service_zone enterprise …"),
    section: str | None = typer.Option(None, "--section", help="只起草一章，如 creation（默认整份草稿）"),
    facts: str | None = typer.Option(None, "--facts", help="申报单位事实文件（YAML/JSON）；不给则全部为待补充"),
    fmt: str = typer.Option("md", "--format", help="md | docx"),
    out: str | None = typer.Option(None, "--out", help="输出文件（docx 默认 draft_<类型>.docx）"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Draft the 申报书 (or one section) from the applicant's facts; missing facts become placeholders."""
    from pathlib import Path

    from assistant.corpus.library import Library
    from assistant.drafting import draft_application, load_facts, to_docx
    from assistant.settings import get_settings

    if fmt not in ("md", "docx"):
        raise typer.BadParameter("--format 只能是 md 或 docx")
    given = load_facts(Path(facts)) if facts else None
    settings = get_settings()
    result = draft_application(type_key, given, section=section, settings=settings,
                               library=Library.from_settings(settings))
    target = Path(out) if out else Path(f"draft_{type_key}.docx") if fmt == "docx" else None
    if target is not None and fmt == "docx":
        to_docx(result, target, author=settings.author)
    elif target is not None:
        target.write_text(result.markdown(), encoding="utf-8")
    if target is not None:
        typer.echo(f"已写入：{target}", err=True)
    if as_json:
        print_json(result.public())
    elif target is None:
        typer.echo(result.markdown())
    for problem in result.problems:
        typer.echo(f"来源核对未通过：{problem}", err=True)


@command()
def reply(
    inquiry: str = typer.Argument(..., help="来信内容（\"-\" 从标准输入读取）"),
    sender: str | None = typer.Option(None, "--sender", help="落款单位（默认“（起草单位）”）"),
    as_of: str | None = typer.Option(None, "--as-of", help="成文日期（默认今天），YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Draft a formal reply to an applicant's inquiry, from the rules and the notice."""
    import sys

    from assistant.corpus.library import Library
    from assistant.drafting import draft_reply
    from assistant.settings import get_settings

    settings = get_settings()
    result = draft_reply(sys.stdin.read() if inquiry == "-" else inquiry, settings=settings,
                         library=Library.from_settings(settings), as_of=parse_day(as_of), sender=sender)
    if as_json:
        print_json(result.public())
    else:
        typer.echo(result.text)
    for problem in result.problems:
        typer.echo(f"来源核对未通过：{problem}", err=True)


@command()
def check(
    text: str = typer.Argument(..., help="申报单位情况描述，如“我们是昆山市人民政府”"),
    as_of: str | None = typer.Option(None, "--as-of", help="按哪一天判断时间安排（默认今天），YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Pre-screen an applicant for the seven project types (deterministic rules, no model)."""
    from assistant.answering import Assistant
    from assistant.rules import general_facts
    from assistant.rules.report import render
    from assistant.settings import get_settings

    assistant = Assistant(get_settings())
    result = assistant.check(text, as_of=parse_day(as_of))
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        typer.echo(render(result, general_facts(assistant.library)))


@command()
def quotas(
    import_path: str | None = typer.Option(None, "--import",
                                           help="导入附件2名额分配表（.csv/.xlsx，见 eval/quotas/README.md）"),
    province: str | None = typer.Option(None, "--province", help="省份，如 浙江省"),
    project: str | None = typer.Option(None, "--project", help="项目类型，如 示范企业 或 enterprise"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Import Annex 2 (the quota table) or look a quota up; never invents a number."""
    from pathlib import Path

    from assistant.corpus.library import Library
    from assistant.rules.quotas import import_table, quota_answer
    from assistant.settings import get_settings

    settings = get_settings()
    if import_path:
        table = import_table(Path(import_path), settings.data_dir)
        typer.echo(f"已导入名额分配表 {table.source}：{len(table.rows)} 行", err=as_json)
    answer = quota_answer(settings.data_dir, Library.from_settings(settings), province=province, project=project)
    if as_json:
        print_json(answer.model_dump(mode="json"))
    else:
        typer.echo(answer.message)
        typer.echo("依据：" + "；".join(f"{c.label}「{c.quote}」" for c in answer.citations))


@command()
def index(as_json: bool = typer.Option(False, "--json", help="machine-readable output")) -> None:
    """Build or refresh the vector index: embeds new and changed clauses, drops vanished ones."""
    from assistant.corpus.library import Library
    from assistant.retrieval import sync_index
    from assistant.settings import get_settings

    settings = get_settings()
    library = Library.from_settings(settings)
    if not as_json:
        typer.echo(f"同步检索索引：{len(library.clauses())} 条条文，嵌入模型 {settings.embedder} …")

    def progress(done: int, total: int) -> None:
        if not as_json:
            typer.echo(f"  已嵌入 {done}/{total}")

    report = sync_index(settings, library, progress)
    if as_json:
        print_json(report)
        return
    if report["reason"]:
        typer.echo(report["reason"])
    changed = report["added"] + report["updated"] + report["deleted"]
    typer.echo(f"新增 {report['added']}，更新 {report['updated']}，删除 {report['deleted']}，共 {report['total']} 条"
               if changed else f"索引已是最新，共 {report['total']} 条，无需重新嵌入")
    typer.echo(f"索引位置：{report['store']}（集合 {report['collection']}，嵌入模型 {report['embedder']}）")


@command()
def search(
    question: str = typer.Argument(..., help="要检索的问题"),
    k: int = typer.Option(5, "--k", min=1, max=50, help="返回条数"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Find the clauses that answer a question (dense + BM25 hybrid with structure boosts)."""
    from assistant.corpus.library import Library
    from assistant.retrieval import build_retriever
    from assistant.settings import get_settings

    if not question.strip():
        raise typer.BadParameter("问题不能为空")
    settings = get_settings()
    hits = build_retriever(settings, Library.from_settings(settings)).search(question, k)
    rows = [{"id": h.clause.id, "doc": h.clause.doc, "heading": h.clause.heading, "text": h.clause.text,
             "score": h.score} for h in hits]
    if as_json:
        print_json({"query": question, "hits": rows})
        return
    for rank, row in enumerate(rows, 1):
        text = row["text"].replace("\n", " ")
        typer.echo(f"{rank}. {row['id']}  {row['heading']}  ({row['score']:.3f})")
        typer.echo(f"   {text[:120]}{'…' if len(text) > 120 else ''}")


@command()
def feedback(
    export: str = typer.Option(..., "--export", help="写出的评测集文件，如 eval/qa_feedback.jsonl"),
) -> None:
    """Turn 👎 feedback that carries a user's correction into a qa suite for evaluators to complete."""
    from pathlib import Path

    from assistant.feedback import FeedbackStore
    from assistant.settings import get_settings

    cases = FeedbackStore(get_settings().data_dir / "feedback.jsonl").correction_cases()
    lines = [json.dumps(case, ensure_ascii=False) for case in cases]
    target = Path(export)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    typer.echo(f"已导出 {len(lines)} 条带更正的 👎 反馈 → {target}")
