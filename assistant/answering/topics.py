"""Direct first sentences for the questions applicants ask most (data in ``topics.yaml``).

Every sentence only restates the verbatim quotes listed with it, so each fact in it can be
checked against the source; quotes are verified when the answer is composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.corpus.library import Library
from assistant.language.lexicon import alternation, pattern, with_notice_words
from assistant.language.normalize import bigrams
from assistant.rules.params import timetable
from assistant.settings import Settings

Quote = tuple[str, str]  # (clause id, verbatim quote)
TOPICS_FILE = Path(__file__).with_name("topics.yaml")
MAX_ANNEX_PARTS = 3
LISTED_ANNEX = re.compile(r"notice#annex\.(\d)")  # the notice's line naming an annex: its title, not its content


@dataclass(frozen=True)
class Lead:
    """The first sentence of an answer and the quotes that back it."""

    sentence: str
    quotes: list[Quote]
    in_scope: bool = True


@dataclass(frozen=True)
class Topic:
    name: str
    pattern: re.Pattern[str]
    sentence: str = ""
    quotes: tuple[Quote, ...] = ()
    annex: str = ""
    what: str = ""
    special: str = ""
    anchor_ids: tuple[str, ...] = ()
    answered: bool = True  # False: the sentence says the notice leaves the detail asked open (公示几天)
    follows: tuple[str, ...] = ()  # the steps of the timetable this topic's step comes after (推荐 → 评审)

    @property
    def anchors(self) -> tuple[str, ...]:
        """The clauses this topic answers from: retrieval must rank one of them near the top to choose it."""
        return self.anchor_ids or tuple(dict.fromkeys(clause_id for clause_id, _ in self.quotes))

    def build(self, library: Library, question: str, type_keys: list[str], settings: Settings) -> Lead:
        if self.special == "quota":
            return quota_lead(library, question, type_keys, settings)
        if self.annex:
            return annex_lead(library, self.annex, self.what, question)
        if self.special == "contacts":
            lines, quote = contact_lines(library, type_keys)
            return Lead(f"国家知识产权局的联系人及联系方式：{lines}。", [quote])
        if self.special == "annex_list":
            return annex_list_lead(library, question)
        lead = Lead(self.sentence.format(**timetable().wordings()), list(self.quotes), in_scope=self.answered)
        return with_applicants(lead, type_keys) if self.special == "conditions" else lead


def expand_lists(pattern: str) -> str:
    """``{name}`` in a topic's pattern is the lexicon list ``name``."""
    return re.sub(r"\{(\w+)\}", lambda m: f"(?:{alternation(m.group(1))})", pattern)


@lru_cache(maxsize=1)
def load_topics() -> tuple[Topic, ...]:
    entries = yaml.safe_load(TOPICS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Topic(name=e["name"], pattern=re.compile(expand_lists(e["pattern"])), sentence=e.get("sentence", ""),
              quotes=tuple((q["id"], q["quote"]) for q in e.get("quotes", [])), annex=e.get("annex", ""),
              what=e.get("what", ""), special=e.get("special", ""), anchor_ids=tuple(e.get("anchors", [])),
              answered=e.get("answered", True), follows=tuple(e.get("follows", ())))
        for e in entries
    )


def matching_topics(question: str) -> list[Topic]:
    """Every topic whose wording the question uses (the retrieval evidence decides between them); an annex's
    contents are not what a question about who does something asks (申报书该谁填写)."""
    asks_actor = pattern("asks_actor").search(question)
    worded = with_notice_words(question)
    return [topic for topic in load_topics() if topic.pattern.search(worded) and not (topic.annex and asks_actor)]


def step_after(step: str) -> Topic | None:
    """The topic of the step that follows ``step`` (a timetable event: 推荐名单报上去以后 → the review)."""
    return next((topic for topic in load_topics() if step in topic.follows), None)


def listed_annex(clause_id: str) -> str | None:
    """The annex (``annex3``) that the notice's line ``notice#annex.3`` names, or None for any other clause."""
    entry = LISTED_ANNEX.fullmatch(clause_id)
    return f"annex{entry.group(1)}" if entry else None


def annex_lead(library: Library, annex_id: str, what: str, question: str) -> Lead:
    """Say what an annex holds only when staff have loaded it — its parts closest to the question; otherwise say
    plainly it is missing."""
    document = library.document(annex_id)
    number = annex_id.removeprefix("annex")
    if document.info.available and document.clauses:
        asked = bigrams(question)
        parts = [c for c in document.clauses if c.says_something] or document.clauses
        closest = sorted(parts, key=lambda c: -len(asked & bigrams(c.heading + c.text)))[:MAX_ANNEX_PARTS]
        return Lead(f"{what}见已载入的{document.info.label}（{document.info.title}），摘录如下。",
                    [(c.id, c.text) for c in sorted(closest, key=parts.index)])
    listed = f"notice#annex.{number}"
    return Lead(f"{what}载于通知附件{number}《{document.info.title}》，该附件尚未载入，无法提供其具体内容，"
                "请以省级知识产权局转发的附件原件为准。", [(listed, library.clause(listed).text)],
                in_scope=bool(WHICH_ANNEX.search(question)))  # which annex it is, the notice says itself


WHICH_ANNEX = re.compile(r"哪(?:一)?个附件|附件[几哪]|第几个?附件|在哪个?附件|是哪个?附件")


ASKS_NUMBER = re.compile(r"几个|几名|几家|多少个|多少名|多少家|是多少|有多少|数量是|具体名额|名额是(?:多少|几)|分配表")
A_FEW_MORE = re.compile(r"多(?:报|推|推荐|申报|要|给)?几[个家名]")  # 想多报几个: whether the limit binds, not a number


def quota_lead(library: Library, question: str, type_keys: list[str], settings: Settings) -> Lead:
    """Quotas only from an imported Annex-2 table (``assistant quotas --import``); never a guess. Whether there
    is a limit at all is answered by the notice itself (在分配名额内择优确定推荐对象)."""
    from assistant.rules.quotas import province_names, quota_answer

    province = next((name for name in sorted(province_names(), key=len, reverse=True) if name in question), None)
    answer = quota_answer(settings.data_dir, library, province, type_keys[0] if type_keys else None)
    if answer.loaded:
        return Lead(answer.message, [(c.id, c.quote) for c in answer.citations])
    quota, annex = answer.citations
    if ASKS_NUMBER.search(A_FEW_MORE.sub("", question)) or province:
        return Lead(answer.message, [(annex.id, annex.quote)], in_scope=False)
    title = library.document("annex2").info.title
    return Lead(f"有名额限制：省级知识产权局在分配名额（附件2）内择优确定推荐对象，经公示无异议后报送；各省的具体名额见"
                f"附件2《{title}》，该附件尚未载入。", [(quota.id, quota.quote), (annex.id, annex.quote)])


def annex_list_lead(library: Library, question: str) -> Lead:
    """The annexes as the notice lists them, each marked loaded or not."""
    if number := re.search(r"附件\s*([1-4])", question):
        info = library.document(f"annex{number.group(1)}").info
        entry = library.clause(f"notice#annex.{number.group(1)}")
        loaded = "已载入" if info.available else "尚未载入"
        return Lead(f"附件{number.group(1)}为《{info.title}》，{loaded}。", [(entry.id, entry.text)])
    listed = library.clause("notice#annexes")
    items = [f"{info.title}（{'已载入' if info.available else '未载入'}）"
             for info in (library.document(f"annex{n}").info for n in range(1, 5))]
    return Lead("通知列有以下附件：" + "；".join(f"附件{n}．{item}" for n, item in enumerate(items, 1)) + "。",
                [(listed.id, listed.text)])


def with_applicants(lead: Lead, type_keys: list[str]) -> Lead:
    """The conditions of the named project types begin with who may apply for them (二、申报单位)."""
    from assistant.rules import PROJECT_TYPES

    types = [PROJECT_TYPES[key] for key in type_keys]
    if not types:
        return lead
    who = "；".join(f"申报{t.short}的应为{t.who}" for t in types)
    return Lead(f"{who}。{lead.sentence}", [*((t.applicants.clause, t.applicants.quote) for t in types), *lead.quotes])


def contact_lines(library: Library, type_keys: list[str]) -> tuple[str, Quote]:
    """The notice's contact line(s) for the given project types; every line and the e-mail when none is given."""
    from assistant.rules import PROJECT_TYPES

    clause = library.clause("notice#contacts")
    keys = type_keys or list(PROJECT_TYPES)
    lines = list(dict.fromkeys(PROJECT_TYPES[key].contact.quote for key in keys))
    email = re.search(r"邮箱：(\S+?)）", clause.text)
    mail = f"；邮箱：{email.group(1)}" if email else ""
    quote = lines[0] if len(lines) == 1 else clause.text
    return "；".join(lines) + mail, (clause.id, quote)
