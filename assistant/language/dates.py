"""Dates as Chinese text."""

from __future__ import annotations

from datetime import date


def cn_date(day: date) -> str:
    """2024年3月8日."""
    return f"{day.year}年{day.month}月{day.day}日"
