"""Retrieval's view of the lexicon: jieba dictionary words, stop words, project-type wordings and the cues
questions use (every list lives in ``assistant/language/lexicon.yaml``)."""

from __future__ import annotations

from collections.abc import Mapping

from assistant.language.lexicon import entries, groups, mapping
from assistant.rules import PROJECT_TYPES as RULE_TYPES

CITY_TYPE = RULE_TYPES["city"].name
COUNTY_TYPE = RULE_TYPES["county"].name


def by_type_name(name: str) -> dict[str, tuple[str, ...]]:
    """A lexicon mapping keyed by project-type key, re-keyed by the type's full name."""
    return {RULE_TYPES[key].name: words for key, words in groups(name).items()}


# Full project-type names → every other wording: the rules' names and aliases, plus the fragments questions
# use on their own (强市, 集聚区 …).
FRAGMENTS = by_type_name("type_fragments")
PROJECT_TYPES: dict[str, tuple[str, ...]] = {
    t.name: (*(n for n in t.names if n != t.name), *FRAGMENTS.get(t.name, ())) for t in RULE_TYPES.values()
}
APPLICANT_CUES: dict[str, tuple[str, ...]] = by_type_name("applicant_categories")
ELIGIBILITY_CUES: tuple[str, ...] = entries("applicant_question")
KIND_WORDS: Mapping[str, str] = mapping("clause_kind_words")
STOP_WORDS: frozenset[str] = frozenset(entries("function_words"))
GENERIC_WORDS: frozenset[str] = frozenset({*entries("programme_words"), *STOP_WORDS})
DOMAIN_WORDS: tuple[str, ...] = (
    *PROJECT_TYPES, *(alias for aliases in PROJECT_TYPES.values() for alias in aliases), *entries("domain_terms"),
)
