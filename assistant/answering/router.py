"""Decide what kind of turn a question is, from its wording alone (deterministic)."""

from __future__ import annotations

import re

from assistant.answering.result import Route

SMALLTALK = re.compile(r"^(你好|您好|hi|hello|谢谢|多谢|感谢|再见|你是谁|您是谁|在吗)[呀啊！!。？?，, ]*$", re.I)
DRAFTING = re.compile(r"(帮我|帮忙|请)?(起草|撰写|写一份|写个|拟写|拟一份|生成).{0,12}(申报书|材料|回复|复函|函|草稿)")
ASKS_ELIGIBILITY = re.compile(
    r"(能不能|能否|可不可以|可否|是否可以|是否能|可以|能|有没有资格|有资格|够不够格|符合|算不算|属于|适合|想|打算|准备|拟)"
    r".{0,16}(申报|申保|报|申请|参加|参评|创建)|(申报|报).{0,6}(资格|主体)"
)
SELF_DESCRIPTION = re.compile(r"我们|我单位|本单位|我司|我校|我院|我县|我市|我区|我所|我方|我是")
FOLLOW_UP = re.compile(r"^(那|那么|如果是|换成|要是)|呢[？?]?$")
TIMELINE = re.compile(
    r"截止|截至|期限|deadline|什么时候|何时|啥时候|几号|几月|哪几年|还有几天|还剩|来得及|过期|晚了|"
    r"时间安排|时间节点|进度|阶段|现在.{0,4}(还)?(能|可以)?.{0,4}(报|申报)|下一届|下届|多久.{0,3}(一届|一次)|"
    r"几年一届|每几年|按届|哪一年开始|验收.{0,4}时间|今年.{0,4}(还)?(能|可以)?.{0,2}(报|申报)"
)


def route(question: str) -> Route:
    """The route of one turn; scope, topics and rules refine it in the service."""
    text = question.strip()
    if SMALLTALK.match(text):
        return "smalltalk"
    if DRAFTING.search(text):
        return "drafting"
    if TIMELINE.search(text):
        return "timeline"
    if ASKS_ELIGIBILITY.search(text) or SELF_DESCRIPTION.search(text) or FOLLOW_UP.search(text):
        return "eligibility"
    return "factual"
