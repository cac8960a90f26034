"""Does a passage of the sources answer a question? Judged by the question's own topic words, not by keywords.

A question's topic words are its words minus question words, the words every clause of the programme shares,
the names of project types and places: a question that only names a project type ("示范企业能拿多少奖励资金")
has topic words (奖励资金) no clause covers. Other programmes and matters the notice does not cover are a list
with a note each (``other_programmes`` in the lexicon).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from assistant.corpus.model import Clause
from assistant.language.lexicon import entries, mapping, pattern, records
from assistant.rules import kinds, places
from assistant.rules.extract import project_names
from assistant.rules.params import timetable

# A question is answered by passages that cover at least this share of its topic words (calibrated on the
# dev qa suite: answerable questions that reach this test cover 0.5 or more, unanswerable ones 0.33 or less).
ANSWERED = 0.45


@dataclass(frozen=True)
class Programme:
    names: tuple[str, ...]
    note: str


INTERROGATIVE = re.compile(r"谁|哪|什么|怎|几|多少|吗|呢|么|是否|有没有|([\u4e00-\u9fff])不\1")


@cache
def _ignored() -> frozenset[str]:
    return frozenset({*entries("function_words"), *entries("programme_words")})


def topic_words(text: str) -> list[str]:
    """The words that say what ``text`` is about (see the module docstring)."""
    from assistant.retrieval.lexical import domain_tokenizer  # jieba: loaded only when a question needs it

    types = project_names()
    words = []
    for word in domain_tokenizer().words(pattern("this_round").sub("，", text)):  # 这一届: the programme itself
        if len(word) < 2 or word in _ignored() or INTERROGATIVE.search(word) or any(word in name for name in types):
            continue
        if (len(word) == 2 and word[1] == "个") or kinds.MODAL.fullmatch(word):
            continue  # a verb with its measure word (建个, 搞个), "may apply" (能报): no topic
        if places.chains(word):
            continue
        words.append(word)
    return list(dict.fromkeys(words))


def covered(word: str, passage: str, loose: bool = True) -> bool:
    """The word or the notice's own word for it occurs in the passage; ``loose``: or most of a long compound
    does (严格把关: 严格 … 把关)."""
    if word in passage or any(w in passage for w in mapping("synonyms").get(word, "").split()):
        return True
    grams = [word[i:i + 2] for i in range(len(word) - 1)]
    return loose and len(word) >= 4 and sum(gram in passage for gram in grams) >= 0.6 * len(grams)


def coverage(text: str, clauses: list[Clause], loose: bool = True) -> float | None:
    """Share of the topic words of ``text`` that ``clauses`` cover; None when the text has no topic word."""
    words = topic_words(text)
    if not words:
        return None
    passage = "".join(f"{c.heading}{c.text}" for c in clauses)
    return sum(covered(word, passage, loose) for word in words) / len(words)


def answered(text: str, clauses: list[Clause]) -> bool:
    value = coverage(text, clauses)
    return value is not None and value >= ANSWERED


def singled_out(text: str, first: Clause, corpus: Sequence[Clause]) -> bool:
    """The first-ranked clause is the only one of ``corpus`` that covers one of the question's topic words (台账,
    水分, 展馆): a word only it says is what the question asks about, however many everyday words surround it."""
    own = [word for word in topic_words(text) if covered(word, first.heading + first.text, loose=False)]
    return any(not any(covered(word, c.heading + c.text, loose=False) for c in corpus if c.id != first.id)
               for word in own)


@cache
def programmes() -> tuple[Programme, ...]:
    return tuple(Programme(tuple(r["names"]), r["note"]) for r in records("other_programmes"))


# Kinds of intellectual property listed together (商标、版权的登记量): the property, not a programme about one of them.
IP_KINDS = r"专利|商标|版权|著作权|地理标志|植物新品种|集成电路布图设计|商业秘密"
LISTED_IP = re.compile(rf"(?:{IP_KINDS})(?:[、和与及或]|以及)(?:{IP_KINDS})(?:(?:[、和与及或]|以及)(?:{IP_KINDS}))*")


def blanked(match: re.Match[str]) -> str:
    return "，" * len(match.group())


def other_programme(text: str) -> Programme | None:
    """The programme or matter the notice does not cover that ``text`` names by its longest name (快速维权中心
    before 维权) — not as figures counted (版权登记量, 地理标志的数据: what is reported)."""
    lowered = _counted().sub(blanked, LISTED_IP.sub(blanked, text.lower()))
    named = [(len(name), -order, programme) for order, programme in enumerate(programmes())
             for name in programme.names if name.lower() in lowered]
    return max(named, key=lambda found: found[:2])[2] if named else None


@cache
def _counted() -> re.Pattern[str]:
    """A programme's name, or a kind of property, followed by the figures counted of it (商标的件数, 版权登记量)."""
    names = sorted((name.lower() for p in programmes() for name in p.names), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))}|{IP_KINDS})(?:的)?(?:这些|等)?"
                      r"(?:数据|数量|件数|授权量|申请量|登记量|数|量)")  # not 金额: a sum of money is an award's


@cache
def _programme_mention() -> re.Pattern[str]:
    names = sorted((name for p in programmes() for name in p.names), key=len, reverse=True)
    return re.compile(rf"(?i)(?:{'|'.join(map(re.escape, names))})(?:认定|评定|评审|申报|申请|备案)?")


def without_programmes(text: str) -> str:
    """``text`` without the names of other programmes and the step that names them (高新技术企业认定): what is
    left is what it says of this round."""
    return _programme_mention().sub("，", text)


# A year the text gives to a round, a title or a step of one (2022年那批, 2021年认定的示范县), not to something
# else (2012年市政府批复设立的园区).
ROUND_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:届|年[^，,。；;！!？?\n]{0,14}?"
                        r"(?:那批|那届|那轮|那次|届|轮|批次|示范|认定|评|申报|创建|试点|推荐|通知|文件))")


def earlier_round(text: str) -> Programme | None:
    """A year before this round's first year: the question is about an earlier round — unless it names this
    round too (2022年那批是省局推荐的，这一届也是吗: asked of this round)."""
    if earlier_years(text) and not pattern("this_round").search(text):
        return Programme((), f"{timetable().round.first_year}年以前的示范创建（本通知只涉及本届）")
    return None


def earlier_years(text: str) -> list[str]:
    """The years before this round's first that the text gives to a round (2023年那次)."""
    return [year for year in ROUND_YEAR.findall(text) if int(year) < timetable().round.first_year]
