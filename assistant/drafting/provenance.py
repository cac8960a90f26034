"""The provenance check: every number, date and proper name of a draft must come from its material.

The material is what the draft may draw on: the applicant's facts (input), the template text and
outline, and the cited sources. The check runs on every draft, and decides whether an LLM's
polished wording may replace the template draft.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

ARABIC = re.compile(r"\d+(?:\.\d+)?")
CHINESE_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.-]+")
BOOK_TITLE = re.compile(r"《([^》]+)》")
QUOTED = re.compile(r"「([^」]+)」")
PLACEHOLDER = re.compile(r"【待(?:补充|核实)：[^】]+】")
NAME_TAGS = ("nr", "ns", "nt", "nz")
CN_DIGITS = str.maketrans("〇零一二两三四五六七八九", "001223456789")


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1)
def _tagger():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def proper_names(text: str) -> list[str]:
    """Person, place, organisation and other proper names (jieba tags), book titles and Latin words."""
    tagged = [word for word, flag in _tagger().cut(text) if flag.startswith(NAME_TAGS) and len(word) > 1]
    return tagged + BOOK_TITLE.findall(text) + LATIN.findall(text)


def check_provenance(text: str, material: Iterable[str]) -> list[str]:
    """Problems: numbers, dates, names or 「quotes」 in ``text`` that no item of ``material`` holds."""
    allowed = _normal("\n".join(material))
    draft = _normal(text)
    numbers = set(ARABIC.findall(allowed)) | set(ARABIC.findall(allowed.translate(CN_DIGITS)))
    problems = [f"数字或日期“{n}”不在事实、模板或引用原文中" for n in dict.fromkeys(ARABIC.findall(draft))
                if n not in numbers]
    problems += [f"数字“{n}”不在事实、模板或引用原文中" for n in dict.fromkeys(CHINESE_NUMERAL.findall(draft))
                 if n not in allowed]
    problems += [f"名称“{n}”不在事实、模板或引用原文中" for n in dict.fromkeys(proper_names(draft))
                 if n not in allowed]
    problems += [f"引文「{q[:30]}」与原文不符" for q in dict.fromkeys(QUOTED.findall(draft)) if q not in allowed]
    return problems


def placeholders(text: str) -> list[str]:
    """The 【待补充：…】 and 【待核实：…】 items of a text, each once, in order."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))
