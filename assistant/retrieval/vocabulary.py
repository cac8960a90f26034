"""Domain vocabulary: jieba dictionary words, stop words, project types and the cues questions use."""

from __future__ import annotations

from assistant.rules import PROJECT_TYPES as RULE_TYPES

CITY_TYPE = RULE_TYPES["city"].name
COUNTY_TYPE = RULE_TYPES["county"].name

# Full project-type names → every other wording: the rules' names and aliases, plus the fragments
# questions use on their own (强市, 集聚区 …), which the rules do not treat as a type's name.
FRAGMENTS: dict[str, tuple[str, ...]] = {"city": ("强市",), "county": ("强县",),
                                         "service_zone": ("集聚示范区", "集聚区"), "institute": ("科研机构示范",)}
PROJECT_TYPES: dict[str, tuple[str, ...]] = {
    t.name: (*(n for n in t.names if n != t.name), *FRAGMENTS.get(key, ())) for key, t in RULE_TYPES.items()
}

# Applicant categories a question may name instead of a project type.
APPLICANT_CUES: dict[str, tuple[str, ...]] = {
    CITY_TYPE: ("地级市", "副省级城市", "自治州", "盟"),
    COUNTY_TYPE: ("县级市", "省直管县", "兵团", "旗", "县", "市辖区", "区政府"),
    "国家知识产权强国建设示范园区": ("高新区", "经开区", "开发区", "园区", "管委会"),
    "国家知识产权服务业高质量集聚发展示范区": ("服务机构", "服务业"),
    "国家知识产权示范企业": ("公司", "企业"),
    "国家知识产权示范高校": ("大学", "学院", "高校", "院校", "学校", "本科", "专科", "高职"),
    "国家知识产权示范科研机构": ("研究所", "研究院", "科研院所", "研发中心", "实验室", "中科院"),
}

# Words that signal "who may apply / can we apply" (substrings: 能 also covers 能否, 能不能 …).
ELIGIBILITY_CUES: tuple[str, ...] = ("能", "可以", "可否", "谁", "哪些", "哪个", "什么样", "主体", "资格", "够", "符合")

# Question words -> the notice's own words (added to the question before matching).
QUERY_SYNONYMS: dict[str, str] = {
    "条件": "申报条件",
    "门槛": "申报条件",
    "主体": "申报单位",
    "电话": "联系人 联系电话",
    "联系方式": "联系人",
    "邮箱": "联系人",
    "咨询": "联系人",
    "找谁": "联系人",
    "问谁": "联系人",
    "考核": "成效评估",
    "摘牌": "成效评估",
    "推广": "总结推广",
    "验收": "评估验收",
    "纪律": "工作纪律",
    "减负": "基层减负",
    "钱": "收取费用",
    "收费": "收取费用",
    "费": "收取费用",
    "造假": "弄虚作假",
    "作假": "弄虚作假",
    "虚假": "弄虚作假",
    "重新申报": "重复提出申报",
    "研究所": "科研机构",
    "研究院": "科研机构",
    "科研院所": "科研机构",
    "研发中心": "科研机构",
    "大学": "高等院校",
    "学院": "高等院校",
    "学校": "高等院校",
    "发布": "印发 成文日期",
}

# What each structural kind of clause is, in the words people use to ask for it.
KIND_WORDS: dict[str, str] = {
    "docno": "文号 发文字号 文件编号",
    "title": "标题 文件名称 全称",
    "addressee": "主送 主送机关 发给 发送对象",
    "preamble": "前言 目的 依据 背景",
    "closing": "结尾 报送 截止时间",
    "annexes": "附件清单 全部附件",
    "signature": "落款 发文机关 成文日期",
    "contacts": "联系人 联系方式 联系电话 邮箱 咨询",
    "publication": "公开方式 是否公开",
    "imprint": "印发 印发机关 印发日期",
}

# Words too common in this corpus to say anything about a heading.
GENERIC_WORDS: frozenset[str] = frozenset({
    "知识产权", "示范", "创建", "申报", "国家", "建设", "工作", "强国", "单位", "项目", "什么", "哪些",
    "可以", "这个", "我们", "需要", "要求", "开展",
})

DOMAIN_WORDS: tuple[str, ...] = (
    *PROJECT_TYPES,
    *(alias for aliases in PROJECT_TYPES.values() for alias in aliases),
    "示范单位", "示范创建", "创建对象", "推荐对象", "申报单位", "申报主体", "申报条件", "申报书", "工作要求",
    "副省级城市", "地级市", "县级市", "省直管县", "直管县", "直辖市", "市辖区", "下辖县", "兵团", "管委会",
    "公司法", "有限责任公司", "股份有限公司", "独立法人资格", "高新区", "经开区", "产业园区", "普通本科",
    "高等院校", "科研机构", "回执", "联络员", "名额", "分配名额", "弄虚作假", "收取费用", "评价指标",
    "评估验收", "公示认定", "成效评估", "总结推广", "辐射带动", "花架子", "摘牌", "授牌", "省级知识产权局",
    "国家知识产权局", "联系人", "联系方式", "联系邮箱", "处级干部", "宁缺毋滥", "优中选优", "基层减负",
)

STOP_WORDS: frozenset[str] = frozenset(
    "的 了 吗 呢 吧 啊 呀 嘛 么 是 在 和 与 及 或 也 都 就 还 又 要 会 得 地 着 过 把 被 让 给 对 从 向 于 为 以 "
    "之 其 这 那 这个 那个 这次 这些 那些 我 我们 咱们 你 你们 他 他们 它 有 没有 没 不 个 请问 一下 "
    "怎么 怎么样 如何 什么 啥 哪 哪里 哪儿 多少 几 是否 是不是 能不能 可不可以 可以 能 应该 需要 想 "
    "请 谢谢 一个 一些 之前 以后 之后 时候 现在 已经 里 上 下 中 等 如果 那么 所以 因为".split()
)
