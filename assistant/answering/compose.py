"""The extractive composer: a direct first sentence, then the clauses that back it, quoted verbatim."""

from __future__ import annotations

import re
from typing import Any

from assistant.answering.topics import Lead, Quote, contact_lines
from assistant.corpus.library import Library
from assistant.corpus.model import Citation, Clause
from assistant.language.dates import cn_date
from assistant.rules import STATUS, STATUS_ORDER

SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
DEFINITION = re.compile(r"(?P<run>[\u4e00-\u9fff“”]{2,20}?)"
                        r"(?:是什么意思|什么意思|指什么|是指什么|怎么理解|如何理解|的含义|的定义|怎么界定)")


def end_sentence(text: str) -> str:
    """``text`` closed by exactly one full stop (a question keeps its question mark)."""
    return text if text.endswith(("。", "？", "！")) else text.rstrip("；，") + "。"


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


def definition_lead(question: str, clauses: list[Clause]) -> Lead | None:
    """For 'X 是什么意思': the notice does not define terms, so say so and show where X is used."""
    match = DEFINITION.search(question)
    if not match:
        return None
    run = match.group("run").strip("“”")
    for start in range(len(run) - 1):  # the longest tail of the phrase that the notice itself uses
        term = run[start:]
        for clause in clauses:
            sentence = next((s.strip() for s in SENTENCE.findall(clause.text) if term in s), None)
            if sentence:
                return Lead(f"通知没有对“{term}”作出专门界定；该词见于{clause.heading}，原文如下。",
                            [(clause.id, sentence)])
    return None


def eligibility_lead(verdicts: dict[str, Any], focus: list[str], names: dict[str, str]) -> Lead:
    """Answer for the types in focus, or a summary over all seven when none is named."""
    if focus:
        grouped: dict[tuple[str, str], list[str]] = {}  # the same status and detail said once for several types
        quotes = []
        for key in focus:
            verdict = verdicts[key]
            detail = verdict.ask[0] if verdict.status == "needs_info" and verdict.ask else verdict.reason
            grouped.setdefault((verdict.status, detail), []).append(names[key])
            quotes += [(c.id, c.quote) for c in verdict.citations[:1]]  # the rule's own clause
        parts = [f"{STATUS[status].phrase.format(name='、'.join(types))}：{detail.rstrip('。')}"
                 for (status, detail), types in grouped.items()]
        return Lead(end_sentence("；".join(parts)), quotes)
    groups: dict[str, list[str]] = {}
    for key, verdict in verdicts.items():
        groups.setdefault(verdict.status, []).append(names[key])
    parts = []
    for status in STATUS_ORDER:
        if status in groups:
            parts.append(f"{STATUS[status].label}：{'、'.join(groups[status])}")
    asks = [a for v in verdicts.values() if v.status == "needs_info" for a in v.ask]
    sentence = "按您提供的情况，" + "；".join(parts) + "。"
    if asks:
        sentence += end_sentence(f"请补充：{asks[0]}")
    for wanted in (("eligible", "already_recognized"), ("needs_info",), ("ineligible",)):
        shown = [key for key, verdict in verdicts.items() if verdict.status in wanted]
        if shown:
            break
    quotes = [(c.id, c.quote) for key in shown[:3] for c in verdicts[key].citations[:1]]
    return Lead(sentence, quotes)


def out_of_scope_lead(library: Library, type_keys: list[str]) -> Lead:
    lines, quote = contact_lines(library, type_keys)
    title = library.document("notice").info.title.removeprefix("国家知识产权局")
    return Lead(f"该问题超出《{title}》的内容，"
                f"本助手无法作答，也不会推测。如需咨询，可联系：{lines}。", [quote], in_scope=False)


ROUND = re.compile(r"下一届|下届|多久.{0,3}(一届|一次)|几年一届|每几年|按届|哪一年开始")
TIMELINE_TOPICS = [  # (question pattern, deadline or period key), first match wins
    (re.compile(r"还能.{0,4}(申报|报)|还来得及|(现在|今年).{0,6}(申报|报)"), "still_open"),
    (re.compile(r"回执|联络员"), "receipt"),
    (re.compile(r"推荐|报送|截止|截至|期限|deadline|来得及|晚了|过期"), "recommendation"),
    (re.compile(r"验收|认定|授牌|命名"), "acceptance"),
    (re.compile(r"创建期|创建周期|推动创建|创建.{0,3}多久"), "creation"),
    (re.compile(r"什么时候.{0,4}(申报|报)|申报.{0,4}(时间|什么时候|几月)|哪个月"), "application"),
]


def timeline_lead(timeline: Any, question: str) -> Lead:
    """The date or phase the question asks about, with days remaining on ``timeline.as_of``."""
    if ROUND.search(question):
        quote = timeline.citations[1]
        return Lead(f"{timeline.round_rule}，下一届按此推算应于{timeline.next_round_year}年启动（以届时通知为准）。",
                    [(quote.id, quote.quote)])
    key = next((k for pattern, k in TIMELINE_TOPICS if pattern.search(question)), "")
    if key == "still_open":
        return still_open_lead(timeline)
    deadline = next((d for d in timeline.deadlines if d.key == key), None)
    period = next((p for p in timeline.periods if p.key == key), None)
    today = cn_date(timeline.as_of)
    if deadline is not None:
        when = deadline.display
        state = (f"截至{today}已过期" if deadline.status == "passed" else f"{today}是最后一天"
                 if deadline.days_remaining == 0 else f"截至{today}还剩{deadline.days_remaining}天")
        whose = (f"（由{deadline.duty}负责）" if deadline.key == "acceptance" else
                 f"（这是{deadline.duty}的工作，不是申报单位的；申报单位向省局提交材料的时间以本省通知为准）")
        sentence = f"{deadline.label}的时限是{when}，{state}{whose}。"
        return Lead(sentence, [(deadline.citation.id, deadline.citation.quote)])
    if period is not None:
        state = {"upcoming": "尚未开始", "current": "正在进行", "finished": "已结束"}[period.status]
        return Lead(f"{period.label}安排在{period.display}，截至{today}{state}。",
                    [(period.citation.id, period.citation.quote)])
    current = [(p.citation.id, p.citation.quote) for p in timeline.periods if p.status == "current"]
    pending = [(d.citation.id, d.citation.quote) for d in timeline.deadlines if d.status == "open"]
    return Lead(timeline.summary, (current + pending)[:3] or [(c.id, c.quote) for c in timeline.citations])


def still_open_lead(timeline: Any) -> Lead:
    """Can one still apply on ``timeline.as_of``: the application period and the provincial deadline."""
    period = next(p for p in timeline.periods if p.key == "application")
    deadline = next(d for d in timeline.deadlines if d.key == "recommendation")
    today = cn_date(timeline.as_of)
    if deadline.status == "open":
        state = (f"截至{today}仍在申报期内，距省级推荐截止还剩{deadline.days_remaining}天，"
                 "申报单位向省局提交材料的具体时间以本省通知为准")
    else:
        state = f"截至{today}本届申报已结束，下一届按“{timeline.round_rule}”推算应于{timeline.next_round_year}年启动"
    return Lead(f"本届组织申报安排在{period.display}，省级知识产权局须于{deadline.display}完成推荐及材料报送；"
                f"{state}。",
                [(period.citation.id, period.citation.quote), (deadline.citation.id, deadline.citation.quote)])
