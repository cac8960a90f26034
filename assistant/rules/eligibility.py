"""One rule per project type, each implementing one clause of 二、申报单位 (notice#2.1 … #2.7).

A rule reads only the profile; every verdict names the facts it used and cites the clause through
``Library.cite``. Titles already recognised come first (notice#4.1, second paragraph).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.corpus.library import Library
from assistant.rules.listed import ListedTitle, listed_keys
from assistant.rules.params import PROJECT_KEYS, ProjectKey, constraints, project_types
from assistant.rules.places import CITY_GOVERNMENTS, COUNTY_GOVERNMENTS
from assistant.rules.profile import (
    CATEGORY_LABELS,
    COMPANY_FORMS,
    FOUNDER_LABELS,
    KIND_LABELS,
    LEGAL_FORM_LABELS,
    LEGAL_FORMS,
    UNIVERSITY_LEVEL_LABELS,
    ApplicantKind,
    Founder,
    ParkLevel,
    ParkType,
    PlaceCategory,
    Profile,
    UniversityLevel,
)
from assistant.rules.verdict import STATUS_ORDER, Judge, Verdict

K, C = ApplicantKind, PlaceCategory
ASK = {
    "kind": "申报单位是什么性质的单位（人民政府、政府部门、园区管委会、公司、高校、科研机构或其他）？",
    "kind_legal_form": "贵单位是园区管委会、高校、科研机构，还是其他单位？",
    "place": "请问是哪个地方的人民政府（请写出省、市、区县的完整名称，如“江苏省苏州市昆山市”）？",
    "function_zone": "申报单位是该功能区的管委会，还是所在地的人民政府（如是人民政府，请写出其完整名称）？",
    "xpcc_division": "该师是否与城市合一（师市合一）？如是，是哪个兵团下辖市？",
    "outside": "请问由哪个省级知识产权局组织本单位申报？",
    "park_level": "园区是国家级、省级，还是省级以下（市级、县级）？",
    "internal_institute": "研发机构是否经登记成为独立的事业单位、民办非企业单位或公司，还是由所属单位按其类型申报？",
    "sub_park": "分园（片区）是否经省级以上单独批设，或能否由所在园区的管委会作为申报单位？",
    "park_type": "园区是哪一类：高新区、经开区，还是其他产业园区？",
    "agglomeration": "当地是否已形成产业集聚（例如知识产权服务机构集聚发展）？",
    "legal_form": "公司是有限责任公司、股份有限公司，还是其他组织形式（如合伙企业、个人独资企业）？",
    "in_china": "公司是否在我国境内（内地）依照《公司法》登记设立？",
    "university_level": "学校是普通本科院校，还是高职（专科）院校、成人高校等其他类型？",
    "founder": "科研机构是由谁设立的：中央或地方政府、国有企业、民营企业，还是其他单位？",
    "enterprise_owner": "设立科研机构的企业是国有企业、民营企业，还是外资企业？",
    "founded_by_university": "该科研机构是否由政府或企业设立（或与政府、企业共同设立）？",
    "bonded_zone": "所在省级知识产权局是否已明确综合保税区、自贸片区的管理机构可按产业园区申报？",
    "set_up": "所在省级知识产权局是否已明确筹建中的科研机构可以申报（或是否等完成设立登记后再申报）？",
    "unlisted_unit": "所在省级知识产权局是否已明确{unit}可按县级单位申报？",
}
# County-level units 第（二）、（四）项 do not name (they list 县, 市辖区（市、县、旗）): whether they count is open.
UNLISTED_COUNTY_UNITS = ("林区", "特区")
PROVINCE_LEVEL = {C.province, C.municipality}
ALLOWED_FOUNDERS = {Founder.central_government, Founder.local_government, Founder.government,
                    Founder.state_owned_enterprise, Founder.private_enterprise}

Rule = Callable[[Profile, Judge], Verdict]
RULES: dict[ProjectKey, Rule] = {}


def rule(key: ProjectKey) -> Callable[[Rule], Rule]:
    """Register the rule for one project type (its clause is ``project_types()[key].applicants``)."""
    def register(function: Rule) -> Rule:
        RULES[key] = function
        return function
    return register


def evaluate(profile: Profile, library: Library, listed: list[ListedTitle] | None = None
             ) -> dict[ProjectKey, Verdict]:
    """The verdict for each of the seven project types; ``listed``: the rows of loaded lists naming the
    applicant."""
    held = listed_keys(listed or [])
    others = {row.key: row for row in listed or [] if row.key and not row.holds}
    verdicts = {}
    for key in PROJECT_KEYS:
        judge = Judge(key, library)
        if key in held:
            verdicts[key] = judge.recognized_on_list(held[key])
        elif key in profile.recognized:
            verdicts[key] = judge.recognized()
        else:
            verdict = RULES[key](profile.for_type(key), judge)
            verdict = judge.unsure_recognized(verdict) if key in profile.unsure_recognized else verdict
            verdict = judge.restructuring(verdict) if profile.restructuring else verdict
            verdict = judge.with_parent_title(verdict) if key in profile.parent_recognized else verdict
            verdict = judge.with_pilot_title(verdict) if key in profile.piloted and key not in others else verdict
            verdicts[key] = judge.with_listed_pilot(verdict, others[key]) if key in others else verdict
    return verdicts


# --- who the applicant is ---------------------------------------------------------------------------

def kind_unknown(judge: Judge) -> Verdict:
    return judge.needs(f"尚不清楚申报单位的性质，无法判断能否申报{judge.type.short}。", [ASK["kind"]])


def wrong_kind(profile: Profile, judge: Judge) -> Verdict:
    """The applicant is not of the kind the clause names."""
    who = judge.type.who
    if profile.kind == K.department:
        hint = "，如是代本级人民政府咨询，请说明是哪个地方的人民政府" if judge.type.government_places else ""
        return judge.ineligible(f"市场监管局、知识产权局等政府部门不是人民政府，也不是{judge.type.short}"
                                f"所列的申报单位；{judge.type.short}的申报单位应为{who}{hint}。")
    return judge.ineligible(f"{judge.type.short}的申报单位应为{who}，{KIND_LABELS[profile.kind]}不在其列。")


def undecided_legal_form(profile: Profile, judge: Judge) -> Verdict:
    return judge.needs(f"仅知道申报单位是{KIND_LABELS[profile.kind]}，还不能判断能否申报{judge.type.short}。",
                       [ASK["kind_legal_form"]])


def kind_mismatch(profile: Profile, judge: Judge, *kinds: ApplicantKind) -> Verdict | None:
    """The verdict when the applicant is not (or not yet known to be) of a kind the clause names.

    A 事业单位 or 民办非企业单位 may turn out to be a university, an institute or a park committee, so it gets
    one more question — except for 示范企业, which only companies can hold.
    """
    if profile.kind is None:
        return kind_unknown(judge)
    if profile.kind in LEGAL_FORMS and K.company not in kinds:
        return undecided_legal_form(profile, judge)
    if not set(profile.kinds) & set(kinds):
        return wrong_kind(profile, judge)
    return None


# --- people's governments (notice#2.1, #2.2, #2.4) -------------------------------------------------

def category_hint(key: ProjectKey, category: PlaceCategory) -> str:
    if key == "city" and category in COUNTY_GOVERNMENTS:
        return "，县级人民政府可关注示范县"
    if key in ("county", "service_zone") and category in CITY_GOVERNMENTS:
        return "，地市级人民政府和直辖市市辖区人民政府可关注示范市"
    return ""


def government_place(profile: Profile, judge: Judge) -> Verdict | None:
    """None when the place is one whose government the clause lists; otherwise the verdict."""
    place, short = profile.place, judge.type.short
    if place is None or not (place.categories or place.candidates):
        return judge.needs(f"尚不清楚是哪个地方、哪一级的人民政府，无法判断能否申报{short}。", [ASK["place"]])
    if place.candidates:
        options = "、".join(place.candidates)
        return judge.needs(f"{place.description}，级别不同结论可能不同。",
                           [f"请问“{place.mention}”是哪一个：{options}？"])
    if C.function_zone in place.categories:
        return judge.needs(f"{place.description}。", [ASK["function_zone"]])
    if C.outside in place.categories:
        return judge.needs(f"{place.description}，本通知由各省、自治区、直辖市和新疆生产建设兵团知识产权局组织申报。",
                           [ASK["outside"]], constraints()["addressee"].reference)
    accepted = [c for c in place.categories if c.value in judge.type.government_places]
    unit = next((unit for unit in UNLISTED_COUNTY_UNITS if (place.county or "").endswith(unit)), None)
    if unit and accepted and judge.key in ("county", "service_zone"):
        return judge.needs(f"{place.description}：{judge.type.short}所列的县级申报单位（县、市辖区（市、县、旗）等）"
                           f"中没有写明{unit}。", [ASK["unlisted_unit"].format(unit=unit)])
    if len(accepted) == len(place.categories):
        return None
    if accepted:
        labels = "、".join(CATEGORY_LABELS[c] for c in place.categories)
        return judge.needs(f"{place.description}，但可能是{labels}中的任一种，结论不同。", [ASK["place"]])
    category = place.categories[0]
    if judge.key == "county" and category == C.xpcc_division:  # a 师 with a city (师市合一) applies as that city
        return judge.needs(f"{place.description}：第（二）项列的是兵团下辖市，师本身不在其列；师市合一的，可由该市"
                           "人民政府申报。", [ASK["xpcc_division"]])
    if judge.key == "service_zone" and category == C.xpcc_city:
        return judge.ineligible(f"{place.description}，第（四）项所列县级单位未含兵团下辖市（第（二）项则单列了"
                                "兵团下辖市），按字面不属于服务业集聚示范区的申报单位。",
                                project_types()["county"].applicants)
    return judge.ineligible(f"{place.description}，不属于{short}的申报单位（{judge.type.who}）"
                            f"{category_hint(judge.key, category)}。")


def government_rule(profile: Profile, judge: Judge) -> Verdict:
    """Shared by 示范市 and 示范县: a people's government of a listed kind of place."""
    if profile.kind is None:
        excluded = government_place(profile, judge) if profile.place is not None else None
        return excluded if excluded is not None and excluded.status == "ineligible" else kind_unknown(judge)
    if K.government not in profile.kinds:
        return wrong_kind(profile, judge)
    return government_place(profile, judge) or judge.eligible(
        f"{profile.place.description}，其人民政府属于{judge.type.short}的申报单位。")


@rule("city")
def city(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.1: 副省级城市、地级市（地区、州、盟）、直辖市市辖区人民政府."""
    return government_rule(profile, judge)


@rule("county")
def county(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.2: 直辖市下辖县、省直管县、兵团下辖市和副省级城市、地级市（地区、州、盟）的市辖区（市、县、旗）
    人民政府."""
    return government_rule(profile, judge)


# --- park committees (notice#2.3, #2.4) ------------------------------------------------------------

PARK_LEVEL_LABELS = {ParkLevel.national: "国家级", ParkLevel.provincial: "省级",
                     ParkLevel.provincial_or_above: "省级以上"}
PARK_TYPE_LABELS = {ParkType.high_tech: "高新区", ParkType.economic: "经开区", ParkType.industrial: "产业园区"}


def park_committee(profile: Profile, judge: Judge) -> Verdict:
    """省级以上高新区、经开区等产业园区管委会 (both notice#2.3 and the first branch of notice#2.4)."""
    level, kind_of_park = profile.park.level, profile.park.type
    if profile.park.committee is False:
        return judge.ineligible(f"{judge.type.short}的申报单位是园区管委会；园区没有自己的管委会，"
                                "不能以园区的名义申报。")
    if kind_of_park == ParkType.bonded and level != ParkLevel.below_provincial:
        return judge.needs("综合保税区、自贸片区等是海关特殊监管区域或改革试验区域，通知只列“省级以上高新区、经开区等"
                           "产业园区管委会”，没有写明它们是否属于其中的产业园区。", [ASK["bonded_zone"]])
    if kind_of_park == ParkType.non_industrial:
        return judge.ineligible("旅游度假区、风景名胜区等不属于高新区、经开区等产业园区，其管委会不在"
                                f"{judge.type.short}的申报单位之列。")
    if profile.park.part_of_zone and level in (None, ParkLevel.below_provincial):  # not 分园本身也是省级高新区
        return judge.needs("所说的是省级以上高新区、经开区等园区的一部分（分园、片区）：通知只列“省级以上高新区、"
                           "经开区等产业园区管委会”，没有明确分园的管理机构能否以自己的名义申报。", [ASK["sub_park"]])
    if level == ParkLevel.below_provincial:
        return judge.ineligible("园区为省级以下，不符合“省级以上高新区、经开区等产业园区管委会”的要求，"
                                f"不能申报{judge.type.short}。")
    unknown = [label for label, value in (("类型", kind_of_park), ("级别", level)) if value is None]
    if unknown and "park" in profile.recognized:  # only a 省级以上 zone's committee could apply for that title
        return judge.eligible("园区已是国家知识产权强国建设示范园区，而示范园区只由省级以上高新区、经开区等产业园区"
                              f"管委会申报，其管委会符合“省级以上高新区、经开区等产业园区管委会”的要求，可申报{judge.type.short}。")
    if unknown:
        ask = [ASK["park_type"]] * (kind_of_park is None) + [ASK["park_level"]] * (level is None)
        return judge.needs(f"已知是园区管委会，但还不清楚园区的{'和'.join(unknown)}。", ask)
    named = profile.park.named_national
    said = f"{named}是国务院批准的国家级园区（按其名称）；" if named else ""
    return judge.eligible(f"{said}{PARK_LEVEL_LABELS[level]}{PARK_TYPE_LABELS[kind_of_park]}管委会符合“省级以上高新区、"
                          f"经开区等产业园区管委会”的要求，可申报{judge.type.short}。")


@rule("park")
def park(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.3: 省级以上高新区、经开区等产业园区管委会."""
    return kind_mismatch(profile, judge, K.park_committee) or park_committee(profile, judge)


@rule("service_zone")
def service_zone(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.4: 省级以上产业园区管委会，或产业集聚的直辖市下辖县、省直管县和副省级城市、地级市的
    市辖区（市、县、旗）人民政府."""
    if mismatch := kind_mismatch(profile, judge, K.park_committee, K.government):
        return mismatch
    verdicts = [judged(profile, judge) for kind, judged in ((K.park_committee, park_committee),
                                                            (K.government, agglomerated_government))
                if kind in profile.kinds]  # 区政府与高新区管委会合署办公: one body, either branch may open it
    return min(verdicts, key=lambda verdict: STATUS_ORDER.index(verdict.status))


def agglomerated_government(profile: Profile, judge: Judge) -> Verdict:
    """The second branch of notice#2.4: 产业集聚的…市辖区（市、县、旗）人民政府."""
    verdict = government_place(profile, judge)
    if verdict is not None:
        return verdict
    description = profile.place.description
    if profile.industrial_agglomeration is None:
        return judge.needs(f"{description}，属于第（四）项所列的县级单位，但还需满足“产业集聚”这一条件。",
                           [ASK["agglomeration"]])
    if not profile.industrial_agglomeration:
        return judge.ineligible(f"{description}，但当地尚未形成产业集聚，不符合第（四）项“产业集聚的”这一条件。")
    return judge.eligible(f"{description}，且当地已形成产业集聚，其人民政府属于服务业集聚示范区的申报单位。")


# --- companies (notice#2.5) ------------------------------------------------------------------------

def company_problem(profile: Profile) -> str | None:
    """Why a company is not one 第（五）项 lists, or None."""
    facts = profile.company
    if facts.set_up is False:
        return "公司尚在筹建、还未依法设立（领取营业执照）"
    if facts.legal_form not in (None, *COMPANY_FORMS):
        return f"{LEGAL_FORM_LABELS[facts.legal_form]}不是《公司法》规定的有限责任公司或股份有限公司"
    if facts.branch:
        return "分公司（分支机构）不具有独立法人资格"
    if facts.independent_legal_person is False and profile.kind == K.company:  # not what its parent company is
        return "该单位不具有独立法人资格"
    if facts.established_in_china is False:
        return "在境外（含港澳台）注册设立的公司不属于在我国境内设立的公司"
    if facts.under_company_law is False:
        return "该企业不是依照《公司法》设立的"
    return None


def in_china(profile: Profile) -> bool | None:
    """Set up in China: as stated, else implied by a place in China the text names for the company, else
    presumed for a company of a Chinese-law form (有限责任公司、股份有限公司) when nothing says it is foreign."""
    if profile.company.established_in_china is not None:
        return profile.company.established_in_china
    place = profile.place
    if place and C.outside in place.categories:
        return None
    if place and (place.adcode or place.candidates):
        return True
    return True if profile.company.legal_form in COMPANY_FORMS else None


@rule("enterprise")
def enterprise(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.5: 依照《公司法》在我国境内设立的具有独立法人资格的有限责任公司、股份有限公司."""
    if mismatch := kind_mismatch(profile, judge, K.company):
        return mismatch
    problem = company_problem(profile)
    if problem:
        return judge.ineligible(f"{problem}，不能申报示范企业。")
    form = profile.company.legal_form
    ask = ([ASK["legal_form"]] if form is None else []) + ([ASK["in_china"]] if in_china(profile) is None else [])
    if ask:
        return judge.needs("还不清楚企业的组织形式或设立地，示范企业只面向在我国境内依照《公司法》设立的"
                           "有限责任公司、股份有限公司。", ask)
    if (profile.place and profile.place.adcode) or profile.company.established_in_china:
        where = f"位于{profile.place.mention}的" if profile.place and profile.place.adcode else ""
        return judge.eligible(f"{where}{LEGAL_FORM_LABELS[form]}（非分公司）属于依照《公司法》在我国境内设立的"
                              "具有独立法人资格的公司，可申报示范企业。")
    return judge.eligible(f"{LEGAL_FORM_LABELS[form]}可申报示范企业，条件是依照《公司法》在我国境内设立、具有独立法人"
                          "资格（第（五）项）；按您的描述未见境外注册或分公司等情形，如有请告知。")


# --- universities (notice#2.6) ---------------------------------------------------------------------

@rule("university")
def university(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.6: 教育行政部门批准设立的普通本科高等院校."""
    if mismatch := kind_mismatch(profile, judge, K.university):
        return mismatch
    level, approved = profile.university.level, profile.university.approved
    if approved is False:
        return judge.ineligible("学校未经教育行政部门批准设立，不符合第（六）项的要求。")
    if profile.university.independent_legal_person is False and profile.kind == K.university:  # not its parent's
        return judge.ineligible("不具有独立法人资格的校区、学院或机构不是普通本科高等院校本身，"
                                "不能以自己的名义申报示范高校，可由所属高校申报。")
    if level is None:
        return judge.needs("还不清楚学校是否为普通本科院校。", [ASK["university_level"]])
    if level == UniversityLevel.vocational_undergraduate:
        return judge.ineligible("按教育部门的分类，本科层次职业学校与普通本科学校分列，按字面不属于第（六）项所说的"
                                "普通本科高等院校。")
    if level != UniversityLevel.undergraduate:
        return judge.ineligible(f"{UNIVERSITY_LEVEL_LABELS[level]}不是普通本科高等院校，不能申报示范高校。")
    return judge.eligible("普通本科高校（经教育行政部门批准设立）属于第（六）项所列申报单位，可申报示范高校。")


# --- research institutions (notice#2.7) ------------------------------------------------------------

@rule("institute")
def institute(profile: Profile, judge: Judge) -> Verdict:
    """notice#2.7: 中央和各级地方政府或国有企业、民营企业设立的科研机构."""
    if mismatch := kind_mismatch(profile, judge, K.institute):
        return mismatch
    founders = profile.institute.founders
    if profile.institute.set_up is False:
        return judge.needs("科研机构尚在筹建：第（七）项说的是“设立的科研机构”，没有明确筹建中的机构能否申报。",
                           [ASK["set_up"]])
    if profile.institute.independent_legal_person is False and profile.kind == K.institute:  # not its parent's
        return judge.needs("所说的是企业、高校等单位内设、不具有独立法人资格的研发机构：第（七）项只列设立方，没有明确"
                           "内设机构能否以自己的名义申报。", [ASK["internal_institute"]])
    labels = "、".join(FOUNDER_LABELS[f] for f in founders)
    if any(f in ALLOWED_FOUNDERS for f in founders):
        return judge.eligible(f"由{labels}设立的科研机构属于第（七）项所列申报单位，可申报示范科研机构。")
    if not founders:
        return judge.needs("还不清楚科研机构由谁设立。", [ASK["founder"]])
    if Founder.enterprise in founders:
        return judge.needs("已知由企业设立，但第（七）项列明的是国有企业、民营企业。", [ASK["enterprise_owner"]])
    if Founder.university in founders:
        return judge.needs("第（七）项列明的设立方为中央和各级地方政府或国有企业、民营企业，未列高校。",
                           [ASK["founded_by_university"]])
    return judge.ineligible(f"由{labels}设立的科研机构不在第（七）项所列（中央和各级地方政府或国有企业、"
                            "民营企业设立）之列。")
