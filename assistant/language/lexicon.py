"""The named phrase lists of ``lexicon.yaml``: one home for every cue list, compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")
REFERENCE = re.compile(r"\{(\w+)\}")


@cache
def _data() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(LEXICON_FILE.read_text(encoding="utf-8"), Loader=loader)


def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` as written (regular-expression alternatives)."""
    value = _data()[name]
    if not isinstance(value, list):
        raise TypeError(f"lexicon entry {name} is not a list")
    return tuple(str(item) for item in value)


@cache
def alternation(name: str) -> str:
    """List ``name`` as one regular expression, with ``{other}`` references expanded (longest entries first)."""
    expanded = [REFERENCE.sub(lambda m: f"(?:{alternation(m.group(1))})", entry) for entry in entries(name)]
    return "|".join(sorted(expanded, key=len, reverse=True))


@cache
def pattern(name: str) -> re.Pattern[str]:
    return re.compile(alternation(name), re.IGNORECASE)


@cache
def mapping(name: str) -> Mapping[str, str]:
    """Mapping ``name``, built once (read-only: every caller shares it; with_notice_words reads it per question)."""
    value = _data()[name]
    if not isinstance(value, dict):
        raise TypeError(f"lexicon entry {name} is not a mapping")
    return MappingProxyType({str(k): str(v) for k, v in value.items()})


def records(name: str) -> list[dict[str, Any]]:
    """List ``name`` of mappings (e.g. ``other_programmes``: names and a note each)."""
    value = _data()[name]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise TypeError(f"lexicon entry {name} is not a list of mappings")
    return value


def groups(name: str) -> dict[str, tuple[str, ...]]:
    """Mapping ``name`` of keys to word lists (e.g. ``applicant_categories``: project type → words)."""
    value = _data()[name]
    if not isinstance(value, dict):
        raise TypeError(f"lexicon entry {name} is not a mapping")
    return {str(key): tuple(str(word) for word in words) for key, words in value.items()}


# 电话记录 names a record; 来电话, 打电话说… tell of a call: neither asks for a number
NOT_A_RECORD_OR_CALL = "(?<![来接])(?<!打(?={cue}说)){cue}(?!记录|录音|纪要)"


def with_notice_words(text: str) -> str:
    """The text plus the notice's own words for the colloquial ones it uses (lexicon ``synonyms``), each on a
    line of its own: a pattern reads none of them as the text's next words (…交还行吗 国家知识产权局)."""
    extra = [target for cue, target in mapping("synonyms").items()
             if cue in text and re.search(NOT_A_RECORD_OR_CALL.format(cue=re.escape(cue)), text)]
    return "\n".join([text, *extra])
