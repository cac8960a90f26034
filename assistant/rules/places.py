"""Find Chinese place names in text and classify them into the categories 二、申报单位 uses.

Names and GB/T 2260 codes come from ``rules.divisions``; the facts codes cannot tell come from
``parameters/places.yaml``. A bare name that fits several places (南山区) is never resolved by
guessing: the place keeps its candidates and the rules ask which one is meant.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from assistant.language.normalize import SoundIndex, repair_terms, sound_index
from assistant.rules.divisions import Division, division_index
from assistant.rules.params import places as place_params
from assistant.rules.profile import Place, PlaceCategory
from assistant.rules.text import Qualifier, negated, qualifiers, segment_bounds

GOVERNMENT_AFTER = re.compile(r"(?:人民)?政府|行政公署|行署")  # a 地区 or 盟 is governed by its 行政公署
BREAK = re.compile(r"[，,。；;：:！!？?【】\s]")
C = PlaceCategory


@dataclass
class Mention:
    """A place name found in text: its position and the divisions it may name."""

    start: int
    end: int
    text: str
    divisions: list[Division]


@dataclass
class Chain:
    """Place names that narrow one another (浙江省 → 宁波市 → 北仑区)."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.mentions[0].start

    def before(self, pos: int) -> Chain:
        """The part of the chain named before ``pos`` (宁波市人民政府，下辖北仑区 → 宁波市)."""
        return Chain([m for m in self.mentions if m.start < pos])


def context_only(name: str) -> bool:
    """Full names too short or too common to trust alone (城区, 和县, 市中区); short forms are fine."""
    if name in division_index().short_names:
        return False
    return len(name) <= 2 or name in place_params()["context_only_names"]


@lru_cache(maxsize=1)
def names_by_sound() -> SoundIndex:
    """Full names of divisions (three characters or more) by their sound, for repairing typed place names."""
    index = division_index()
    return sound_index(tuple(name for name in index.names if len(name) >= 3 and name not in index.short_names))


def repair_names(text: str) -> str:
    """Place names typed by sound (赣洲市 → 赣州市, 准葛尔旗 → 准格尔旗), as the programme's terms are repaired; the
    level word is never the typo (某地是 is no 某地市)."""
    return repair_terms(text, names_by_sound(), same_last=True)


def child_short(text: str, i: int, mentions: list[Mention]) -> Mention | None:
    """A district or county named without 区/县 right after its city (杭州余杭 → 余杭区)."""
    last = mentions[-1] if mentions else None
    if last is None or last.end != i:
        return None
    index = division_index()
    for length in (4, 3, 2):
        found = [index.child_shorts[(d.code, text[i:i + length])] for d in last.divisions
                 if (d.code, text[i:i + length]) in index.child_shorts]
        if found and text[i + length:i + length + 1] not in ("区", "县", "旗"):
            return Mention(i, i + length, text[i:i + length], found)
    return None


def scan(text: str) -> list[Mention]:
    """Place names in ``text``, longest match first, left to right (a district's short name only right after its
    city)."""
    index = division_index()
    mentions: list[Mention] = []
    i = 0
    while i < len(text):
        length = next((n for n in range(min(index.max_len, len(text) - i), 1, -1) if text[i:i + n] in index.names), 0)
        short = child_short(text, i, mentions)
        if short and short.end - i >= length:  # a short name, unless a longer one starts here (阿坝州阿坝…自治州)
            mentions.append(short)
            i = short.end
        elif length:
            mentions.append(Mention(i, i + length, text[i:i + length], index.names[text[i:i + length]]))
            i += length
        else:
            i += 1
    return mentions


# 我州下辖凯里、黄平: places it governs, listed (not 宜昌市下辖的枝江市: which county, named by its city)
GOVERNING = re.compile(r"(?:下辖|管辖|代管|托管|(?<![直统下管所])辖)(?![的之区])")


def chains(text: str) -> list[Chain]:
    """Group the mentions of ``text`` into chains of narrowing names, dropping negated ones."""
    found: list[Chain] = []
    for mention in scan(text):
        if negated(text, mention.start):
            continue
        last = found[-1].mentions[-1] if found else None
        inside = [d for d in mention.divisions if last and any(p.contains(d) for p in last.divisions)]
        if inside and not GOVERNING.search(text, last.end, mention.start):
            found[-1].mentions.append(Mention(mention.start, mention.end, mention.text, inside))
            continue
        within = [p for p in last.divisions if any(d.contains(p) for d in mention.divisions)] if last else []
        if within:  # a wider name after a narrower one (昆山市，属于苏州市) says which one it is (鼓楼区（福州）)
            found[-1].mentions[-1] = Mention(last.start, last.end, last.text, within)
            continue
        if context_only(mention.text) and not GOVERNMENT_AFTER.match(text, mention.end):
            continue
        found.append(Chain([mention]))
    return found


def broadest(divisions: list[Division]) -> list[Division]:
    """One division when the candidates nest (吉林 = 吉林省 ⊃ 吉林市); all of them otherwise."""
    top = min(divisions, key=lambda d: d.rank)
    return [top] if all(d is top or top.contains(d) for d in divisions) else divisions


def categorize(division: Division) -> list[PlaceCategory]:
    """The category of a division, or none when the fixed lists cannot place it."""
    params = place_params()
    province = division.code[:2]
    if province in params["outside"]:
        return [C.outside]
    if division.code in params["function_zones"]:
        return [C.function_zone]
    if division.rank == 0:
        return [C.municipality if province in params["municipalities"] else C.province]
    if province in params["municipalities"]:
        if division.rank == 1:
            return [C.municipality]
        return [C.municipal_county if division.name.endswith("县") else C.municipal_district]
    if division.rank == 1:
        if division.code[:4] in params["sub_provincial_cities"]:
            return [C.sub_provincial_city]
        return [C.prefecture_city if division.name.endswith("市") else C.prefecture_region]
    if division.code[2:4] == "90":
        if division.code in params["xpcc_cities"]:
            return [C.xpcc_city]
        return [C.province_direct_county] if division.code in params["province_direct_counties"] else []
    return [C.county_level]


def unit_label(name: str) -> str:
    for suffix, label in (("林区", "林区"), ("特区", "特区"), ("区", "市辖区"), ("市", "县级市"), ("县", "县"),
                          ("旗", "旗")):
        if name.endswith(suffix):
            return label
    return "县级行政区"


def parent_label(parent: Division) -> str:
    category = categorize(parent)
    if category == [C.sub_provincial_city]:
        return "副省级城市"
    if parent.name.endswith("市"):
        return "地级市"
    return "自治州" if parent.name.endswith("州") else "盟" if parent.name.endswith("盟") else "地区"


def describe(division: Division, category: PlaceCategory | None) -> str:
    """One clause saying what the place is, e.g. 杭州市临平区是副省级城市杭州市下辖的市辖区."""
    parent = division_index().parent(division)
    up = parent.name if parent and parent.rank == 1 else ""
    name = division.name
    if category == C.county_level and parent:
        return f"{up}{name}是{parent_label(parent)}{parent.name}下辖的{unit_label(name)}"
    texts = {
        C.province: f"{name}是省级行政区",
        C.municipality: f"{name}是直辖市",
        C.sub_provincial_city: f"{name}是副省级城市",
        C.prefecture_city: f"{name}是地级市",
        C.prefecture_region: f"{name}是与地级市同级的{parent_label(division)}",
        C.municipal_district: f"{up}{name}是直辖市市辖区",
        C.municipal_county: f"{up}{name}是直辖市下辖县",
        C.province_direct_county: f"{parent.name if parent else ''}{name}是省直管县级行政区",
        C.xpcc_city: f"{name}是新疆生产建设兵团下辖市",
        C.function_zone: f"{name}是功能区，由管委会管理，不是一级人民政府",
        C.outside: f"{name}位于港澳台地区",
    }
    return texts.get(category, "") if category else f"{up}{name}的行政级别无法从区划数据确定"


def place_of(division: Division, mention: str) -> Place:
    index = division_index()
    lineage = [division]
    while (up := index.parent(lineage[0])) is not None:
        lineage.insert(0, up)
    names = {d.rank: d.name for d in lineage}
    categories = categorize(division)
    return Place(mention=mention, province=names.get(0), city=names.get(1), county=names.get(2),
                 adcode=division.code, categories=categories,
                 description=describe(division, categories[0] if len(categories) == 1 else None))


def full_name(division: Division) -> str:
    index = division_index()
    parts = [division.name]
    parent = index.parent(division)
    while parent is not None:
        if parent.name != parts[0]:
            parts.insert(0, parent.name)
        parent = index.parent(parent)
    return "".join(parts)


def place_of_chain(text: str, chain: Chain) -> Place:
    """The place a chain names: its narrowest mention, or the candidates when that is ambiguous."""
    last = chain.mentions[-1]
    mention = text[chain.start:last.end]
    if BREAK.search(mention):  # 上海市某区科委…，该区位于上海: the names, not the sentences between them
        names = [m.text for m in chain.mentions]
        mention = "".join(dict.fromkeys(name for name in names if not any(name != o and name in o for o in names)))
    candidates = broadest(last.divisions)
    if len(candidates) > 1:  # 深圳…南山区 named again alone: another place the text names says which one
        named = [d for other in scan(text) if other.start != last.start for d in other.divisions]
        candidates = [c for c in candidates if any(d.contains(c) for d in named)] or candidates
    if len(candidates) > 1 and (parent := shared_parent_named(candidates, last.text)) is not None:
        candidates = [parent]  # 重庆市: the municipality, not its 市辖区 and 县 groupings, which carry its name
    if len(candidates) == 1:
        return place_of(candidates[0], mention)
    names = [full_name(d) for d in candidates]
    return Place(mention=mention, candidates=names,
                 description=f"“{last.text}”对应多个地方（{'、'.join(names)}）")


def one_within(place: Place | None, provinces: Collection[str]) -> Place | None:
    """Of a bare name fitting several places (朝阳区), the one in the only province among ``provinces`` (those whose
    notices the office loaded) that has one; the place as it was otherwise."""
    if place is None or not place.candidates:
        return place
    kept = [name for name in place.candidates if any(name.startswith(province) for province in provinces)]
    if len(kept) != 1 or not (found := chains(kept[0])):
        return place
    return place_of_chain(kept[0], found[0]).model_copy(update={"mention": place.mention})


def shared_parent_named(candidates: list[Division], name: str) -> Division | None:
    """The one division all ``candidates`` belong to, when it bears the name they were found by."""
    index = division_index()
    parents = {index.parent(d) for d in candidates}
    parent = parents.pop() if len(parents) == 1 else None
    return parent if parent is not None and full_name(parent) == name else None


@dataclass(frozen=True)
class StatedLevel:
    """A level of government said in words (县政府, 直辖市的区, 地级市) instead of by name."""

    key: str
    pattern: re.Pattern[str]
    rank: int
    label: str


UNNAMED = r"(?:一?个|某|的|XX|××)"  # 是个县, 某区, XX旗: a unit of that level, left unnamed
UNDER = r"(?:的|下辖的?|下属的?|所辖的?|下面的?|底下的?)?(?:一个|某个?)?"  # 直辖市下面的一个区
STATED_LEVELS = [StatedLevel(key, re.compile(pattern), rank, label) for key, pattern, rank, label in (
    ("township", r"[乡镇](?:人民)?政府|街道办|乡镇|街道|(?:一个|某|我们)[乡镇]|团场|团镇合一|"
                 r"(?<![集兵社])(?:[一二三四五六七八九十百]+|\d+)团(?![体队结伙购员委长聚])",  # a regiment of 兵团
     3, "乡镇（街道）"),
    ("xpcc", r"兵团(?:下辖|所属|管辖|下属|下面|下边|底下)?的?(?:一个|某个?)?(?:城市|师市|市)|师市合一|"
             r"兵团第[^，,。；;！!？?\n师]{1,3}师[^，,。；;！!？?\n]{0,6}?市", 2,  # 兵团第某师某某市
     "兵团下辖市"),
    ("xpcc_division", r"兵团(?:第[一二三四五六七八九十\d]{1,3})?师(?![市范生傅资])", 2, "兵团的师（不是兵团下辖市）"),
    ("province_direct", r"省直管|省直辖县|省直接管理", 2, "省直管县（市）"),
    ("municipal_district", rf"直辖市{UNDER}(?:市辖区|区)", 2, "直辖市的市辖区"),
    ("municipal_county", rf"直辖市{UNDER}县", 2, "直辖市下辖县"),
    ("municipality", r"直辖市(?![的下所市区县])", 0, "直辖市"),
    ("sub_provincial", r"副省级(?:城市|市)", 1, "副省级城市"),
    ("prefecture", r"地级市|地级城市|地级|行政公署|行署|自治州|(?:一个|某|我们|[我本])[盟州]|"
                   r"(?:(?<![\u4e00-\u9fff])|(?<=[那的是我本们]))[盟州](?:人民)?政府", 1,  # not 苏州政府
     "地级市（地区、州、盟）"),
    ("capital", r"省会|首府", 1, "省会城市（副省级或地级）"),
    ("county_city", r"县级市|县级政府|县级人民政府", 2, "县级市"),
    # not 区县, 县市区: the units of a level in general, not one of them
    ("district", rf"市辖区|区(?:人民)?政府|区级政府|(?:我们|[我本])区|{UNNAMED}区(?![域内里块别县])", 2, "区"),
    ("county", rf"县(?:人民)?政府|(?:我们|[我本])县|{UNNAMED}县(?![域内里城级区市])"
               r"|(?<=是|辖|属)县(?![域内里城级长委区市])|自治县", 2, "县"),
    ("banner", rf"旗(?:人民)?政府|(?:我们|[我本])旗|{UNNAMED}旗(?![下帜舰])", 2, "旗"),
)]


# "下面管着十几个乡镇", "辖3个区", "下面有个县": units counted or held under the applicant, not its own level (not
# 地级市下辖县: the county under a city).
COUNTED_BEFORE = re.compile(r"(?:[两二三四五六七八九十百几]|(?<!少)[多数]|\d|若干|好几)"  # 少数民族 counts nothing
                            r"[几多余来两二三四五六七八九十百千\d]{0,2}[个座]?$|(?:管着|管辖着?|(?<![下所])辖有?|下设|下面有|下面还有|还有|有|"
                            r"(?:管理|管辖|管)的(?:是|都是))$")  # 州管理的是县市: what it governs


# 我们县, 本区: the speaker names its own unit; a hedge or hearsay around it (听说我们县好像评上过…) doubts what is
# said of the unit, not the unit.
SELF_REFERENCE = re.compile(r"我们|[我本]")
REFERENCE_DOUBTS = {Qualifier.negated, Qualifier.hedged, Qualifier.hearsay}


MANY_AFTER = re.compile(r"(?:很|挺|比较|特别|非常|也)?多(?![年少家个数])")  # 下面乡镇多: units counted, no level


def said(text: str, mention: re.Match[str]) -> bool:
    """The level is stated as a fact: not negated, not qualified (pending, hearsay…), not counted, and a bare
    乡镇 or 街道 not one the unit governs or is found in (代管…等街道, 分布在某某街道)."""
    ignored = REFERENCE_DOUBTS if SELF_REFERENCE.match(mention.group()) else {Qualifier.negated}
    return not negated(text, mention.start(), strict=True) \
        and not qualifiers(text, mention.start(), mention.end()) - ignored \
        and not COUNTED_BEFORE.search(text, max(0, mention.start() - 7), mention.start()) \
        and not MANY_AFTER.match(text, mention.end()) \
        and not (mention.group() in ("乡镇", "街道")
                 and TOWNSHIPS_ASIDE.search(text, max(0, mention.start() - ASIDE_REACH), mention.start()))


# 代管中和、芳草等街道, 主要分布在粤海街道: townships the unit governs or where something is, not the unit's level
TOWNSHIPS_ASIDE = re.compile(r"(?:辖|代管|托管|管理|负责|分布在|位于|落户|集中在|等)[^，,。；;！!？?\n]{0,20}$")
ASIDE_REACH = 24


def stated_levels(text: str) -> list[StatedLevel]:
    """The levels of government the text states in words, narrowest first."""
    found = [level for level in STATED_LEVELS if any(said(text, m) for m in level.pattern.finditer(text))]
    return sorted(found, key=lambda level: -level.rank)


# "地级市下面的", "归地级市管": the level of the place above the one described, not its own.
PARENT_AFTER = re.compile(r"[）)]?(?:下面|下辖|下属|所辖|底下|管辖|管)的?")  # XX市（地级市）下面的
PARENT_BEFORE = re.compile(r"(?:归|属于|隶属于?|由)$")


def own_and_parent_levels(text: str) -> tuple[list[StatedLevel], list[StatedLevel]]:
    """The levels the text states, narrowest first, split into the place's own and those it states only as that of
    the place above (地级市下面的)."""
    def above(mention: re.Match[str]) -> bool:
        return bool(PARENT_AFTER.match(text, mention.end()) or PARENT_BEFORE.search(text, 0, mention.start()))
    levels = stated_levels(text)
    parents = [level for level in levels if all(above(m) for m in level.pattern.finditer(text) if said(text, m))]
    return [level for level in levels if level not in parents], parents


def level_mentions(text: str) -> list[tuple[int, int]]:
    """Where the text states a level of government in words (省直管县, 兵团下辖的市), in order."""
    return sorted((m.start(), m.end()) for level in STATED_LEVELS for m in level.pattern.finditer(text)
                  if said(text, m))


FIXED_LEVELS = {"township": [C.township], "xpcc": [C.xpcc_city], "xpcc_division": [C.xpcc_division],
                "province_direct": [C.province_direct_county],
                "municipal_district": [C.municipal_district], "municipal_county": [C.municipal_county],
                "sub_provincial": [C.sub_provincial_city], "prefecture": [C.prefecture_city, C.prefecture_region],
                "capital": [C.sub_provincial_city, C.prefecture_city], "municipality": [C.municipality]}
CITY_LEVEL = (C.sub_provincial_city, C.prefecture_city, C.prefecture_region)
CITY_GOVERNMENTS = frozenset({*CITY_LEVEL, C.municipal_district})  # whose governments notice#2.1 lists
COUNTY_GOVERNMENTS = frozenset({C.county_level, C.municipal_county, C.province_direct_county, C.xpcc_city})  # #2.2


def in_municipality(adcode: str | None) -> bool:
    """The division lies in one of the four municipalities (北京, 天津, 上海, 重庆)."""
    return bool(adcode) and adcode[:2] in place_params()["municipalities"]


def stated_categories(level: StatedLevel, parent: Place | None, city_stated: bool = False) -> list[PlaceCategory]:
    """What a level said in words can be, given the wider place named with it (if any) and whether a
    city level was said too (地级市的区)."""
    if level.key in FIXED_LEVELS:
        return FIXED_LEVELS[level.key]
    code = parent.adcode if parent and parent.adcode else ""
    if city_stated or (parent and parent.categories and set(parent.categories) <= set(CITY_LEVEL)):
        return [C.county_level]
    if in_municipality(code):
        return {"district": [C.municipal_district], "county": [C.municipal_county]}.get(level.key, [])
    if level.key in ("district", "banner"):
        return [C.county_level] if code or level.key == "banner" else [C.county_level, C.municipal_district]
    choices = [C.county_level, C.province_direct_county] + ([] if code else [C.municipal_county])
    return choices + ([C.xpcc_city] if level.key == "county_city" and code[:2] in ("", "65") else [])


def rank_of(place: Place) -> int:
    if place.adcode is None:
        return 2 if place.candidates else -1
    return 0 if place.adcode.endswith("0000") else 1 if place.adcode.endswith("00") else 2


EITHER = re.compile(r"还是|或者|或是|或")
# A county-level city a city administers (潍川市代管的县级市): a city above it, whatever its name.
CITY_ABOVE = re.compile(r"[市州盟]代管的?(?:县级市|县)")


# A city said without its level (我们是某省的一个市): prefecture-level or county-level, the words do not tell.
CITY_OF_SOME_LEVEL = re.compile(rf"{UNNAMED}(?:城)?市(?![场民级区县辖里长委政直])")


def level_doubted(text: str) -> bool:
    """The speaker offers two levels and says it does not know which (不确定是县级市还是地级市)."""
    found = sorted((m.start(), m.end()) for level in STATED_LEVELS for m in level.pattern.finditer(text))
    return any(EITHER.fullmatch(text, end, start) and qualifiers(text, first, end) & {Qualifier.hedged}
               for (first, end), (start, _) in pairwise(found))


def refine(place: Place | None, text: str) -> Place | None:
    """Narrow a named place by a level said in words (深圳市 + 区政府 → a district of 深圳市); levels the speaker
    cannot choose between leave the place's level open, whatever its name would say."""
    if place is not None and level_doubted(text):
        return place.model_copy(update={"categories": [], "candidates": [],
                                        "description": f"{place.mention}的级别尚不确定"})
    own, above = own_and_parent_levels(text)
    if place is not None and place.categories == [C.province] and not own \
            and any(said(text, m) for m in CITY_OF_SOME_LEVEL.finditer(text)):
        return place.model_copy(update={"categories": [], "candidates": [],  # 广东的一个市: 地级 or 县级
                                        "description": f"所说的是{place.mention}的一个市，级别尚不确定"})
    city_stated = any(other.key in ("prefecture", "sub_provincial", "capital") for other in [*own[1:], *above]) \
        or bool(CITY_ABOVE.search(text))
    if not own and city_stated and place is not None and C.county_level in place.categories and not place.adcode:
        return place.model_copy(update={"categories": [C.county_level],  # 我们是个县 → 地级市下面的
                                        "description": f"所说的是地级市（副省级城市）下辖的{place.mention}"})
    level = own[0] if own else None
    if level is None or (place is not None and rank_of(place) >= level.rank):
        return place
    if place is not None and place.candidates and level.key != "township":
        return place
    categories = stated_categories(level, place, city_stated)
    where = f"{place.mention}下辖的" if place else "地级市（副省级城市）下辖的" if city_stated else ""
    description = f"所说的是{where}{level.label}"
    if place is None:
        return Place(mention=level.label, categories=categories, description=description)
    return place.model_copy(update={"categories": categories, "description": description, "county": None,
                                    "candidates": []})


CATEGORY_RANKS = {**dict.fromkeys(CITY_LEVEL, 1), **dict.fromkeys(COUNTY_GOVERNMENTS, 2), C.municipal_district: 2,
                  C.township: 3, C.xpcc_division: 2, C.municipality: 0, C.province: 0}


def wider(place: Place, text: str) -> Place | None:
    """The place above ``place`` when a follow-up speaks of its government only by a wider level (那自治州政府呢
    after a county-level city of the prefecture): that place by name when the data knows it, else the level."""
    ranks = {CATEGORY_RANKS.get(category, -1) for category in place.categories}
    levels, _ = own_and_parent_levels(text)
    if not levels or len(ranks) != 1 or not 0 < levels[0].rank < ranks.pop():
        return None
    level, index = levels[0], division_index()
    division = index.by_code.get(place.adcode) if place.adcode else None
    while division is not None and division.rank > level.rank:
        division = index.parent(division)
    if division is not None and division.rank == level.rank:
        return place_of(division, division.name)
    return Place(mention=level.label, categories=stated_categories(level, None),
                 description=f"所说的是{level.label}")


# A county-level unit put forward on its own (县里打算报…, 另外市里的区想报…): one below the city speaking.
UNIT_BELOW = re.compile(r"(?:(?:市|盟|州)里的?|下面的?|下辖的?|底下的?)?(?P<unit>县|区|旗)(?:里|政府|人民政府)?")
CLAUSE_OPENING = re.compile(r"(?:另外|还有|而|然后|那)?")
BELOW_LEVELS = {"县": "county", "区": "district", "旗": "banner"}


def units_below(text: str) -> list[tuple[str, int, int]]:
    """Each county-level unit word that opens a clause (县里想报▢▢▢): its level key and span."""
    found = []
    for match in UNIT_BELOW.finditer(text):
        seg_start, _ = segment_bounds(text, match.start())
        if CLAUSE_OPENING.fullmatch(text, seg_start, match.start()):
            found.append((BELOW_LEVELS[match.group("unit")], match.start(), match.end()))
    return found


def below(place: Place, level_key: str) -> Place | None:
    """The place of a county-level unit under the city ``place`` (盟 → 旗), or None when ``place`` is no city."""
    if not place.categories or not set(place.categories) <= set(CITY_LEVEL):
        return None
    level = next(level for level in STATED_LEVELS if level.key == level_key)
    return Place(mention=f"{place.mention}下辖的{level.label}", categories=stated_categories(level, place, True),
                 description=f"所说的是{place.mention}下辖的{level.label}")
