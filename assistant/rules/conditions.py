"""What a loaded provincial notice adds to a verdict: the conditions it sets applicants of a project type
(申报示范企业的，有效发明专利不少于15件), checked against what the text says.

A condition is met when the text speaks of it — a figure it requires, stated as reaching it (有效发明专利22件
against 不少于15件), or its distinctive words (GB/T 29490, 联席会议机制) — and not met when a figure it requires
is stated short of it. A clean record (未发生…违法失信行为) is presumed unless the text tells of a breach. A
condition the text does not speak of leaves an eligible verdict open (needs_info), with the question to ask; one
not met makes it ineligible. Either way the provincial notice is cited.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.language.lexicon import pattern
from assistant.language.normalize import bigrams
from assistant.rules import places
from assistant.rules.divisions import Division, division_index
from assistant.rules.extract import mentioned_types
from assistant.rules.params import ProjectKey
from assistant.rules.profile import ApplicantKind, Place, PlaceCategory, Profile
from assistant.rules.provincial import NOT_ORGANISED, ProvincialCondition, ProvincialNotice
from assistant.rules.text import segments
from assistant.rules.timeline import deadline_state, provincial_deadline
from assistant.rules.verdict import Verdict

# 研发投入占比应不低于4%, 有效发明专利拥有量不少于15件
REQUIRED_FIGURE = re.compile(r"(?P<metric>[\u4e00-\u9fff]{2,16}?)(?:应|须|需|要)?(?:不低于|不少于|不得低于|达到|≥|>=)"
                             r"\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>%|％|件|家|个|项|人|万元|亿元)")
STATED_FIGURE = r"(?P<number>\d+(?:\.\d+)?)\s*(?:{unit})"
METRIC_WINDOW = 16  # characters before a stated figure that name what it measures
# words every condition shares: naming them says nothing of the condition itself
GENERIC = bigrams("申报示范企业示范县示范园区服务业高质量集聚发展示范区示范高校示范科研机构示范市知识产权应为应已须已经"
                  "具有有效期内以来")
MIN_SHARED = 3  # distinctive bigrams the text must share with a condition to speak of it
CODE = re.compile(r"[A-Za-z]*\d{4,}")  # a standard's or a document's number (29490)
UNKNOWN = re.compile(r"不清楚|不确定|不知道|说不准")
# 省级优势企业还没评上, 证书去年底到期了: not met (not 2027年到期: still held)
NOT_HELD = re.compile(r"没有?|尚未|还没|暂未|未能|未曾|从未|并未|(?:到期|过期|失效)了|已经?(?:到期|过期|失效)")
# a clean record (未发生…违法失信行为, 未被列入…名单) is presumed, as a staffer would, unless the text tells of a breach
CLEAN_RECORD = re.compile(r"^[^应须需]*(?:未发生|未被|未曾|未因|未受|无[^，。；]{0,8}(?:记录|行为)|不存在)[^应须需]*$")
BREACH = re.compile(r"(?<![无未没])(?:违法|失信|处罚|罚款|被列入)")
SINCE = re.compile(r"(20\d{2})\s*年[^，。；]{0,8}?(?:以来|至今|起)")  # 自2022年1月1日以来: the years a record covers
YEAR = re.compile(r"(20\d{2})\s*年")  # the year a breach is told in: the last said before it
# an infringement, however told (仿冒他人商标): the breach a condition on infringing (未因侵犯他人知识产权…) names
INFRINGING = re.compile(r"侵权|侵犯|假冒|仿冒|盗版")
SENTENCES = re.compile(r"[^。；;！!？?\n]+")
# 登记注册满3年, 成立满两年: a condition on the unit's age (the number as digits)
REQUIRED_YEARS = re.compile(r"(?:登记|注册|成立|设立)[^，。；]{0,6}?满\s*(\d+|[一两二三四五六七八九十])\s*年")
NUMERALS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
RELATIVE_YEARS = {"今年": 0, "去年": 1, "前年": 2}
SET_UP_IN = re.compile(r"(?:(?P<year>(?:19|20)\d{2})\s*年|(?P<said>今年|去年|前年))[^，。；]{0,10}?"
                       r"(?:登记|注册|成立|设立|组建|挂牌)")
# What applicants call a condition's object (贯标 for the certification to GB/T 29490), said as notices do.
SAME_AS = {"贯标认证": "知识产权管理体系认证（GB/T 29490）", "贯标": "知识产权管理体系认证（GB/T 29490）"}
SAME_AS_WORDS = re.compile("|".join(sorted(SAME_AS, key=len, reverse=True)))


def condition_met(condition: ProvincialCondition, text: str, as_of: date, place: Place | None) -> bool | None:
    """True when the text says the condition is met, False when a figure it states falls short, None when the
    text does not speak of it. A condition naming the only places that may apply is met by the applicant's
    ``place``."""
    if (only := ONLY_PLACES.search(condition.text)) and (named := places_named(only["names"])):
        return within(place, named)
    text = SAME_AS_WORDS.sub(lambda word: SAME_AS[word.group()], text)  # 贯标: the standard's certification
    if years := REQUIRED_YEARS.search(condition.text):
        return years_met(NUMERALS.get(years.group(1)) or int(years.group(1)), text, as_of)
    figures = list(REQUIRED_FIGURE.finditer(condition.text))
    results = [figure_met(figure, text) for figure in figures]
    if False in results:
        return False
    if figures:
        return True if all(results) else None
    if condition.excludes:  # …被列入严重违法失信名单的，不予推荐: met unless the text tells of what it names
        return not any(len(shared(condition.text, part)) >= MIN_SHARED and not NEGATED.search(part)
                       for part in parts_of(text))
    if CLEAN_RECORD.match(condition.text):
        return clean_record_met(condition.text, text)
    parts = parts_of(text)
    # what is required (…的，应为自治区知识产权示范企业), not whom it is required of (申报示范企业创建的)
    required = required_part.group() if (required_part := REQUIREMENT.search(condition.text)) else condition.text
    if (closed := CLOSED_LIST.search(required)) and not closed["items"].endswith("等"):
        return one_of(closed["items"].split("、"), text)
    if wanted := titles(required):  # a title required: the part naming it says whether it is held
        for number in (number for number, part in enumerate(parts) if names_title(part, wanted)
                       and not applying_for_the_round(part)):
            return stated_as_held(parts[number], parts[number + 1:number + 2], condition.text)
        parts = [part for part in parts if not titles(part)]  # another title (市级优势企业 for a 示范企业) is none
        if not parts:
            return None
    best = max((number for number, part in enumerate(parts) if not of_another_level(condition.text, part)),
               key=lambda number: len(shared(required, parts[number])), default=0)
    codes = set(CODE.findall(condition.text))
    if not codes & set(CODE.findall(text)) and len(shared(required, parts[best])) < MIN_SHARED:
        return None
    return stated_as_held(parts[best], parts[best + 1:best + 2], condition.text)


# …应为列入某重点园区名单的园区（甲园区、乙新区、丙科技城）: the units named, and no other (unless it ends in 等)
CLOSED_LIST = re.compile(r"[（(](?P<items>[^（()）、]{2,30}(?:、[^（()）、]{2,30}){2,})[）)]")
# the unit a text opens with (某某产业园管理委员会，…): the applicant, by its own name
OPENING_NAME = re.compile(r"^[^，,。；;\n]{0,6}?(?P<name>[\u4e00-\u9fff]{2,24}?)"
                          r"(?:管理委员会|管委会|有限公司|股份有限公司|人民政府|大学|学院|研究院|研究所)")
UNIT_WORDS = bigrams("产业园区开发区高新区科技城经济管理委员会有限公司国家级省级")  # what every such name shares


def one_of(items: list[str], text: str) -> bool | None:
    """Whether the applicant is one of the units a closed list names: a name in the text, or the name the text
    opens with sharing at least half of what distinguishes it with one of them; None when it names no unit."""
    if any(item.strip() in text for item in items):
        return True
    opening = OPENING_NAME.match(text)
    own = bigrams(opening["name"]) - UNIT_WORDS if opening else set()
    if not own:
        return None
    return any(len(own & bigrams(item)) * 2 >= len(own) for item in items)


# 服务业集聚示范区本届仅限某市、某市组织推荐: only the places it names may put this type forward
ONLY_PLACES = re.compile(r"(?:仅限|只限|限于|仅由)(?P<names>[^，,。；;]{2,40}?)(?:组织|自行)?(?:推荐|申报)")


def places_named(names: str) -> list[Division]:
    return [division for mention in places.scan(names) for division in mention.divisions]


def within(place: Place | None, named: list[Division]) -> bool | None:
    """Whether the applicant's place is one of the divisions named or lies in one (None: its place is unknown)."""
    own = division_index().by_code.get(place.adcode) if place is not None and place.adcode else None
    if own is None:
        return None
    return any(division.code == own.code or division.contains(own) for division in named)


NEGATED = re.compile(r"[无未没]|不存在")
REQUIREMENT = re.compile(r"(?:应|须|需|必须).*")  # …的，应为截至…已获评贵州省知识产权优势企业: what is required
LEVEL = re.compile(r"(国家|省|市|县)(?:级|里|内)?的?知识产权")  # 贵州省知识产权优势企业, 国家知识产权优势企业
# a title by its level, kind and unit (天津市知识产权示范企业, 市级示范企业, 省级优势企业)
TITLE = re.compile(r"(?:(?P<level>国家|省|市|县)(?:级|里)?的?(?:知识产权)?)?(?P<kind>示范|优势|试点)"
                   r"(?P<unit>企业|高校|县|市|园区|单位)")


def titles(text: str) -> set[tuple[str, str, str]]:
    """The titles the text names, by level, kind and unit (市, 示范, 企业); the level is "" when none is said."""
    return {(title["level"] or "", title["kind"], title["unit"]) for title in TITLE.finditer(text)}


def applying_for_the_round(part: str) -> bool:
    """The part seeks a type of this round (准备申报示范企业): the application, not a title held or sought before
    (参评了省优势企业; 省示范企业没申请过)."""
    return bool(pattern("seeking").search(part) and mentioned_types(part) and not NOT_HELD.search(part))


def names_title(part: str, wanted: set[tuple[str, str, str]]) -> bool:
    """The part names a required title, of its level or of none said."""
    return any(
        kind == other_kind and unit == other_unit and (level == other_level or not other_level)
        for level, kind, unit in wanted for other_level, other_kind, other_unit in titles(part))


def of_another_level(condition: str, part: str) -> bool:
    """The part speaks of a title of another level than the one the condition requires (a national 优势企业 for
    a provincial one)."""
    required = REQUIREMENT.search(condition)
    wanted = set(LEVEL.findall(required.group())) if required else set()
    said = set(LEVEL.findall(part))
    return bool(wanted and said and not wanted & said)


def stated_as_held(segment: str, following: list[str], condition: str) -> bool | None:
    """What the segment that speaks of a condition says of it: held, not held or not yet (没评上, 名单还在公示 —
    in it or in the next segment), or unknown (不清楚)."""
    if UNKNOWN.search(segment):
        return None
    if NOT_HELD.search(segment) and not NOT_HELD.search(condition):
        return False
    return not any(pattern("pending").search(part) for part in [segment, *following]
                   if part is segment or not applying_for_the_round(part))  # …优势企业。拟申报示范企业: this round's


def clean_record_met(condition: str, text: str) -> bool | None:
    """A clean record (自2022年1月1日以来未因侵犯他人知识产权受到行政处罚) against what the text tells: a breach of
    the kind the condition names, in the years it covers, fails it; a breach of another kind leaves it open; none,
    or only before the year it counts from, meets it."""
    since = SINCE.search(condition)
    told = [sentence for sentence in SENTENCES.findall(text) for start, end in segments(sentence)
            if BREACH.search(part := sentence[start:end])
            and not (NEGATED.search(part) or pattern("negation").search(part))
            and not (since and (years := YEAR.findall(sentence[:end])) and int(years[-1]) < int(since[1]))]
    if not told:
        return True
    of_the_kind = any(len(shared(condition, sentence)) >= 2
                      or (INFRINGING.search(condition) and INFRINGING.search(sentence)) for sentence in told)
    return False if of_the_kind else None


def parts_of(text: str) -> list[str]:
    """The text's segments (between commas and full stops)."""
    return [text[start:end] for start, end in segments(text)]


def shared(condition: str, text: str) -> set[str]:
    return (bigrams(condition) - GENERIC) & bigrams(text)


def years_met(required: int, text: str, as_of: date) -> bool | None:
    """Whether the unit was registered or set up at least ``required`` years before ``as_of``, by the year the
    text says it was (2019年登记, 去年才成立); None when it says none, or the same number of years (the month
    decides)."""
    stated = SET_UP_IN.search(text)
    if stated is None:
        return None
    year = int(stated.group("year")) if stated.group("year") else as_of.year - RELATIVE_YEARS[stated.group("said")]
    return None if as_of.year - year == required else as_of.year - year > required


def figure_met(figure: re.Match[str], text: str) -> bool | None:
    """Whether the text states the figure ``figure`` requires at or above it (None: it states none)."""
    unit = "%|％" if figure.group("unit") in "%％" else re.escape(figure.group("unit"))
    metric = bigrams(figure.group("metric")) - GENERIC
    for stated in re.finditer(STATED_FIGURE.format(unit=unit), text):
        before = text[max(0, stated.start() - METRIC_WINDOW):stated.start()]
        if metric & bigrams(before):
            return float(stated.group("number")) >= float(figure.group("number"))
    return None


def with_conditions(verdicts: dict[ProjectKey, Verdict], text: str, profile: Profile,
                    notice: ProvincialNotice | None, as_of: date) -> dict[ProjectKey, Verdict]:
    """The verdicts with the conditions of the applicant's provincial notice applied to the eligible ones, and
    the deadline it sets said beside each eligible type the text asks about (each eligible one if it names none)."""
    if notice is None:
        return verdicts
    asked = mentioned_types(text)
    checked = {key: applied(verdict, conditions, text, label_of(notice, conditions), as_of, profile.place)
               if verdict.status == "eligible" else
               failed(verdict, conditions, text, label_of(notice, conditions), as_of, profile.place)
               or with_conditions_said(verdict, conditions, label_of(notice, conditions))
               if verdict.status == "needs_info" and key in asked else verdict
               for key, verdict in verdicts.items() for conditions in [notice.conditions_for(key)]}
    checked = {key: with_who_applies(verdict, rules, label_of(notice, rules), below_city(profile), profile.place)
               if key in asked else verdict
               for key, verdict in checked.items() for rules in [notice.who_applies_for(key)]}
    return {key: with_deadline(verdict, notice, key, as_of)
            if verdict.status == "eligible" and (key in asked or not asked) else verdict
            for key, verdict in checked.items()}


def label_of(notice: ProvincialNotice, conditions: list[ProvincialCondition]) -> str:
    return notice.label_of(condition.citation for condition in conditions)


def with_conditions_said(verdict: Verdict, conditions: list[ProvincialCondition], label: str) -> Verdict:
    """A verdict still open, with what the notice requires beyond the national rules said beside it."""
    required = [condition for condition in conditions if not condition.excludes]
    if not required:
        return verdict
    said = "；".join(condition.text for condition in required)
    return verdict.noted(f"另按{label}，还须满足：{said}。", [condition.citation for condition in required])


def with_deadline(verdict: Verdict, notice: ProvincialNotice, key: ProjectKey, as_of: date) -> Verdict:
    """The verdict with the date by which the notice wants the type's materials, and whether it has passed."""
    deadline = provincial_deadline(as_of, notice, [key])
    if deadline is None:
        return verdict
    return verdict.noted(f"按{deadline.source}，材料须于{deadline.display}报送，{deadline_state(as_of, deadline)}。",
                         [deadline.citation], deadline=True)


# 各区县人民政府不单独申报, 各区不单独申报: the places below the city that do not apply on their own
NOT_ON_ITS_OWN = re.compile(r"([^，,。；;]{0,16}?)(?:均|一律|都)?不(?:得|再)?单独(?:申报|推荐)")
OTHERS = re.compile(r"\s*其[他余]")
JOINTLY = re.compile(r"(?:联合|共同|合并|一起)申报")  # 市辖城区联合申报、不单独申报: they apply, together
BELOW_CITY = {PlaceCategory.municipal_district, PlaceCategory.municipal_county, PlaceCategory.county_level}


def below_city(profile: Profile) -> str | None:
    """The name of the district or county a city administers whose government applies ("" when unnamed), else
    None."""
    if profile.kind != ApplicantKind.government or profile.place is None or profile.place.category not in BELOW_CITY:
        return None
    return profile.place.county or ""


def not_on_its_own(rule: ProvincialCondition, below: str | None) -> bool:
    """The rule says the districts or counties below the city do not apply on their own, and the applicant (``below``:
    see ``below_city``) is one of them: any, or one it names (某区、某区不单独申报: those, not the counties)."""
    alone = NOT_ON_ITS_OWN.search(rule.text)
    if below is None or not alone or not re.search(r"[区县]", alone[1]) or JOINTLY.search(rule.text):
        return False
    if OTHERS.match(alone[1]):  # 由某新区（某区）申报…，其他区、县不单独申报: all but those it names before
        return not any(same_place(below, mention.text) for mention in places.scan(rule.text[:alone.start()]))
    return everywhere_or_one_of(alone[1], [below])


def not_organised_for(rule: ProvincialCondition, place: Place | None) -> bool:
    """The rule says the type is not organised (本届不组织示范县申报) where the applicant is: everywhere the notice
    covers, or in the places it names (某市所辖县区本届不组织示范县申报) when the applicant is in one."""
    found = NOT_ORGANISED.search(rule.text)
    if found is None:
        return False
    return everywhere_or_one_of(rule.text[:found.start()], [name for name in (place.county, place.city) if name]
                                if place else [])


def everywhere_or_one_of(words: str, own: list[str]) -> bool:
    """``words`` name no place (the rule holds everywhere), or one of the applicant's ``own`` places."""
    named = [mention.text for mention in places.scan(words)]
    return not named or any(same_place(name, other) for name in own for other in named)


def same_place(below: str, name: str) -> bool:
    return bool(below) and (below.startswith(name) or name.startswith(below))


def with_who_applies(verdict: Verdict, rules: list[ProvincialCondition], label: str, below: str | None,
                     place: Place | None = None) -> Verdict:
    """The verdict with what the provincial notice says of who applies for the type (示范市以市人民政府名义申报，
    各区不单独申报) added beside it: the national rules decide and the local arrangement is said — unless it says
    the districts or counties do not apply on their own and the applicant (``below``) is one."""
    if not rules:
        return verdict
    if verdict.status == "eligible" and (rule := next((rule for rule in rules if not_on_its_own(rule, below)), None)):
        return Verdict(status="ineligible", citations=[rule.citation, *verdict.citations],  # what decides first
                       reason=f"按{label}，{rule.text}：辖区内的区、县人民政府不单独申报这一类。")
    if verdict.status != "ineligible" and (rule := next((r for r in rules if not_organised_for(r, place)), None)):
        return Verdict(status="ineligible", citations=[rule.citation, *verdict.citations],
                       reason=f"按{label}，{rule.text}：当地本届不组织这一类的申报。")
    said = "；".join(rule.text for rule in rules)
    return verdict.noted(f"另按{label}：{said}。", [rule.citation for rule in rules])


def failed(verdict: Verdict, conditions: list[ProvincialCondition], text: str, label: str, as_of: date,
           place: Place | None) -> Verdict | None:
    """Ineligible by the first condition the text says is not met, else None: a unit the province's own condition
    rules out is not put forward, whatever the national rules leave open."""
    failing = next((c for c in conditions if condition_met(c, text, as_of, place) is False), None)
    return ruled_out(verdict, failing, label) if failing else None


def ruled_out(verdict: Verdict, condition: ProvincialCondition, label: str) -> Verdict:
    """Ineligible by ``condition`` (what decides is cited first)."""
    return Verdict(status="ineligible", citations=[condition.citation, *verdict.citations],
                   reason=f"按{label}，{condition.text}；所述情况达不到这一要求。")


def applied(verdict: Verdict, conditions: list[ProvincialCondition], text: str, label: str, as_of: date,
            place: Place | None) -> Verdict:
    if not conditions:
        return verdict
    met = [(condition, condition_met(condition, text, as_of, place)) for condition in conditions]
    if failing := next((condition for condition, result in met if result is False), None):
        return ruled_out(verdict, failing, label)
    cited = [*verdict.citations, *(condition.citation for condition in conditions)]
    if open_ := [condition for condition, result in met if result is None]:
        return Verdict(status="needs_info", citations=cited,
                       reason=f"{verdict.reason.rstrip('。')}；但按{label}，还须满足：{open_[0].text}。",
                       ask=[f"是否满足{label}的要求：{condition.text}？" for condition in open_])
    required = "；".join(condition.text for condition in conditions if not condition.excludes)
    excluded = "；".join(condition.text for condition in conditions if condition.excludes)
    said = [f"满足{label}的要求（{required}）" if required else "",
            f"不属于{label}所列不予推荐的情形（{excluded}）" if excluded else ""]
    reason = f"{verdict.reason.rstrip('。')}；所述情况{'，也'.join(part for part in said if part)}。"
    return verdict.model_copy(update={"reason": reason, "citations": cited})
