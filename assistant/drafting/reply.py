"""Reply drafts for staff: a 公文-style answer to an applicant's inquiry, from the rules and the notice.

The reply states the rules' verdict for each project type concerned with the clauses behind it,
answers the frequent questions the inquiry raises (``answering/topics.yaml``), says where the
programme stands when asked about dates, names the notice's contact for those types, and turns
whatever could not be determined into 【待核实：…】 items. Its fixed wording is
``prompts/drafts/reply.yaml``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from assistant.answering.topics import load_topics
from assistant.corpus.library import Library
from assistant.corpus.model import Citation
from assistant.drafting.application import ordinal
from assistant.drafting.model import ReplyDraft
from assistant.drafting.provenance import check_provenance, placeholders
from assistant.inputs import clean_inquiry
from assistant.language.dates import cn_date
from assistant.language.lexicon import pattern
from assistant.settings import Settings

UNIT_NAME = re.compile(
    r"([\u4e00-\u9fa5（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|大学|学院|人民政府|管理委员会|管委会|"
    r"研究院|研究所|研究中心|科学院))(?=[，。,.；;：:？?！!\s]|$)"
)
NOT_A_NAME = re.compile(r"的|一家|一所|一个|我|请问|是|贵|你们|咨询|关于")
EMAIL = re.compile(r"邮箱：\s*[\w.@-]+")
SKIPPED_TOPICS = {"contacts", "types"}  # answered by the contact item and the verdicts


def reply_wording(prompts_dir: Path) -> dict[str, Any]:
    return yaml.safe_load((prompts_dir / "drafts" / "reply.yaml").read_text(encoding="utf-8"))


def unit_name(inquiry: str) -> str | None:
    """The name of the writing unit when the inquiry states it plainly (e.g. 我们是某某有限公司)."""
    for match in UNIT_NAME.finditer(inquiry):
        name = re.sub(r"^(我们|我单位|本单位|我司|我校|我院)?(是|系|为)?", "", match.group(1))
        if len(name) > 3 and not NOT_A_NAME.search(name):
            return name
    return None


class ReplyWriter:
    """Collects the numbered items of a reply, the citations behind them and the material they use."""

    def __init__(self, library: Library, wording: dict[str, Any], settings: Settings) -> None:
        self.library = library
        self.wording = wording
        self.settings = settings
        self.items: list[str] = []
        self.citations: list[Citation] = []
        self.material: list[str] = []

    def cite(self, clause_id: str, quote: str) -> Citation:
        return self.library.cite(clause_id, quote)

    def basis(self, citations: list[Citation]) -> str:
        quotes = "；".join(self.wording["quote"].format(label=c.label, quote=" ".join(c.quote.split()))
                          for c in citations)  # a quote over several lines stays in its paragraph
        return self.wording["basis"].format(quotes=quotes) if citations else ""

    def add(self, subject: str, text: str, citations: list[Citation], material: list[str]) -> None:
        """One numbered item; ``material`` is what its text was made from, besides the wording and quotes."""
        number = ordinal(len(self.items) + 1)
        self.items.append(self.wording["item"].format(number=number, subject=subject, text=text))
        self.citations += citations
        self.material += [number, *material, *(c.id for c in citations), *(c.label for c in citations)]
        self.material += [self.library.clause(c.id).text for c in citations]

    def verdict(self, name: str, verdict: Any) -> None:
        """One project type: the verdict in 公文 wording, the rule's reason, the open questions, the clauses."""
        phrase = self.wording["verdicts"][verdict.status].format(name=name)
        text = self.wording["verdict"].format(phrase=phrase)
        if verdict.status in ("eligible", "ineligible"):
            text += f"{verdict.reason.rstrip('。')}。"
        text += "".join(self.wording["open"].format(what=ask) for ask in verdict.ask)
        subject = self.wording["subjects"]["verdict"].format(name=name)
        self.add(subject, text + self.basis(verdict.citations), list(verdict.citations),
                 [name, verdict.reason, *verdict.ask])

    def others(self, names: list[str], citations: list[Citation]) -> None:
        """Other types the applicant may apply for, each with the clause naming who may apply."""
        text = self.wording["others"].format(names="、".join(names)) + self.basis(citations)
        self.add(self.wording["subjects"]["others"], text, citations, names)

    def unknown_applicant(self, asks: list[str]) -> None:
        text = self.wording["no_profile"] + "".join(self.wording["open"].format(what=a) for a in asks)
        self.add(self.wording["subjects"]["eligibility"], text, [], asks)

    def topic(self, topic: Any, inquiry: str, type_keys: list[str]) -> None:
        """A frequent question (fees, annexes, process …) answered by its sentence and verified quotes."""
        lead = topic.build(self.library, inquiry, type_keys, self.settings)
        citations = [self.cite(*quote) for quote in lead.quotes]
        sentence = lead.sentence
        text = sentence + self.basis(citations)
        if not lead.in_scope and topic.what:
            text += self.wording["annex_open"].format(what=topic.what)
        subjects = self.wording["subjects"]
        self.add(subjects.get(topic.name, subjects["default"]), text, citations, [sentence, topic.what])

    def timeline(self, timeline: Any) -> None:
        """Where the programme stands on the reply's date (no count of days: a letter is read later), with the
        period and deadline behind it."""
        periods = {p.key: p for p in timeline.periods}
        deadlines = {d.key: d for d in timeline.deadlines}
        recommendation = deadlines["recommendation"]
        values = {"application": periods["application"].display, "creation": periods["creation"].display,
                  "recommendation": recommendation.display, "recommendation_day": cn_date(recommendation.date),
                  "acceptance": deadlines["acceptance"].display, "round_rule": timeline.round_rule,
                  "next_round_year": str(timeline.next_round_year)}
        phase = "application_passed" if timeline.phase == "application" and recommendation.status == "passed" \
            else timeline.phase
        citations = [periods["application"].citation, recommendation.citation]
        text = self.wording["timeline"][phase].format(**values) + self.basis(citations)
        self.add(self.wording["subjects"]["timeline"], text, citations, list(values.values()))

    def contact(self, references: list[Any]) -> None:
        """The notice's contact lines for the types concerned, and its e-mail address."""
        citations = [self.cite(r.clause, r.quote) for r in references]
        email = EMAIL.search(self.library.clause("notice#contacts").text)
        if email:
            citations.append(self.cite("notice#contacts", email.group(0)))
        text = self.wording["contact"].format(lines="；".join(c.quote for c in citations))
        self.add(self.wording["subjects"]["contact"], text, citations, [])


def focus_types(inquiry: str, verdicts: dict[str, Any]) -> list[str]:
    """The types the inquiry names; else, when it says what the unit is, those not ruled out; else none."""
    from assistant.rules import mentioned_types

    named = mentioned_types(inquiry)
    if named:
        return named
    if all(v.status == "needs_info" for v in verdicts.values()):
        return []
    return [k for k, v in verdicts.items() if v.status != "ineligible"]


def write_items(writer: ReplyWriter, text: str, result: Any) -> list[str]:
    """The items of the reply in order; returns the project types it is about."""
    from assistant.rules import PROJECT_TYPES

    verdicts = result.verdicts
    focus = focus_types(text, verdicts)
    others = [k for k, v in verdicts.items() if focus and k not in focus and v.status == "eligible"]
    if focus or pattern("asks_eligibility").search(text):
        for key in focus:
            writer.verdict(PROJECT_TYPES[key].name, verdicts[key])
        if others:
            clauses = [PROJECT_TYPES[k].applicants for k in others]
            writer.others([PROJECT_TYPES[k].name for k in others], [writer.cite(r.clause, r.quote) for r in clauses])
        if not focus:
            writer.unknown_applicant([a for v in verdicts.values() for a in v.ask][:1])
    statuses = {verdicts[k].status for k in focus}
    wanted = {"how_to_apply"} if statuses & {"eligible", "needs_info"} or others else set()
    skipped = SKIPPED_TOPICS | ({"recognized"} if "already_recognized" in statuses else set())
    for topic in load_topics():
        if topic.name not in skipped and (topic.name in wanted or topic.pattern.search(text)):
            writer.topic(topic, text, focus)
    if pattern("when").search(text):
        writer.timeline(result.timeline)
    concerned = [*focus, *others] or list(PROJECT_TYPES)
    writer.contact(list(dict.fromkeys(PROJECT_TYPES[k].contact for k in concerned)))
    return focus


def draft_reply(inquiry: str, *, library: Library, settings: Settings, as_of: date | None = None,
                sender: str | None = None, addressee: str | None = None) -> ReplyDraft:
    """A formal reply to ``inquiry``, dated ``as_of`` (default today).

    ``addressee`` defaults to the unit the inquiry names, else a 【待核实】 item; ``sender`` to （起草单位）.
    """
    from assistant.rules import check

    wording = reply_wording(settings.prompts_dir)
    text = clean_inquiry(inquiry)
    today = as_of or date.today()
    result = check(text, as_of=today, library=library)
    writer = ReplyWriter(library, wording, settings)
    focus = write_items(writer, text, result)
    fields = {"salutation": addressee or unit_name(text) or wording["addressee"], "items": "\n\n".join(writer.items),
              "sender": sender or wording["sender"], "date": cn_date(today)}
    reply = wording["frame"].format(**fields)
    material = [text, yaml.safe_dump(wording, allow_unicode=True), fields["salutation"], fields["sender"],
                fields["date"], *writer.material]
    return ReplyDraft(inquiry=text, text=reply, citations=writer.citations,
                      verdicts=result.verdicts, focus=focus,
                      placeholders=placeholders(reply) + ([wording["sender"]] if sender is None else []),
                      problems=check_provenance(reply, [m for m in material if m]))
