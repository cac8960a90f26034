"""A province's forwarding notice, read for what changes the applicant's dates and verdicts: the province's own
deadline(s) for applicants (earlier than the national one) and its deadline to CNIPA, and the conditions it adds
for applicants, each with the sentence that sets it.

A deadline is a date in a sentence that also says 前/截止/之前, in a clause about submitting (报送, 提交 …); a
sentence that sends to 国家知识产权局 is the province's own deadline to CNIPA. A date written without a year
(10月16日（星期四）前) takes the notice's year.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date

from pydantic import BaseModel

from assistant.corpus.library import Library
from assistant.corpus.model import Citation, Document
from assistant.corpus.roles import amends_another
from assistant.language.provinces import province_of
from assistant.rules.extract import mentioned_types
from assistant.rules.params import ProjectKey

SENTENCE = re.compile(r"[^。；\n]+[。；]?")
# 项目：示范企业；上限：3家。 — a table's row as the loaders write it (a cell's own ；, 。 kept inside the row)
TABLE_ROW = re.compile(r"^[^：；。\n]{1,16}：[^\n]*；[^：；。\n]{1,16}：[^\n]*$")
DATE = re.compile(r"(?:(20\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DEADLINE_WORDS = re.compile(r"前|截止|之前|以前|为止|截至|延长|延期|推迟|顺延|调整")
# 截止时间调整为2025年10月17日, 延期至10月20日: a date a deadline was moved to; 由10月10日前调整为…, 原定10月10日…:
# the date it was moved from
MOVED_TO = re.compile(r"(?:调整|延长|延期|推迟|顺延|延|改|变更)(?:为|至|到)\s*$")
MOVED_FROM = re.compile(r"(?:由|从|原定?于?|原为)\s*$")
# 10月16日（星期四）前, 10月13日17:00前
DEADLINE_AFTER = re.compile(r"\s*(?:\d{1,2}[:：]\d{2})?\s*(?:（[^）]{0,8}）)?\s*(?:前|之前|以前|为止)")
# 截止时间为2025年10月9日 (截至 alone says "as of": 截至2025年8月31日已获评…, 数据截至…)
DEADLINE_BEFORE = re.compile(r"(?:截止|截至时间|截至日期)[^。；]{0,8}$")
SUBMITTING = re.compile(r"报送|提交|上报|报至|推荐|申报|填报|寄送|寄出|报省|交")
RECEIPT = "回执"
# 联系人由韦丽娟同志调整为陆俊同志, 截止时间由2025年10月10日调整为…: the value a notice replaces
# What a later notice takes out of force in the others: what it changes (由韦丽娟同志调整为…), a contact who no longer
# answers (赵某同志因工作调整不再负责), a rule it quotes and lifts (原通知“…”的规定不再执行, 取消原通知…“…”的规定).
REPLACED = re.compile(r"由([^，。；：、\s]{2,16}?)(?:同志)?(?:调整|变更|更改|更换|改)(?:为|成)"
                      r"|(?:(?<=联系人)|(?<=负责人)|(?<=[中的：:，,、\s]))([\u4e00-\u9fff]{2,3})同志[^，。；]{0,10}?"
                      r"不再(?:负责|担任|承担)"
                      r"|[“\"]([^”\"]{6,80})[”\"](?:的)?(?:规定|要求)?(?:不再执行|停止执行|予以废止|废止|取消|不再适用)"
                      r"|(?:取消|废止|停止执行)[^“\"。；]{0,20}[“\"]([^”\"]{6,80})[”\"](?:的)?(?:规定|要求|限制)")
REGISTRATION = re.compile(r"(?:账号|帐号|用户|系统中?|平台)注册|注册(?:账号|帐号)|完成注册")  # not 注册地
UNCHANGED = re.compile(r"不变|仍按|不作调整|不调整")  # …注册的时间（2025年9月30日前）不变: restated, not set
TO_CNIPA = re.compile(r"(?:报送|报|上报|提交)[^。；]{0,6}国家知识产权局")
# 各区县审核推荐截止于…, 区局于某日前完成初审: a lower office's own step, not the applicants'
# (申报单位于…前报区局审核 is theirs)
OFFICE_STEP = re.compile(r"^[（(]?[一二三四五六七八九十\d]*[）)、.]?\s*(?:各区|各市|各县|各地|各区县|"
                         r"[区市县](?:知识产权局|局|市场监督管理局|市场监管局))[^。；，,]{0,12}?(?:审核|推荐|初审)")


class ProvincialDeadline(BaseModel):
    date: date
    to_cnipa: bool  # the province's own deadline to 国家知识产权局, not the applicants'
    receipt: bool = False  # for the 回执, not the application
    registration: bool = False  # for registering in an online system (完成账号注册), not for the materials
    office_step: bool = False  # for a lower office's review or recommendation (各区县审核推荐截止于…): binds the
    # applicants only when their own is not set
    types: list[ProjectKey] = []  # the project types it is set for (none named: every type)
    citation: Citation


class ProvincialCondition(BaseModel):
    """A condition the notice adds for applicants (申报示范企业的，有效发明专利不少于15件)."""

    text: str
    types: list[ProjectKey] = []  # the project types it is set for (none named: every type)
    citation: Citation
    excludes: bool = False  # it names what rules an applicant out (…被列入严重违法失信名单的，不予推荐)


class ProvincialNotice(BaseModel):
    """What the notices loaded for an applicant's place say together: a city's own and its province's, a
    supplementary notice (补充通知) with the one it amends; a later notice's deadline replaces an earlier one's."""

    docs: list[str]  # the notices read, the leading one first (a city's own, then the latest)
    labels: dict[str, str]  # each notice's label (《湖南省转发通知》)
    province: str
    cities: dict[str, str] = {}  # the city a city bureau's notice is for, by notice
    deadlines: list[ProvincialDeadline]
    conditions: list[ProvincialCondition] = []
    who_applies: list[ProvincialCondition] = []  # who applies for a type there (各区不单独申报)
    replaced: dict[str, list[str]] = {}  # by notice: what it replaces in the others (由韦丽娟同志调整为… → 韦丽娟)

    @property
    def doc(self) -> str:
        return self.docs[0]

    @property
    def label(self) -> str:
        return self.labels[self.doc]

    def area_of(self, doc: str) -> str:
        """Whose applicants notice ``doc`` binds: a city bureau's, that city's; a province's, the province's."""
        return self.cities.get(doc) or self.province

    def in_force(self, doc: str, sentence: str) -> bool:
        """The sentence of notice ``doc`` says nothing another notice has since replaced."""
        return not any(value in sentence for other, values in self.replaced.items() if other != doc
                       for value in values)

    def label_of(self, citations: Iterable[Citation]) -> str:
        """The labels of the notices the citations come from (the leading notice's when none is)."""
        docs = [doc for doc in dict.fromkeys(c.doc for c in citations) if doc in self.labels] or [self.doc]
        return "和".join(self.labels[doc] for doc in docs)

    def conditions_for(self, key: str) -> list[ProvincialCondition]:
        return [c for c in self.conditions if not c.types or key in c.types]

    def who_applies_for(self, key: str) -> list[ProvincialCondition]:
        return [rule for rule in self.who_applies if key in rule.types]

    def applicant_deadline(self, types: Collection[str] = ()) -> ProvincialDeadline | None:
        """What an applicant for ``types`` must meet: the earliest deadline set for one of them, else the earliest
        set for no type in particular — never the province's own to CNIPA, nor the 回执's."""
        own = [d for d in self.deadlines if not (d.to_cnipa or d.receipt or d.registration)]
        typed = [d for d in own if set(d.types) & set(types)]
        untyped = [d for d in own if not d.types]
        pool = next((found for found in (
            *by_whom(typed), *by_whom(untyped), *by_whom(own)) if found), [])  # an office's step binds when the
        return min(pool, key=lambda d: d.date) if pool else None  # applicants' own is not set (各市于…前报省局)

    @property
    def receipt_deadline(self) -> ProvincialDeadline | None:
        """When the notice wants its 回执 (from cities' offices and direct applicants): the earliest it sets."""
        return min((d for d in self.deadlines if d.receipt), key=lambda d: d.date, default=None)

    @property
    def cnipa_deadline(self) -> ProvincialDeadline | None:
        return next((d for d in self.deadlines if d.to_cnipa), None)


def by_whom(deadlines: list[ProvincialDeadline]) -> tuple[list[ProvincialDeadline], list[ProvincialDeadline]]:
    """The applicants' own deadlines, then those of a lower office's step."""
    return [d for d in deadlines if not d.office_step], [d for d in deadlines if d.office_step]


def sentences(text: str) -> list[str]:
    """The sentences of a clause (split at 。 and ；), a table's row kept whole: its fields say one thing."""
    return [sentence.strip() for line in text.splitlines()
            for sentence in ([line] if TABLE_ROW.match(line.strip()) else SENTENCE.findall(line)) if sentence.strip()]


def provincial_notice(library: Library, province: str | None, city: str | None = None, as_of: date | None = None
                      ) -> ProvincialNotice | None:
    """The loaded forwarding notice for an applicant in ``province`` (full or short name) and ``city``, read: a
    city's own (柳州市转发通知) before its province's; None when none is loaded. A city's notice is for that
    city's applicants only; a notice amending another (补充通知) issued after ``as_of`` has not amended it yet."""
    full = province_of(province) if province else None
    if not full:
        return None
    later = tuple(sorted(doc for doc, d in library.documents.items() if as_of and d.info.issued
                         and d.info.issued > as_of and amends_another(d.info.title)))
    return library.memo(f"provincial:{full}:{city or ''}:{','.join(later)}", lambda: _read(library, full, city, later))


def loaded_areas(library: Library) -> list[tuple[str, str]]:
    """The province and, for a city bureau's notice, the city of each loaded notice, once each."""
    return list(dict.fromkeys((d.info.province, d.info.locality) for d in library.documents.values()
                              if d.info.kind == "provincial_notice" and d.info.province and d.clauses))


def _read(library: Library, province: str, city: str | None, later: tuple[str, ...]) -> ProvincialNotice | None:
    documents = [d for d in library.documents.values() if d.info.kind == "provincial_notice"
                 and d.info.province == province and (not d.info.locality or same_city(d.info.locality, city))
                 and d.clauses and d.info.id not in later]
    if not documents:
        return None
    # the city's own first, then the latest
    documents.sort(key=lambda d: (bool(d.info.locality), d.info.issued or date.min), reverse=True)
    notice = ProvincialNotice(docs=[d.info.id for d in documents], labels={d.info.id: d.info.label for d in documents},
                              province=province,
                              cities={d.info.id: d.info.locality for d in documents if d.info.locality},
                              deadlines=deadlines_in_force([deadlines_in(document, library) for document in documents]),
                              replaced={d.info.id: replaced_in(d.source) for d in documents})
    rules = [(document, rule) for document in documents for rule in conditions_in(document, library)]
    applying = [(document, rule) for document in documents for rule in who_applies_in(document, library)]
    return notice.model_copy(update={  # what a later notice lifted is out of force
        "conditions": [rule for document, rule in rules if notice.in_force(document.info.id, rule.text)],
        "who_applies": [rule for document, rule in applying if notice.in_force(document.info.id, rule.text)]})


def replaced_in(source: str) -> list[str]:
    """What a notice takes out of force in the others (see ``REPLACED``)."""
    return [value for found in REPLACED.findall(source) for value in found if value]


def deadlines_in_force(by_notice: list[list[ProvincialDeadline]]) -> list[ProvincialDeadline]:
    """The deadlines of several notices, the leading notice's first: one is replaced by a deadline a notice before
    it sets for the same step and for every type it is set for (a deadline set for no type covers every type); one
    replaced for some of its types stands for the others (纸质材料各类项目10月17日, then 高校延长至10月20日)."""
    kept: list[ProvincialDeadline] = []
    for found in by_notice:
        for deadline in found:
            if any(replaces(earlier, deadline) for earlier in kept):
                continue
            spoken_for = {key for earlier in kept if same_step(earlier, deadline)
                          and earlier.citation.doc != deadline.citation.doc for key in earlier.types}
            left = [key for key in deadline.types if key not in spoken_for]
            if deadline.types and not left:
                continue  # replaced type by type
            kept.append(deadline.model_copy(update={"types": left}) if left != deadline.types else deadline)
    return kept


def same_step(one: ProvincialDeadline, other: ProvincialDeadline) -> bool:
    return (one.to_cnipa, one.receipt, one.registration, one.office_step) == \
        (other.to_cnipa, other.receipt, other.registration, other.office_step)


def replaces(newer: ProvincialDeadline, older: ProvincialDeadline) -> bool:
    return same_step(newer, older) and newer.citation.doc != older.citation.doc \
        and (not newer.types or (bool(older.types) and set(older.types) <= set(newer.types)))


# A condition: in a section on conditions (申报条件, 附加要求), a sentence that requires (应, 须, 不低于 …) of the
# applicant — not one that refers back to the national notice (须符合《通知》规定的…), sends materials (提交…报告)
# or restates that earlier titles stay valid.
CONDITION_SECTION = re.compile(r"条件|要求")
REQUIRES = re.compile(r"应(?!对|用|急)|须|需|必须|不低于|不少于|不得低于|达到|以上|未发生|未被|未因|未受|仅限|只限"
                      r"|无[^，。；]{0,6}(?:记录|行为)")
# …发生重大安全生产事故的，不予推荐: what it names rules an applicant out
EXCLUDES = re.compile(r"的[，,]\s*(?:一律)?(?:不予|不得|不能|不再)(?:推荐|受理|申报)|一票否决")
APPLICANTS = re.compile(r"申报(?:单位|主体|企业)|推荐对象|所有申报|各申报")  # a condition for every type says whom
NOT_A_CONDITION = re.compile(r"《通知》|国家知识产权局|提交|提供|报送|附件|重复申报|可按程序申报|不需|不再")
PRIORITY = re.compile(r"优先(?:推荐|支持|考虑|申报|安排)")  # 同等条件下，优先推荐以下申报单位：…: no condition
CONDITION_HEADING = re.compile(r"条件|附加要求|资格")  # a section of conditions: each sentence is one
OF_APPLICANTS_FOR = re.compile(r"(?:申报|推荐)[^，,。；;]{1,24}?的[，,]")  # 申报示范企业的，…: said of its applicants
# 除符合《通知》第二条第（五）项规定外，还应…: the national rule is kept and more is required; the rest is the condition
BESIDES_NATIONAL = re.compile(r"除(?:符合|满足|具备|执行)[^，,。；;]{0,30}?外[，,]?(?:还|另|并)?")
ITEM_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*")


def conditions_in(document: Document, library: Library) -> list[ProvincialCondition]:
    found = []
    for clause in document.clauses:
        in_scope = bool(SCOPE_SECTION.search(clause.heading))  # 申报项目和申报主体: 申报示范企业的，应为…
        if not (CONDITION_SECTION.search(clause.heading) or in_scope):
            continue
        for sentence in sentences("\n".join(line for line in clause.text.splitlines() if not PRIORITY.search(line))):
            body = BESIDES_NATIONAL.sub("", ITEM_NUMBER.sub("", sentence))
            if in_scope and not CONDITION_SECTION.search(clause.heading) and not OF_APPLICANTS_FOR.match(body):
                continue
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
# 本届不组织示范县申报: no one there applies for it
NOT_ORGANISED = re.compile(r"(?:不|暂不)(?:组织|开展)[^，。；]{0,24}?(?:申报|推荐)")
SCOPE_SECTION = re.compile(r"申报范围|申报主体|申报单位|申报对象|推荐范围|申报安排|申报渠道|组织申报|申报组织|申报方式|"
                           r"申报项目|项目类型|申报类别|推荐项目")
WHO_APPLIES = re.compile(r"由[^，。；]{1,30}?(?:申报|推荐)|名义申报|不单独申报|不得单独申报|统一申报"
                         r"|选报一项|择一申报|不得同时申报|只能申报其中"  # 示范县和服务业集聚区中选报一项: one of two
                         rf"|{NOT_ORGANISED.pattern}|不属于[^，。；]{{0,30}}?申报单位")  # 各区人民政府不属于…申报单位


def who_applies_in(document: Document, library: Library) -> list[ProvincialCondition]:
    return [ProvincialCondition(text=ITEM_NUMBER.sub("", sentence).rstrip("。；;"), types=types,
                                citation=library.cite(clause.id, sentence))
            for clause in document.clauses if SCOPE_SECTION.search(clause.heading)
            for line in clause.text.splitlines() for sentence in sentences(line)
            if WHO_APPLIES.search(sentence)  # a sentence naming no type is of the item its line opens with
            and (types := mentioned_types(sentence) or mentioned_types(line)
                 or mentioned_types(clause.heading.rsplit("›", 1)[-1]))]


def same_city(name: str, other: str | None) -> bool:
    """The same city of one province, however fully named (恩施州, 恩施土家族苗族自治州)."""
    return bool(other) and name[:2] == other[:2]


def deadlines_in(document: Document, library: Library) -> list[ProvincialDeadline]:
    year = document.info.issued.year if document.info.issued else None
    found = []
    for clause in document.clauses:
        for sentence in sentences(clause.text):
            if not (DEADLINE_WORDS.search(sentence) and SUBMITTING.search(clause.heading + clause.text)) \
                    or UNCHANGED.search(sentence):
                continue
            types = mentioned_types(sentence) or mentioned_types(clause.text)
            for match in DATE.finditer(sentence):
                when, before = _date(match, year), sentence[:match.start()]
                if when is None or MOVED_FROM.search(before) or not (
                        DEADLINE_AFTER.match(sentence, match.end()) or DEADLINE_BEFORE.search(before)
                        or MOVED_TO.search(before)):
                    continue
                found.append(ProvincialDeadline(date=when, to_cnipa=bool(TO_CNIPA.search(sentence, match.end())),
                                                receipt=RECEIPT in sentence,
                                                registration=bool(REGISTRATION.search(sentence)), types=types,
                                                office_step=bool(OFFICE_STEP.search(sentence)),
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
