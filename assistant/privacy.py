"""Redact applicants' personal data (phone numbers, ID numbers, e-mail addresses) before storing text.

Patterns are matched on a folded copy of the text — NFKC (full-width １３８… and ｌｉｓｉ＠… become ASCII) —
and the spans they cover are replaced in the original, so everything else is stored as written. Digits may be
grouped by spaces, dashes or dots (138 1234 5678, 138.1234.5678, 110101 19900307 1234, (010)6208-3864).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

SEP = r"[-—–\s.·]?"  # between digit groups (after folding: full-width space and dash are ASCII)
ID_18 = re.compile(rf"(?<![0-9A-Za-z])(\d{{6}}){SEP}(\d{{8}}){SEP}(\d{{3}}[\dXx])(?![0-9A-Za-z])")
ID_15 = re.compile(rf"(?<![0-9A-Za-z])(\d{{6}}){SEP}(\d{{6}}){SEP}(\d{{3}})(?![0-9A-Za-z])")
MOBILE = re.compile(rf"(?<![\d+])(?:\+?86{SEP})?1[3-9]\d(?:{SEP}\d{{4}}){{2}}(?!\d)")
LANDLINE = re.compile(rf"(?<!\d)(?:\(0\d{{2,3}}\)\s?|0\d{{2,3}}{SEP})\d{{3,4}}{SEP}\d{{4}}(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# The notice's own contacts, as the notice writes them: kept wherever they are quoted.
PUBLIC = {"010—62083864", "010—62086568", "010—62084788", "010—62084027", "zLzL@cnipa.gov.cn"}


def _is_date(digits: str) -> bool:
    """``digits`` is YYYYMMDD of a real day."""
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


def _id_18(match: re.Match[str]) -> bool:
    """An 18-character resident ID: a valid check character, or a birth date where the ID has one."""
    digits = "".join(match.groups()).upper()
    check = ID_CHECK[sum(int(d) * w for d, w in zip(digits, ID_WEIGHTS, strict=False)) % 11]
    return digits[17] == check or _is_date(match.group(2))


def _id_15(match: re.Match[str]) -> bool:
    """A 15-digit (first-generation) ID: YYMMDD of a 19xx birth date in the middle."""
    return _is_date("19" + match.group(2))


def _always(_match: re.Match[str]) -> bool:
    return True


RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], bool], str]] = [
    (ID_18, _id_18, "【身份证号已隐去】"),
    (ID_15, _id_15, "【身份证号已隐去】"),
    (MOBILE, _always, "【手机号已隐去】"),
    (LANDLINE, _always, "【电话已隐去】"),
    (EMAIL, _always, "【邮箱已隐去】"),
]


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` in NFKC, character by character, with the index in ``text`` of each folded character."""
    if unicodedata.is_normalized("NFKC", text):
        return text, list(range(len(text)))
    parts, origin = [], []
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char)
        parts.append(folded)
        origin += [index] * len(folded)
    return "".join(parts), origin


def _redact_one(text: str, pattern: re.Pattern[str], applies: Callable[[re.Match[str]], bool],
                replacement: str) -> str:
    folded, origin = fold(text)
    spans = [(origin[m.start()], origin[m.end() - 1] + 1) for m in pattern.finditer(folded) if applies(m)]
    for start, end in reversed(spans):
        if text[start:end] not in PUBLIC:
            text = text[:start] + replacement + text[end:]
    return text


def redact(text: str) -> str:
    """Replace personal identifiers in any width or grouping; the notice's own public contacts are kept."""
    for pattern, applies, replacement in RULES:
        text = _redact_one(text, pattern, applies, replacement)
    return text
