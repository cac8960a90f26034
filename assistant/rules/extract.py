"""Free Chinese text → ``Profile``: careful rules, no model. What the text does not say stays None.

Steps: normalise (simplified characters, widths, typos of the programme's terms); mask sentences that give
the system orders (they change nothing); find titles already held (on the unmasked text); mask project
names and the offices that organise the round (示范企业 is not a company, 国家知识产权局 is not the
applicant); find the kind(s) of applicant (``kinds.head``), the place (``places``) and the facts each
kind's clause depends on.

A mention is a fact only when it is stated plainly (``text.qualifiers``): a negated one (不是省级的) states
the opposite or nothing; a hedged, hearsay, pending, former, partial, wished or supposed one (好像是省级,
听说, 正在申报省级, 原来是, 只有两个本科专业, 想成为, 如果是) states nothing. Plain mentions that disagree
leave the fact unknown — the rules then ask — instead of letting one of them win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from assistant.language.lexicon import alternation, pattern, records
from assistant.language.normalize import normalize
from assistant.rules import kinds, places
from assistant.rules.layout import (
    SCREENED,
    fields_as_sentences,
    screened_item,
    table_as_fields,
    without_corrected,
    without_denied_lines,
    without_speaker_labels,
)
from assistant.rules.params import PROJECT_KEYS, ProjectKey, project_types
from assistant.rules.params import places as place_params
from assistant.rules.profile import (
    LEGAL_FORMS,
    ApplicantKind,
    CompanyFacts,
    Founder,
    InstituteFacts,
    LegalForm,
    ParkFacts,
    ParkLevel,
    ParkType,
    Place,
    PlaceCategory,
    Profile,
    UniversityFacts,
    UniversityLevel,
    merge,
)
from assistant.rules.text import (
    MASK,
    PART_AFTER,
    Qualifier,
    drop_instructions,
    drop_letter_frame,
    mask,
    negated,
    qualifiers,
    segment_bounds,
)

K = ApplicantKind
ORGANISERS = ["国家知识产权局", "省级知识产权局", "省级知识产权管理部门", "国家局", "省局"]  # organise, never apply


@dataclass
class Fact:
    """Phrases that state one field. ``negated`` maps a phrase to what its negation states; ``prefer`` orders
    values that may be said together of one applicant (高新区 and 科技园: both parks; the first listed wins)."""

    field: str
    phrases: dict[str, Any]
    negated: dict[str, Any] = field(default_factory=dict)
    pending: dict[str, Any] = field(default_factory=dict)  # what a phrase only sought implies (正在申报省级: below)
    skip_before: re.Pattern[str] | None = None  # context that makes a phrase not about the applicant
    prefer: tuple[Any, ...] = ()
    overrides: tuple[Any, ...] = ()  # values the others then say of its parts (成人高校, 开设本科教育: adult)
    skip_quoted: bool = False  # a phrase alone in quotes is a word talked about (担心“国家级”的称号…)

    def __post_init__(self) -> None:
        self.pattern = re.compile("|".join(f"(?P<g{i}>{p})" for i, p in enumerate(self.phrases)))
        self.keys = list(self.phrases)

    def read(self, text: str) -> Any:
        """The value the plain statements agree on — those of a self-introduction (我们是…) first — else the
        one their negations and what is only sought agree on, else None."""
        stated, introduced, denied = [], [], []
        designated = kinds.designated(text)
        denied_end = -1
        for match in self.pattern.finditer(text):
            key = self.keys[int(match.lastgroup[1:])]
            seg_start, _ = segment_bounds(text, match.start())
            before = text[seg_start:match.start()]
            if (self.skip_before and self.skip_before.search(before)) or (self.skip_quoted and QUOTED_ALONE.fullmatch(
                    text, max(0, match.start() - 1), min(len(text), match.end() + 1))):
                continue
            found = qualifiers(text, match.start(), match.end())
            in_name = any(a <= match.start() < b for a, b in designated)  # 以总部的名义: the applicant
            if in_name:  # 要是以省级高新区管委会的名义报, 希望以本分公司名义申报: said of that unit
                found -= {Qualifier.hypothetical, Qualifier.wished, Qualifier.pending}
            if denied_end >= 0 and kinds.COORDINATED.fullmatch(text, denied_end, match.start()):
                found.add(Qualifier.negated)  # 没有国家级或省级批文: the negation covers both
            denied_end = match.end() if Qualifier.negated in found else -1
            if Qualifier.negated in found:
                denied += [self.negated[key]] if key in self.negated and len(found) == 1 else []
            elif found == {Qualifier.pending} and key in self.pending:
                denied.append(self.pending[key])
            elif not found:
                stated.append(self.phrases[key])
                own = kinds.SELF_INTRO.search(before) or kinds.OWN.search(before)  # 我们是…, 我分公司, 本公司
                introduced += [self.phrases[key]] if in_name or (own and not designated) \
                    else []
        if stated:
            value = self.agreed(stated)
            return value if value is not None or not introduced else self.agreed(introduced)
        return self.agreed(denied)

    def agreed(self, values: list[Any]) -> Any:
        distinct = list(dict.fromkeys(values))
        if len(distinct) == 1:
            return distinct[0]
        if overriding := [value for value in self.overrides if value in distinct]:
            return overriding[0]
        return next((value for value in self.prefer if value in distinct), None) if set(distinct) <= set(
            self.prefer) else None


QUOTED_ALONE = re.compile(r"[“\"「‘][^”\"」’]+[”\"」’]")
L, T = ParkLevel, ParkType
# Who approved a zone gives its level (国务院批准设立, 市里批的一个工业园区); who set up its committee does not.
APPROVING = r"(?:正式)?(?:批准|批复|同意|批)"
# not an approval of something else the zone does (经市政府批准托管三个镇)
APPROVED = rf"(?!{APPROVING}(?:托管|代管|扩区|调区|更名|合并|整合)){APPROVING}(?:设立|成立|设置)?"
# An approval document's title (《某市人民政府关于同意设立某某工业集中区的批复》): who approved the zone.
APPROVAL_TITLE = r"(?:人民)?政府关于(?:同意|批准)(?:设立|成立|设置)"
ZONE_BEFORE = r"(?:园区|产业园|工业园|开发区|工业区|集中区)(?:是|系|为|由)[^，,。；;！!？?\n]{0,8}?"
ZONE_AFTER = r"(?:一个|一家)?[^，,。；;！!？?\n]{0,4}?(?:园区|产业园|工业园|开发区|工业区|集中区|园)"
ZONE_SHORT = r"(?:高新|经开|经济(?:技术)?开发区|开发区|工业园|产业园)"
# 省经开区, 国高新区: short forms of 省级…, 国家级…, not the end of a name (江苏省经济开发区, 全国高新区)
SHORT_FORM = r"(?:(?<![\u4e00-\u9fff])|(?<=[是的个家为]))"
PROVINCIAL = rf"省级|自治区级|{SHORT_FORM}省(?={ZONE_SHORT})"  # 自治区级: a province's level
PARK_FACTS = [
    Fact("level", {
        r"国家级|国家高新区|国家经开区|国家[^，,。；;]{0,6}?(?:高新技术产业(?:开发|示范)区|经济技术开发区|自主创新示范区)|"
        rf"{SHORT_FORM}国(?={ZONE_SHORT})|国务院{APPROVED}": L.national,  # 国高新区
        r"省级以上": L.provincial_or_above,
        PROVINCIAL: L.provincial,
        rf"省(?:政府|人民政府|委|里){APPROVED}|省{APPROVAL_TITLE}": L.provincial,
        # not 园区级别, nor the powers a zone exercises (承担县级政府职能, 县级管理权限)
        r"(?:地市级|设区市级|市级|县级(?!市)|(?<!自治)区级)(?!别|(?:政府|行政|经济社会)?(?:职能|职权|管理权限|权限))|市属|县属|区属|"
        r"(?:县|市|区)里的(?!省|国家|[^，,。；;！!？?\n]{0,14}?(?:省级|国家级))|"  # not 县里的省级经开区, 区里的某某
        # 开发区（省级）: where a provincial zone lies
        rf"(?:市|县|区)(?:政府|人民政府|委|里)(?:自己|自行)?(?:{APPROVED}|设|建)的{ZONE_AFTER}|"
        rf"{ZONE_BEFORE}(?:市|县|区)(?:政府|人民政府|委|里)(?:自己|自行)?{APPROVED}|"
        rf"^(?:是|都是|就是)?(?:市|县|区)(?:政府|人民政府|委|里)(?:自己|自行)?{APPROVED}的?$|"  # 县里批的: said alone
        rf"经[^，,。；;！!？?\n省]{{0,8}}?(?:市|县|区)(?:政府|人民政府|委){APPROVED}|(?:市|县|区){APPROVAL_TITLE}":
            L.below_provincial,
    }, negated={r"省级以上": L.below_provincial, PROVINCIAL: L.below_provincial},
        pending={r"省级以上": L.below_provincial, PROVINCIAL: L.below_provincial}, skip_quoted=True),
    # 原管委会已撤销: the zone has no committee of its own any more
    Fact("committee", {r"(?:管委会|管理委员会)[^，,。；;！!？?\n]{0,4}?(?:撤了|撤销|撤掉|取消了|没了)": False,
                       r"管委会|管理委员会": True}, negated={r"管委会|管理委员会": False}),
    Fact("type", {
        r"高新技术产业开发区|高新技术开发区|高新区|高新园区|高新技术园区|农业高新技术产业示范区": T.high_tech,
        r"经济技术开发区|经济开发区|经开区": T.economic,
        r"旅游度假区|风景名胜区|风景区|景区|度假区": T.non_industrial,
        r"综合保税区|保税区|保税港区|自由贸易试验区|自贸试验区|自贸区|自贸片区": T.bonded,
        r"工业园区|产业园区|产业园|科技园区|科技园|开发区|工业区|工业集中区": T.industrial,
    }, prefer=(T.high_tech, T.economic, T.industrial, T.bonded)),
]
HOME = r"(?:中国|我国|国内|境内|大陆|内地|(?<=在)华)"  # 在华设立
FOREIGN = f"(?:{alternation('foreign')})"
REGISTERED = "注册|设立|登记|成立"  # where a unit was set up: 在深圳注册, 在香港设立
IN_CHINA = rf"(?:在)?{HOME}(?:依法)?(?:{REGISTERED})|注册地?(?:在|于|为){HOME}"
# 德国某集团在华设立: a foreign founder, not where the unit was set up (在 names that place)
ABROAD = (rf"{FOREIGN}[^，,。；;、在]{{0,4}}?(?:{REGISTERED})|注册地?(?:在|于|为){FOREIGN}|"
          r"境外公司|外国公司|离岸公司|香港公司|境外企业|外国企业|"
          r"(?<=是)(?:一家)?(?:香港|澳门|台湾|境外|海外|国外|外国)的?(?:公司|企业)(?=$|[，,。；;！!？?\n])")
COMPANY_LAW = r"(?:依照|按照|根据|依据|依)《?公司法》?"
FOREIGN_LAW = rf"(?:依照|按照|根据|依据|依)《?{FOREIGN}[^，,。；;]{{0,8}}?(?:法|条例)"  # 依香港《公司条例》
SENTENCE_END = re.compile(r"[。！!？?\n]")
# Whether the unit is a legal person itself (a branch, an internal college or a campus is not).
IS_LEGAL_PERSON = (r"独立法人资格|独立法人|独立的法人|法人资格|企业法人|事业单位法人|法人单位|独立办学资格|"
                   r"单独登记|独立登记")
NOT_LEGAL_PERSON = (r"非法人|内设机构|内设部门|内部(?:的)?(?:部门|机构)|事业部|异地校区|分校区|办学项目|"
                    r"(?:不是|并非|非)(?:一个)?独立(?:的)?(?:机构|单位)|"
                    r"非独立(?:设置)?的?(?:校区|分校|分院)|(?:没有?|未|不)单独(?:注册|登记|办理?(?:营业)?执照|的(?:营业)?执照)|"
                    r"(?:没有|未|不|无)(?:单独|独立)的?(?:法人证书|法人登记)|"
                    # 中科院某所在昆明的分中心: a local part of an institute
                    r"(?:研究所|研究院|科学院|科院)[^，,。；;！!？?\n]{0,8}?的?(?:分中心|分所|分部|分站|试验站|工作站|观测站)")
LEGAL_PERSON = Fact("independent_legal_person", {IS_LEGAL_PERSON: True, NOT_LEGAL_PERSON: False},
                    negated={IS_LEGAL_PERSON: False})
# A company still being set up (还在筹建, 营业执照下个月才下来) is not yet one.
# 法人登记尚未办结, 执照月底才能领: the registration is still to come (工商登记 is a company's conversion);
# 营业执照还在办: the licence is (公司制登记还在办理中: a registration being changed, not a unit still to come);
# 准备注册成有限公司: the unit is to take another form, not to come (拟注册成立一家公司, 拟与某大学共建: it is to come);
# 片区没设管委会: another unit was not set up; 有没有成立满… asks, it says nothing
NOT_SET_UP = (r"筹建|筹备|筹办|(?:营业执照|执照|(?<!工商)(?:法人)?登记(?:证)?|证书)[^，,。；;！!？?\n]{0,8}?"
              r"(?:(?:还没|没有|没|未|尚未)(?:下来|办|拿到|领)|才(?:能)?(?:注册|办)?(?:下来|拿到|办下来)|"
              r"(?:下周|下个?月|过几天|过两天|马上|即将|月底)[^，,。；;！!？?\n]{0,3}?(?:下来|拿到|办好|办下来))|"
              r"(?:还没|尚未|(?<!有)没有)(?:正式)?(?:注册|成立|设立)(?!了?[^，,。；;！!？?\n]{0,4}?(?:管委会|管理委员会|分公司|子公司|"
              r"办事处|部门|机构|账号|帐号))|(?:拟|准备|打算|计划)(?:设立|成立|注册|组建)(?![成为](?!立))|"
              r"(?:拟|准备|打算|计划)(?:与|和|同|联合)[^，,。；;！!？?\n]{1,12}?(?:共建|合建|共同(?:设立|组建|建设))|"
              r"(?:营业执照|执照)[^，,。；;！!？?\n]{0,4}?(?:还在办|(?:正在|还在)?办理中)")  # a licence
SET_UP = Fact("set_up", {NOT_SET_UP: False,  # 正在筹建 is what it says; 执照下来了, 拿到法人证书 end it
                         r"(?:营业执照|执照|登记证|法人证书)[^，,。；;！!？?\n]{0,4}?(?:下来了|拿到了|办好了|办下来了)|"
                         r"(?:拿到|领到|取得|领取)了?[^，,。；;！!？?\n]{0,8}?(?:营业执照|执照|登记证书?|法人证书)":
                             True},
              pending={NOT_SET_UP: False})
STATE_OWNED, PRIVATE = r"国有|国企|央企|国资", r"民营|民企|私营"
HAS = r"有|设|下设|拥有"  # 在深圳有分公司: a unit the applicant has
BRANCH = Fact("branch", {r"分公司|分支机构|办事处|代表处": True, r"子公司|总公司|母公司|集团总部|总部|集团本部": False},
              negated={r"分公司|分支机构|办事处|代表处": False},
              skip_before=re.compile(rf"(?:{HAS}|旗下|下属|管理)[^，,。；;的]{{0,4}}$"))
COMPANY_FACTS = [
    SET_UP,
    Fact("state_owned", {STATE_OWNED: True, PRIVATE: False}, negated={STATE_OWNED: False, PRIVATE: True}),
    Fact("legal_form", {
        r"(?:其他)?股份有限公司|股份公司|上市公司|股份制(?!合作)|(?:A股|科创板|创业板|主板|北交所|深交所|上交所)上市":
            LegalForm.joint_stock,  # a company listed at home is a joint-stock company
        r"有限合伙|普通合伙|合伙企业|合伙制": LegalForm.partnership,
        r"(?:其他)?有限责任公司|有限公司|国有独资公司": LegalForm.llc,  # 其他有限责任公司: a registered type
        r"个人独资企业|个人独资": LegalForm.sole_proprietorship,
        r"个体工商户|个体户": LegalForm.individual_business,
        r"全民所有制|集体所有制|集体企业": LegalForm.non_company_enterprise,
    }),
    BRANCH,
    LEGAL_PERSON,
    Fact("established_in_china", {IN_CHINA: True, ABROAD: False}, negated={IN_CHINA: False, ABROAD: True}),
    Fact("under_company_law", {COMPANY_LAW: True, FOREIGN_LAW: False}, negated={COMPANY_LAW: False}),
]
U = UniversityLevel
EDUCATION_APPROVAL = (r"(?:经过?|由|获)?(?:国家)?(?:教育部|教育行政部门|教育部门|教育主管部门|省教育厅|教育厅)(?:正式)?"
                      r"(?:批准|批复|同意|审批)(?:设立|成立|建立)?|批准设立")
# A school the labour administration approves (人社局批的职业培训学校, 技工学校): a training school, not a 高等院校.
LABOUR_APPROVAL = r"(?:人社|人力资源和?社会保障)(?:局|厅|部|部门)?[^，,。；]{0,3}(?:批准|审批|批)|技工学校|技师学院"
# A school of the armed forces (军队院校, 由军委批准设立): set up outside the education administration.
MILITARY_SCHOOL = r"军队院校|军事院校|部队院校|武警院校|军队系统|(?:中央)?军委"
# an undergraduate school by its kind, or by the higher degrees it awards (能授博士学位, 硕士点)
UNDERGRADUATE = (r"普通本科|本科院校|本科高校|本科学校|独立学院|双一流|(?<!\d)985(?!\d)|(?<!\d)211(?!\d)|本科"
                 r"|(?:硕士|博士)(?:学位)?(?:授予|授权)|(?:硕士|博士)点|授予?[^，,。；]{0,6}(?:硕士|博士)")
UPGRADED = r"专升本|升本(?!的?(?:材料|申请|申报))"  # 去年升本了; not 升本材料 (what is sent to become one)
UNIVERSITY_FACTS = [
    Fact("level", {
        r"本科层次职业学校|本科层次职业|职业本科|职业技术大学": U.vocational_undergraduate,
        UNDERGRADUATE: U.undergraduate,
        UPGRADED: U.undergraduate,
        r"高等职业|高职|专科|高专|职业技术学院|职业学院|职业大学": U.junior,
        r"成人高校|成人高等学校|成人高等教育|开放大学|广播电视大学|电大|老年大学|网络教育学院": U.adult,
    }, pending={UNDERGRADUATE: U.junior, UPGRADED: U.junior},  # 正在申请专升本: not yet undergraduate
         overrides=(U.adult,)),  # 成人高校，开设本科学历教育: the programmes of an adult school
    Fact("approved", {EDUCATION_APPROVAL: True,
                      rf"未获批|尚未获批|未经批准|筹建|筹备|{MILITARY_SCHOOL}|{LABOUR_APPROVAL}": False},
         negated={EDUCATION_APPROVAL: False}),
    Fact("public", {r"公办|公立": True, r"民办|私立": False}, negated={r"公办|公立": False, r"民办|私立": True}),
    LEGAL_PERSON,
]
MANY_UNITS = r"(?:企业|机构|公司|平台|服务业|产业)"
DOZENS = r"(?:[一二两三四五六七八九]?十|[一二两三四五六七八九]百|上百|上千|数百|数十|几十|几百|\d{2,})"
SCORES = rf"(?:{DOZENS}[多余]?|(?:[二两三四五六七八九]十|[一二两三四五六七八九]百|\d{{2,}})来)"  # 三十多, 二十来, 百余
CLUSTERED = r"产业集聚|产业聚集|产业集群|集聚发展|形成了?集聚|集聚效应|集聚区|聚集区|集聚|聚集" \
    rf"|{MANY_UNITS}[^，,。；;！!？?\n不没]{{0,4}}?(?:集中|扎堆|云集|密集)" \
    rf"|{MANY_UNITS}[^，,。；;！!？?\n不没]{{0,3}}?{SCORES}家" \
    rf"|(?:集中|汇聚|云集|入驻)了?[^，,。；;！!？?\n不没]{{0,4}}?{SCORES}家"
# 软件企业相当集中, 服务机构有两百多家, 聚了四十多家代理所, 入驻了二十来家 (not 十来家: about ten)
# "报服务业集聚区", "那服务业集聚区呢": the service zone asked for by a short name of its own, no statement that
# industry clusters (区里有个服务业集聚区 is one).
ZONE_STEM = r"(?:知识产权)?服务业(?:高质量)?集聚(?:发展)?"
ZONE_SHORT_NAME = rf"{ZONE_STEM}(?:示范)?区"
ZONE_TYPE_NAME = re.compile(rf"(?<=报|请|建|那|冲|评|选|争){ZONE_SHORT_NAME}"
                            rf"|{ZONE_SHORT_NAME}(?=呢|吗|能|可以|行|怎么|如何|的?条件|的?要求|需要|要什么|有什么"
                            rf"|可能|够格|够不够|算不算)"
                            rf"|(?<=[“\"「]){ZONE_SHORT_NAME}(?=[”\"」])"  # 想问“服务业集聚区”这一类: a name quoted
                            # named beside another type (示范县和服务业集聚区)
                            rf"|(?:(?<=示范[市县][和与及、或])|(?<=示范园区[和与及、或])){ZONE_SHORT_NAME}"
                            rf"|{ZONE_STEM}示范区"  # a 示范区 is the type, anywhere
                            rf"|{ZONE_STEM}(?:示范)?区?(?=这块|这一块|那块|方面)")
# 服务业集聚这块，…算不算集聚说不清: the type spoken of as a matter, no statement that industry clusters
AGGLOMERATION = Fact("industrial_agglomeration", {
    r"(?:产业|服务业|服务机构|知识产权服务)(?:已经|已)?(?:形成了?)?(?:集聚|聚集)(?:度|程度|水平)?"
    r"(?:不高|较低|偏低|不足|较弱|不明显|有限)"
    rf"|{MANY_UNITS}[^，,。；;！!？?\n]{{0,2}}?(?:(?:不太|不够|不怎么|并不|没那么|不)(?:集中|扎堆|密集)"
    r"|(?:比较|很|太|也|较)?(?:分散|零散|散))"
    rf"|没(?:什么|几家|多少|有什么)[^，,。；;！!？?\n]{{0,8}}?{MANY_UNITS}"  # 产业也散, 没什么服务机构
    r"|(?:尚未|未|没有|还没有?)(?:形成|实现)[^，,。；;！!？?\n]{0,10}?(?:集聚|聚集|集群)": False,  # 尚未形成…服务业集聚
    CLUSTERED: True,
}, negated={CLUSTERED: False})

MERGING = re.compile(r"合并|重组|撤并|整合组建")


def restructuring(text: str) -> bool | None:
    """True when a merger or reorganisation of the applicant is still pending (正在和…合并): which unit applies is
    open. One that is done (2019年合并组建) is history: None."""
    return True if any(Qualifier.pending in qualifiers(text, m.start(), m.end()) for m in MERGING.finditer(text)) \
        else None

F = Founder
FOUNDERS: dict[str, Founder] = {
    **dict.fromkeys(["中央", "国务院", "国家部委", "部委", "中国科学院", "中科院", "中国工程院", "中国农业科学院",
                     "中国医学科学院", "中国社会科学院", "部属", "中直", "中央级"], F.central_government),
    **dict.fromkeys(["省政府", "市政府", "县政府", "区政府", "州政府", "旗政府", "省人民政府", "市人民政府",
                     "县人民政府", "区人民政府", "地方政府", "省属", "市属", "县属", "区属", "科技厅", "科技局"],
                    F.local_government),
    "政府": F.government, "人民政府": F.government,
    **dict.fromkeys(["管委会", "管理委员会"], F.local_government),  # a zone's committee: an agency of its government
    **dict.fromkeys(["国有企业", "国企", "央企", "中央企业", "国有控股", "国资"], F.state_owned_enterprise),
    **dict.fromkeys(["民营企业", "民企", "私营企业", "民营"], F.private_enterprise),
    **dict.fromkeys(["外资企业", "外资", "外企", "外国企业", "境外企业", "跨国公司", "株式会社"], F.foreign_enterprise),
    **dict.fromkeys(["企业", "公司", "集团"], F.enterprise),
    **dict.fromkeys(["高校", "大学", "学校"], F.university),
    **dict.fromkeys(["协会", "学会", "社会组织", "社会团体", "联合会", "商会", "促进会", "基金会"], F.association),
    **dict.fromkeys(["个人", "自然人", "私人", "我们俩", "我们两个人", "夫妻", "两口子",
                     "教授", "院士", "科学家", "专家"], F.individual),  # 三位院士自己出资办的: people
}
FOREIGN_FIRM = rf"{FOREIGN}(?:的)?(?:一家|一个)?(?:[^，,。；;！!？?\n]{{0,6}}?)(?:公司|企业|集团|会社|财团)"
# A department or an academy of a local government (市农业农村局, 省科技厅, 市编办, 省科学院, 市农科院): the
# government set the unit up.
DEPARTMENT = r"(?:省|市|县|区|州|旗|盟)[\u4e00-\u9fff]{0,8}?(?:局|厅|委员会|委|编办|科学院|科院)"
# A ministry or a national bureau by its name (自然资源部直属, 国家林业和草原局主管): the central government
# (not 总部, 本部, 内部 …).
MINISTRY = (r"(?:[\u4e00-\u9fff]{1,8}?(?<![总本内全东西南北中干外分])部|国家[\u4e00-\u9fff]{1,8}?局)"
            r"(?=直属|所属|下属|主管|设立|举办)")
FOUNDER = re.compile(f"(?P<foreign>{FOREIGN_FIRM})|(?P<ministry>{MINISTRY})|(?P<department>{DEPARTMENT})|"
                     + "|".join(sorted(map(re.escape, FOUNDERS), key=len, reverse=True)))
# Who owns the enterprise that set the institute up, said anywhere ("集团是民营企业", "一家民营的上市公司").
OWNERSHIP = {F.private_enterprise: re.compile(PRIVATE), F.state_owned_enterprise: re.compile(STATE_OWNED)}
FOUNDING = re.compile(r"设立|举办|开办|创办|创建|组建|兴办|成立|出资|出钱|投资|主办|主管|监管|发起|共建|合办|"
                      r"下属|直属|所属|旗下|"
                      r"控股|全资|持股|"  # 省属集团全资持股的设计院: its owner set it up
                      r"归[^，,。；;！!？?\n]{1,12}?管|(?:设|办|建|搞)的|"  # 市政府办的公益机构
                      r"省属|市属|县属|区属|部属|中直")
# The institute itself, after its owner (中科院…研究院, 民营企业的研究院): a founder only when no verb names one.
INSTITUTE_NOUN = re.compile(r"研究院|研究所|研究中心|实验室|研发机构|研发中心|(?<!示范)(?:科研机构|科研院所|科研单位)")
NOT_FOUNDING = re.compile(r"[^，,。；;！!？?\n]{0,4}?(?:备案|认定|授牌|挂牌|评为|命名|考核|认证)(?!设立|成立)")
# "投资方是省属国有企业", "股东是省能源集团": the founder comes after its role.
FOUNDER_ROLE = re.compile(kinds.FOUNDER_ROLE + "|隶属于?|归属于?")  # 隶属市林业局: the body above it, after the word
PLACE_INTRO = re.compile(r"(?:我们是|我是|我单位是|本单位是|我们单位是|申报单位是|申报主体是|请问|想问|我们)"
                         r"(?:某|某个|一个)?$")  # 我们是某省直管县: a place left unnamed
PLACE_ASKS = re.compile(r"[^，,。；;！!？?\n]{0,8}?(?:" + kinds.ASKS.pattern + ")")
# A text that opens with a place, speaking for it ("重庆市梁平区，…", "晋江市想创建…", "石河子市这边想问"), not
# describing something of it (苏州的一家公司).
OPENING_PLACE = re.compile(r"^(?:您好|你好|老师好|请问)?[，,。！!\s]*$")
SET_UP_THERE = re.compile(rf"[^，,。；;！!？?\n]{{0,3}}?(?:{REGISTERED}|落户)")
OF_PLACE = re.compile(r"的|下属|所属|境内|辖区|一家|一所|一个")
UNIT_NAME_AFTER = re.compile(rf"[^，,。；;！!？?\n（(]{{0,8}}?(?:{kinds.MARKER.pattern})")
# A unit the place names by a short name of its own (宁波材料所, 合肥物质院): the place is where it is, not who asks.
# 我们是温州这边的, 我们是东莞某镇一家做模具的: where the unit is from, not the place applying
WHERE_FROM_AFTER = re.compile(r"(?:这边|那边|这里|那里|本地|当地)的?|(?:[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道))?"
                              + kinds.ONE_BUSINESS_OF.pattern)
OFFICE_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{1,14}?(?:办公室|管理处|管理中心|服务中心|事务中心)")
SHORT_UNIT_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:所(?![在属有以谓])|院|中心|站|馆)")
AS_OF = re.compile(r"(?:今天|今日|现在|目前|当前|截至|截止到?)(?:是|为)?\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*"
                   r"[月\-/.]\s*(\d{1,2})")


def read_facts(text: str, facts: list[Fact]) -> dict[str, Any]:
    return {fact.field: value for fact in facts if (value := fact.read(text)) is not None}


def founders(text: str) -> list[Founder]:
    """Who set up the institute: founder words before a founding verb (…设立的, …下属, 市属 …), before the
    institute itself (中科院…研究院, 民营企业的研究院), or after a founder's role (投资方是…, 股东是…); people named
    as its founders; its supervisor (主管单位为…) only when none of these is said."""
    verbs = [v for v in FOUNDING.finditer(text) if not negated(text, v.start())]  # 政府和企业都没有参与举办: none
    roles = list(FOUNDER_ROLE.finditer(text))
    windows = {supervises: [(max(segment_bounds(text, v.start())[0], v.start() - 20), v.end())
                            for v in verbs if bool(SUPERVISES.fullmatch(v.group())) == supervises]
               + [(role.end(), segment_bounds(text, role.start())[1])
                  for role in roles if bool(SUPERVISES.search(role.group())) == supervises]
               for supervises in (False, True)}
    nouns = [(max(segment_bounds(text, n.start())[0], n.start() - 20, label_end(text, n.start())), n.end())
             for n in INSTITUTE_NOUN.finditer(text)]  # not who relays it (县局转：一家研究所…)
    # 学校里有个实验室，是两位老师自己出资开办的: who set it up, not whose it is said to be
    return owned(founders_in(text, windows[False]) or founded_by_persons(text) or founders_in(text, windows[True])
                 or founders_in(text, nouns) or founded_by_speaker(text), text)


# People named as the founders (举办者：陈某某、林某某, read as 由陈某某、林某某举办): names, not units.
PERSONS_FOUNDING = re.compile(r"由((?:[\u4e00-\u9fff]{2,3}[、和及与]){0,5}[\u4e00-\u9fff]{2,3})(?:等|两人|二人|三人)?"
                              r"(?:共同)?(?:举办|设立|出资设立|创办)")
# not a person: a unit (我厂), a question (谁)
NOT_A_PERSON = re.compile(r"[局厅司院所会校府委区市县省部团业心室站处办厂]$|^[我本该其]|[谁哪何]|出资")


def founded_by_persons(text: str) -> list[Founder]:
    named = [m.group(1) for m in PERSONS_FOUNDING.finditer(text)]
    return [F.individual] if named and all(not NOT_A_PERSON.search(name) for n in named
                                           for name in re.split(r"[、和及与]", n)) else []


# Who supervises the unit (业务主管单位为区科技局, 省科技厅主管): its founder only when no founder is said.
SUPERVISES = re.compile(r"主管|监管|隶属|归属|归[^，,。；;！!？?\n]{1,12}?管")


def label_end(text: str, pos: int) -> int:
    """Just after the last colon before ``pos`` (who speaks or relays: 县局转：…), else 0."""
    return max(text.rfind("：", 0, pos), text.rfind(":", 0, pos)) + 1


# A founding clause with no subject of its own (我们是一家民营企业，出资设立了一个研究院): the speaker set it up.
SUBJECTLESS = re.compile(r"(?:并|又|还|也|然后|后来|随后|[前去今]年|\d{4}年)*$")
SPEAKER_IS = re.compile(r"(?:我们|我司|本公司|我公司|我们公司)(?:是|为|系)(?:一家|一个|一所)?[^，,。；;！!？?\n]{0,8}?"
                        r"(?P<founder>" + "|".join(sorted(map(re.escape, FOUNDERS), key=len, reverse=True)) + ")")


def founded_by_speaker(text: str) -> list[Founder]:
    for verb in FOUNDING.finditer(text):
        seg_start, _ = segment_bounds(text, verb.start())
        if seg_start and SUBJECTLESS.fullmatch(text, seg_start, verb.start()) and not negated(text, verb.start()) \
                and (speaker := SPEAKER_IS.search(text, 0, seg_start)):
            return [FOUNDERS[speaker.group("founder")]]
    return []


# An owner said of another unit (省属本科高校, 市属国企): that unit's owner, not the institute's founder.
OWNER_OF_UNIT = re.compile(r"(?<=属)(?:公办|重点|骨干|大型)?(?:本科|普通)*"
                           r"(?:高校|大学|学院|学校|医院|企业|国企|集团|公司)")
UNIVERSITY_OWNED = re.compile(r"(?:学校|大学|高校|学院)(?:是|为|系|属于)?[（(]?$")
# A founder asked about, not stated: 是政府设立的吗, 政府设立还是企业设立.
ASKED_AFTER = re.compile(r"[^，,。；;！!？?\n]{0,5}?(?:吗|么|[？?])|[^，,。；;！!？?\n]{0,4}?还是")
ALTERNATIVE_BEFORE = re.compile(r"(?:设立|举办|出资|创办|成立)的?还是[^，,。；;！!？?\n]{0,2}$")  # not 目前还是…主管
# People named by where they work (高校退休教授, 企业的几名工程师): persons, not that unit.
PEOPLE_OF = re.compile(r"的?(?:退休|离职|离退休|在职|原)?(?:教授|老师|教师|专家|员工|职工|校友|院士|博士|研究员|工程师|"
                       r"科研人员|技术人员|人员)")
# "无政府或企业出资背景", "无国资参股": who did not found or fund the unit.
NO_FOUNDER = re.compile(r"(?<!有)无[^，,。；;！!？?\n]{0,8}?(?:出资|投资|参股|持股|参与|举办)")


def founders_in(text: str, windows: list[tuple[int, int]]) -> list[Founder]:
    """The founder words in ``windows`` that are plain statements (co-founders included)."""
    found: list[Founder] = []
    denied = [m.span() for m in NO_FOUNDER.finditer(text)]
    for window_start, window_end in windows:
        for term in FOUNDER.finditer(text, window_start, window_end):
            if NOT_FOUNDING.match(text, term.end(), window_end) or any(a < term.start() < b for a, b in denied):
                continue  # 省科技厅备案的研发机构: who filed or recognised it did not set it up
            if OWNER_OF_UNIT.match(text, term.end()) or (UNIVERSITY_OWNED.search(text, window_start, term.start())
                                                         and FOUNDERS.get(term.group()) != F.university):
                continue  # 省属高校的研究院, 学校是省属的, 某大学（教育部直属）: whose that unit is, not who set the
                # institute up; the unit itself may be the founder
            if ASKED_AFTER.match(text, term.end()) or ALTERNATIVE_BEFORE.search(text, 0, term.start()):
                continue  # 是政府设立的吗, 算政府设立还是企业设立: what is asked is not said
            if not qualifiers(text, term.start(), term.end()) - {Qualifier.partial, Qualifier.other}:  # co-founders
                found.append(F.individual if PEOPLE_OF.match(text, term.end()) else
                             F.foreign_enterprise if term.group("foreign") else
                             F.central_government if term.group("ministry") else
                             F.local_government if term.group("department") else FOUNDERS[term.group()])
    return list(dict.fromkeys(found))


def owned(found: list[Founder], text: str) -> list[Founder]:
    """An enterprise founder made private or state-owned when the text says which, and says only one."""
    said = [kind for kind, words in OWNERSHIP.items()
            if any(not negated(text, m.start()) for m in words.finditer(text))]
    if F.enterprise not in found or len(said) != 1:
        return found
    return owned_by(found, said[0])


def owned_by(found: list[Founder], owner: Founder) -> list[Founder]:
    """The founders with the enterprise whose ownership was unsaid made ``owner`` (a state-owned or private one)."""
    return list(dict.fromkeys(owner if f == F.enterprise else f for f in found))


def project_names() -> dict[str, ProjectKey]:
    """Every wording of every project type, to its key."""
    return {name: key for key, t in project_types().items() for name in t.names}


def mentioned_types(text: str) -> list[ProjectKey]:
    """The project types a text names (示范企业, 强县建设示范县 …), in the order of the notice."""
    clean = normalize(text)
    named = {key for name, key in project_names().items() if name in clean}
    if ZONE_TYPE_NAME.search(clean):
        named.add("service_zone")  # 报服务业集聚区: the type by a short name of its own
    return [key for key in PROJECT_KEYS if key in named]


@cache
def title_names() -> re.Pattern[str]:
    """The names of the seven titles, longest first."""
    return re.compile("|".join(map(re.escape, sorted(project_names(), key=len, reverse=True))))


@cache
def pilot_names() -> tuple[dict[str, ProjectKey], re.Pattern[str]]:
    """The pilot counterpart of each title (强市建设试点城市, 服务业集聚发展试验区) with the type it is a pilot of,
    and a pattern of them, longest first."""
    names = {name.replace("示范", word): key for name, key in project_names().items() for word in ("试点", "试验")}
    return names, re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def pilot_titles(text: str) -> list[ProjectKey]:
    """The types whose pilot the text says the applicant was (是2022年的强市建设试点城市): said when asked which
    title it holds, it settles a doubted claim to the title itself."""
    names, found = pilot_names()
    return list(dict.fromkeys(names[m.group()] for m in found.finditer(text) if not negated(text, m.start())))


# A unit told apart from others by a letter or a number (A公司, 客户乙, 单位2): the claims of one are not another's.
UNIT_LABEL = re.compile(r"(?<![A-Za-z])([A-Z])(?=公司|企业|单位|研究院|学校|大学|集团|[是：:，,])"
                        r"|(?:客户|单位|企业|公司)([甲乙丙丁戊一二三四五]|[1-9](?!\d))")


def label_before(text: str, end: int) -> str | None:
    """The last unit label in the segment up to ``end``, if any."""
    seg_start, _ = segment_bounds(text, max(0, end - 1))
    labels = [m.group(1) or m.group(2) for m in UNIT_LABEL.finditer(text, seg_start, end)]
    return labels[-1] if labels else None


def held_by_another(text: str, before: str, title_at: int, head: kinds.Marker | None) -> bool:
    """The claim is of a unit other than the applicant: one labelled otherwise (A公司已是示范企业；B公司想报…),
    or a unit below it while the applicant is the one above (旗下子公司是示范企业，集团本部能报吗)."""
    if head is None:
        return False
    holder, applicant = label_before(text, title_at), label_before(text, head.end)
    if holder and applicant and holder != applicant:
        return True
    return bool(pattern("subordinate_unit").search(before)) \
        and bool(pattern("parent_unit").search(text, *segment_bounds(text, head.start)))


HEAD_OFFICE = re.compile(r"总公司|总部")
AFTER_COLON = re.compile(r"[^：:]*$")
# A title said not awarded (示范县没评上).
NOT_AWARDED_AFTER = re.compile(r"[^，,。；;！!？?\n]{0,2}?(?:没|没有|未|并未)(?:评上|评过|获批|认定|入选|通过)")


EARLIER_HOLDER = re.compile(r"(?:以前|之前|此前|早年|早先|曾经|曾|过去|原来|原先)(?:就|也|还)?(?:是|被|获评|评上)")


ORDINAL_IS = re.compile(r"(?:^|[：:；;])\s*其?[一二三四五六七八九十]是$")  # 一是…，二是…: items counted
SEEKS = re.compile(r"(?:拟|想|准备|打算|计划|争取)[^：:]{0,8}?(?:申报|报|申请|创建)")
LEAD_IN = re.compile(r"([^，,。；;！!？?\n]*)[：:][^。！!？?\n]*$")  # the clause before the items' colon


def sought_in_lead_in(text: str, item_start: int) -> bool:
    """The items counted after a lead-in (打算报两个项目：其一是…，其二是…) are what it seeks, not titles held."""
    lead_in = LEAD_IN.search(text, 0, item_start)
    return bool(lead_in and SEEKS.search(lead_in.group(1)))


def title_claims(text: str, head: kinds.Marker | None = None, *, branch: bool = False
                 ) -> tuple[list[ProjectKey], list[ProjectKey], list[ProjectKey]]:
    """National titles the text says the applicant already holds (2021年经评审入选国家知识产权示范企业), and
    those it says so only with doubt (听说好像评上过): a title counts when the nearest predicate before it in
    its segment is a recognition (被认定为, 入选, 是 …), not a wish to apply (能否申报, 争创); provincial titles,
    creation objects and pilots are not titles; a negated, pending, former or supposed claim is none.
    ``branch``: the applicant is a branch or its head office, and the head office's titles (总公司已是示范企业) are
    those of the company that applies. Third: the titles a unit above the applicant holds (集团已是示范企业，
    子公司…)."""
    names = project_names()
    held: list[ProjectKey] = []
    unsure: list[ProjectKey] = []
    parents: list[ProjectKey] = []
    for match in title_names().finditer(text):
        seg_start, seg_end = segment_bounds(text, match.start())
        before, after = text[seg_start:match.start()], text[match.end():seg_end]
        if pattern("local_title").search(before) or pattern("not_the_title").search(after):
            continue
        claimant = AFTER_COLON.search(before).group()  # 某集团子公司办公室：我们公司已被认定为…: the writer's
        # label before a colon names no holder
        another = pattern("another_unit").search(HEAD_OFFICE.sub("", claimant) if branch else claimant)
        if parent_holds(text, claimant, seg_end):
            parents.append(names[match.group()])  # 母集团是示范企业（问的是旗下子公司）
            continue
        if another or held_by_another(text, claimant, match.start(), head):
            continue  # 隔壁长兴县被评为…: a claim about someone else
        if revoked_later(text, match.end()):
            continue  # 前年获评示范企业，去年被撤销
        claim = [m for m in pattern("recognition").finditer(before)]
        seeking = [m for m in pattern("seeking").finditer(before)]
        if not claim or (seeking and seeking[-1].start() > claim[-1].start()):
            continue
        predicate = claim[-1]
        if re.search(rf"(?:{alternation('future')})(?:被)?$", before[:predicate.start()]) \
                or (ORDINAL_IS.search(before, 0, predicate.end()) and sought_in_lead_in(text, seg_start)):
            continue
        found = qualifiers(text, seg_start + predicate.start(), match.end()) | qualifiers(text, match.start(),
                                                                                           match.end())
        if Qualifier.former in found and EARLIER_HOLDER.search(before) \
                and not pattern("revoked").search(text, seg_start, seg_end):
            found.discard(Qualifier.former)  # 公司以前是示范企业: recognised in an earlier year, which stays valid
        if found & {Qualifier.negated, Qualifier.pending, Qualifier.former, Qualifier.wished,
                    Qualifier.hypothetical}:
            continue
        merged = MERGED_UNIT.search(claimant)  # 原经开区2019年被认定为…（已并入我们）: whether it passes on, unsaid
        this_year = THIS_YEAR.search(claimant)  # 今年6月刚被认定为…: 四（一） keeps those of earlier years
        (unsure if merged or this_year or found & {Qualifier.hedged, Qualifier.hearsay} else held).append(
            names[match.group()])
    unsure += vague_titles(text) + outcome_unknown(text)
    held = list(dict.fromkeys(held))
    return held, [key for key in dict.fromkeys(unsure) if key not in held], list(dict.fromkeys(parents))


# A recognition said to be of this very year (今年6月, 上个月刚): not plainly one of "此前年度".
THIS_YEAR = re.compile(r"今年|本年度?|这个月|本月|上个?月|前几天|前些天|最近刚")
# A unit named as what it was (原经开区, 原某某学院): one merged into or replaced by the applicant.
MERGED_UNIT = re.compile(r"(?<![\u4e00-\u9fff])原(?![来先本是为则因有定计])[\u4e00-\u9fff]{0,10}?"
                         r"(?:区|园|校|学院|大学|院|所|公司|厂|管委会)")


# An application made in an earlier year whose outcome the text says it does not know (报了…也不知道评没评上).
APPLIED_BEFORE = re.compile(r"(?:申报|报|参评|推荐)(?:了|过|上去了?)[^。；;！!？?\n]{0,6}$")
OUTCOME_UNKNOWN = re.compile(r"(?:不知道|不清楚|没看到|没见到|没收到|没有?消息)[^。；;！!？?\n]{0,10}"
                             r"(?:结果|文件|消息|评上|选上|批下来|公布)|评没评上|有没有评上|没评上还是")


def outcome_unknown(text: str) -> list[ProjectKey]:
    """The titles an earlier application sought whose outcome the text says it does not know: perhaps held."""
    if not OUTCOME_UNKNOWN.search(text):
        return []
    names = project_names()
    return [names[m.group()] for m in title_names().finditer(text)
            if APPLIED_BEFORE.search(text, segment_bounds(text, m.start())[0], m.start())]


def denied_titles(text: str) -> list[ProjectKey]:
    """Titles the text says plainly the applicant does not hold (是试点县，不是示范县): what an earlier turn
    claimed or doubted is settled."""
    names = project_names()
    return list(dict.fromkeys(names[m.group()] for m in title_names().finditer(text)
                              if (negated(text, m.start()) or NOT_AWARDED_AFTER.match(text, m.end()))
                              and not pattern("hedge").search(text, *segment_bounds(text, m.start()))))


# The applicant says it is a subsidiary (我公司是某某集团股份有限公司的全资子公司).
SUBSIDIARY = re.compile(r"(?:是|为|系)[^，,。；;！!？?\n]{0,24}?(?:全资|控股)?子公司")


# the asker asking of itself right after a parent named (集团早是示范企业了，我们还用报吗)
SPEAKER_AFTER = re.compile(r"[，,。；;\s]*(?:那|那么)?(?:我们|咱们|我院|我所|我司|我校|本单位|我单位)(?:自己)?"
                           r"(?:还要|还用|要不要|需不需要|还需要|用不用|能不能|可以|能)再?(?:报|申报)")


def parent_holds(text: str, before: str, seg_end: int) -> bool:
    """The title's holder is a unit above the applicant: the claim names a parent (母集团是…, 集团已被认定为…) and
    the text goes on to a unit below it (旗下一家控股子公司…能报吗), says the applicant is its subsidiary, or goes
    on to the asker when the parent is not the asker's own (集团去年是示范企业，那我们还要报吗)."""
    parent = pattern("parent_unit").search(before)
    return bool(parent) and bool(pattern("subordinate_unit").search(text, seg_end) or SUBSIDIARY.search(text)
                                 or (not kinds.OWN.search(before, 0, parent.start())
                                     and SPEAKER_AFTER.match(text, seg_end)))  # 集团是…，我们还用报吗


def revoked_later(text: str, end: int) -> bool:
    """The rest of a title's sentence or the next sentence says it was taken back, as a statement (not
    会不会被取消？)."""
    stop = end
    for _ in range(2):  # …认定为示范企业。2024年复核时被取消资格。
        sentence_end = SENTENCE_END.search(text, stop)
        stop = sentence_end.end() if sentence_end else len(text)
    for found in pattern("revoked").finditer(text, end, stop):
        seg_start, seg_end = segment_bounds(text, found.start())
        if not re.search(r"[吗？?]|会不会|是否|如果|万一", text[seg_start:seg_end]) \
                and not qualifiers(text, found.start(), found.end()) & {Qualifier.negated, Qualifier.hypothetical}:
            return True
    return False


# A national IP title recalled without its name (评过个国家级的知识产权什么企业): which title it was is unknown.
BETWEEN = r"[^，,。；;！!？?\n]"
VAGUE_TITLE = re.compile(rf"(?:{alternation('recognition')}){BETWEEN}{{0,10}}?国家级?{BETWEEN}{{0,4}}?"
                         r"知识产权(?:什么|的|那个|某个|某种|个)?(企业|县|市|园区|高校|大学|科研机构|研究院|研究所)")
VAGUE_HOLDERS: dict[str, ProjectKey] = {"企业": "enterprise", "县": "county", "市": "city", "园区": "park",
                                        "高校": "university", "大学": "university", "科研机构": "institute",
                                        "研究院": "institute", "研究所": "institute"}


def vague_titles(text: str) -> list[ProjectKey]:
    """Titles of this programme a recognition may have been, when the text recalls one without naming it."""
    return [VAGUE_HOLDERS[m.group(1)] for m in VAGUE_TITLE.finditer(text)
            if not project_names_in(m.group()) and Qualifier.negated not in qualifiers(text, m.start(), m.end())]


# A recognition as a 示范单位 without the type (被认定过示范单位): perhaps the one title the applicant's kind holds.
GENERIC_TITLE = re.compile(rf"(?:{alternation('recognition')}){BETWEEN}{{0,10}}?"
                           r"(?P<title>示范单位|知识产权示范(?![市县园企高科城区]))")


ASKED_OF_ITSELF = re.compile(r"是否|是不是|算不算|属不属于|属于")  # 是否属于“此前年度已认定为示范单位”


def generic_title(text: str) -> bool:
    """A claim, plain or hearsay, that the applicant was recognised as a 示范单位 (not one supposed or asked)."""
    return any(not qualifiers(text, m.start(), m.end()) & {Qualifier.negated, Qualifier.hypothetical,
                                                           Qualifier.wished, Qualifier.pending}
               and not ASKED_OF_ITSELF.search(text, segment_bounds(text, m.start())[0], m.start())
               and not pattern("local_title").search(text, m.start(), m.start("title"))  # 某省知识产权示范单位
               for m in GENERIC_TITLE.finditer(text))


def titles_of_kind(kind: ApplicantKind | None) -> list[ProjectKey]:
    """The one project type only this kind of applicant can hold (an institute: 示范科研机构), if there is one."""
    held = [key for key, t in project_types().items() if kind is not None and t.holder_kind == kind.value]
    return held if len(held) == 1 else []


def project_names_in(text: str) -> bool:
    return any(name in text for name in project_names())


def as_of(text: str) -> date | None:
    match = AS_OF.search(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def find_place(text: str, head_at: int | None, kind: ApplicantKind | None, earlier: Place | None = None
               ) -> Place | None:
    """The applicant's place: in the head noun's segment when one is named there, the names nearest before the
    head noun, else the place ``earlier`` turns named; for a government, narrowed by a level said in words
    (深圳市的一个区政府, 那市下面的区呢)."""
    found = places.chains(text)
    found = [c for c in found if not governed_or_governing(text, c) and not compared_with(text, c)
             and not consulted(text, c)]
    set_up = [c for c in found if SET_UP_THERE.match(text, c.mentions[-1].end)]
    if registered := registered_chain(text, found):  # 注册地：某区, not the place its name begins with
        found, head_at = [registered], None
    elif set_up:  # where the unit was set up (香港公司在深圳设立的子公司) outranks where its owners are, and the
        found, head_at = set_up, None  # place its name begins with (重庆某公司，渝北区注册)
    elif head_at is not None:  # a place in the head noun's own segment (我们公司在湖南株洲) outranks the others
        seg_start, seg_end = segment_bounds(text, head_at)
        found = [c for c in found if seg_start <= c.start < seg_end] or found
    before = [c for c in found if head_at is not None and c.start < head_at]
    chain = before[-1].before(head_at) if before else (found[0] if found else None)
    place = places.place_of_chain(text, chain) if chain else earlier
    if kind not in (K.government, None):
        return place
    return (chain is None and earlier is not None and places.wider(earlier, text)) or places.refine(place, text)


def registered_chain(text: str, found: list[places.Chain]) -> places.Chain | None:
    """The names from where the text says the unit is registered (注册地：某区, 注册在某区), unless it says so of
    another unit (母公司注册地在香港)."""
    return next((places.Chain(chain.mentions[n:]) for chain in found for n, mention in enumerate(chain.mentions)
                 if REGISTERED_AT.search(text, max(0, mention.start - 6), mention.start)
                 and not pattern("another_unit").search(text, segment_bounds(text, mention.start)[0], mention.start)),
                None)


# A place the applicant governs (下辖魏都区、禹州市, 所辖某县) or is governed by (由泉州市代管): not its own.
GOVERNS_BEFORE = re.compile(r"(?:下辖|所辖|(?<![直管统])辖(?!区)|辖区内的?|下属的?|(?:所在地|驻地|府)(?:为|是|在))"
                            r"(?:[^，,。；;！!？?\n]{0,30}?[、和及])?$")  # 辖延吉、图们…, 州府所在地为某市: not its own
GOVERNED_BY = re.compile(r"(?:代管|托管|管辖|领导)")


# 跟义乌、昆山一样是县级市: places the applicant is likened to
LIKENED_BEFORE = re.compile(r"(?:跟|和|与|同|像)(?:[^，,。；;！!？?\n]{0,20}?[、和及])?$")
LIKENED_AFTER = re.compile(r"[^，,。；;！!？?\n]{0,20}?(?:一样|相同|类似|同样|差不多)")


# 刚问过某市局, 咨询过省知识产权局: an office consulted, whose place is not the applicant's
CONSULTED_BEFORE = re.compile(r"(?:问了|问过|咨询了|咨询过|打听了|请教了|核实了|确认了|打电话给|致电)(?:一下|下)?$")
OFFICE_AFTER = re.compile(r"[市县区省州]?(?:知识产权局|市场监管局|市场监督管理局|局|厅)")


def consulted(text: str, chain: places.Chain) -> bool:
    return bool(CONSULTED_BEFORE.search(text, 0, chain.start)) \
        and bool(OFFICE_AFTER.match(text, chain.mentions[-1].end))


def compared_with(text: str, chain: places.Chain) -> bool:
    """The chain names a place the applicant is likened to (跟义乌、昆山一样), not its own."""
    seg_start, _ = segment_bounds(text, chain.start)
    return bool(LIKENED_BEFORE.search(text, seg_start, chain.start)) \
        and bool(LIKENED_AFTER.match(text, chain.mentions[-1].end))


def governed_or_governing(text: str, chain: places.Chain) -> bool:
    """The chain names a place the applicant governs or is governed by."""
    seg_start, _ = segment_bounds(text, chain.start)
    end = chain.mentions[-1].end
    return bool(GOVERNS_BEFORE.search(text, seg_start, chain.start)) \
        or (text[chain.start - 1:chain.start] in ("由", "归") and bool(GOVERNED_BY.match(text, end)))


PLACE_WORD = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[的个那这们]))(?:县|区|市|旗)(?:里|政府|人民政府)?$")
# What may follow a place that is the subject turned to (无锡市自己报…, 滨湖区呢, 某县政府能报吗).
AFTER_PLACE_TURNED_TO = re.compile(rf"(?:{kinds.ASIDE})?"  # 某县（某市下面的县）: an aside on the place
                                   rf"(?:的?(?:人民)?政府)?(?:自己|本身|单独|这边)?(?:还|也)?"
                                   rf"(?:(?P<applies>(?:{alternation('modal')})?够?(?:{alternation('apply')}))|呢|$)")


def place_turned_to(text: str) -> int | None:
    """Where a follow-up naming a place as its subject (那园区所在的滨湖区呢, 无锡市自己报示范市呢, 那我们那个县呢)
    names it: no unit is named there, and the place is the whole subject."""
    for chain in places.chains(text):
        end = chain.mentions[-1].end
        segment_start, segment_end = segment_bounds(text, chain.start)
        after = AFTER_PLACE_TURNED_TO.match(text, end)
        if after and not kinds.markers(text[segment_start:end]) \
                and (after.group("applies") or pattern("follow_up").search(text[segment_start:segment_end])):
            return end
    for follow_up in kinds.WHAT_ABOUT.finditer(text):
        start, end = follow_up.span(1)
        if not kinds.markers(text[start:end]) and (word := PLACE_WORD.search(text, start, end)):
            return word.end()
    return None


def place_as_applicant(text: str) -> int | None:
    """Where a place named as the applicant ends (我们是江宁区 / 江宁区能否申报… / a text opening with the
    place it speaks for): its government applies. A place whose own arrangements are asked about (广东示范县能推
    几个) is the topic, and so is a province opening a question without saying it speaks for its government."""
    for number, chain in enumerate(places.chains(text)):
        seg_start, seg_end = segment_bounds(text, chain.start)
        end = chain.mentions[-1].end
        if text.startswith(MASK, end):
            continue  # 浙江省局: the place names an organiser
        if number == 0 and OPENING_PLACE.match(text[:chain.start]) \
                and (government := places.GOVERNMENT_AFTER.match(text, end)) \
                and not kinds.MODIFIES.match(text, government.end()):
            return end  # 某区人民政府这边咨询，…: the government the text opens with (not places named after it; not
            # 某市人民政府举办的研究院: the institute's founder)
        if PLACE_INTRO.search(text[seg_start:chain.start]) and not OFFICE_NAME_AFTER.match(text, end, seg_end) \
                and not WHERE_FROM_AFTER.match(text, end) and not names_other_unit(text, end):
            return end  # not 我们是某某区…管理办公室 (an office the place names), nor 我们是温州这边的 (where from),
            # nor 我们溧阳工业园区 (a unit the place names)
        if pattern("about_the_place").search(text, end, seg_end):
            continue
        if SHORT_UNIT_NAME_AFTER.match(text, end, seg_end):
            continue  # 宁波材料所想报…: a unit of the place asks
        if PLACE_ASKS.match(text, end, seg_end):
            return end
        names_unit = any(UNIT_NAME_AFTER.match(text, mention.end) for mention in chain.mentions)  # 宁波经济技术开发区…
        if number == 0 and OPENING_PLACE.match(text[:chain.start]) and not OF_PLACE.match(text, end) \
                and not names_unit and not province_alone(text, chain):
            return end  # not 武汉东湖新技术开发区管委会 (the place names a unit), not 湖南申报书交到哪 (the topic)
    return None


def names_other_unit(text: str, end: int) -> bool:
    """Right after a place, the name of a unit other than its government (溧阳工业园区, 江宁某某有限公司)."""
    unit = UNIT_NAME_AFTER.match(text, end)
    return bool(unit) and kinds.MARKERS[kinds.MARKER.search(unit.group()).group()] != K.government


# A department saying its own side wants a type only governments apply for: it speaks for its government.
WE_WANT_TO_APPLY = re.compile(rf"(?:我们|咱们|我局)(?:这次|这一届|这届|今年|也)?(?:{kinds.WANTS_TO_APPLY.pattern})"
                              # its government or place wanting to apply (县里想报, 州政府有意申报, 区政府研究后报)
                              rf"|(?:(?<![\u4e00-\u9fff])|(?<=[是的])|我们|咱们|[我本])(?:[县区市州旗盟]|地区)(?:里面?|政府|人民政府)?"
                              rf"[^。？?！!]{{0,24}}?(?:{kinds.WANTS_TO_APPLY.pattern})"
                              r"|[县区市州旗盟](?:人民)?政府[^。？?！!]{0,8}?(?:研究|决定|同意)[^。？?！!]{0,6}?(?:报|申报)"
                              r"|申报单位(?:写|填|为|是)[“\"]?[^，,。；;！!？?\n]{0,12}?(?:人民政府|行政公署)"
                              # its place asking what it may apply for (我们区里想问…我们能报吗, 我区该报哪个)
                              rf"|(?:(?:我们|咱们|[我本])[县市区旗州盟]里?|(?:(?<![\u4e00-\u9fff])|(?<=[问说替帮]))[县区旗州盟]里)"
                              rf"[^。？?！!]{{0,30}}?(?:{kinds.MODAL.pattern}|该报|报哪)"
                              # the speaker saying it is the place (我们作为南京下面的区)
                              r"|(?:我们|咱们)作为[^，,。；;！!？?\n]{0,10}?[县区旗](?![\u4e00-\u9fff])")


def place_introduced(text: str) -> int | None:
    """Where a place the speaker introduces as its own (我们是河南的省直管县) ends, unless it names a unit of the
    place (我们是XX市市场监管局)."""
    for chain in places.chains(text):
        seg_start, _ = segment_bounds(text, chain.start)
        end = chain.mentions[-1].end
        if PLACE_INTRO.search(text[seg_start:chain.start]) and not UNIT_NAME_AFTER.match(text, end) \
                and not text.startswith(MASK, end):
            return end
        if chain.start == seg_start and (said := LEVEL_SAID_AFTER.match(text, end)) \
                and any(said.start() < start <= said.end() for start, _ in places.level_mentions(text)):
            return end  # 我在某市科技局工作。某市是县级市: the place it speaks of
    return None


LEVEL_SAID_AFTER = re.compile(r"(?:是|属于|系)[^，,。；;！!？?\n]{0,10}")  # where a level said of the place starts


def level_as_applicant(text: str) -> int | None:
    """Where a level of government said in words as the speaker ends (我们是省直管县, 兵团下辖的市，能报…): its
    government applies, as a named place's does (``place_as_applicant``)."""
    for start, end in places.level_mentions(text):
        seg_start, seg_end = segment_bounds(text, start)
        if pattern("about_the_place").search(text, end, seg_end) or kinds.FOUNDER_OR_AGENT.match(text, end):
            continue  # 县政府常务会已同意设立…: the government approves, another unit applies
        if PLACE_INTRO.search(text[seg_start:start]) or PLACE_ASKS.match(text, end, seg_end) \
                or OPENING_PLACE.match(text[:start]):
            return end
    return None


def province_alone(text: str, chain: places.Chain) -> bool:
    """A chain naming only a province, its government not mentioned: 湖南 in 湖南申报书交到哪."""
    last = chain.mentions[-1]
    return all(d.rank == 0 for d in last.divisions) and not places.GOVERNMENT_AFTER.match(text, last.end)


def place_asking_for_its_government(masked: str, clean: str) -> int | None:
    """A text that names one place and asks only about types a people's government applies for (示范市, 示范县,
    服务业集聚示范区 beside them): the place's government is the applicant ("我们崇明…现在叫上海市崇明区，
    还能报示范县吗")."""
    found = places.chains(masked)
    named = {frozenset(d.code for d in chain.mentions[-1].divisions) for chain in found}  # 原浏阳县…现在是浏阳市: one
    held_by = {project_types()[key].holder_kind for key in mentioned_types(clean)}  # "": a government among others
    if len(named) == 1 and K.government.value in held_by and held_by <= {K.government.value, ""}:
        end = found[-1].mentions[-1].end
        return None if pattern("about_the_place").search(masked, end) else end
    return None


REGISTERED_AT = re.compile(rf"(?:{REGISTERED})(?:地址?[:：]?|地?(?:在|于|为|是))$")  # 注册地在, 注册地：, 设立于


def registered_in(text: str, place: Place | None) -> bool | None:
    """True when the text says the unit was registered at a place in China (在苏州注册, 注册地在深圳), the place
    the profile holds or another one it names (在香港上市，注册地在深圳)."""
    if place is not None and place.mention and PlaceCategory.outside not in place.categories:
        there = re.search(re.escape(place.mention) + SET_UP_THERE.pattern, text)
        if there and not negated(text, there.start()):
            return True
    for chain in places.chains(text):
        at_home = all(PlaceCategory.outside not in places.categorize(d) for d in chain.mentions[-1].divisions)
        if at_home and REGISTERED_AT.search(text, max(0, chain.start - 6), chain.start) \
                and not negated(text, chain.start):
            return True
    return None


# A college, faculty or school of a university (某大学的材料学院, XX大学医学部): part of it, not a university.
SECONDARY_COLLEGE = re.compile(r"(?:(?:大学|高校)(?:的|下属的?|所属的?|下面的?|里的?)?"
                               r"|(?:学校|[我本]校)(?:的|下属的?|所属的?|下面的?|里的?))"  # a school that may be a 学院
                               r"[^，,。；;！!？?\n是叫为原]{0,12}?(?:学院|学部|医学部|书院|研究生院)$")


# Said outright of the unit (软件学院是学校的二级学院): a part of a university.
SECOND_LEVEL = re.compile(r"二级学院|二级学部|内设学院|二级单位")
# The school's parts counted (设18个二级学院, 各二级学院): what the school has, not what the applicant is.
SCHOOLS_PARTS = re.compile(rf"(?:{kinds.NUMBER}|多|各|下属)[个所]?$")
# A campus applying on its own (以校区的名义, 深圳校区想单独报): a part of its university too.
CAMPUS_APPLYING = re.compile(r"校区的?名义|校区[^，,。；;！!？?\n]{0,3}?(?:单独|另行|自己|独立)(?:申报|报|申请)")


def secondary_college(text: str, head: kinds.Marker | None) -> bool:
    """The applicant is a college or a campus of a university: said outright, or the college a university is named
    with (XX理工大学材料学院…以我们学院名义)."""
    if head is None or head.kind != K.university or "独立学院" in text:
        return False
    if any(not negated(text, m.start()) and not SCHOOLS_PARTS.search(text, max(0, m.start() - 6), m.start())
           for part in (SECOND_LEVEL, CAMPUS_APPLYING) for m in part.finditer(text)):
        return True
    return text[head.start:head.end] == "学院" and any(
        SECONDARY_COLLEGE.search(text, segment_bounds(text, college.start())[0], college.end())
        for college in re.finditer("学院", text))


# A school named a 大学 (兰州交通大学, 上海纽约大学): only undergraduate schools may take that name, save those whose
# names say vocational, open or adult education (the level phrases read those).
NAMED_UNIVERSITY = re.compile(r"[\u4e00-\u9fff]{2}(?<![们所个家该本这那是的属某一])大学$")
NOT_UNDERGRADUATE_NAME = re.compile(r"(?:职业技术|职业|开放|广播电视|老年|社区|业余|职工|函授)大学$")
PART_NAMED_AFTER = re.compile(r"[（(]|[\u4e00-\u9fff]{0,6}?"
                              r"(?:分校|校区|分院|学院|研究院|研究生院|医院|附属|科技园|实验室)")


# A head office of branches (总公司), or a subsidiary said to be a legal person: a company of one of the two forms
# (《公司法》's own terms)
HEAD_OFFICE_NOUN = re.compile(r"总公司$")
HAS_UNIT = re.compile(rf"(?:{HAS})[^，,。；;的]{{0,4}}$")


def named_branch(text: str, head: kinds.Marker | None) -> bool:
    """The applicant's own noun is 分公司: the one asked about, or one not said to be had (在深圳有分公司)."""
    return head is not None and text[head.start:head.end] == "分公司" \
        and (head.by != "first" or not HAS_UNIT.search(text[segment_bounds(text, head.start)[0]:head.start]))


def university_facts(text: str, head: kinds.Marker | None) -> UniversityFacts:
    facts = {"independent_legal_person": False if secondary_college(text, head) else None,
             **read_facts(text, UNIVERSITY_FACTS)}
    if "level" not in facts and head is not None and text[head.start:head.end] == "大学" \
            and NAMED_UNIVERSITY.search(text, 0, head.end) \
            and not NOT_UNDERGRADUATE_NAME.search(text, 0, head.end) \
            and not PART_NAMED_AFTER.match(text, head.end):  # 某某大学威海分校, 某某大学（深圳）: a part of it
        facts["level"] = U.undergraduate
    return UniversityFacts(**facts)


def not_a_legal_person(text: str) -> bool:
    """Some sentence says the unit is not a legal person (a later one may say its parent is)."""
    return any(LEGAL_PERSON.read(sentence) is False for sentence in SENTENCE_END.split(text))


def proposed_kinds(masked: str, clean: str, kinds_said: set[ApplicantKind | None]) -> dict[str, ApplicantKind]:
    """The kind of unit put forward for each project type, when units of several kinds are (管委会报示范园区、区政府
    报服务业集聚区: each type is screened for its own unit)."""
    names = project_names()
    proposed: dict[str, ApplicantKind] = {}
    for unit, (start, end) in kinds.proposals(masked):
        key = names.get(clean[start:end])
        if key and unit.kind in kinds_said:
            proposed.setdefault(key, unit.kind)
    return proposed if len(set(proposed.values())) > 1 else {}


def proposed_below(masked: str, clean: str) -> dict[str, tuple[str, int, int]]:
    """Each project type a county-level unit below the speaking city is put forward for (县里想报示范县), with that
    unit's level and span."""
    found: dict[str, tuple[str, int, int]] = {}
    for level_key, start, end in places.units_below(masked):
        if key := type_proposed_at(masked, clean, end):
            found.setdefault(key, (level_key, start, end))
    return found


def type_proposed_at(masked: str, clean: str, end: int) -> ProjectKey | None:
    """The project type the unit named up to ``end`` is put forward for (…报示范县), if it is."""
    proposal = kinds.PROPOSES.match(masked, end)
    name = kinds.MASKED_NAME.match(masked, proposal.end() - 1) if proposal else None
    return project_names().get(clean[name.start():name.end()]) if name else None


def places_named_for_types(masked: str, clean: str, applicant: Place | None) -> dict[str, Place]:
    """The place each project type is asked for when the text names a place for it other than the applicant's own
    (甲市政府报示范市，乙县报示范县; 我们是甲市，下面乙县想报示范县); {} otherwise, and when a note names the unit
    screened (本次预审：甲市): every type is then asked for that unit."""
    if SCREENED.search(masked):
        return {}
    found: dict[str, Place] = {}
    mentions = places.scan(masked)
    starts = {mention.start for mention in mentions}
    for mention in mentions:
        if mention.end in starts:
            continue  # 徐州市沛县想报…: the place is named by the name right after
        end = mention.end
        for after in (places.GOVERNMENT_AFTER, kinds.PARENTHESIS, SIDE, ITSELF):  # 延边州政府报…, 凯里市（县级市）报…
            end = match.end() if (match := after.match(masked, end)) else end
        if (key := type_proposed_at(masked, clean, end)) and (place := place_named_at(masked, mention)):
            found.setdefault(key, place)
    for own in kinds.OWN_PLACE.finditer(masked):  # 我们区想报示范县: the speaker's district, named before
        level, end = own.group("level"), own.end()
        end = suffix.end() if (suffix := OWN_PLACE_AFTER.match(masked, end)) else end
        named = next((m for m in reversed(places.scan(masked[:own.start()]))
                      if any(d.name.endswith(level) for d in m.divisions)), None)
        if named and (key := type_proposed_at(masked, clean, end)) and (place := place_named_at(masked, named)):
            found.setdefault(key, place)
    for reference in CITY_REFERENCE.finditer(masked):  # 盟行署能不能报示范市: the city-level place named before
        city = next((chain for chain in reversed(places.chains(masked[:reference.start()]))
                     if chain.mentions[-1].divisions and chain.mentions[-1].divisions[0].rank == 1), None)
        if city and (key := type_proposed_at(masked, clean, reference.end())):
            found.setdefault(key, places.place_of_chain(masked[:city.mentions[-1].end], city))
    if len({place.adcode or place.mention for place in found.values()}) > 1:
        return found
    elsewhere = applicant is not None and all(place.adcode not in (None, applicant.adcode) for place in found.values())
    return found if found and elsewhere else {}


SIDE = re.compile(r"那边|这边|方面")  # 市政府那边准备报…: the place's side of the matter
ITSELF = re.compile(r"自己|本身|自身")  # 那个地级市自己也要报示范市: the place itself, beside a place below it
OWN_PLACE_AFTER = re.compile(r"里|(?:人民)?政府")  # the speaker's own place, by its level (我们区里, 我市政府)
# A city-level place referred to by its level alone (盟里, 州政府, 地区行署), after its name was said.
CITY_REFERENCE = re.compile(r"(?<![\u4e00-\u9fff])(?:盟|州|地区|市)(?:里|行署|行政公署|(?:人民)?政府)"
                            r"|(?<=[，,。；;！!？?\n那])(?:盟|州|地区)(?:里|行署|行政公署|(?:人民)?政府)")


def place_named_at(text: str, mention: places.Mention) -> Place | None:
    """The place named by ``mention``, as its own clause narrows it (另外呼伦贝尔市想报…), or the whole text before it
    where the clause leaves it ambiguous (北京的客户…朝阳区报…); None when the name is no place here."""
    clause = text[segment_bounds(text, mention.start)[0]:mention.end]
    place = None
    for before in (clause, text[:mention.end]):
        found = places.chains(before)
        if not found or found[-1].mentions[-1].end != len(before):
            return place
        place = places.place_of_chain(before, found[-1])
        if not place.candidates:
            return place
    return place


def places_below(masked: str, clean: str, head_at: int | None, kind: ApplicantKind | None) -> tuple[
        Place | None, dict[str, Place]]:
    """The city's own place and the places of the units below it put forward for other types (州里报示范市，县里报
    示范县), when the text puts such units forward; (None, {}) otherwise."""
    below = proposed_below(masked, clean)
    if not below:
        return None, {}
    city_text = masked
    for _, start, end in below.values():
        city_text = city_text[:start] + MASK * (end - start) + city_text[end:]
    city = find_place(city_text, head_at, kind)
    found = {key: place for key, (level_key, _, _) in below.items()
             if city and (place := places.below(city, level_key))}
    return (city, found) if found else (None, {})


# A municipality's own level (上海市政府批准的市级开发区): the city is a province-level government.
MUNICIPAL_LEVEL = re.compile(rf"(?<![县区])市级|(?<![县区])市(?:人民)?政府{APPROVED}|(?<![县区])市{APPROVAL_TITLE}")


# A provincial or national level said of the zone a part of it belongs to (国家高新区“一区多园”里的一个分园).
HIGH_LEVEL = re.compile(rf"国家级|国家高新区|国家经开区|{PROVINCIAL}")


def park_facts(text: str, place: Place | None) -> ParkFacts:
    """The zone's facts; a zone a municipality approved or calls 市级 is a provincial one; a part of a provincial or
    national zone is one; a zone named as one the State Council approved is national, its level unsaid."""
    facts = ParkFacts(**read_facts(text, PARK_FACTS))
    zones = list(national_zones().finditer(text)) if facts.level is None else []
    if any(PART_AFTER.match(text, m.end()) for m in [*HIGH_LEVEL.finditer(text), *zones]):
        facts = facts.model_copy(update={"part_of_zone": True})  # 中关村的一个分园: a part of the zone named
    elif named := next((m.group() for m in zones if not qualifiers(text, m.start(), m.end())), None):
        facts = facts.model_copy(update={"level": L.national, "named_national": named})
    if place is not None and places.in_municipality(place.adcode) and facts.level in (L.below_provincial, None) \
            and MUNICIPAL_LEVEL.search(text):
        return facts.model_copy(update={"level": L.provincial})
    return facts


@cache
def national_zones() -> re.Pattern[str]:
    """The names of zones the State Council approved as national (``national_zones`` in places.yaml)."""
    zones = place_params()["national_zones"]
    def cities(key: str) -> str:
        return "|".join(sorted(zones[key], key=len, reverse=True))
    return re.compile(rf"(?:{cities('high_tech')})市?(?:国家)?(?:高新区|高新技术产业开发区|高新技术开发区)"
                      rf"|(?:{cities('economic')})市?(?:国家级)?(?:经开区|经济技术开发区)"
                      rf"|{'|'.join(zones['high_tech_names'])}")


def implied_kind(titles: list[ProjectKey]) -> ApplicantKind | None:
    """The kind every recognised title implies (示范企业 → company), if they agree."""
    kinds_held = {project_types()[key].holder_kind for key in titles}
    return ApplicantKind(kinds_held.pop()) if len(kinds_held) == 1 and "" not in kinds_held else None


# A space between two phrases of four characters or more, in a message written with spaces for commas
# (替两家客户问 ①无锡某某公司 高企 ②…): a comma, unless the two phrases join into one name (国家知识产权 示范企业,
# 上海市 浦东新区) or the space is a pause inside a clause.
SPACE_BETWEEN_PHRASES = re.compile(r"(?<=[\u4e00-\u9fff]{4})[ \t\u3000]+(?=[\u4e00-\u9fff]{4})")
SPACES = re.compile(r"[ \t\u3000]+")
NAME_REACH = 16
# A pause inside a clause, as a voice transcript has them: after a word that needs what follows (区里打算报 那个示范区),
# or before a filler (…的 那个 …).
OPEN_END = re.compile(r"(?:报|请|是|为|叫|在|想|要|把|给|跟|和|与|对|向|让|被|从|到|以|由|经)$")
FILLER_START = re.compile(r"(?:那个|这个|就是|嗯|呃|然后|那么|这边|那边|反正)")
# A record's field label before its value (举办单位 某某学会, 股东 某某公司): one field, not two phrases.
FIELD_LABEL = re.compile(r"(?:^|[；;，,。：:\n\s])(?:名称|类型|股东|出资人|投资人|举办者|举办单位|主管单位|"
                         r"业务主管单位|主管部门|经营者|法定代表人)$")


def spaces_as_commas(text: str) -> str:
    """``text`` with each space between two phrases a comma, where it joins no name and is no pause in a clause."""
    def comma_unless_joined(space: re.Match[str]) -> str:
        left = SPACES.sub("", text[max(0, space.start() - NAME_REACH):space.start()])
        joined = left + SPACES.sub("", text[space.end():space.end() + NAME_REACH])
        spans = [name.span() for names in (title_names(), pilot_names()[1]) for name in names.finditer(joined)]
        spans += [(chain.start, chain.mentions[-1].end) for chain in places.chains(joined)]
        pause = OPEN_END.search(left) or FILLER_START.match(text, space.end()) or FIELD_LABEL.search(left)
        return space.group() if pause or any(start < len(left) < end for start, end in spans) else "，"
    return SPACE_BETWEEN_PHRASES.sub(comma_unless_joined, text)


QUOTED_WORDS = re.compile(r"[“\"「『]([^”\"」』]{3,24})[”\"」』]")  # a phrase, not a word in scare quotes (既是“本科”)


def without_quoted_notice(text: str) -> str:
    """``text`` with each quoted phrase of the notice's list of applicants masked (服务业示范区列的是“直辖市下辖县”):
    the notice's words, not a fact about the applicant."""
    applicants = "".join(project.who for project in project_types().values())
    return QUOTED_WORDS.sub(lambda m: MASK * len(m.group()) if m.group(1) in applicants
                            and not SAID_OF_ITSELF.search(text, 0, m.start()) else m.group(), text)


SAID_OF_ITSELF = re.compile(r"(?:我们|我单位|本单位|我方)(?:也|就|都)?(?:是|属于|系|实行)$")  # 我们也是“管委会”


# Another programme's title asked about (优势企业什么时候评): that programme, not the applicant — unless the text
# says the unit holds it (我们是…优势企业, 获评…).
HELD_BEFORE = re.compile(r"(?:是|为|系|获评|评为|评上了?|评上过|认定为|入选|作为|获批|拿到了?|获得了?)"
                         r"[^，,。；;！!？?\n]{0,14}$")
# A neighbouring programme's title the unit holds that is easily taken for a type's (优势企业: no 示范企业).
NEIGHBOURING_TITLES = {"enterprise": re.compile(rf"{HELD_BEFORE.pattern.removesuffix('$')}优势企业")}


# A local title the unit holds (被评为自治区知识产权示范单位, 是市级知识产权示范企业): no title of this notice.
LOCAL_TITLE_HELD = re.compile(rf"{HELD_BEFORE.pattern.removesuffix('$')}(?<![\u4e00-\u9fff]国家)(?:省|市|县|区)级?的?"
                              r"知识产权(?:示范|强县|强市|优势)[\u4e00-\u9fff]{0,6}")


def neighbouring_titles(text: str, kind: ApplicantKind | None) -> list[ProjectKey]:
    """The types whose title a neighbouring programme's title the unit holds is easily taken for: 优势企业 for
    示范企业, a local title for the type it names, else the applicant's own."""
    held = [key for key, title in NEIGHBOURING_TITLES.items()
            if any(not negated(text, m.start()) for m in title.finditer(text))]
    for local in LOCAL_TITLE_HELD.finditer(text):
        if not negated(text, local.start()):
            held += mentioned_types(local.group()) or titles_of_kind(kind)
    return list(dict.fromkeys(held))


@cache
def programme_titles() -> tuple[str, ...]:
    """Names of other programmes that end in a unit's noun (优势企业, 高新技术企业), longest first."""
    names = {name for record in records("other_programmes") for name in record["names"]}
    return tuple(sorted((name for name in names if kinds.MARKER.search(name)), key=len, reverse=True))


def without_programme_titles(text: str) -> str:
    for name in programme_titles():
        for found in re.finditer(re.escape(name), text):
            if not HELD_BEFORE.search(text, 0, found.start()):
                text = text[:found.start()] + MASK * len(name) + text[found.end():]
    return text


def extract_profile(text: str, previous: Profile | None = None) -> Profile:
    """The facts ``text`` states, laid over ``previous`` (a follow-up turn adds to an earlier profile)."""
    clean = drop_letter_frame(drop_instructions(fields_as_sentences(places.repair_names(normalize(spaces_as_commas(
        table_as_fields(screened_item(without_corrected(without_denied_lines(without_speaker_labels(text)))))))))))
    masked = without_programme_titles(without_quoted_notice(mask(clean, [*project_names(), *ORGANISERS])))
    head = kinds.head(masked)
    if head is not None and previous is not None and previous.kind == K.park_committee \
            and masked[head.start:head.end] in ("我区", "本区"):
        head = None  # 高新区管委会…；补充：我区已被认定为…: the zone itself, not a district
    titles, unsure_titles, parent_titles = title_claims(clean, head)
    denied = denied_titles(clean)
    unsure_titles = [key for key in unsure_titles if key not in denied]  # 听说是示范县…不是示范县
    if head is not None and head.by == "first" \
            and (place_at := place_as_applicant(masked) or level_as_applicant(masked)) is not None:
        head = kinds.Marker(place_at, place_at, K.government, by="place")  # 常州市武进区，…企业扎堆: the district
    elif head is not None and head.kind == K.department and (place_at := place_introduced(masked)) is not None:
        head = kinds.Marker(place_at, place_at, K.government, by="place")  # 政府办的人说“我们是某某自治县”: the county
    elif head is not None and head.kind == K.department and WE_WANT_TO_APPLY.search(masked) \
            and K.government.value in {project_types()[key].holder_kind for key in mentioned_types(clean)}:
        head = kinds.Marker(head.start, head.end, K.government, by="place")  # 区市场监管局：我们想报示范县
    elif head is not None and head.kind == K.department and kinds.just_before(kinds.ZONE_OF_BUREAU, masked, head.start):
        head = kinds.Marker(head.start, head.end, K.park_committee, by="zone")  # 高新区管委会经发局的: its committee
    head_at = head.start if head else None
    kind = head.kind if head else implied_kind(titles)
    if previous is not None and previous.kind == K.institute and kind in (K.company, K.university, *LEGAL_FORMS) \
            and founders(masked) and not (head and K.institute in head.also) \
            and not pattern("follow_up").search(masked):  # 某某研究院有限公司: the institute; …控股的某公司呢: another
        # 由一家民营集团出资: the institute's founder, told later (注册成有限公司: and its own form)
        kind, head, head_at = K.institute if kinds.registered_as_company(masked) else None, None, None
    if kind in LEGAL_FORMS and previous is not None and previous.kind not in (None, *LEGAL_FORMS):
        kind = previous.kind  # 是事业单位，省科技厅主管的: the legal form of the unit already described
    elif kind in LEGAL_FORMS and mentioned_types(clean) == ["institute"]:
        kind = K.institute  # 我院登记为民非，想报示范科研机构: a legal form put forward as a research institution
    if kind is None and (previous is None or previous.kind is None):
        head_at = place_as_applicant(masked) or place_asking_for_its_government(masked, clean) \
            or level_as_applicant(masked)
        kind = K.government if head_at is not None else None
    elif kind is None and previous.kind != K.government and (place_at := place_turned_to(masked)) is not None:
        kind, head_at = K.government, place_at  # …园区；那园区所在的县呢, 无锡市自己报示范市呢: that place's government
    also = list(head.also) if head else []
    if kind == K.institute and K.company not in also and kinds.registered_as_company(masked):
        also.append(K.company)  # 我们研究院……营业执照是有限责任公司
    others = [*kinds.one_body(masked), *(m.kind for m in kinds.asked_about(masked, head)),
              *kinds.introduced_kinds(masked, head)]
    also += [other for other in dict.fromkeys(others)
             if other != kind and other in kinds.APPLICANT_KINDS and other not in also]
    if head is not None and (parent := kinds.parent_of(masked, head)) and not_a_legal_person(masked):
        also.append(parent)  # XX大学的实验室，不是独立法人: the university's own type is open to it
    scope = {kind, *also} if kind else set(previous.kinds if previous else []) or {None}
    proposed = proposed_kinds(masked, clean, {kind, *also})
    place_kind = K.government if K.government in proposed.values() else kind or (previous.kind if previous else None)
    city, places_proposed = places_below(masked, clean, head_at, place_kind) if place_kind == K.government \
        else (None, {})
    place = city or find_place(masked, head_at, place_kind, previous.place if previous else None)
    if place_kind == K.government and not places_proposed:
        places_proposed = places_named_for_types(masked, clean, place)
    company = CompanyFacts()
    if scope & {K.company, None}:
        company = CompanyFacts(**{"established_in_china": registered_in(masked, place),
                                  **read_facts(masked, COMPANY_FACTS)})
        if BECAME_COMPANY.search(masked):  # 原来是分公司，已变更登记为…有限责任公司: a branch no longer
            company = company.model_copy(update={"branch": False})
        elif company.branch is None and company.independent_legal_person is not True and named_branch(masked, head):
            company = company.model_copy(update={"branch": True})  # “某某有限公司余姚分公司”…总公司在宁波
        if company.legal_form is None and head is not None and (HEAD_OFFICE_NOUN.search(masked, 0, head.end) or (
                masked[head.start:head.end] == "子公司" and company.independent_legal_person)):
            company = company.model_copy(update={"legal_form": LegalForm.company})
    if kind is None and (previous is None or previous.kind is None) and company.legal_form is not None:
        kind = K.company  # 一家小巨人企业，股份制: a legal form says what the unit is
    unsure_titles += [key for key in titles_of_kind(kind or (previous.kind if previous else None))
                      if generic_title(clean) and key not in titles]  # 听说评过示范单位: perhaps its own type's
    if company.branch is not None or (previous is not None and previous.company.branch is not None):
        titles, unsure_titles, parent_titles = title_claims(clean, head, branch=True)  # 分公司…总公司已是示范企业
        unsure_titles = [key for key in unsure_titles if key not in denied]
    previous_kind = previous.kind if previous else None
    update = Profile(
        kind=kind,
        also=also,
        proposed=proposed,
        place=place,
        places_proposed=places_proposed,
        park=park_facts(masked, place) if scope & {K.park_committee, None} else ParkFacts(),
        company=company,
        university=university_facts(masked, head) if scope & {K.university, None} else UniversityFacts(),
        institute=(InstituteFacts(founders=founders(masked), independent_legal_person=LEGAL_PERSON.read(masked),
                                  set_up=SET_UP.read(masked)) if scope & {K.institute, None} else InstituteFacts()),
        industrial_agglomeration=AGGLOMERATION.read(ZONE_TYPE_NAME.sub(lambda m: MASK * len(m.group()), masked))
        if scope & {K.government, None} else None,
        restructuring=restructuring(masked),
        recognized=titles,
        unsure_recognized=unsure_titles,
        parent_recognized=parent_titles,
        piloted=[key for key in [*pilot_titles(clean), *neighbouring_titles(clean, kind or previous_kind)]
                 if key not in denied],  # 是试点，不是示范: nothing to clear up
        as_of=as_of(clean),
    )
    if previous is None:
        return owner_known(update)
    merged = merge(previous, update)
    if update.institute.founders and pattern("corrects_earlier").search(text):  # 看错了，举办者实际上是…
        merged = merged.model_copy(update={"institute": merged.institute.model_copy(
            update={"founders": update.institute.founders})})
    if denied:
        merged = merged.model_copy(update={
            "recognized": [key for key in merged.recognized if key not in denied or key in titles],
            "unsure_recognized": [key for key in merged.unsure_recognized if key not in denied]})
    if update.piloted:
        doubted = [key for key in merged.unsure_recognized if key not in update.piloted or key in unsure_titles]
        merged = merged.model_copy(update={"unsure_recognized": doubted})
    merged = merged.model_copy(update={"piloted": update.piloted})  # said once beside the verdict, not every turn
    if previous is not None and part_of_earlier_unit(update):  # 学校已是示范高校……学校的某学院能报吗: the
        carried = [key for key in previous.recognized if key not in titles]  # school's title, not the college's
        merged = merged.model_copy(update={
            "recognized": [key for key in merged.recognized if key not in carried],
            "parent_recognized": list(dict.fromkeys([*merged.parent_recognized, *carried]))})
    return owner_known(merged)


def part_of_earlier_unit(update: Profile) -> bool:
    """A follow-up describes a part of a unit (a university's college, a company's branch), not a unit itself."""
    return (update.kind == K.university and update.university.independent_legal_person is False) \
        or (update.kind == K.company and update.company.branch is True)


# A branch said before that has since been registered as a company of its own (已变更登记为集团全资的有限责任公司).
BECAME_COMPANY = re.compile(rf"(?:变更|改制|改|转|转设|注册|登记|变更登记)(?:为|成)[^，,。；;！!？?\n]{{0,8}}?"
                            rf"(?:{kinds.COMPANY_FORM.pattern})")


def owner_known(profile: Profile) -> Profile:
    """An institute set up by an enterprise whose ownership this text leaves unsaid (那我们公司设立的研究院呢) is set
    up by a state-owned or private one when the company described, in an earlier turn too, is said to be one."""
    owner = {True: F.state_owned_enterprise, False: F.private_enterprise}.get(profile.company.state_owned)
    founders = profile.institute.founders
    if owner is None or F.enterprise not in founders:
        return profile
    institute = profile.institute.model_copy(update={"founders": owned_by(founders, owner)})
    return profile.model_copy(update={"institute": institute})
