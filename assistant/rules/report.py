"""A pre-screening result as readable Chinese text for the terminal."""

from __future__ import annotations

import unicodedata

from assistant.rules.engine import CheckResult, GeneralFact
from assistant.rules.params import project_types
from assistant.rules.profile import KIND_LABELS
from assistant.rules.verdict import STATUS


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def render(result: CheckResult, facts: list[GeneralFact]) -> str:
    """Profile line, a table of the seven verdicts, reasons and questions, timeline, general rules."""
    profile, types = result.profile, project_types()
    kind = KIND_LABELS[profile.kind] if profile.kind else "未说明"
    place = profile.place.description if profile.place else "未说明"
    lines = [f"申报单位：{kind}；地点：{place}", ""]
    name_width = max(width(t.name) for t in types.values()) + 2
    lines.append(pad("项目", name_width) + "结论")
    for key, verdict in result.verdicts.items():
        lines.append(pad(types[key].name, name_width) + STATUS[verdict.status].label)
    lines.append("")
    for key, verdict in result.verdicts.items():
        cited = "、".join(dict.fromkeys(c.label or c.id for c in verdict.citations))
        lines.append(f"【{types[key].short}】{verdict.reason}（依据：{cited}）")
        lines.extend(f"    请补充：{question}" for question in verdict.ask)
    timeline = result.timeline
    lines += ["", f"时间（{timeline.as_of.isoformat()}）：{timeline.summary}"]
    for deadline in timeline.deadlines:
        state = ("已过" if deadline.status == "passed" else "今天截止" if deadline.days_remaining == 0
                 else f"还剩{deadline.days_remaining}天")
        lines.append(f"    {deadline.date.isoformat()} {deadline.label}（{deadline.duty}的工作）：{state}")
    lines += ["", "通用要求："]
    lines.extend(f"    {fact.text}（{fact.citation.label}）" for fact in facts)
    return "\n".join(lines)
