"""The extractive composer: a direct first sentence, then the clauses that back it, quoted verbatim."""

from __future__ import annotations

import re
from typing import Any

from assistant.answering.topics import Lead, Quote, contact_lines
from assistant.corpus.library import Library
from assistant.corpus.model import Citation, Clause

SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
STATUS_PHRASE = {
    "eligible": "可以申报{name}",
    "ineligible": "不能申报{name}",
    "needs_info": "能否申报{name}还需确认",
    "already_recognized": "已是{name}（此前年度已认定，继续有效，此届不需重复申报）",
}


def cite_all(library: Library, quotes: list[Quote]) -> list[Citation]:
    """Verified citations, one per distinct (clause, quote)."""
    seen: set[Quote] = set()
    citations = []
    for quote in quotes:
        if quote not in seen:
            seen.add(quote)
            citations.append(library.cite(*quote))
    return citations


def render(lead: str, citations: list[Citation], note: str = "") -> str:
    lines = [lead]
    if note:
        lines.append(note)
    if citations:
        lines.append("\n依据：")
        lines += [f"·〔{c.id}｜{c.heading}〕「{c.quote}」" for c in citations]
    return "\n".join(lines)


def best_sentence(question: str, clause: Clause, score: Any) -> str:
    """The sentence of a clause sharing most content with the question (ties: the earlier one)."""
    sentences = [s.strip() for s in SENTENCE.findall(clause.text) if len(s.strip()) > 4]
    if not sentences:
        return clause.text
    return max(sentences, key=lambda s: (score(question, s), -sentences.index(s)))


def eligibility_lead(verdicts: dict[str, Any], focus: list[str], names: dict[str, str]) -> Lead:
    """Answer for the types in focus, or a summary over all seven when none is named."""
    if focus:
        parts, quotes = [], []
        for key in focus:
            verdict = verdicts[key]
            phrase = STATUS_PHRASE[verdict.status].format(name=names[key])
            detail = verdict.ask[0] if verdict.status == "needs_info" and verdict.ask else verdict.reason
            parts.append(f"{phrase}：{detail.rstrip('。')}")
            quotes += [(c.id, c.quote) for c in verdict.citations]
        return Lead("；".join(parts) + "。", quotes)
    groups: dict[str, list[str]] = {}
    for key, verdict in verdicts.items():
        groups.setdefault(verdict.status, []).append(names[key])
    parts = []
    labels = {"already_recognized": "已认定（继续有效）", "eligible": "可以申报", "ineligible": "不能申报",
              "needs_info": "需补充信息"}
    for status in ("already_recognized", "eligible", "needs_info", "ineligible"):
        if status in groups:
            parts.append(f"{labels[status]}：{'、'.join(groups[status])}")
    asks = [a for v in verdicts.values() if v.status == "needs_info" for a in v.ask]
    sentence = "按您提供的情况，" + "；".join(parts) + "。"
    if asks:
        sentence += f"请补充：{asks[0]}"
    shown = [k for k, v in verdicts.items() if v.status in ("eligible", "needs_info", "already_recognized")]
    quotes = [(c.id, c.quote) for key in shown[:3] for c in verdicts[key].citations]
    return Lead(sentence, quotes)


def out_of_scope_lead(library: Library, type_names: list[str]) -> Lead:
    lines, quote = contact_lines(library, type_names)
    return Lead("该问题超出《关于组织开展2025—2027年知识产权强国建设示范创建工作的通知》的内容，"
                f"本助手无法作答，也不会推测。如需咨询，可联系：{lines}。", [quote], in_scope=False)
