"""The 34 provincial-level divisions (and the 兵团): full name, the short name people write, and the one-character
简称 that 文号 of provincial offices start with (湘市监知〔2025〕36号 → 湖南省)."""

from __future__ import annotations

import re
from functools import cache

PROVINCES: dict[str, tuple[str, str]] = {  # full name → (short name, 简称)
    "北京市": ("北京", "京"), "天津市": ("天津", "津"), "河北省": ("河北", "冀"), "山西省": ("山西", "晋"),
    "内蒙古自治区": ("内蒙古", "蒙"), "辽宁省": ("辽宁", "辽"), "吉林省": ("吉林", "吉"), "黑龙江省": ("黑龙江", "黑"),
    "上海市": ("上海", "沪"), "江苏省": ("江苏", "苏"), "浙江省": ("浙江", "浙"), "安徽省": ("安徽", "皖"),
    "福建省": ("福建", "闽"), "江西省": ("江西", "赣"), "山东省": ("山东", "鲁"), "河南省": ("河南", "豫"),
    "湖北省": ("湖北", "鄂"), "湖南省": ("湖南", "湘"), "广东省": ("广东", "粤"), "广西壮族自治区": ("广西", "桂"),
    "海南省": ("海南", "琼"), "重庆市": ("重庆", "渝"), "四川省": ("四川", "川"), "贵州省": ("贵州", "黔"),
    "云南省": ("云南", "云"), "西藏自治区": ("西藏", "藏"), "陕西省": ("陕西", "陕"), "甘肃省": ("甘肃", "甘"),
    "青海省": ("青海", "青"), "宁夏回族自治区": ("宁夏", "宁"), "新疆维吾尔自治区": ("新疆", "新"),
    "新疆生产建设兵团": ("兵团", "兵"), "台湾省": ("台湾", "台"), "香港特别行政区": ("香港", "港"),
    "澳门特别行政区": ("澳门", "澳"),
}


@cache
def province_names() -> re.Pattern[str]:
    """Any full or short province name, longest first (新疆生产建设兵团 before 新疆)."""
    names = {*PROVINCES, *(short for short, _ in PROVINCES.values())}
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


def province_of(name: str) -> str | None:
    """The full name of the province ``name`` names (湖南 → 湖南省), or None."""
    if name in PROVINCES:
        return name
    return next((full for full, (short, _) in PROVINCES.items() if short == name), None)


def province_by_abbreviation(character: str) -> str | None:
    return next((full for full, (_, abbreviation) in PROVINCES.items() if abbreviation == character), None)


def first_province(text: str) -> str | None:
    """The province named first in ``text`` (full or short name)."""
    found = province_names().search(text)
    return province_of(found.group(0)) if found else None


def short_name(province: str) -> str:
    return PROVINCES[province][0] if province in PROVINCES else province
