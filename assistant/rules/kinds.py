"""Which kind of unit is applying: the head noun of the self-description, read with care.

Every word that names a kind of unit is a marker. A marker is ignored when it is negated
(不是政府部门), when it modifies a later marker (高新区的一家公司, 市政府设立的研究院), when a
later marker follows it directly or within one name (企业研究院 → 研究院, 民营企业XX电子有限公司), or when a
unit inside it is named after it (管委会下属的科技创新局). Of the markers left, the one that counts is,
in this order: the one named in 以…的名义 (a bureau too: 以我们局的名义), the first after 代表/替/帮 (a
department asking for its government) or the government that tasked the speaker (县政府让我们局准备…材料),
the first in the subject of "…能否申报 / …想申报 / …报…有没有资格",
the first right after 我们/本 (我们研究院), the first after a self-introduction (我们是…, 本单位是…, or a
segment opening with 是/属于), the first in the text. A marker that founded or approved something
(省政府设立的…, 经省政府批准) is not the applicant.

A unit can be two kinds at once (``also``): a research institute registered as a company
(…技术研究院有限公司, 营业执照是有限责任公司), or one body under two names (政区合一, 合署办公). A message may
also ask about a second unit that belongs to the applicant (学校的资产经营公司能报示范企业吗, 那我们下属的研究院呢):
``asked_about`` names each unit asked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from assistant.language.lexicon import alternation, pattern
from assistant.rules import places
from assistant.rules.profile import LEGAL_FORMS, ApplicantKind
from assistant.rules.text import (
    MASK,
    NEAR_AFTER,
    SEGMENT_REACH,
    Qualifier,
    negated,
    qualifiers,
    segment_bounds,
    segments,
)

K = ApplicantKind
MARKERS: dict[str, ApplicantKind] = {
    **dict.fromkeys(["人民政府", "政府", "行政公署", "行署", "街道办事处", "街道办", "街道", "乡镇", "县级市", "地级市",
                     "副省级城市", "直辖市", "市辖区", "城市", "我县", "本县", "我市", "本市", "我区", "本区", "我旗",
                     "本旗", "我们县", "我们市", "我们区", "我们旗"],
                    K.government),
    **dict.fromkeys(["政府部门", "政府机关", "职能部门", "组成部门", "工作部门", "委办局", "政府办公室", "政府办",
                     "市场监督管理局", "市场监管局", "市场监管部门", "知识产权局", "知识产权部门", "科学技术局",
                     "科技局", "科技厅", "发展和改革委员会", "发展改革委", "发改委", "工业和信息化局", "工信局",
                     "经信局", "商务局", "财政局", "教育局", "教育厅", "我局", "本局", "发改局", "发展和改革局",
                     "统计局", "农业农村局", "住建局", "住房和城乡建设局", "人社局", "自然资源局", "生态环境局",
                     "交通运输局", "文旅局", "文化和旅游局", "卫健委", "卫生健康委", "民政局", "司法局", "审计局",
                     "税务局", "水利局", "林业局", "应急管理局", "工商局", "质监局", "版权局", "商务厅", "财政厅"],
                    K.department),
    **dict.fromkeys(["管委会", "管理委员会", "高新区", "高新技术产业开发区", "高新技术开发区", "经开区",
                     "经济技术开发区", "经济开发区", "开发区", "工业园区", "工业园", "产业园区", "产业园", "科技园",
                     "园区", "综合保税区", "保税区", "自由贸易试验区", "自贸试验区", "自贸区", "自贸片区", "大学科技园",
                     "旅游度假区", "风景名胜区", "风景区", "新区"],  # 兰州新区: a 管委会's zone
                    K.park_committee),
    **dict.fromkeys(["股份有限公司", "有限责任公司", "有限公司", "股份公司", "分公司", "子公司", "公司", "合伙企业",
                     "个人独资企业", "个体工商户", "个体户", "企业", "厂", "集团", "总部", "国企", "央企", "民企",
                     "外企", "校企", "校办企业", "我司", "本公司", "事务所"], K.company),
    **dict.fromkeys(["普通本科高校", "高等院校", "高等学校", "高校", "院校", "大学", "学院", "高职", "高专", "专科学校",
                     "我校", "本校", "学校", "民办本科", "公办本科", "本科学院", "专科学院"],  # not …科学院
                    K.university),
    **dict.fromkeys(["科研机构", "科研院所", "研究院", "研究总院", "研究分院", "研究设计院", "研究所", "研究中心",
                     "实验室", "科学院", "中科院", "农科院", "林科院", "医科院", "社科院",  # academies by short names
                     "农科所", "林科所",  # institutes by theirs
                     "新型研发机构",
                     "研发机构", "研发中心", "研发总院", "研发院", "技术中心", "院所", "我所", "本所", "我们所",
                     "观测站", "试验站", "实验站", "野外站", "研究站"], K.institute),  # a research station
    "事业单位": K.public_institution,
    **dict.fromkeys(["民办非企业单位", "民办非企业", "民非", "社会服务机构"], K.private_non_enterprise),
    **dict.fromkeys(["协会", "学会", "商会", "联合会", "促进会", "研究会", "基金会", "社会团体", "社会组织", "联盟"],
                    K.association),
    **dict.fromkeys(["个人", "自然人", "发明人"], K.person),
    **dict.fromkeys(["医院", "律师事务所", "中学", "小学", "幼儿园", "村委会", "居委会", "村民委员会", "党校",
                     "行政学院", "合作社", "技师学院", "技工学校", "技工院校", "中等职业学校", "中职学校", "中专",
                     "职业高中"], K.other),  # schools outside higher education (技师学院 is no 学院 of a university)
}
MARKER = re.compile("|".join(sorted(map(re.escape, MARKERS), key=len, reverse=True)))
MODAL = re.compile(rf"(?:{alternation('modal')})(?:够)?(?:{alternation('apply')})")
ASKS = re.compile(alternation("asks_eligibility"))
SELF_INTRO = re.compile(rf"{alternation('self_intro')}|^(?:而是|是|属于|系)")
POSSESSED = re.compile(r"的?[^，,。；;！!？?\n是系为属与和设建办]{0,6}")  # 我县(的)纺织产业园, not 我市与某校共建的
AT_PLACE = re.compile(r"(?:在|于|到|来|落户|位于)$")  # 在我市建有分支机构: where a unit is, not whose
COUNTED = re.compile(r"(?:几|多少|哪些|哪几)[个家所名类]?$")
# "好几家头部企业", "两百多家乐器企业": units counted, a few words of description between (not 一家: one unit).
NUMBER = r"(?:[两二三四五六七八九十百千万]|一[十百千万]|\d|好几|若干)"  # more than one (not 一家)
SEVERAL = re.compile(rf"(?:{NUMBER}多?[个家所批]|若干)[^，,。；;！!？?\n的]{{0,4}}$")  # 若干街道: no classifier
SEVERAL_AFTER = re.compile(rf"(?:有|达|超过|近|约)?{NUMBER}[^，,。；;！!？?\n]{{0,4}}?[个家所]")
# "软件企业扎堆", "代理机构众多": many units of a kind, describing a place, not one applicant.
MANY = re.compile(r"[^，,。；;！!？?\n]{0,3}?(?:集中|扎堆|云集|密集|集聚|聚集|众多|很多|较多|不少|林立)")
OWN = re.compile(r"(?:我们|我|本)$")  # 我们研究院, 本公司: the speaker's own unit
ASIDE = r"[（(][^（()）]{0,24}[）)]"  # a bracketed aside on what it follows (某县（某市下面的县）)
# "X的Y", "X下属Y", "X下面有个Y": X is where Y belongs, not the applicant (a copula 是 or 系 in between ends it).
# A bracketed aside counts as one character (某院（省政府设立的事业单位）想问: not 设立的).
MODIFIES = re.compile(rf"(?:[^，,。；;！!？?\n：:（(是系]|{ASIDE}){{0,12}}?"
                      r"(?:的|下属|所属|直属|旗下|(?:下面|下边|底下|旗下|内部|里面)(?:还|也)?有|下设|内设|下辖|"
                      r"里(?:有)?(?=[一某][家个所]))")  # 园区里一家公司: where the unit is
BUREAU = re.compile(r"[局厅]$")
# "X让我们局牵头准备…材料": X tasked the speaker with its application.
TASKED = re.compile(r"(?:让|要|安排|委托|交给|指定)(?:我们|我|本)(?:局|单位|部门|科|股|办)?(?:来|负责|牵头|具体)*"
                    r"(?:准备|填报|申报|报送|整理|起草|写)")
# "研究院报示范科研机构", "管委会咨询能否报示范园区": a unit put forward for a project type, in a message that asks
# whether it may be.
PROPOSES = re.compile(rf"[^，,。；;！!？?\n、]{{0,3}}?(?:(?:询问|问问?|咨询)(?:{alternation('modal')}))?"
                      rf"(?:{alternation('apply')})(?:国家)?(?:知识产权)?(?:示范|▢)")
# Project names given to the items of a list in order (这三家分别报▢▢/▢▢/▢▢), and what separates them.
RESPECTIVELY = re.compile(rf"分别(?:{alternation('modal')})?(?:想|拟|准备|打算)?(?:{alternation('apply')})?"
                          r"(?:国家)?(?:知识产权)?")
NAME_SEPARATOR = re.compile(r"[/／、，,和与及]?(?:国家)?(?:知识产权)?")
# The rest of a unit's clause up to the next one, which applies (…研究院（独立法人），想报…)
CLAUSE_AFTER = re.compile(rf"[^。；;！!？?\n]{{0,12}}?[，,](?={PROPOSES.pattern})")
SENTENCE_BREAK = re.compile(r"[。；;！!？?\n：:]")
# An item of a list of units: 甲：…, 1. …, 客户2：…, 另一个是…, 一家是…
LIST_LABEL = re.compile(r"\s*(?:(?:客户|单位|企业|公司|学校|机构)?(?:[A-Za-z甲乙丙丁①②③④⑤⑥]|\d{1,2}|[一二三四五六])"
                        r"(?:号)?(?:是|[、.．：:）)])|(?:另外|还有|其中)?(?:一|另一|第[一二三四五六])[个家所](?:客户|单位)?"
                        r"(?:是|[：:]))")
# The label opening an item of a numbered list of units (①…；②…, （1）…, 1. …, 客户一：…, 一是…).
ITEM_LABEL = re.compile(r"(?:^|(?<=[。；;！!？?\n：:\s]))(?:[①②③④⑤⑥⑦⑧⑨⑩]|[（(](?:\d{1,2}|[一二三四五六七八九十])[）)]"
                        r"|\d{1,2}[、.．）)](?!\d)|(?:客户|单位|企业)?(?:\d{1,2}|[一二三四五六七八九十A-Za-z甲乙丙丁])[：:]"
                        # 客户1 某某公司: a label and a space
                        r"|(?:客户|单位|企业)?(?:\d{1,2}|[一二三四五六七八九十甲乙丙丁])"
                        r"(?=[ \t\u3000]+[\u4e00-\u9fffA-Z])"
                        r"|[一二三四五六七八九十]是)")
# A unit whose trade is serving clients (咨询公司, 代理机构, 律师事务所), in a message about a client: the agent.
AGENT_TRADE = re.compile(r"(?:咨询|代理|顾问|律师|会计师?|财税|知产|知识产权服务)$")
CLIENTS = re.compile(r"客户|委托人|当事人")
AS_IF = re.compile(r"(?:按|按照|作为|当作|当成|算作)[“\"「‘『]?$")  # 按企业去报, 按‘市辖区’报: treated as
MASKED_NAME = re.compile(f"{MASK}+")
ADJACENT = re.compile(r"[）)]?")  # a level in brackets after a place's name (某某市（地级市）) ends the name
NOT_INVOLVED = re.compile(r"(?:也|都|并|从来)?(?:没有?|未|不|没怎么)(?:参与|出资|参股|投资|介入|插手)")
CHAT_GROUP = re.compile(r"[\u4e00-\u9fff]{0,4}?群(?![众体岛])")
WAS_BEFORE_CONVERSION = re.compile(r"(?:转制|改制|转企)(?:而)?来")
REFORM_AFTER = re.compile(r"(?:体制)?改革")  # 科研院所改革, 高校改革: a policy named after a kind of unit
ONE_BUSINESS_OF = re.compile(r"的?(?:一家|一间|一所)")  # 某街道一家做模具的: where a business is
BRACKET = re.compile(r"[（(]")
DISPATCHED = re.compile(r"的?派出(?:机构|机关|单位)")
BUILDING = re.compile(r"房|区(?!内|里)")  # 厂房, 厂区: a factory's buildings and grounds, not a unit
# A district named beside a 新区 in brackets (某新区（某区）, 某区（某新区）): one body, the district's government,
# whatever the text calls it after.
NEW_AREA_AS_DISTRICT = re.compile(r"新区[（(][\u4e00-\u9fff]{1,8}[区县市][）)]"
                                  r"|[区县市][（(][\u4e00-\u9fff]{0,8}新区[）)]")
QUOTE_CLOSE = re.compile(r"[”\"」』]")
QUOTED = re.compile(r"[“\"「『][^”\"」』，,。；;]{0,16}")  # the opening of a quoted name, up to a marker in it
PARENTHESIS = re.compile(r"[（(][^（()）]{0,40}[）)]")
BREAKS = re.compile(r"[，,。；;！!？?]")
COORDINATED = re.compile(r"和|与|及|以及|、|跟|还有|或者?")
COORDINATED_NAME = re.compile(rf"(?:{COORDINATED.pattern})[^，,。；;！!？?\n是的]{{0,12}}")  # …、工业集中区管委会
WHAT_ABOUT = re.compile(r"(?:^|[，,。；;！!？?\n])(?:那|那么)?([^，,。；;！!？?\n]{1,30}?)"
                        r"(?:呢|怎么样|行不行|可以吗|可以吧|行吗|行吧|能报吗)")  # 那我们下属的研究院呢
POINTS_BACK = re.compile(r"(?:那|那么)?(?:它|这个|这家|这一家|该)(?:公司|企业|单位|学校|机构)?")
APPOSED_BEFORE = re.compile(r"(?:^|[。！!？?\n])(?:那|那么)([^，,。；;！!？?\n]{1,12})[，,]$")
# A sentence saying that two names are one body: each name is a kind of the applicant.
ONE_BODY = re.compile(rf"[^。！!？?\n]*(?:{alternation('one_body')})[^。！!？?\n]*")
SUBORDINATE = re.compile(r"(?:下属|所属|内设|直属|下设)的?")
LOCATED_IN = re.compile(r"所在(?:的|地的?)")
FILES_INSTEAD = re.compile(r"(?:去|来)?(?:申报|报|申请)(?![书表送告])")  # 改成管委会报 (not 改制成公司才能报)
# "X设立的…", "经X批准": X founded or approved something; it is not the applicant.
FOUNDER_ROLE = (r"(?:(?:设立|举办|开办|创办|投资|出资|主办|发起|共建)(?:方|人|者|单位)|(?:第一)?理事长?单位|股东|"
                r"主管(?:单位|部门))")
# 市政府牵头、和某校共建: the founders
FOUNDER_OR_AGENT = re.compile(rf"(?:{ASIDE})?"  # 某大学（部属）出资设立: an aside between
                              r"(?:牵头|主导|领衔)?(?:(?:和|与|、)[^，,。；;！!？?\n]{0,16}?)?"
                              r"(?:自己|自行|出资|独资|合资|共同|联合|一起|一同|合作)?"
                              r"(?:设立|举办|创办|组建|兴办|主办|发起|出资|投资|共建|共办|合办)"
                              r"|[^，,。；;！!？?\n是]{0,8}?(?:批准|批复|批文|批成|批为|同意|认定|授予|命名)(?:了)?"
                              rf"(?!为?{MASK})"  # 公司2020年认定为示范企业: the unit recognised, not its agent
                              r"(?:我们|我单位|我区|我县|我市|本单位)?为?"
                              r"|(?:自己|自行|发文|下文|行文)?批(?=的|了)"  # 市政府批的, 省政府发文批的: the approver
                              rf"|(?:也|还|已经|已)?(?:是|成了|成为|作为|变成)(?:我们|我单位|本单位|我院|我所)?的?{FOUNDER_ROLE}"
                              r"|(?:直接|业务)?(?:主管|管理|管|指导|领导)的")  # 省卫健委管的: its supervisor
APPROVED_THROUGH = re.compile(r"[^，,。；;！!？?\n是经]{0,4}?经")  # 学校去年经教育部批准: the school approved
# "以发改局名义申报": the unit named is the applicant the question is about.
IN_THE_NAME_OF = re.compile(r"(?:以|用)([^，,。；;！!？?\n]{1,20}?)(?:的)?名义[^，,。；;！!？?\n]{0,4}(?:申报|报|申请)"
                            r"(?:[，,](?=[^，,。；;！!\n]{1,6}(?:吗|呢|么|？|\?)))?"  # …名义报，行吗？
                            r"[^，,。；;！!\n]{0,12}?(?:示范|▢|吗|呢|么|？|\?|$)")  # ▢: a masked project name
# "要报的是他们在宁波的分公司", "改成用上海总部报": the unit named as the one that applies.
APPLYING_UNIT = re.compile(r"(?:要|想|准备|打算|拟)?(?:申报|报|申请)的(?:单位|主体)?(?:是|为)"
                           r"([^，,。；;！!？?\n]{1,20})"
                           rf"|(?:用|由|改成|换成|改为|改由|换由)由?([^，,。；;！!？?\n]{{0,32}}?(?:{MARKER.pattern}))[”\"」]?"
                           r"(?:[（(][^（()）]{0,30}[）)])?来?(?:申报|报|申请)")  # 由总公司XX股份有限公司（…）来申报


# "…申报的是我们的运营公司，是有限责任公司": what the next clause says the designated unit is.
APPOSITION = re.compile(r"[，,]\s*(?:是|为|系)[^，,。；;！!？?\n]{0,20}")


# "让我们公司来当申报主体": the unit said to be the applicant itself, whatever name it would apply in.
ROLE_OF_APPLICANT = re.compile(r"来?(?:当|作为|做|担任)申报(?:主体|单位)")
AS_APPLICANT = re.compile(rf"(?:由|让)([^，,。；;！!？?\n]{{1,20}}?){ROLE_OF_APPLICANT.pattern}")


def designated(text: str) -> list[tuple[int, int]]:
    """Spans of the units the text names as the one that applies (以总部的名义报, 要报的是分公司), with what the
    clause after says it is; one said to be the applicant itself (让公司来当申报主体) first."""
    spans = [m.span(1) for m in AS_APPLICANT.finditer(text)]
    spans += sorted(m.span(m.lastindex or 0) for unit in (IN_THE_NAME_OF, APPLYING_UNIT) for m in unit.finditer(text))
    return [(start, apposition.end() if (apposition := APPOSITION.match(text, end)) else end) for start, end in spans]

# "经省政府批准", "投资方是省属国有企业": an approver or a founder, not the applicant (not 经营, 经理, 经信 …).
THROUGH = r"(?<!已)经(?!济|开区|营|理|销|贸|纪|费|验|历|常|典|信|发)"
AGENT_BEFORE = re.compile(rf"(?:(?:{THROUGH}|由|被)[^，,。；;！!？?\n]{{0,2}}|"
                          rf"{FOUNDER_ROLE}(?:是|为)[^，,。；;！!？?\n]{{0,6}})$")
# "直接交给省知识产权局", "报到市市场监管局", "向区局报送": the office the materials go to, not a unit applying.
RECIPIENT_BEFORE = re.compile(rf"(?:(?:{alternation('submit')}|报|发)(?:给|到|至)?|向)"
                              r"(?:国家|省级?|市级?|县级?|区级?|所在地|当地|属地)?的?$")
# "被广西壮族自治区知识产权局评为…": an office of a named place, acting.
OFFICE_AGENT_BEFORE = re.compile(rf"(?:{THROUGH}|由|被)[\u4e00-\u9fff]{{1,6}}[省市县区州旗盟]$")
REACH = 16  # more than OWN, COUNTED or AGENT_BEFORE ever match (主管单位为 + 6 = 11)
ON_BEHALF = re.compile(alternation("on_behalf"))
COMPANY_FORM = re.compile(r"股份有限公司|有限责任公司|有限公司|股份公司")
ALSO = re.compile(r"(?:本身|自己)?(?:也|还|同时)?是(?:一家|一个)?")
OWN_PLACE = re.compile(r"(?:我们|我|本|咱们?)(?P<level>[县市区旗州盟])")
# "如果改成公司", "需不需要先改制成公司": what the unit would become is not what it is ("已改制为公司" is).
TURN_INTO = r"(?:改制|改|转制|转设|转|变)(?:成|为)(?:一家|一个)?$"
BECOMING = re.compile(TURN_INTO)
BECAME = re.compile(rf"(?:已经?|早已|后来|现已)[^，,。；;！!？?\n]{{0,3}}{TURN_INTO}")
FORMERLY = re.compile(rf"(?:{alternation('former')})[^，,。；;！!？?\n]{{0,12}}$")
# "全称是“XX机械研究院有限公司”": the unit's own name, whose last unit noun says what it is.
FULL_NAME = re.compile(r"(?:全称|全名|注册名称|单位名称|名称|名字叫|名叫|现在叫|现名|现称|(?:更|改)名(?:为|成))"
                       r"(?:是|为|叫|[：:])?[“\"「（(]?"
                       r"([^，,、。；;！!？?\n”\"」|\t]{2,30})")
# Characters inside one unit's name between a zone and the unit's own noun (XX高新区开发建设有限公司).
NAME_INFIX = re.compile(r"[^\s，,。；;！!？?、：:“”\"的是在和与及或为属里内由经被向从给对把让跟同也都就还又要会已这那"
                        r"我你他]{1,8}")


@dataclass
class Marker:
    start: int
    end: int
    kind: ApplicantKind
    also: tuple[ApplicantKind, ...] = ()  # kinds the same name carries too (研究院有限公司: an institute)
    by: str = "first"  # which rule of ``head`` chose it (the others are stronger than "first")


def just_before(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """``pattern`` (ending in ``$``) matches the words right before ``end``; only the REACH characters before it
    are searched, so that asking this at every marker of a long text stays linear."""
    return bool(pattern.search(text, max(0, end - REACH), end))


# Who sends or relays a message, before what it says (成都高新区投促局：…, 县局转：…).
SENDER = re.compile(r"^[^，,。；;！!？?\n：:]{2,16}[：:]")


@lru_cache(maxsize=8)  # head, asked_about, proposals … each read the markers of one text
def markers(text: str) -> tuple[Marker, ...]:
    """The markers that can be the head noun (see the module docstring)."""
    found = [Marker(m.start(), m.end(), MARKERS[m.group()]) for m in MARKER.finditer(text)
             if not (MARKERS[m.group()] == K.department and just_before(RECIPIENT_BEFORE, text, m.start()))]
    if (sender := SENDER.match(text)) and "政府" not in sender.group() and any(m.start >= sender.end() for m in found):
        found = [m for m in found if m.start >= sender.end()]  # who relays it (not a government writing for
        # itself, 某县人民政府：…): the unit it speaks of applies
    kept = []
    for i, marker in enumerate(found):
        later = found[i + 1] if i + 1 < len(found) else None
        _, seg_end = segment_bounds(text, marker.start)
        later_in_segment = later is not None and later.start < seg_end
        if negated(text, marker.start, strict=True):
            continue
        if later_in_segment and marker.kind == K.institute and COMPANY_FORM.fullmatch(text, later.start, later.end) \
                and (later.start == marker.end or ALSO.fullmatch(text, marker.end, later.start)):
            later.also = (K.institute,)  # an institute registered as a company (…研究院有限公司, 研究院也是…公司)
            continue
        if later_in_segment and marker.kind == K.government and OWN_PLACE.fullmatch(text, marker.start, marker.end) \
                and not re.search(r"是|为|系|属于", text[marker.end:later.start]):
            continue  # 我们县农业科学研究所: the county's institute
        if later_in_segment and QUOTED.fullmatch(text, marker.end, later.start) \
                and (marker.kind in LEGAL_FORMS or marker.kind in quoted_kinds(text, found[i + 1:])):
            continue  # 事业单位“某某水产研究所”, 全资子公司“某某研究院有限公司”: the unit is the one its name says
        if text[marker.start:marker.end] in ("厂", "新区") \
                and (BUILDING.match(text, marker.end) or in_place_name(text, marker.start)
                     or NEW_AREA_AS_DISTRICT.search(text)):
            continue  # 标准厂房: a building; 大厂回族自治县, 浦东新区, 某新区（某区）…新区: a place
        if marker.kind == K.government and (ONE_BUSINESS_OF.match(text, marker.end)
                                            or DISPATCHED.match(text, marker.end)):
            continue  # 市政府派出机构: whose agency the unit is
        if REFORM_AFTER.match(text, marker.end):
            continue  # 科研院所改革时转制成企业: a reform of that kind of unit
        if later_in_segment and (ADJACENT.fullmatch(text, marker.end, later.start) or MODIFIES.match(text, marker.end)):
            continue  # 高新区的公司, 高新区管委会, 某某市（地级市）市场监管局: the later noun is the unit
        if CHAT_GROUP.match(text, marker.end):
            continue  # 企业服务群：…: a chat group's name, not the unit
        if WAS_BEFORE_CONVERSION.match(text, marker.end):
            continue  # 我们原是研究所转制来的: what the unit was
        if NOT_INVOLVED.match(text, marker.end) or NEAR_AFTER.match(text, marker.end):
            continue  # 地方政府没参与, 在产业园旁边建了…: a party said to take no part, a place beside
        if SUBORDINATE.match(text, marker.end):
            continue  # 管委会下属的科技创新局: a unit inside this one, even one no marker names
        if LOCATED_IN.match(text, marker.end):
            continue  # 园区所在的滨湖区: the place it is in
        named_in = (marker.kind == later.kind or (marker.kind in (K.park_committee, K.university)
                                                  and not BRACKET.search(text, marker.end, later.start))) \
            if later else False  # not 某开发区（省政府批准）: an aside, not a name going on
        if later_in_segment and named_in and NAME_INFIX.fullmatch(text, marker.end, later.start):
            continue  # a zone or a school in a unit's name (XX高新区开发建设有限公司, XX大学科技发展有限公司) is whose
            # it is; 民营企业XX公司: one unit
        if text[marker.end - 1] == "区" and OWN_PLACE.fullmatch(text, marker.start, marker.end) \
                and any(m.kind == K.park_committee for m in kept):
            continue  # 我们是XX开发区管委会，本区…: 本区 is the zone itself
        if marker.kind == K.department and just_before(OFFICE_AGENT_BEFORE, text, marker.start):
            continue
        if (FOUNDER_OR_AGENT.match(text, marker.end) and not approved_through(text, marker)) \
                or (just_before(AGENT_BEFORE, text, marker.start) and not applies(text, marker)
                    and not ROLE_OF_APPLICANT.match(text, marker.end)):
            continue  # 由省政府批准设立: the agent; not 由大学申报▢▢: the unit that applies
        if just_before(AGENT_TRADE, text, marker.start) and CLIENTS.search(text):
            continue  # 我们代理机构替客户问…: the agent, not its client
        if just_before(COUNTED, text, marker.start) or just_before(SEVERAL, text, marker.start) \
                or SEVERAL_AFTER.match(text, marker.end) or (marker.kind == K.company and MANY.match(text, marker.end)):
            continue  # 几家企业, 哪些高校, 好几家企业, 企业挺集中: counted, chosen among or many: not the applicant
        if just_before(BECOMING, text, marker.start) and not just_before(BECAME, text, marker.start) \
                and not FILES_INSTEAD.match(text, marker.end):
            continue  # 如果改成公司: what it would become (not 改成管委会报: who would apply instead)
        if marker.kind in LEGAL_FORMS and just_before(FORMERLY, text, marker.start):
            continue  # 原为省建设厅直属事业单位，后转制为企业: what the unit was
        kept.append(marker)
    return tuple(kept)


def approved_through(text: str, marker: Marker) -> bool:
    """A school said to be approved through a body (学校去年经教育部批准): the school approved, not the approver."""
    return marker.kind == K.university and bool(APPROVED_THROUGH.match(text, marker.end))


def in_place_name(text: str, pos: int) -> bool:
    return any(m.start <= pos < m.end for m in places.scan(text))


def quoted_kinds(text: str, following: list[Marker]) -> set[ApplicantKind]:
    """The kinds the markers inside the quoted name that the first of ``following`` opens name."""
    close = QUOTE_CLOSE.search(text, following[0].start)
    return {m.kind for m in following if close and m.end <= close.start()}


# "营业执照是有限责任公司", "独立法人（有限公司）": the form the applicant itself is registered in.
REGISTERED_AS = re.compile(r"(?:营业执照|执照|工商登记|登记|注册)[^，,。；;！!？?\n]{0,6}?(?:是|为|成了?)(?:一家|一个)?"
                           # 注册形式是“XX研究院有限公司”, 注册为外商独资有限责任公司
                           r"(?:[“\"「][^，,。；;！!？?\n”\"」]{0,16}|[^，,。；;！!？?\n]{0,6})?$"
                           r"|法人[（(]$"
                           # 营业执照信息：某某有限公司
                           r"|(?:营业执照|执照)[^，,。；;！!？?\n]{0,4}?[：:][^，,。；;！!？?\n]{0,16}$"
                           # a conversion done (前些年转企改制成了有限公司), not one asked about (需不需要改制成公司)
                           r"|(?:(?:已经?|早已|后来|现已|\d{4}年|前些年|去年|前年)[^，,。；;！!？?\n]{0,6}?"
                           r"(?:转企|转制|改制)[^，,。；;！!？?\n]{0,4}?(?:成|为)了?|(?:转企|转制|改制)[^，,。；;！!？?\n]{0,4}?"
                           r"(?:成|为)了)(?:一家|一个)?$"
                           r"|^[^，,。；;！!？?\n是有在和与]{0,8}的$")  # 研发中心，外商独资的有限公司: said of the unit


def subject_start(text: str, asking: int) -> int:
    """Where the subject of a question asked at ``asking`` may start: its segment, a parenthesis read as part of it
    (学校全资设立的XX科技有限公司（校办企业，独立法人）能不能报…)."""
    return segment_bounds(PARENTHESIS.sub(lambda m: BREAKS.sub(" ", m.group()), text), asking)[0]


def elided(text: str, found: Sequence[Marker], applicant: Marker | None) -> list[Marker]:
    """Who a question without a subject is about: the unit named in 以…的名义 or the place speaking (我们是省直管县，
    …公司扎堆，能报哪些) if there is one, else the speaker's."""
    if applicant is not None and applicant.by in ("name", "place"):
        return [applicant]
    return [speaker(text, found)] if found else []


def asked_about(text: str, applicant: Marker | None) -> list[Marker]:
    """The unit each question of the text is about (我们是本科高校，想报示范高校；学校的资产经营公司能报示范企业吗):
    a message may ask about the applicant and a unit of another kind that belongs to it."""
    found = markers(text)
    subjects: list[Marker] = []
    for asking in ASKS.finditer(text):
        if qualifiers(text, asking.start(), asking.end()) & {Qualifier.hearsay, Qualifier.hypothetical}:
            continue
        start = subject_start(text, asking.start())
        subject = [m for m in found if start <= m.start < asking.start()] or elided(text, found, applicant)
        joined = subject[:1]
        for later in subject[1:]:  # 学校和公司分别能报什么, 区政府、开发区管委会、区属国企
            if not COORDINATED_NAME.fullmatch(text, joined[-1].end, later.start):
                break
            joined.append(later)
        subjects += joined
    for follow_up in WHAT_ABOUT.finditer(text):  # 那我们下属的研究院呢
        subjects += [m for m in found if follow_up.start(1) <= m.start < follow_up.end(1)][-1:]
    proposed = [m for m, _ in [*put_forward(text, found), *respectively(text, found)]
                if not qualifiers(text, m.start, m.end) & {Qualifier.hearsay, Qualifier.hypothetical}]
    if pattern("asks_something").search(text) or len({m.kind for m in proposed}) > 1:
        subjects += proposed  # 管委会报示范园区、研究院报示范科研机构，可以吗; 客户1…；客户2…: each one
    if len(listed := list_heads(text, found)) > 1 and pattern("asks_something").search(text):
        subjects += listed  # 三个客户一起问：①…公司 ②…大学 ③…研究所: each unit of the list
    return subjects


def list_items(text: str) -> list[tuple[int, int]]:
    """The spans of the items of a numbered list of units (①某机械厂，…；②某研究院，…), each up to the next label;
    [] unless the text lists two or more and every item opens with a unit's name (not 1. 要不要重报？2. 能不能以
    区政府名义报…: questions about one unit)."""
    labels = list(ITEM_LABEL.finditer(text))
    if len(labels) < 2 or RESPECTIVELY.search(text) or not all(opens_with_unit(text, m.end()) for m in labels):
        return []  # 这三家分别报…: the types are given to the items in order
    return list(zip([m.start() for m in labels], [*(m.start() for m in labels[1:]), len(text)], strict=True))


# Words that make an item a question or a plan about a unit rather than the unit's own entry, or the unit the
# speaker (我区, 本园区).
NOT_A_NAME = re.compile(rf"{alternation('apply')}|{alternation('modal')}|以|是否|要不要|还|再|这次|本次|想|拟|"
                        r"我|本|咱|该")


def opens_with_unit(text: str, start: int) -> bool:
    """The words from ``start`` to the end of their clause begin with a unit's own name: a kind of unit after
    a name of its own (苏州某某新材料有限公司, not 园区 alone), or a place, before any verb of applying or asking."""
    _, end = segment_bounds(text, start)
    first = next(iter(markers(text[start:end])), None)
    name_end = first.end if first and first.start > 0 else 0
    if not name_end:
        found = places.scan(text[start:end])
        name_end = found[0].end if found else 0
    return bool(name_end) and not NOT_A_NAME.search(text, start, start + name_end)


def listed_item(text: str, pos: int) -> bool:
    """``pos`` is in an item of a list of units (A是…；B是…, 甲：…, 1. …): its clauses speak of that unit."""
    return item_start(text, pos) is not None


def item_start(text: str, pos: int) -> int | None:
    """Where the item of a list of units that ``pos`` is in starts (None when it is in none)."""
    window = max(0, pos - SEGMENT_REACH)  # no sentence runs longer; a long text stays linear
    starts = [-1 if window else 0, *(m.end() for m in SENTENCE_BREAK.finditer(text, window, pos))]
    if starts[-1] < 0:
        return None
    if LIST_LABEL.match(text, starts[-1]):
        return starts[-1]
    labelled = len(starts) > 1 and starts[-2] >= 0 and text[starts[-1] - 1] in "：:"  # 客户2：某县级市政府…
    if labelled and (label := LIST_LABEL.match(text, starts[-2])) is not None and label.end() == starts[-1]:
        return starts[-2]
    return None


def respectively(text: str, found: Sequence[Marker]) -> list[tuple[Marker, tuple[int, int]]]:
    """The units of a list paired in order with the project names after 分别 (①…公司；②…学院；③…研究院，这三家分别报
    ▢▢/▢▢/▢▢), when there are as many of each."""
    for match in RESPECTIVELY.finditer(text):
        names, pos = [], match.end()
        while name := MASKED_NAME.match(text, pos):
            names.append(name.span())
            pos = NAME_SEPARATOR.match(text, name.end()).end()
        heads = list_heads(text, [unit for unit in found if unit.start < match.start()])
        if len(names) >= 2 and len(heads) == len(names):
            return list(zip(heads, names, strict=True))
    return []


def list_heads(text: str, found: Sequence[Marker]) -> list[Marker]:
    """The first unit named in each item of a list of units (①…公司；②…学院；③…研究所)."""
    heads: dict[int, Marker] = {}
    for unit in found:
        if unit.kind not in LEGAL_FORMS and (start := item_start(text, unit.start)) is not None:
            heads.setdefault(start, unit)
    return list(heads.values())


def applies(text: str, unit: Marker) -> re.Match[str] | None:
    """Applying for a project type right after ``unit``, an aside between (研究所（事业单位）报▢▢)."""
    aside = PARENTHESIS.match(text, unit.end)
    return PROPOSES.match(text, aside.end() if aside else unit.end)


def put_forward(text: str, found: Sequence[Marker]) -> list[tuple[Marker, re.Match[str]]]:
    """Each unit followed by applying for a project type (研究院报示范科研机构, 乙是一家研究所，想报…), with that
    match; not one applying only as what it would be treated as (按企业去报)."""
    pairs = []
    for number, unit in enumerate(found):
        proposal = applies(text, unit)
        if proposal is None and listed_item(text, unit.start) and (clause := CLAUSE_AFTER.match(text, unit.end)) \
                and not any(unit.end <= other.start < clause.end() and other.kind not in LEGAL_FORMS
                            for other in found[number + 1:number + 2]):  # 研究所（事业单位），准备报…: its form
            proposal = PROPOSES.match(text, clause.end())  # an item's next clause applies, its subject elided
        if proposal and not just_before(AS_IF, text, unit.start) and not in_its_stead(text, unit, found):
            pairs.append((unit, proposal))
    return pairs


def in_its_stead(text: str, unit: Marker, found: Sequence[Marker]) -> bool:
    """Another unit would file for ``unit`` (平台公司替管委会报): ``unit`` is represented, not put forward."""
    return just_before(ON_BEHALF, text, unit.start) and applies_in_its_stead(text, unit, speaker(text, found))


def proposals(text: str) -> list[tuple[Marker, tuple[int, int]]]:
    """Each unit put forward for a masked project name (管委会想报▢▢▢▢, 区政府报▢▢▢; a list of units 分别报 one name
    each), with that name's span."""
    found = markers(text)
    return [(unit, name.span()) for unit, proposal in put_forward(text, found)
            if (name := MASKED_NAME.match(text, proposal.end() - 1))] + respectively(text, found)


def sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(mark, 0, pos) for mark in "。！!？?\n") + 1


def turns_to_another_unit(text: str, kind: ApplicantKind | None) -> str | None:
    """"above", "beside" or "below" when a follow-up asks about the unit above the one described (of ``kind``),
    beside it, or below it and of its kind (那母公司呢, 那邻县呢, 那我们的子公司呢, 市下面的区呢): what was said of
    the first unit is not said of it. A unit of another kind below it (那我们下属的研究院呢) is the applicant's own."""
    for match in WHAT_ABOUT.finditer(text):
        thing = match.group(1)
        if named_before := APPOSED_BEFORE.search(text, 0, match.start(1)):
            thing = f"{named_before.group(1)}，{thing}"  # 那我们上级单位，某某有限公司呢: the unit, then its name
        elif POINTS_BACK.fullmatch(thing):  # 新设了一家子公司，…，它能报吗: a unit below it, described before
            if below_of_kind(text[sentence_start(text, match.start(1)):match.start(1)], kind):
                return "below"
            continue
        if pattern("parent_unit").search(thing.replace("的名义", "名义").rsplit("的", 1)[-1]):  # not 我们集团的研究总院
            return "above"
        if pattern("neighbour_unit").search(thing):
            return "beside"
        if below_of_kind(thing, kind):
            return "below"
    return None


def below_of_kind(words: str, kind: ApplicantKind | None) -> bool:
    """``words`` name a unit below the one described, and no unit of another kind."""
    return bool(pattern("subordinate_unit").search(words)) and {m.kind for m in markers(words)} <= {kind}


def one_body(text: str) -> list[ApplicantKind]:
    """The kinds of a unit that is one body under two names (区政府和高新区管委会“政区合一”，两块牌子一套班子)."""
    found = markers(text)
    return list(dict.fromkeys(m.kind for sentence in ONE_BODY.finditer(text)
                              for m in found if sentence.start() <= m.start < sentence.end()))


def registered_as_company(text: str) -> bool:
    """The text says the applicant is registered as a company (an institute may be: it is then both)."""
    return any(REGISTERED_AS.search(text[segment_bounds(text, m.start())[0]:m.start()])
               and not qualifiers(text, m.start(), m.end()) & NOT_NOW  # 准备注册成有限公司: not yet
               for m in COMPANY_FORM.finditer(text))


NOT_NOW = {Qualifier.negated, Qualifier.pending, Qualifier.wished, Qualifier.hypothetical}  # not what the unit is now


def parent_of(text: str, unit: Marker) -> ApplicantKind | None:
    """The kind of the unit that the applicant's unit belongs to, where the text names it right before a mention of
    that unit (XX大学的重点实验室, XX公司下属研究院): an internal unit's own type may not be open to it, its
    parent's may."""
    for before, mention in pairwise(MARKER.finditer(text)):
        if MARKERS[mention.group()] != unit.kind or MARKERS[before.group()] == unit.kind:
            continue
        if segment_bounds(text, before.start()) == segment_bounds(text, mention.start()) \
                and MODIFIES.match(text, before.end()) and not negated(text, before.start(), strict=True):
            kind = MARKERS[before.group()]
            return kind if kind in (K.company, K.university, K.institute) else None
    return None


ANAPHOR = re.compile(r"(?:该|此|上述|前述|这家|这个|这所)$")
BARE_NOUN = re.compile(r"(?:^|[，,。；;！!？?\n]|我们|本|我)$")  # a kind noun with no name of its own


def head(text: str) -> Marker | None:
    """The marker that names the applicant, or None when the text names no kind of unit. One that refers back
    (该公司, 上述单位) is the unit named before it, with the kinds that name carried (…研究院有限公司…该公司); the
    applicant is also what the text later says it itself is (某集团下面的研究院…研究院本身是有限公司)."""
    chosen = named_unit(text)
    if chosen is None:
        return None
    itself = [m.kind for m in markers(text) if m.start > chosen.start and chosen.kind in m.also
              and ITSELF.search(text, 0, m.start)]
    return replace(chosen, also=tuple(dict.fromkeys([*chosen.also, *itself]))) if itself else chosen


ITSELF = re.compile(r"(?:本身|自己)(?:也|还|同时)?是(?:一家|一个)?$")


def named_unit(text: str) -> Marker | None:
    chosen = head_noun(text)
    if chosen is not None and (just_before(OWN, text, chosen.start) or chosen.by == "intro"):
        return with_opening_kinds(text, chosen)
    if chosen is None:
        return None
    if BARE_NOUN.search(text, max(0, chosen.start - 2), chosen.start) and (named := [
            m for m in markers(text) if m.start < chosen.start and chosen.kind in m.also]):
        carried = dict.fromkeys([*chosen.also, named[-1].kind, *named[-1].also])  # “某某研究院有限公司”…研究院想报:
        return replace(chosen, also=tuple(kind for kind in carried if kind != chosen.kind))  # the unit named before
    if not ANAPHOR.search(text, max(0, chosen.start - 2), chosen.start):
        return chosen
    named_before = [m for m in markers(text) if m.start < chosen.start and m.kind == chosen.kind]
    return replace(chosen, also=tuple(dict.fromkeys([*chosen.also, *(k for m in named_before for k in m.also)])))


def with_opening_kinds(text: str, own: Marker) -> Marker:
    """The speaker's own unit (我们研究院, or what it says it is: …，是新型研发机构) with the kinds of the unit the text
    opens by naming, when that is one of its kind (XX研究院有限公司简介…我们研究院: a company too)."""
    opening = markers(text)[0]
    if opening.start >= own.start or own.kind not in opening.also:
        return own
    carried = dict.fromkeys([*own.also, opening.kind, *opening.also])
    return replace(own, also=tuple(kind for kind in carried if kind != own.kind))


# A unit applying in another's stead (让我们公司代表新区去报): the one that would file is the applicant asked about.
FILES_FOR = re.compile(rf"[^，,。；;！!？?\n]{{0,3}}?{FILES_INSTEAD.pattern}")
SEPARATE_UNITS = (K.company, K.university, K.institute)


def applies_in_its_stead(text: str, represented: Marker, own: Marker) -> bool:
    """The speaker's unit, a unit of its own standing (a company, a university, an institute), would file for the
    unit it represents, which is another kind: not asking on that unit's behalf but whether it may apply for it."""
    return own.kind in SEPARATE_UNITS and represented.kind != own.kind \
        and bool(FILES_FOR.match(text, represented.end))


def head_noun(text: str) -> Marker | None:
    """The marker the rules below choose, as the text writes it."""
    found = markers(text)
    for start, end in designated(text):
        named = [m for m in found if start <= m.start < end]
        if named:
            return replace(named[0], by="name")
        if BUREAU.search(text, start, end):  # 以我们局的名义: a bureau no marker names
            return Marker(start, end, K.department, by="name")
    if not found:
        return None
    for name in FULL_NAME.finditer(text):
        seg_start, _ = segment_bounds(text, name.start())
        named = [m for m in found if name.start(1) + 2 <= m.start < name.end(1)]  # a name, not 名字叫研究院
        if named and not any(seg_start <= m.start < name.start() for m in found):  # not 下属公司全称…
            return replace(named[-1], by="name")
    for agent in ON_BEHALF.finditer(text):
        _, end = segment_bounds(text, agent.start())
        represented = [m for m in found if agent.end() <= m.start < end]
        if represented and not applies_in_its_stead(text, represented[0], speaker(text, found)):
            return replace(represented[0], by="behalf")
    for task in TASKED.finditer(text):  # 县政府让我们局牵头准备示范县材料: the government applies
        start, _ = segment_bounds(text, task.start())
        tasking = [m for m in found if start <= m.start < task.start() and m.kind == K.government]
        if tasking:
            return replace(tasking[-1], by="behalf")
    for asking in ASKS.finditer(text):
        if qualifiers(text, asking.start(), asking.end()) & {Qualifier.hearsay, Qualifier.hypothetical}:
            continue  # 听说园区可以报…: what someone said of others, not the asker's own question
        start = subject_start(text, asking.start())
        subject = [m for m in found if start <= m.start < asking.start()]
        if (itself := UNIT_ITSELF.search(text, start, asking.start())) and (named := [
                m for m in found if m.start < itself.start() and text[m.end - 1] == itself.group("noun")]):
            return replace(named[0], by="asks")  # 某科学院……，院里有一家公司，院本身能报吗: the academy
        if subject and subject[0].kind in LEGAL_FORMS:
            own = speaker(text, found)  # 我们研究院是事业单位……事业单位能报吗: the legal form of the institute
            if own.kind not in LEGAL_FORMS:
                return own
        if subject:
            return replace(subject[0], by="asks")
        if THIS_ONE.match(text, start):
            earlier = [m for m in found if m.start < start and m.kind not in (*LEGAL_FORMS, K.person)]
            # …加入了一家研究所，由…出资，那它能报吗: the unit named last; 那它能报…吗 with none named before: the
            # unit an earlier turn described (what the text goes on to name is not it)
            return replace(earlier[-1], by="asks") if earlier else None
    for follow_up in WHAT_ABOUT.finditer(text):  # …成立了一家有限公司，这个公司可以吧: the unit it turns to
        if named := [m for m in found if follow_up.start(1) <= m.start < follow_up.end(1)]:
            return replace(named[-1], by="asks")
    own = speaker(text, found)
    if own.kind == K.department and (asked := place_asked_about(text, just_before(ZONE_OF_BUREAU, text, own.start))
                                     ) is not None:
        return Marker(asked, asked, K.government, by="asks")  # 我在县发改局工作……县里能不能报: its government
    return own


# A question whose subject is a unit by its bare noun and 本身 (院本身, 学校自己): the unit of that noun named before.
UNIT_ITSELF = re.compile(r"(?:^|(?<=[，,\s]))(?:那|那么)?(?:我们)?(?P<noun>[院校所司])(?:本身|自身|自己)"
                         r"(?:[^，,]{0,4})$")
# A question whose subject only points back (这个能报吗, 它呢): the unit named last before it.
THIS_ONE = re.compile(r"\s*(?:那|那么)?(?:这个|这家|这所|这一个|它)(?=能|可以|可不可以|是否|行|符合|算|报|呢|也)")
THIS_TIME = r"(?:[这本此]一?[次回届]|今年|还|也|到底|究竟)"  # 这次, 这一届, 还, 到底: said before the verb
# The place itself as the subject of a question (县里能不能报, 我们区可以报吗): its people's government (a 区 standing
# alone, not the end of 集聚区, 园区, 开发区, 新区 …).
PLACE_SUBJECT = re.compile(r"(?:我们|咱们|咱|本|该)?"
                           r"(?:(?<![聚园发新范税业景假片社城辖])区|(?:自治)?县|市|(?:自治)?旗|盟)"
                           r"(?:[（(][^）)]{1,12}[）)])?"  # 我们自治县（某市下辖）
                           rf"(?:里面?|这边|政府)?{THIS_TIME}*$")  # 该县这次还能否申报
ZONE_OF_BUREAU = re.compile(r"(?:管委会|管理委员会)的?$")  # a bureau of a zone's committee speaks for the zone
# A bureau's bare 我们 as the subject (我们可以报示范市吗): a bureau applies for no type, its place's government may.
US = re.compile(rf"(?:我们|咱们){THIS_TIME}*$")
# A question with no subject of its own (这回能不能报) after a clause saying what a place is (平阳是温州管辖的县).
NO_SUBJECT = re.compile(rf"\s*(?:那|那么|所以)?{THIS_TIME}*")
PLACE_STATED = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:是|系|属于)[^，,。；;！!？?\n]{0,12}?"
                          r"(?:县级市|地级市|区|县|市|旗|州|盟)[，,\s]*$")
WANTS_TO_APPLY = re.compile(rf"(?:想|准备|打算|计划|拟|有意|倾向于)要?(?:{alternation('apply')})")  # 县里打算报


def place_asked_about(text: str, in_park: bool = False) -> int | None:
    """Where a question or a wish whose subject is the speaker's place (局长让我问下县里能不能报, 县里打算报…)
    names that place (``in_park``: the bureau is a park committee's, whose 我们 is the committee)."""
    for asking in [*ASKS.finditer(text), *WANTS_TO_APPLY.finditer(text)]:
        if qualifiers(text, asking.start(), asking.end()) & {Qualifier.hearsay, Qualifier.hypothetical}:
            continue
        start = subject_start(text, asking.start())
        if subject := PLACE_SUBJECT.search(text, start, asking.start()) or \
                (None if in_park else US.search(text, start, asking.start())):
            return subject.start()
        if NO_SUBJECT.fullmatch(text, start, asking.start()) \
                and (stated := PLACE_STATED.search(text, segment_bounds(text, max(0, start - 1))[0], start)):
            return stated.start()  # 平阳是温州管辖的县，这回能不能报: the place the clause before says it is
    return None


APPLICANT_KINDS = (K.government, K.park_committee, K.company, K.university, K.institute)  # a type each


def introduced_kinds(text: str, applicant: Marker | None) -> list[ApplicantKind]:
    """The kind of the speaker's own unit, when the question is about another unit (我们是一家有限责任公司……
    我们下面的研究院能报吗): the speaker's unit is an applicant too."""
    found = markers(text)
    if applicant is None or applicant.by != "asks" or applicant.kind not in APPLICANT_KINDS or not found:
        return []
    own = speaker(text, found)
    return [own.kind] if own.by in ("own", "intro") and own.start != applicant.start else []


def speaker(text: str, found: Sequence[Marker]) -> Marker:
    """The speaker's own unit: right after 我们/本, else the first after a self-introduction, else the first."""
    own = [m for m in found if just_before(OWN, text, m.start) and m.kind != K.person]  # 我个人: "personally"
    if own:
        return replace(own[0], by="own")
    for start, end in segments(text):
        intro = SELF_INTRO.search(text[start:end])
        if intro:
            after = [m for m in found if start + intro.end() <= m.start < end]
            if after and OWN_PLACE.fullmatch(intro.group()) and not AT_PLACE.search(text, 0, start + intro.start()) \
                    and POSSESSED.fullmatch(text, start + intro.end(), after[0].start) \
                    and after[0].kind == K.park_committee and intro.group()[-1] != "区":  # 我区: a zone, too
                return Marker(start + intro.start(), start + intro.end(), K.government, by="intro")  # 我县的产业园: the
                # county's park, the county speaking (我县林科所想报: the institute speaks of itself)
            earlier = [m for m in found if m.start < start and m.kind not in LEGAL_FORMS]
            if after and after[0].kind in LEGAL_FORMS and intro.start() == 0 and earlier:
                return replace(earlier[-1], by="intro")  # 某检测研究所，系民办非企业单位: the unit's legal form
            if after:
                return replace(after[0], by="intro")
    return found[0]
