"""Reports for people and machines: JSON, a self-contained HTML page, and a baseline comparison."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from assistant.evaluation.runner import RunReport, bounds


def compare(current: RunReport, baseline: RunReport) -> dict[str, Any]:
    """Metric deltas and the cases that got better or worse, case by case."""
    deltas = {
        name: {"baseline": baseline.metrics.get(name), "current": value,
               "delta": None if value is None or baseline.metrics.get(name) is None
               else round(value - baseline.metrics[name], 4)}
        for name, value in current.metrics.items()
    }
    before = {(c.suite, c.id): c.passed for c in baseline.cases}
    fixed = [f"{c.suite}:{c.id}" for c in current.cases if before.get((c.suite, c.id)) is False and c.passed]
    broken = [f"{c.suite}:{c.id}" for c in current.cases if before.get((c.suite, c.id)) is True and not c.passed]
    return {"baseline": baseline.run_id, "metrics": deltas, "fixed": fixed, "broken": broken}


def write_reports(report: RunReport, out_dir: Path, comparison: dict[str, Any] | None = None) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report.model_dump(mode="json") | {"passed": report.passed, "comparison": comparison}
    json_path = out_dir / "report.json"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    html_path = out_dir / "report.html"
    html_path.write_text(render_html(report, comparison), encoding="utf-8")
    return json_path, html_path


def load_report(path: Path) -> RunReport:
    """A saved run: its report.json, or a directory holding one."""
    path = path / "report.json" if path.is_dir() else path
    return RunReport.model_validate_json(path.read_text(encoding="utf-8"))


def _bar(name: str, value: float | None, bound: float | None) -> str:
    if value is None:
        return f"<tr><td>{html.escape(name)}</td><td colspan=2>—</td></tr>"
    if name.endswith("_ms"):
        return f"<tr><td>{html.escape(name)}</td><td>{value:.1f} ms</td><td></td></tr>"
    width = max(0.0, min(1.0, value)) * 300
    colour = "#2e7d32" if bound is None or value >= bound else "#c62828"
    mark = f'<line x1="{bound * 300:.0f}" y1="0" x2="{bound * 300:.0f}" y2="14" stroke="#000"/>' if bound else ""
    svg = (f'<svg width="300" height="14"><rect width="300" height="14" fill="#eee"/>'
           f'<rect width="{width:.0f}" height="14" fill="{colour}"/>{mark}</svg>')
    return f"<tr><td>{html.escape(name)}</td><td>{value:.3f}</td><td>{svg}</td></tr>"


def render_html(report: RunReport, comparison: dict[str, Any] | None) -> str:
    limits = bounds(report.thresholds, report.metrics)
    rows = "".join(_bar(n, v, limits.get(n)) for n, v in report.metrics.items())
    cases = "".join(
        f'<tr class="{"ok" if c.passed else "fail"}"><td>{html.escape(c.suite)}</td><td>{html.escape(c.id)}</td>'
        f'<td>{"✅" if c.passed else "❌"}</td><td>{html.escape(c.question)}</td>'
        f'<td>{html.escape("；".join(c.reasons))}</td><td>{html.escape(", ".join(c.cited))}</td>'
        f"<td>{c.latency_ms:.1f}</td></tr>"
        for c in report.cases
    )
    verdict = "通过" if report.passed else "未通过：" + "；".join(report.missed)
    changes = ""
    if comparison:
        changes = (f"<h2>与基线 {html.escape(comparison['baseline'])} 比较</h2>"
                   f"<p>变好：{html.escape(', '.join(comparison['fixed']) or '无')}</p>"
                   f"<p>变差：{html.escape(', '.join(comparison['broken']) or '无')}</p>")
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>评测报告 {html.escape(report.run_id)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;
padding:4px 8px;vertical-align:top}}.fail{{background:#fff3f3}}body.only-fail tr.ok{{display:none}}</style></head>
<body><h1>评测报告 {html.escape(report.run_id)}</h1><p>评测集：{html.escape(", ".join(report.suites))}</p>
<p><b>门槛：{html.escape(verdict)}</b></p><h2>指标</h2><table>{rows}</table>{changes}
<h2>逐条结果</h2><label><input type="checkbox" id="only-fail"
onchange="document.body.classList.toggle('only-fail', this.checked)"> 只看未通过</label>
<table><tr><th>评测集</th><th>编号</th><th>结果</th><th>问题</th><th>原因</th><th>引用/排序</th><th>耗时 ms</th></tr>
{cases}</table></body></html>"""
