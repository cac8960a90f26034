"""The extractive composer: a direct first sentence, then the clauses that back it, quoted verbatim."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from assistant.answering.topics import Lead, Quote, contact_lines
from assistant.corpus.library import Library
from assistant.corpus.model import Citation, Clause
from assistant.language.dates import cn_date, said_date
from assistant.language.normalize import CJK, bigrams
from assistant.rules import STATUS, STATUS_ORDER, CheckResult, Deadline, Timeline, project_types
from assistant.rules.params import constraints
from assistant.rules.timeline import deadline_state

SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
TITLE_LINE = re.compile(r"[（(][一二三四五六七八九十]+[）)][^，,。；！？]{2,16}[。]?")  # （四）严肃工作纪律。
RECOGNIZED = constraints()["recognized"].reference  # 此前年度已认定的继续有效
NOTICE_DOC = RECOGNIZED.clause.partition("#")[0]
SOURCES_HEADING = "\n依据："  # where the quoted clauses start, after the answer


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
        lines.append(SOURCES_HEADING)
        lines += [f"·{c.label}：「{c.quote}」" for c in citations]
    return "\n".join(lines)


def best_sentence(question: str, clause: Clause, score: Any) -> str:
    """The sentence of a clause sharing most content with the question (ties: the earlier one); a clause's own
    title line (（四）严肃工作纪律。) only when it has nothing else."""
    sentences = [s.strip() for s in SENTENCE.findall(clause.text) if len(s.strip()) > 4]
    sentences = [s for s in sentences if not TITLE_LINE.fullmatch(s)] or sentences
    if not sentences:
        return clause.text
    return max(sentences, key=lambda s: (score(question, s), -sentences.index(s)))


def shared_content(question: str, sentence: str) -> tuple[int, int]:
    """Character bigrams in common, then characters in common (造假 and 弄虚作假 share 假)."""
    return len(bigrams(question) & bigrams(sentence)), len(set(CJK.findall(question)) & set(CJK.findall(sentence)))


def definition_lead(term: str, clause: Clause, label: str) -> Lead:
    """For 'X 是什么意思': the notice does not define terms, so say so and show where X is used (``label``:
    the clause as cited)."""
    sentence = next(s.strip() for s in SENTENCE.findall(clause.text) if term in s)
    return Lead(f"通知没有对“{term}”作出专门界定；该词见于{label}，原文如下。", [(clause.id, sentence)])


def eligibility_lead(verdicts: dict[str, Any], focus: list[str], names: dict[str, str], dated: bool = False) -> Lead:
    """Answer for the types in focus, or a summary over all seven when none is named (``dated``: the answer says
    the dates itself, so a verdict's provincial deadline is left to it)."""
    if focus:
        grouped: dict[tuple[str, str], list[str]] = {}  # the same status and detail said once for several types
        quotes = []
        for key in focus:
            verdict = verdicts[key]
            detail = "".join([verdict.ask[0], *verdict.notes]) if verdict.status == "needs_info" and verdict.ask \
                else verdict.reason
            if dated and verdict.deadline_note:
                detail = detail.replace(verdict.deadline_note, "")
            grouped.setdefault((verdict.status, detail), []).append(names[key])
            quotes += [(c.id, c.quote) for c in verdict.citations[:1]]  # the rule's own clause
            # and a loaded list's row or a provincial notice's condition, which the reason speaks of
            quotes += [(c.id, c.quote) for c in verdict.citations[1:] if c.quote == RECOGNIZED.quote
                       or c.doc not in (verdict.citations[0].doc, NOTICE_DOC)]
        parts = [f"{STATUS[status].phrase.format(name='、'.join(types))}：{detail.rstrip('。')}"
                 for (status, detail), types in grouped.items()]
        said = "".join(verdicts[key].reason for key in focus)  # 县级人民政府可关注示范县: quoted, if it may
        quotes += [(c.id, c.quote) for key, verdict in verdicts.items() if key not in focus
                   and verdict.status == "eligible" and names[key] in said for c in verdict.citations[:1]]
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


def listed_lead(result: CheckResult, subject: str) -> Lead:
    """Does ``subject`` hold a title: what the loaded lists say (the rows naming it), or that they do not name
    it — never that it was not recognised; without lists, that none is loaded."""
    recognized = (RECOGNIZED.clause, RECOGNIZED.quote)
    if not result.lists:
        return Lead(f"尚未载入已认定单位名单，无法核对“{subject}”是否已获认定；此前年度已认定的示范单位继续有效，"
                    "请以认定文件为准。", [recognized])
    if not result.listed:
        return Lead(f"已载入的{'、'.join(result.lists)}中没有找到“{subject}”；名单未必完整，不在名单中不代表未获认定，"
                    "请以认定文件为准。", [recognized])
    sentences, quotes = [], []
    for row in result.listed:
        if row.holds:
            sentences.append(f"据已载入的{row.list_label}，{row.unit}{row.when}被认定为{row.title}，"
                             "此前年度已认定的继续有效，此届不需重复提出申报")
        else:
            sentences.append(row.not_held(project_types()[row.key].name if row.key else "示范称号"))
        quotes.append((row.citation.id, row.citation.quote))
    if any(row.holds for row in result.listed):
        quotes.append(recognized)
    return Lead(end_sentence("；".join(sentences)), quotes)


def out_of_scope_lead(library: Library, type_keys: list[str], about: str = "") -> Lead:
    """A refusal in one sentence: what the notice does not cover (``about``: the other programme named, if any)
    and the one contact that can help: the line for the project types asked about, else the notice's e-mail."""
    lines, quote = contact_lines(library, type_keys)
    people, _, email = lines.partition("；邮箱：")
    contact, quote = (f"联系{people}", quote) if type_keys else (f"发邮件至{email}", (quote[0], f"邮箱：{email}"))
    notice = f"{library.document('notice').info.docno}通知"
    subject = f"{about}不属于{notice}的范围" if about else f"这个问题不在{notice}的范围内"
    return Lead(f"{subject}，我无法作答，也不会推测；如需咨询，可{contact}。", [quote], in_scope=False)


APPLICANT_EVENTS = ("application", "still_open")  # the applicant's own stage: its date is the province's
PROVINCE_EVENTS = (*APPLICANT_EVENTS, "recommendation")  # events a province's notice sets its applicants a date for


def timeline_lead(timeline: Timeline, event: str, applicant: bool = False, asked: str = "") -> Lead:
    """The date, period or phase a "when" question is about (``intents.events``), with the days left on
    ``timeline.as_of``. For the applicant's own dates — and for the recommendation deadline when an applicant
    (not a provincial office) asks — the deadline of its province's loaded notice comes first; a province whose
    notice is not loaded is said to be so."""
    lead = national_timeline_lead(timeline, event, asked)
    national = next(d for d in timeline.deadlines if d.key == "recommendation")
    national_quote = (national.citation.id, national.citation.quote)
    if event == "receipt" and (receipt := timeline.provincial_receipt):
        return provincial_receipt_lead(timeline, receipt, lead)
    if event not in PROVINCE_EVENTS or not timeline.province:
        return lead
    if timeline.provincial is None:
        province = timeline.province
        said = f"{timeline.provincial_loaded}未写明申报单位的报送时间" if timeline.provincial_loaded \
            else f"{province}的转发通知未载入"
        note = (f"{said}：省级知识产权局须于{cn_date(national.date)}前向国家知识产权局完成推荐，"
                f"申报单位向省局提交材料的截止时间会更早，以{province}的通知为准。")
        return Lead(f"{lead.sentence}{note}", [*lead.quotes, national_quote], lead.in_scope)
    mine = timeline.provincial
    provincial = applicants_deadline(timeline.as_of, mine)
    mine_quote = (mine.citation.id, mine.citation.quote)
    if event == "recommendation" and not applicant:  # a provincial office asks: its deadline, then its applicants'
        return Lead(f"{lead.sentence}{provincial}。", [*lead.quotes, mine_quote], lead.in_scope)
    return Lead(f"{provincial}；通知规定的{cn_date(national.date)}是省级知识产权局向国家知识产权局报送推荐材料的"
                "截止时间，不是申报单位的截止时间。", [mine_quote, national_quote])


def applicants_deadline(as_of: date, deadline: Deadline) -> str:
    """The date a loaded notice sets its applicants, and where it stands on ``as_of``."""
    return (f"按{deadline.source}，{deadline.area}申报单位的材料须于{deadline.display}报送，"
            f"{deadline_state(as_of, deadline)}")


def loaded_deadlines_lead(timelines: list[Timeline]) -> Lead | None:
    """For an asker whose place is unknown: the date each loaded notice sets its applicants, each named."""
    found = {t.provincial.citation.id: t.provincial for t in timelines if t.provincial}  # two areas, one date: once
    if not found:
        return None
    said = "；".join(applicants_deadline(timelines[0].as_of, deadline) for deadline in found.values())
    return Lead(f"已载入的转发通知对申报单位另有时间要求：{said}。",
                [(deadline.citation.id, deadline.citation.quote) for deadline in found.values()])


def provincial_receipt_lead(timeline: Timeline, receipt: Deadline, national_lead: Lead) -> Lead:
    """The 回执 date the province's loaded notice sets, before the national one (the province's own to CNIPA)."""
    national = next(d for d in timeline.deadlines if d.key == "receipt")
    state = deadline_state(timeline.as_of, receipt)
    return Lead(f"按{receipt.source}，回执须于{receipt.display}报送，{state}；"
                f"通知规定的{cn_date(national.date)}是省级知识产权局向国家知识产权局报送回执的时限。",
                [(receipt.citation.id, receipt.citation.quote), *national_lead.quotes], national_lead.in_scope)


def national_timeline_lead(timeline: Timeline, event: str, asked: str = "") -> Lead:
    """The notice's own date, period or phase for ``event`` (``asked``: the question, for the day it speaks of)."""
    today = cn_date(timeline.as_of)
    deadlines = {d.key: d for d in timeline.deadlines}
    periods = {p.key: p for p in timeline.periods}
    if event in ("rhythm", "next_round"):
        quote = timeline.citations[1]
        return Lead(f"{timeline.round_rule}，下一届按此推算应于{timeline.next_round_year}年启动（以届时通知为准）。",
                    [(quote.id, quote.quote)])
    if event == "round_span":
        creation, acceptance = periods["creation"], deadlines["acceptance"]
        return Lead(f"本届示范创建推动创建阶段为{creation.display}，评估验收和公示认定在{acceptance.display}完成；"
                    f"截至{today}{PERIOD_STATE[creation.status]}。",
                    [(creation.citation.id, creation.citation.quote),
                     (acceptance.citation.id, acceptance.citation.quote)])
    if event == "still_open":
        return still_open_lead(timeline, said_date(asked, timeline.as_of))
    if event == "issued":
        quote = timeline.citations[0]
        said = f"通知由国家知识产权局于{cn_date(timeline.issued)}印发" if timeline.as_of >= timeline.issued else \
            f"通知的成文日期为{cn_date(timeline.issued)}，截至{cn_date(timeline.as_of)}尚未印发"
        return Lead(f"{said}。", [(quote.id, quote.quote)])
    if event == "selection":
        creation = periods["creation"]
        return Lead(f"通知没有规定公布评审结果的具体日期：国家知识产权局在推动创建阶段（{creation.display}）"
                    "组织评审、择优确定创建对象，经公示无异议后发文确定名单。",
                    [(creation.citation.id, creation.citation.quote), (SELECTION[0], SELECTION[1])])
    if deadline := deadlines.get(event):
        state = deadline_state(timeline.as_of, deadline)
        whose = (f"（由{deadline.duty}负责）" if deadline.key == "acceptance" else
                 f"（这是{deadline.duty}的工作，不是申报单位的；申报单位向省局提交材料的时间以本省通知为准）")
        sentence = f"{deadline.label}的时限是{deadline.display}，{state}{whose}。"
        return Lead(sentence, [(deadline.citation.id, deadline.citation.quote)])
    if period := periods.get(event):
        left = f"，距结束还剩{period.days_remaining}天" if period.status == "current" and period.key != "application" \
            else ""  # the application period's end is no deadline: the provinces set earlier ones
        return Lead(f"{period.label}安排在{period.display}，截至{today}{PERIOD_STATE[period.status]}{left}。",
                    [(period.citation.id, period.citation.quote)])
    current = [(p.citation.id, p.citation.quote) for p in timeline.periods if p.status == "current"]
    pending = [(d.citation.id, d.citation.quote) for d in timeline.deadlines if d.status == "open"]
    quotes = (current + pending)[:3] or [(c.id, c.quote) for c in timeline.citations]
    if timeline.phase == "creation":  # what is done in this stage, not only when it ends
        return Lead(f"{timeline.summary}此阶段国家知识产权局择优确定创建对象、发文确定创建对象名单，创建周期内"
                    "国家和相关省级知识产权局加强对创建对象的政策支持、指导监督和培育引导。",
                    [*quotes, SELECTION, CREATION_WORK])
    return Lead(timeline.summary, quotes)


PERIOD_STATE = {"upcoming": "尚未开始", "current": "正在进行", "finished": "已结束"}
SELECTION: Quote = ("notice#4.2", "择优确定创建对象，经公示无异议后发文确定创建对象名单")
CREATION_WORK: Quote = ("notice#4.2", "创建周期内，国家知识产权局、相关省级知识产权局深入参与创建过程，"
                                      "加强对创建对象的政策支持、指导监督和培育引导")


def still_open_lead(timeline: Timeline, ready: date | None = None) -> Lead:
    """Can one still apply on ``timeline.as_of`` — or on the day the question says the materials will be
    ``ready`` (材料要下个月才弄得完): the application period and the provincial deadline."""
    period = next(p for p in timeline.periods if p.key == "application")
    deadline = next(d for d in timeline.deadlines if d.key == "recommendation")
    today = cn_date(timeline.as_of)
    quotes = [(period.citation.id, period.citation.quote), (deadline.citation.id, deadline.citation.quote)]
    if period.status == "upcoming":  # before the period the notice sets (and perhaps before the notice itself)
        issued = timeline.citations[0]
        before = f"（通知于{cn_date(timeline.issued)}印发）" if timeline.as_of < timeline.issued else ""
        state = f"截至{today}申报尚未开始{before}，具体安排以所在省级知识产权局的通知为准"
        quotes += [(issued.id, issued.quote)] if before else []
    elif deadline.status == "open" and ready is not None and ready > deadline.date:
        state = (f"截至{today}仍在申报期内，但您说的{cn_date(ready)}已晚于省级知识产权局完成推荐及材料报送的截止时间，"
                 "申报单位向省局提交材料的截止时间还会更早，按这个时间赶不上本届")
    elif deadline.status == "open":
        state = (f"截至{today}仍在申报期内，距省级推荐截止还剩{deadline.days_remaining}天，"
                 "申报单位向省局提交材料的具体时间以本省通知为准")
    else:
        state = f"截至{today}本届申报已结束，下一届按“{timeline.round_rule}”推算应于{timeline.next_round_year}年启动"
    return Lead(f"本届组织申报安排在{period.display}，省级知识产权局须于{deadline.display}完成推荐及材料报送；"
                f"{state}。", quotes)


def factual_lead(question: str, clause: Clause, label: str) -> Lead:
    """The sentence of the best clause that shares most with the question (``label``: the clause as cited)."""
    sentence = best_sentence(question, clause, shared_content)
    return Lead(f"根据{label}：{sentence}", [(clause.id, sentence)])


def not_stated_lead(clause: Clause) -> Lead:
    """The question asserts or asks about something the notice does not say: say so, quoting the nearest
    clause."""
    return Lead("通知对此没有规定，相关原文如下。", [(clause.id, clause.text)])


def combine(leads: list[Lead]) -> Lead:
    """Several answers in one: each sentence on its own line, the quotes of all of them; in scope when any is."""
    if len(leads) == 1:
        return leads[0]
    quotes = list(dict.fromkeys(q for lead in leads for q in lead.quotes))
    quotes = [(id_, quote) for id_, quote in quotes  # one excerpt inside another of the same clause: quoted once
              if not any(other != quote and quote in other for other_id, other in quotes if other_id == id_)]
    lines = dict.fromkeys(line for lead in leads for line in lead.sentence.split("\n"))  # two pieces one line answers
    return Lead("\n".join(lines), quotes, in_scope=any(lead.in_scope for lead in leads))
