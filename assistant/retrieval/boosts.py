"""Structure-aware boosts: a question naming a section, a project type or an applicant category
raises the clause that the document's structure assigns to it."""

from __future__ import annotations

import re
from collections import defaultdict

from assistant.corpus.model import Clause
from assistant.language.lexicon import with_notice_words
from assistant.retrieval.lexical import ChineseTokenizer, pinyin, sounds_in
from assistant.retrieval.places import place_type
from assistant.retrieval.vocabulary import APPLICANT_CUES, ELIGIBILITY_CUES, GENERIC_WORDS, PROJECT_TYPES

APPLICANTS_HEADING = "申报单位"
HEADING = 0.3
NAMED_TYPE = 0.2
ELIGIBLE_TYPE = 0.5
CATEGORY = 0.3
ORDINAL_BOOST = 0.4
PARENTHETICAL = re.compile(r"（[^（）]*）")
ORDINAL = re.compile(r"第\s*[（(]?([一二三四五六七八九十]+|\d+)[）)]?\s*[条项点款]")
CN_DIGITS = "一二三四五六七八九十"


def ordinal(query: str) -> str | None:
    """The item numeral a question points at (第一条, 第（三）项, 第2项 → 一, 三, 二), if any."""
    match = ORDINAL.search(query)
    if not match:
        return None
    value = match.group(1)
    return CN_DIGITS[int(value) - 1] if value.isdigit() and 0 < int(value) <= 10 else value


def named_types(query: str) -> list[str]:
    """Project types the question names by full name or short form, also when mistyped by sound."""
    sounds = pinyin(query)
    return [name for name, aliases in PROJECT_TYPES.items()
            if any(a in query or sounds_in(a, sounds) for a in (name, *aliases))]


def applicant_types(query: str) -> list[str]:
    """Project types whose applicant categories (县级市, 高新区, 大学 …) or places the question names."""
    types = [name for name, cues in APPLICANT_CUES.items() if any(c in query for c in cues)]
    place = place_type(query)
    return [*types, place] if place and place not in types else types


class StructureBoosts:
    """Maps a question to extra score for clauses by heading, project type and applicant category.

    Headings are matched without their parentheticals: item numbers and timing notes such as
    （完成认定后持续推进） say nothing about the topic.
    """

    def __init__(self, clauses: list[Clause], tokenizer: ChineseTokenizer) -> None:
        self.tokenizer = tokenizer
        self.headings = {c.id: PARENTHETICAL.sub("", c.heading) for c in clauses}
        self.raw_headings = {c.id: c.heading for c in clauses}
        self.applicants: dict[str, str] = {}
        for clause in clauses:
            for name in PROJECT_TYPES:
                if APPLICANTS_HEADING in clause.heading and name in clause.text:
                    self.applicants.setdefault(name, clause.id)

    def heading_words(self, query: str) -> set[str]:
        return {w for w in self.tokenizer.words(with_notice_words(query)) if len(w) > 1 and w not in GENERIC_WORDS}

    def __call__(self, query: str) -> dict[str, float]:
        boosts: dict[str, float] = defaultdict(float)
        words = self.heading_words(query)
        for clause_id, heading in self.headings.items():
            if any(w in heading for w in words):
                boosts[clause_id] += HEADING
        if (number := ordinal(query)) is not None:
            for clause_id, heading in self.raw_headings.items():
                section = heading.split(" › ")[0]
                if f"（{number}）" in heading and any(w in section for w in words):
                    boosts[clause_id] += ORDINAL_BOOST
        eligibility = any(cue in query for cue in ELIGIBILITY_CUES)
        named = named_types(query)
        for name in named:
            if name in self.applicants:
                boosts[self.applicants[name]] += ELIGIBLE_TYPE if eligibility else NAMED_TYPE
        for name in applicant_types(query) if eligibility else []:
            if name in self.applicants and name not in named:
                boosts[self.applicants[name]] += CATEGORY
        return dict(boosts)
