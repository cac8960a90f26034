"""A province's forwarding notice, read for what changes the applicant's dates and verdicts: the province's own
deadline(s) for applicants (earlier than the national one) and its deadline to CNIPA, and the conditions it adds
for applicants, each with the sentence that sets it.

A deadline is a date in a sentence that also says 前/截止/之前, in a clause about submitting (报送, 提交 …); a
sentence that sends to 国家知识产权局 is the province's own deadline to CNIPA. A date written without a year
(10月16日（星期四）前) takes the notice's year.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Citation, Document
from assistant.language.provinces import province_of
from assistant.rules.extract import mentioned_types
from assistant.rules.params import ProjectKey

SENTENCE = re.compile(r"[^。；\n]+[。；]?")
# 项目：示范企业；上限：3家。 — a table's row as the loaders write it (a cell's own ；, 。 kept inside the row)
TABLE_ROW = re.compile(r"^[^：；。\n]{1,16}：[^\n]*；[^：；。\n]{1,16}：[^\n]*$")
DATE = re.compile(r"(?:(20\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DEADLINE_WORDS = re.compile(r"前|截止|之前|以前|为止|截至")
# 10月16日（星期四）前, 10月13日17:00前
DEADLINE_AFTER = re.compile(r"\s*(?:\d{1,2}[:：]\d{2})?\s*(?:（[^）]{0,8}）)?\s*(?:前|之前|以前|为止)")
# 截止时间为2025年10月9日 (截至 alone says "as of": 截至2025年8月31日已获评…, 数据截至…)
DEADLINE_BEFORE = re.compile(r"(?:截止|截至时间|截至日期)[^。；]{0,8}$")
SUBMITTING = re.compile(r"报送|提交|上报|报至|推荐|申报|填报|寄送|寄出|报省|交")
RECEIPT = "回执"
TO_CNIPA = re.compile(r"(?:报送|报|上报|提交)[^。；]{0,6}国家知识产权局")


class ProvincialDeadline(BaseModel):
    date: date
    to_cnipa: bool  # the province's own deadline to 国家知识产权局, not the applicants'
    receipt: bool = False  # for the 回执, not the application
    types: list[ProjectKey] = []  # the project types it is set for (none named: every type)
    citation: Citation


class ProvincialCondition(BaseModel):
    """A condition the notice adds for applicants (申报示范企业的，有效发明专利不少于15件)."""

    text: str
    types: list[ProjectKey] = []  # the project types it is set for (none named: every type)
    citation: Citation
    excludes: bool = False  # it names what rules an applicant out (…被列入严重违法失信名单的，不予推荐)


class ProvincialNotice(BaseModel):
    doc: str
    province: str
    label: str  # 《湖南省转发通知》
    deadlines: list[ProvincialDeadline]
    conditions: list[ProvincialCondition] = []
    who_applies: list[ProvincialCondition] = []  # who applies for a type there (各区不单独申报)

    def conditions_for(self, key: str) -> list[ProvincialCondition]:
        return [c for c in self.conditions if not c.types or key in c.types]

    def who_applies_for(self, key: str) -> list[ProvincialCondition]:
        return [rule for rule in self.who_applies if key in rule.types]

    def applicant_deadline(self, types: Collection[str] = ()) -> ProvincialDeadline | None:
        """What an applicant for ``types`` must meet: the earliest deadline set for one of them, else the earliest
        set for no type in particular — never the province's own to CNIPA, nor the 回执's."""
        own = [d for d in self.deadlines if not d.to_cnipa and not d.receipt]
        pool = [d for d in own if set(d.types) & set(types)] or [d for d in own if not d.types] or own
        return min(pool, key=lambda d: d.date) if pool else None

    @property
    def receipt_deadline(self) -> ProvincialDeadline | None:
        """When the notice wants its 回执 (from cities' offices and direct applicants): the earliest it sets."""
        return min((d for d in self.deadlines if d.receipt), key=lambda d: d.date, default=None)

    @property
    def cnipa_deadline(self) -> ProvincialDeadline | None:
        return next((d for d in self.deadlines if d.to_cnipa), None)


def sentences(text: str) -> list[str]:
    """The sentences of a clause (split at 。 and ；), a table's row kept whole: its fields say one thing."""
    return [sentence.strip() for line in text.splitlines()
            for sentence in ([line] if TABLE_ROW.match(line.strip()) else SENTENCE.findall(line)) if sentence.strip()]


def provincial_notice(library: Library, province: str | None, city: str | None = None) -> ProvincialNotice | None:
    """The loaded forwarding notice for an applicant in ``province`` (full or short name) and ``city``, read: a
    city's own (柳州市转发通知) before its province's; None when none is loaded. A city's notice is for that
    city's applicants only."""
    full = province_of(province) if province else None
    if not full:
        return None
    return library.memo(f"provincial:{full}:{city or ''}", lambda: _read(library, full, city))


def loaded_provinces(library: Library) -> list[str]:
    return [d.info.province for d in library.documents.values()
            if d.info.kind == "provincial_notice" and d.info.province and d.clauses]


def _read(library: Library, province: str, city: str | None) -> ProvincialNotice | None:
    documents = [d for d in library.documents.values() if d.info.kind == "provincial_notice"
                 and d.info.province == province and (not d.info.locality or same_city(d.info.locality, city))
                 and d.clauses]
    if not documents:
        return None
    # the city's own first, then the latest, if several were loaded
    document = max(documents, key=lambda d: (bool(d.info.locality), d.info.issued or date.min))
    return ProvincialNotice(doc=document.info.id, province=province, label=document.info.label,
                            deadlines=deadlines_in(document, library), conditions=conditions_in(document, library),
                            who_applies=who_applies_in(document, library))


# A condition: in a section on conditions (申报条件, 附加要求), a sentence that requires (应, 须, 不低于 …) of the
# applicant — not one that refers back to the national notice (须符合《通知》规定的…), sends materials (提交…报告)
# or restates that earlier titles stay valid.
CONDITION_SECTION = re.compile(r"条件|要求")
REQUIRES = re.compile(r"应|须|需|必须|不低于|不少于|不得低于|达到|以上|未发生|未被|无[^，。；]{0,6}(?:记录|行为)")
# …发生重大安全生产事故的，不予推荐: what it names rules an applicant out
EXCLUDES = re.compile(r"的[，,]\s*(?:一律)?(?:不予|不得|不能|不再)(?:推荐|受理|申报)|一票否决")
APPLICANTS = re.compile(r"申报(?:单位|主体|企业)|推荐对象|所有申报|各申报")  # a condition for every type says whom
NOT_A_CONDITION = re.compile(r"《通知》|国家知识产权局|提交|提供|报送|附件|重复申报|可按程序申报|不需|不再")
CONDITION_HEADING = re.compile(r"条件|附加要求|资格")  # a section of conditions: each sentence is one
ITEM_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*")


def conditions_in(document: Document, library: Library) -> list[ProvincialCondition]:
    found = []
    for clause in document.clauses:
        if not CONDITION_SECTION.search(clause.heading):
            continue
        for sentence in sentences(clause.text):
            body = ITEM_NUMBER.sub("", sentence)
            excludes = bool(EXCLUDES.search(body))
            if len(body) < 8 or not (excludes or REQUIRES.search(body)) or NOT_A_CONDITION.search(body):
                continue
            types = mentioned_types(body)
            if types or APPLICANTS.search(body) or CONDITION_HEADING.search(clause.heading):
                found.append(ProvincialCondition(text=body.rstrip("。；;"), types=types, excludes=excludes,
                                                 citation=library.cite(clause.id, sentence)))
    return found


# Who applies: in a section on the scope of applying (申报范围, 申报主体, 申报安排), a sentence that names a type —
# or whose item's own heading does (（四）服务业高质量集聚发展示范区。…) — and who applies for it (示范市…以市人民政府
# 名义申报，各区不单独申报).
SCOPE_SECTION = re.compile(r"申报范围|申报主体|申报单位|申报对象|推荐范围|申报安排|申报渠道|组织申报|申报方式")
WHO_APPLIES = re.compile(r"由[^，。；]{1,30}?(?:申报|推荐)|名义申报|不单独申报|不得单独申报|统一申报")


def who_applies_in(document: Document, library: Library) -> list[ProvincialCondition]:
    return [ProvincialCondition(text=ITEM_NUMBER.sub("", sentence).rstrip("。；;"), types=types,
                                citation=library.cite(clause.id, sentence))
            for clause in document.clauses if SCOPE_SECTION.search(clause.heading)
            for sentence in sentences(clause.text)
            if WHO_APPLIES.search(sentence)
            and (types := mentioned_types(sentence) or mentioned_types(clause.heading.rsplit("›", 1)[-1]))]


def same_city(name: str, other: str | None) -> bool:
    """The same city of one province, however fully named (恩施州, 恩施土家族苗族自治州)."""
    return bool(other) and name[:2] == other[:2]


def deadlines_in(document: Document, library: Library) -> list[ProvincialDeadline]:
    year = document.info.issued.year if document.info.issued else None
    found = []
    for clause in document.clauses:
        for sentence in sentences(clause.text):
            if not (DEADLINE_WORDS.search(sentence) and SUBMITTING.search(clause.heading + clause.text)):
                continue
            types = mentioned_types(sentence) or mentioned_types(clause.text)
            for match in DATE.finditer(sentence):
                when = _date(match, year)
                after = DEADLINE_AFTER.match(sentence, match.end())
                if when is None or not (after or DEADLINE_BEFORE.search(sentence[:match.start()])):
                    continue
                found.append(ProvincialDeadline(date=when, to_cnipa=bool(TO_CNIPA.search(sentence, match.end())),
                                                receipt=RECEIPT in sentence, types=types,
                                                citation=library.cite(clause.id, sentence)))
    return found


def _date(match: re.Match[str], default_year: int | None) -> date | None:
    year = int(match.group(1)) if match.group(1) else default_year
    if year is None:
        return None
    try:
        return date(year, int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
