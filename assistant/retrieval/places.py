"""A place named in a question → the project type its government applies for (示范市 or 示范县).

Uses the rules' offline place classifier, so retrieval and eligibility read place names alike.
"""

from __future__ import annotations

from assistant.retrieval.vocabulary import CITY_TYPE, COUNTY_TYPE
from assistant.rules import places
from assistant.rules.places import CITY_GOVERNMENTS, COUNTY_GOVERNMENTS

FULL_NAME_ENDINGS = tuple("市区县旗州盟")


def place_type(query: str) -> str | None:
    """示范市 for a prefecture-level unit or a 直辖市 district, 示范县 for the county-level units of （二）."""
    found = [chain for chain in places.chains(query) if chain.mentions[-1].text.endswith(FULL_NAME_ENDINGS)]
    if not found:  # only names written out in full count: 武汉大学 is no mention of 武汉市
        return None
    categories = set(places.place_of_chain(query, found[0]).categories)
    if categories and categories <= CITY_GOVERNMENTS:
        return CITY_TYPE
    if categories and categories <= COUNTY_GOVERNMENTS:
        return COUNTY_TYPE
    return None
