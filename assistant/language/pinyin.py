"""Toneless pinyin of single characters, read from pypinyin's table of characters.

The table is read as a data file: importing pypinyin also loads its dictionary of phrases, which costs a
quarter of a cold start. A character's sound here is its first reading, as ``lazy_pinyin(char)`` gives it.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

TONE_MARKS = {0x0300, 0x0301, 0x0304, 0x030C}  # grave, acute, macron, caron
READINGS = "pinyin_dict.json"


def toneless(reading: str) -> str:
    """``lǜ`` → ``lv``, ``zhuàng`` → ``zhuang``: the tone marks dropped, ü written v (pypinyin's NORMAL style)."""
    decomposed = unicodedata.normalize("NFD", reading.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v")
                                       .replace("ǚ", "v").replace("ǜ", "v"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ord(ch) not in TONE_MARKS))


@cache
def _readings() -> dict[str, str]:
    """pypinyin's readings by code point (as a decimal string), e.g. ``"32511": "lǜ,lù"``."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return {}
    return json.loads((Path(spec.origin).parent / READINGS).read_text(encoding="utf-8"))


@cache
def syllable(char: str) -> str:
    """The character's toneless first reading; anything without one (letters, digits, punctuation) as it is."""
    readings = _readings().get(str(ord(char))) if len(char) == 1 else None
    return toneless(readings.split(",", 1)[0]) if readings else char


def syllables(text: str) -> list[str]:
    """One syllable (or the character itself) per character."""
    return [syllable(ch) for ch in text]
