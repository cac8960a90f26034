"""Is a question answered by the sources at all? Judged by its content words found in the best clauses."""

from __future__ import annotations

import re

from assistant.corpus.model import Clause

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Bigrams that say nothing about the topic: question words, and the words every clause shares.
GENERIC = frozenset(
    ("什么 怎么 怎样 如何 可以 是否 能否 能不 不能 哪些 哪个 多少 请问 我们 你们 一下 需要 要求 有没 没有 这个 "
     "那个 知道 知识 识产 产权 国家 工作 相关 问题 规定 文件 通知 关于 进行 时候 一个 单位 是不 不是").split(" ")
)
NOTICE_VOCABULARY = re.compile(
    r"示范|创建|申报|推荐|认定|验收|名额|附件|回执|联络员|强市|强县|强国|园区|集聚|高校|科研机构|管委会|人民政府|"
    r"工作要求|工作安排|申报单位|申报条件|创建项目|"
    r"省直管|副省级|地级市|市辖区|兵团|公司法|本科|评价指标|摘牌|弄虚作假|收取费用|28号"
)


OFF_TOPIC = re.compile(
    r"专利申请费|费减|减缓|商标|高新技术企业|高企|质押|融资|利率|审查.{0,6}(多久|周期|时间)|PCT|侵犯|侵权|起诉|诉讼|"
    r"地理标志|税收|优惠政策|奖金|奖励|资金|补贴|补助|年费|滞纳金|优势企业|天气|写.{0,4}诗|上一届|往届|历届|"
    r"政策.{0,6}(会不会|会怎么|怎么|会)变"
)


def off_topic(question: str) -> bool:
    """Questions about other programmes and procedures, which the notice does not cover."""
    return bool(OFF_TOPIC.search(question))


FUNCTION_CHARS = frozenset("的了吗呢么啊吧呀嘛")
ORDINAL = re.compile(r"第[一二三四五六七八九十\d]+[条项点部分段个]")


def bigrams(text: str) -> set[str]:
    runs = CJK_RUN.findall(ORDINAL.sub(" ", text))
    grams = {run[i:i + 2] for run in runs for i in range(len(run) - 1)} - GENERIC
    return {gram for gram in grams if not FUNCTION_CHARS.intersection(gram)}


def coverage(question: str, clauses: list[Clause]) -> float:
    """Share of the question's content bigrams that occur in the given clauses."""
    wanted = bigrams(question)
    if not wanted:
        return 0.0
    found = set().union(*(bigrams(c.text + c.heading) for c in clauses)) if clauses else set()
    return len(wanted & found) / len(wanted)


def in_scope(question: str, clauses: list[Clause], threshold: float = 0.45) -> bool:
    """In scope when it uses the notice's own vocabulary and the retrieved clauses cover its content."""
    return bool(NOTICE_VOCABULARY.search(question)) and coverage(question, clauses) >= threshold
