"""Reply drafts for staff: a 公文-style answer to an applicant's inquiry, from the rules and the notice.

The reply states the rules' verdict for each project type concerned with the clauses behind it,
answers the frequent questions the inquiry raises (``answering/topics.yaml``), names the notice's
contact for those types, and turns whatever could not be determined into 【待核实：…】 items.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from assistant.answering.router import ELIGIBILITY
from assistant.answering.topics import Lead, contact_lines, load_topics
from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.drafting.application import COMMENT, ordinal
from assistant.drafting.model import ReplyDraft
from assistant.drafting.provenance import check_provenance, placeholders
from assistant.errors import InvalidInputError
from assistant.settings import Settings, get_settings

MAX_INQUIRY_CHARS = 5000
DEFAULT_SENDER = "（起草单位）"
UNKNOWN_ADDRESSEE = "【待核实：来函单位名称】"
REPLY_PHRASES = {
    "eligible": "符合申报{name}创建的申报单位要求，可以申报",
    "ineligible": "不符合申报{name}创建的申报单位要求，不能申报",
    "needs_info": "能否申报{name}创建尚需核实",
    "already_recognized": "此前年度已认定为{name}，继续有效，此届不需重复申报",
}
TOPIC_SUBJECTS = {"fees": "申报费用", "falsification": "申报材料真实性", "recognized": "已认定的示范单位",
                  "voluntary": "是否自愿申报", "quota": "推荐名额", "form": "申报书格式", "indicators": "评价指标",
                  "receipt_form": "联络员回执", "how_to_apply": "申报渠道", "selection": "评审和确定创建对象",
                  "revocation": "成效评估和摘牌", "conditions": "申报条件"}
UNIT_NAME = re.compile(
    r"([\u4e00-\u9fa5（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|大学|学院|人民政府|管理委员会|管委会|"
    r"研究院|研究所|研究中心|科学院))"
)
NOT_A_NAME = re.compile(r"的|一家|一所|一个|我|请问|是|贵|你们|咨询|关于")
SKIPPED_TOPICS = {"contacts", "types"}


def unit_name(inquiry: str) -> str | None:
    """The name of the writing unit when the inquiry states it plainly (e.g. 我们是某某有限公司)."""
    for match in UNIT_NAME.finditer(inquiry):
        name = re.sub(r"^(我们|我单位|本单位|我司|我校|我院)?(是|系|为)?", "", match.group(1))
        if len(name) > 3 and not NOT_A_NAME.search(name):
            return name
    return None


def quoted(citations: list[Citation]) -> str:
    return "；".join(f"「{c.quote}」〔{c.id}〕" for c in citations)


class ReplyWriter:
    """Collects the numbered items of a reply and the citations behind them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.items: list[str] = []
        self.citations: list[Citation] = []
        self.material: list[str] = []

    def add(self, subject: str, text: str, citations: list[Citation]) -> None:
        heading = f"{ordinal(len(self.items) + 1)}、关于{subject}。"
        self.items.append(heading + text)
        self.citations += citations
        self.material += [heading, *(c.id for c in citations)]
        self.material += [self.library.clause(c.id).text for c in citations if self.library.clause(c.id)]

    def cite(self, clause_id: str, quote: str) -> Citation:
        return self.library.cite(clause_id, quote)


def verdict_item(writer: ReplyWriter, name: str, verdict: Any) -> None:
    """One project type: the verdict in 公文 wording, the rule's reason, the clauses, the open questions."""
    phrase = REPLY_PHRASES[verdict.status].format(name=name)
    text = f"按来函所述情况，你单位{phrase}。"
    if verdict.reason and verdict.status != "needs_info":
        text += f"{verdict.reason.rstrip('。')}。"
    text += "".join(f"【待核实：{ask}】" for ask in verdict.ask)
    if verdict.citations:
        text += f"依据：{quoted(verdict.citations)}。"
    writer.material += [name, verdict.reason, *verdict.ask]
    writer.add(f"申报{name}创建", text, list(verdict.citations))


def eligibility_items(writer: ReplyWriter, verdicts: dict[str, Any], focus: list[str],
                      names: dict[str, str]) -> None:
    for key in focus:
        verdict_item(writer, names[key], verdicts[key])
    others = [names[k] for k, v in verdicts.items() if k not in focus and v.status == "eligible"]
    if focus and others:
        writer.add("其他创建项目", f"按来函所述情况，你单位还可以申报：{'、'.join(others)}。",
                   [c for k, v in verdicts.items() if k not in focus and v.status == "eligible" for c in v.citations])
        writer.material += others


def topic_items(writer: ReplyWriter, inquiry: str, type_names: list[str], wanted: set[str],
                skipped: set[str]) -> None:
    """The frequent questions the inquiry raises (fees, annexes, process …) or ``wanted``, from their quotes."""
    for topic in load_topics():
        if topic.name in SKIPPED_TOPICS | skipped or not (topic.name in wanted or topic.pattern.search(inquiry)):
            continue
        lead: Lead = topic.build(writer.library, type_names)
        citations = [writer.cite(*quote) for quote in lead.quotes]
        text = lead.sentence + (f"依据：{quoted(citations)}。" if citations else "")
        if not lead.in_scope:
            text += f"【待核实：{topic.what}的具体内容】"
        writer.material += [lead.sentence, topic.what]
        writer.add(TOPIC_SUBJECTS.get(topic.name, topic.what or "所询其他事项"), text, citations)


def contact_item(writer: ReplyWriter, type_names: list[str]) -> None:
    lines, quote = contact_lines(writer.library, type_names)
    citation = writer.cite(*quote)
    writer.material.append(lines)
    writer.add("联系方式", f"如需进一步咨询，可联系国家知识产权局（见通知〔{citation.id}〕）：{lines}。", [citation])


def focus_types(inquiry: str, verdicts: dict[str, Any]) -> list[str]:
    """The types the inquiry names; else those the facts given make possible; else none."""
    from assistant.rules import mentioned_types

    named = mentioned_types(inquiry)
    if named:
        return named
    known = [k for k, v in verdicts.items() if v.status != "needs_info"]
    return [k for k, v in verdicts.items() if v.status != "ineligible"] if known else []


def clean_inquiry(inquiry: str) -> str:
    text = (inquiry or "").replace("\x00", "").strip()
    if not text:
        raise InvalidInputError("来信内容不能为空。")
    if len(text) > MAX_INQUIRY_CHARS:
        raise InvalidInputError(f"来信过长（{len(text)} 字），请精简到 {MAX_INQUIRY_CHARS} 字以内。")
    return text


def draft_reply(inquiry: str, *, library: Library | None = None, settings: Settings | None = None,
                as_of: date | None = None, sender: str | None = None, addressee: str | None = None) -> ReplyDraft:
    """A formal reply to ``inquiry``; ``sender`` and ``addressee`` default to placeholders staff fill in."""
    from assistant.rules import PROJECT_TYPES, check

    settings = settings or get_settings()
    library = library or Library(settings.corpus_dir, settings.documents_dir)
    text = clean_inquiry(inquiry)
    today = as_of or date.today()
    result = check(text, as_of=today, library=library)
    verdicts = result.verdicts
    names = {key: t.name for key, t in PROJECT_TYPES.items()}
    focus = focus_types(text, verdicts)
    writer = ReplyWriter(library)
    if focus or ELIGIBILITY.search(text):
        eligibility_items(writer, verdicts, focus, names)
        if not focus:
            asks = [a for v in verdicts.values() for a in v.ask][:1]
            writer.add("申报资格", "来函未说明判断申报资格所需的单位情况，暂无法答复可以申报哪类创建项目。"
                       + "".join(f"【待核实：{a}】" for a in asks), [])
            writer.material += asks
    recognized = any(verdicts[k].status == "already_recognized" for k in focus)
    may_apply = any(verdicts[k].status in ("eligible", "needs_info") for k in focus)
    topic_items(writer, text, [PROJECT_TYPES[k].short for k in focus], {"how_to_apply"} if may_apply else set(),
                {"recognized"} if recognized else set())
    contact_item(writer, [PROJECT_TYPES[k].short for k in focus])
    reply = render_reply(settings, writer.items, addressee or unit_name(text) or UNKNOWN_ADDRESSEE,
                         sender or DEFAULT_SENDER, today)
    material = [text, reply_template(settings), sender or DEFAULT_SENDER, date_text(today), *writer.material]
    found = placeholders(reply) + ([DEFAULT_SENDER] if sender is None else [])
    return ReplyDraft(inquiry=text, text=reply, citations=writer.citations,
                      verdicts={k: v.model_dump(mode="json") for k, v in verdicts.items()}, focus=focus,
                      placeholders=found, problems=check_provenance(reply, material))


def date_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def reply_template(settings: Settings) -> str:
    return COMMENT.sub("", (settings.prompts_dir / "drafts" / "reply.md").read_text(encoding="utf-8")).strip()


def render_reply(settings: Settings, items: list[str], salutation: str, sender: str, day: date) -> str:
    fields = {"salutation": salutation, "items": "\n\n".join(items), "sender": sender, "date": date_text(day)}
    return re.sub(r"\{(\w+)\}", lambda m: fields[m.group(1)], reply_template(settings)) + "\n"
