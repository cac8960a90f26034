"""Dates as Chinese text, and the day a question speaks of (下个月, 10月25号, 月底) counted from today."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
MONTH_END = re.compile(r"(?:(\d{1,2})\s*月|这个?月|本月)?月?底")
BEFORE = re.compile(r"\s*(?:之前|以前|前)")
RELATIVE = {"明天": 1, "后天": 2, "下周": 7, "下礼拜": 7, "下星期": 7}


def cn_date(day: date) -> str:
    """2024年3月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def said_date(text: str, today: date) -> date | None:
    """The day the text says something will happen: a date (10月25号; of several, the latest not quoted as a deadline),
    a month's end (月底, 11月底), next month (its first day), or a day counted from today (明天, 下周); None when it
    names none."""
    days = [(int(m.group(1)), int(m.group(2)), BEFORE.match(text, m.end()) is not None) for m in DAY.finditer(text)]
    days = [(month, day, deadline) for month, day, deadline in days
            if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(today.year, month)[1]]
    if own := [date(today.year, month, day) for month, day, deadline in days if not deadline] \
            or [date(today.year, month, day) for month, day, _ in days]:
        return max(own)  # not a deadline quoted (10月24日前): the asker's own day, the latest it names
    if "下个月" in text or "下月" in text:
        return month_end(today.year, today.month) + timedelta(days=1)
    if (found := MONTH_END.search(text)) and "年底" not in text:
        month = int(found.group(1)) if found.group(1) else today.month
        return month_end(today.year, month) if 1 <= month <= 12 else None
    return next((today + timedelta(days=days) for word, days in RELATIVE.items() if word in text), None)
