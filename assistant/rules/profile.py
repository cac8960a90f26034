"""The applicant profile: the facts the clauses of 二、申报单位 depend on. Unknown facts stay None."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from assistant.rules.params import ProjectKey


class ApplicantKind(StrEnum):
    government = "government"  # 人民政府 (its level comes from the place)
    department = "department"  # 政府部门：市场监管局、知识产权局、科技局 … — not a 人民政府
    park_committee = "park_committee"  # 园区管委会
    company = "company"
    university = "university"  # 高等院校
    institute = "institute"  # 科研机构
    public_institution = "public_institution"  # 事业单位, nothing more said
    private_non_enterprise = "private_non_enterprise"  # 民办非企业单位（社会服务机构）, nothing more said
    association = "association"  # 协会、学会、商会、联盟 …
    person = "person"
    other = "other"  # 医院、中小学、律师事务所、村委会 …


KIND_LABELS: dict[ApplicantKind, str] = {
    ApplicantKind.government: "人民政府",
    ApplicantKind.department: "政府部门",
    ApplicantKind.park_committee: "园区管委会",
    ApplicantKind.company: "企业",
    ApplicantKind.university: "高等院校",
    ApplicantKind.institute: "科研机构",
    ApplicantKind.public_institution: "事业单位",
    ApplicantKind.private_non_enterprise: "民办非企业单位",
    ApplicantKind.association: "社会团体（协会、学会、联盟等）",
    ApplicantKind.person: "个人",
    ApplicantKind.other: "该类单位",
}


# Legal forms that say what a unit is not (a company) more than what it is (a park committee, a university, an
# institute): alone, they leave every type but 示范企业 open.
LEGAL_FORMS = frozenset({ApplicantKind.public_institution, ApplicantKind.private_non_enterprise})


class PlaceCategory(StrEnum):
    province = "province"
    municipality = "municipality"
    sub_provincial_city = "sub_provincial_city"
    prefecture_city = "prefecture_city"
    prefecture_region = "prefecture_region"
    municipal_district = "municipal_district"
    municipal_county = "municipal_county"
    province_direct_county = "province_direct_county"
    xpcc_city = "xpcc_city"
    county_level = "county_level"
    township = "township"
    xpcc_division = "xpcc_division"
    function_zone = "function_zone"
    outside = "outside"


CATEGORY_LABELS: dict[PlaceCategory, str] = {
    PlaceCategory.province: "省（自治区）",
    PlaceCategory.municipality: "直辖市",
    PlaceCategory.sub_provincial_city: "副省级城市",
    PlaceCategory.prefecture_city: "地级市",
    PlaceCategory.prefecture_region: "地区（自治州、盟）",
    PlaceCategory.municipal_district: "直辖市市辖区",
    PlaceCategory.municipal_county: "直辖市下辖县",
    PlaceCategory.province_direct_county: "省直管县（市）",
    PlaceCategory.xpcc_city: "兵团下辖市",
    PlaceCategory.county_level: "副省级城市或地级市（地区、州、盟）下辖的市辖区（县级市、县、旗）",
    PlaceCategory.township: "乡镇（街道）",
    PlaceCategory.xpcc_division: "兵团的师（不是兵团下辖市）",
    PlaceCategory.function_zone: "功能区（由管委会管理，不是一级人民政府）",
    PlaceCategory.outside: "港澳台地区",
}


class Place(BaseModel):
    """Where the applicant is. ``categories`` lists what the place may be: one when it is known."""

    mention: str = Field("", description="the words the user wrote")
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None
    categories: list[PlaceCategory] = []
    description: str = Field("", description="one clause saying what the place is, e.g. 宁波市是副省级城市")
    candidates: list[str] = Field([], description="full names, when a bare name fits several places")

    @property
    def category(self) -> PlaceCategory | None:
        return self.categories[0] if len(self.categories) == 1 else None

    @property
    def local(self) -> str | None:
        """The area below the province whose bureau may forward the notice for it: its city, or in a municipality
        its district or county (北京市海淀区 → 海淀区)."""
        return self.county if self.county and self.city and self.city == self.province else self.city


class ParkLevel(StrEnum):
    national = "national"  # 国家级
    provincial = "provincial"  # 省级
    provincial_or_above = "provincial_or_above"  # "省级以上", nothing more said
    below_provincial = "below_provincial"  # 市级、县级 …


class ParkType(StrEnum):
    high_tech = "high_tech"  # 高新区
    economic = "economic"  # 经开区、经济开发区
    industrial = "industrial"  # 其他产业园区：工业园区、产业园 …
    bonded = "bonded"  # 综合保税区、自贸片区: special zones the notice neither names nor excludes
    non_industrial = "non_industrial"  # 旅游度假区、风景名胜区 …


class ParkFacts(BaseModel):
    level: ParkLevel | None = None
    type: ParkType | None = None
    committee: bool | None = Field(None, description="园区有自己的管委会（没有单独的管委会为 False）")
    part_of_zone: bool | None = Field(None, description="申报的是省级以上园区的一部分（一区多园的分园、片区、园中园）")
    named_national: str | None = Field(None, description="级别未说，按名称是国务院批准的国家级园区（成都高新区）")


class LegalForm(StrEnum):
    llc = "llc"  # 有限责任公司
    joint_stock = "joint_stock"  # 股份有限公司
    partnership = "partnership"  # 合伙企业
    sole_proprietorship = "sole_proprietorship"  # 个人独资企业
    individual_business = "individual_business"  # 个体工商户
    non_company_enterprise = "non_company_enterprise"  # 全民所有制、集体所有制企业
    company = "company"  # a 公司 the text does not say which of the two (总公司, 子公司: 《公司法》's terms)


LEGAL_FORM_LABELS: dict[LegalForm, str] = {
    LegalForm.llc: "有限责任公司",
    LegalForm.joint_stock: "股份有限公司",
    LegalForm.partnership: "合伙企业",
    LegalForm.sole_proprietorship: "个人独资企业",
    LegalForm.individual_business: "个体工商户",
    LegalForm.non_company_enterprise: "非公司制企业（全民所有制或集体所有制企业）",
    LegalForm.company: "公司（有限责任公司或股份有限公司）",
}
COMPANY_FORMS = (LegalForm.llc, LegalForm.joint_stock, LegalForm.company)  # the forms of 《公司法》


class CompanyFacts(BaseModel):
    legal_form: LegalForm | None = None
    branch: bool | None = Field(None, description="分公司、分支机构")
    independent_legal_person: bool | None = None
    established_in_china: bool | None = Field(None, description="在我国境内设立（港澳台、境外注册为 False）")
    under_company_law: bool | None = Field(None, description="依照《公司法》设立")
    set_up: bool | None = Field(None, description="已经设立（筹建中、营业执照未下来为 False）")
    state_owned: bool | None = Field(None, description="国有（国企、央企）；民营为 False")


class UniversityLevel(StrEnum):
    undergraduate = "undergraduate"  # 普通本科（含独立学院）
    vocational_undergraduate = "vocational_undergraduate"  # 本科层次职业学校
    junior = "junior"  # 高职（专科）、高专
    adult = "adult"  # 成人高校、开放大学、广播电视大学


UNIVERSITY_LEVEL_LABELS: dict[UniversityLevel, str] = {
    UniversityLevel.undergraduate: "普通本科高校",
    UniversityLevel.vocational_undergraduate: "本科层次职业学校",
    UniversityLevel.junior: "高职（专科）院校",
    UniversityLevel.adult: "成人高等学校",
}


class UniversityFacts(BaseModel):
    level: UniversityLevel | None = None
    approved: bool | None = Field(None, description="经教育行政部门批准设立")
    public: bool | None = Field(None, description="公办 True，民办 False")
    independent_legal_person: bool | None = Field(None, description="学校本身是独立法人（校区、内设学院不是）")


class Founder(StrEnum):
    central_government = "central_government"  # 中央（国务院部门、中科院 …）
    local_government = "local_government"  # 各级地方政府
    government = "government"  # 政府，未说明哪一级
    state_owned_enterprise = "state_owned_enterprise"
    private_enterprise = "private_enterprise"  # 民营企业
    enterprise = "enterprise"  # 企业，未说明所有制
    foreign_enterprise = "foreign_enterprise"
    university = "university"
    association = "association"
    individual = "individual"


FOUNDER_LABELS: dict[Founder, str] = {
    Founder.central_government: "中央",
    Founder.local_government: "地方政府",
    Founder.government: "政府",
    Founder.state_owned_enterprise: "国有企业",
    Founder.private_enterprise: "民营企业",
    Founder.enterprise: "企业（所有制未说明）",
    Founder.foreign_enterprise: "外资或境外企业",
    Founder.university: "高校",
    Founder.association: "社会团体",
    Founder.individual: "个人",
}


class InstituteFacts(BaseModel):
    founders: list[Founder] = []
    independent_legal_person: bool | None = Field(None, description="独立设立（内设的研发部门为 False）")
    set_up: bool | None = Field(None, description="已经设立（筹建中、尚未成立为 False）")


class Profile(BaseModel):
    kind: ApplicantKind | None = None
    also: list[ApplicantKind] = Field([], description="other kinds the applicant is too (研究院有限公司: institute)")
    proposed: dict[str, ApplicantKind] = Field({}, description="the kind of unit put forward for a project type when "
                                               "units of several kinds are (管委会报示范园区、区政府报示范县)")
    place: Place | None = None
    places_proposed: dict[str, Place] = Field({}, description="the place of a unit below the applicant's city put "
                                              "forward for a project type (市里报示范市，县里报示范县)")
    park: ParkFacts = ParkFacts()
    company: CompanyFacts = CompanyFacts()
    university: UniversityFacts = UniversityFacts()
    institute: InstituteFacts = InstituteFacts()
    industrial_agglomeration: bool | None = Field(None, description="产业集聚（服务业集聚示范区，第（四）项）")
    restructuring: bool | None = Field(None, description="a merger or reorganisation of the applicant still pending "
                                       "(正在和…合并，还没批): which unit will apply is open")
    recognized: list[ProjectKey] = Field([], description="此前年度已认定的示范项目")
    unsure_recognized: list[ProjectKey] = Field([], description="认定说法存疑（听说、好像…）的示范项目")
    parent_recognized: list[ProjectKey] = Field([], description="上级单位（集团、母公司）已认定的示范项目")
    piloted: list[ProjectKey] = Field([], description="所说的此前试点（试验）称号对应的示范项目（试点不是示范单位）")
    listed_units: list[str] = Field([], description="已载入名单中与申报单位对应的单位名称")
    as_of: date | None = None

    @property
    def kinds(self) -> list[ApplicantKind]:
        """Every kind the applicant is, the head kind first."""
        return [self.kind, *self.also] if self.kind else []

    def for_type(self, key: str) -> Profile:
        """The profile of the unit put forward for ``key``: its place, or its kind alone, when the text says which.
        Whether a unit is a legal person is said of the head unit (研究所不是独立法人), not of another one put
        forward."""
        if key in self.places_proposed:
            return self.model_copy(update={"place": self.places_proposed[key]})
        kind = self.proposed.get(key)
        if kind not in self.kinds:
            return self
        update: dict[str, Any] = {"kind": kind, "also": []}
        if kind != self.kind:
            update |= {name: getattr(self, name).model_copy(update={"independent_legal_person": None})
                       for name in ("company", "university", "institute")}
        return self.model_copy(update=update)


def overlay(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``old`` with every non-None value of ``new`` laid over it; lists are joined, a place replaced."""
    out = dict(old)
    for name, value in new.items():
        if value is None:
            continue
        if isinstance(value, list):
            out[name] = list(dict.fromkeys([*(old.get(name) or []), *value]))
        elif isinstance(value, dict) and name != "place":
            out[name] = overlay(old.get(name) or {}, value)
        else:
            out[name] = value
    return out


def merge(previous: Profile, update: Profile) -> Profile:
    """The earlier profile with the facts of a follow-up turn added (stated facts win; a newly stated kind
    replaces the kinds said before, and a recognition now stated plainly is no longer unsure)."""
    merged = overlay(previous.model_dump(), update.model_dump())
    if update.kind is not None:
        merged["also"] = list(update.also)
        merged["proposed"] = dict(update.proposed)
        merged["places_proposed"] = {key: place.model_dump() for key, place in update.places_proposed.items()}
    if previous.place and previous.place.adcode and update.place and not update.place.adcode \
            and not update.place.candidates:
        merged["place"] = previous.place.model_dump()  # "我们区" adds nothing to 宁波市鄞州区
    merged["unsure_recognized"] = [k for k in merged["unsure_recognized"] if k not in merged["recognized"]]
    return Profile.model_validate(merged)
