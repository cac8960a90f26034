"""Redact applicants' personal data (phone numbers, ID numbers, e-mail addresses) before storing text."""

from __future__ import annotations

import re

PATTERNS = [
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), "【身份证号已隐去】"),
    (re.compile(r"(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)"), "【手机号已隐去】"),
    (re.compile(r"(?<!\d)0\d{2,3}[-—－ ]?\d{7,8}(?!\d)"), "【电话已隐去】"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "【邮箱已隐去】"),
]
PUBLIC = {"010—62083864", "010—62086568", "010—62084788", "010—62084027", "zLzL@cnipa.gov.cn"}


def redact(text: str) -> str:
    """Replace personal identifiers; the notice's own public contacts are kept."""
    for pattern, replacement in PATTERNS:
        text = pattern.sub(lambda m, r=replacement: m.group(0) if m.group(0) in PUBLIC else r, text)
    return text
