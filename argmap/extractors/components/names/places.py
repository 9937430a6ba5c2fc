"""Country and region names in English, from pycountry's ISO 3166 data: a name that is a place is no brand.

pycountry (maintained, no network at run time) keeps the ISO country list, historic countries and the
subdivisions of every country; only the larger kinds of subdivision count here (states, provinces,
regions, prefectures …), whose names seldom double as a brand — not counties, districts or parishes.
"""

from __future__ import annotations

from functools import lru_cache

_SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Prefecture", "Land", "Autonomous region", "Autonomous community",
    "Metropolitan district", "Metropolitan city", "City", "Country", "Nation", "Republic", "Union territory",
    "Canton", "Municipality", "Emirate", "Federal district", "Capital district", "Special administrative region",
})


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country names (short, common and official), historic countries, and large subdivisions."""
    import pycountry

    out: set[str] = set()
    for country in [*pycountry.countries, *pycountry.historic_countries]:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value and "," not in value:
                out.add(value)
    for subdivision in pycountry.subdivisions:
        if subdivision.type in _SUBDIVISION_TYPES and "," not in subdivision.name and "(" not in subdivision.name:
            out.add(subdivision.name)
    return frozenset(out)
