"""Text as the rules and the router read it: simplified characters, half-width letters and digits, no stray
spaces, and the programme's own terms repaired when they were typed by sound (示范线 → 示范县, 汇执 → 回执).

A term is repaired only where the typed word sounds exactly like it (pinyin without tones), differs in at most
one character in three, is not itself a word of the general dictionary (保送, 师范, 截至 stay as typed) and does
not start or end inside one (合一城市 is 合一 + 城市, not 宜城市; 县级事业单位 is no 县级市).
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from assistant.language.lexicon import entries, mapping
from assistant.language.pinyin import syllables

KEEP_WIDE = {"，", "；", "！", "？", "：", "（", "）"}  # Chinese punctuation stays full-width
CJK = re.compile(r"[\u4e00-\u9fff]")
SPACE_BETWEEN = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \t\u3000]+(?=[\u4e00-\u9fff\d])")
CIRCLED = re.compile(r"[；;，,\s]*([①-⑨])")  # ①…②…: the items of a list, not digits run into the words around them


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters to simplified ones (OpenCC t2s)."""
    return _converter().convert(text)


def half_width(text: str) -> str:
    """NFKC (full-width letters and digits to ASCII) without touching Chinese punctuation."""
    return "".join(ch if ch in KEEP_WIDE else unicodedata.normalize("NFKC", ch) for ch in text)


@dataclass(frozen=True)
class SoundIndex:
    """Terms by their toneless pinyin, and the lengths of those sounds, longest first (the windows to try)."""

    terms: dict[tuple[str, ...], str]
    lengths: tuple[int, ...]


def sound_index(terms: tuple[str, ...]) -> SoundIndex:
    """Terms by their toneless pinyin; a sound shared by several terms is left out (it cannot be repaired)."""
    index: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    for term in terms:
        key = tuple(syllables(term))
        if key in index and index[key] != term:
            shared.add(key)
        index[key] = term
    kept = {key: term for key, term in index.items() if key not in shared}
    return SoundIndex(kept, tuple(sorted({len(key) for key in kept}, reverse=True)))


@cache
def _terms_by_sound() -> SoundIndex:
    return sound_index(tuple(term for term in entries("domain_terms") if len(term) >= 2))


@cache
def _dictionary_words() -> frozenset[str]:
    """The words of jieba's general dictionary (read as a file, so jieba itself is not imported)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "dict.txt"
    return frozenset(line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())


def repair_terms(text: str, index: SoundIndex | None = None, same_last: bool = False) -> str:
    """Replace sound-alike misspellings of the programme's terms, or of the terms of ``index`` (see the module
    docstring); ``same_last``: only where the last character is already the term's (a place's 市 or 县)."""
    index = _terms_by_sound() if index is None else index
    sounds = syllables(text)
    out, i = [], 0
    while i < len(text):
        for length in index.lengths:
            window = text[i:i + length]
            term = index.terms.get(tuple(sounds[i:i + length]))
            if term is None or term == window or not CJK.match(window[0]) or (same_last and window[-1] != term[-1]):
                continue
            differing = sum(a != b for a, b in zip(window, term, strict=True))
            end = i + length
            if differing <= max(1, length // 3) and window not in _dictionary_words() \
                    and not (i and text[i - 1:i + 1] in _dictionary_words()) \
                    and not (window[-1] != term[-1] and text[end - 1:end + 1] in _dictionary_words()):  # 县级事业
                out.append(term)
                i += length
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@cache
def _variants() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(variant), standard) for variant, standard in mapping("variants").items())


def standard_terms(text: str) -> str:
    """Variant wordings read as the notice writes them (申请书 → 申报书)."""
    for variant, standard in _variants():
        text = variant.sub(standard, text)
    return text


@lru_cache(maxsize=4096)  # one question is normalised by every layer that reads it
def normalize(text: str) -> str:
    """Simplified, half-width, spaces between Chinese words removed, circled list numbers made list labels (①… →
    ；1、…), terms repaired and standardised (see the module docstring)."""
    listed = CIRCLED.sub(lambda m: f"；{ord(m.group(1)) - ord('①') + 1}、", text)
    return standard_terms(repair_terms(SPACE_BETWEEN.sub("", simplified(half_width(listed))))).strip("； ")


def bigrams(text: str) -> set[str]:
    """The character bigrams of the Chinese runs of ``text``."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {run[i:i + 2] for run in runs for i in range(len(run) - 1)}
