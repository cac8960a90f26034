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
    r"省直管|副省级|地级市|市辖区|兵团|公司法|本科|评价指标|摘牌|弄虚作假|收取费用|28号"
)


def bigrams(text: str) -> set[str]:
    return {run[i:i + 2] for run in CJK_RUN.findall(text) for i in range(len(run) - 1)} - GENERIC


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
