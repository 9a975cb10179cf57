"""Place descriptions: the place "the city", "the state" or "the country" refers to, as an authority.

It is a place of that kind: the one most in view, else the one the article names most (its
setting: "Charlotte" for "the city" paragraphs after the dateline). Which kind a place is comes
from two lists of facts below — the world's countries and the US states, as commonly written —
and a city is a place that is neither, nor named as a landmark or a region ("Bank of America
Stadium", "the Midwest").
"""

from __future__ import annotations

from ..model import Entity
from .entities import EntityIndex
from .name_forms import clean_name, name_words
from .salience import Salience

# "the city" or "the town": a place that is neither a country nor a state; "the nation" is a country.
PLACE_KINDS = {"city": "city", "town": "city", "state": "state", "country": "country", "nation": "country"}
_IN_VIEW = 0.5  # least salience for a place of the kind to be the one in view


def _names(listed: str) -> frozenset[str]:
    """Comma-separated names as their words, full stops dropped ("W.Va." is "wva")."""
    return frozenset(" ".join(w.replace(".", "") for w in name.split()) for name in listed.lower().split(","))


COUNTRIES = _names(
    """Afghanistan, Albania, Algeria, Andorra, Angola, Antigua and Barbuda, Argentina, Armenia,
    Australia, Austria, Azerbaijan, Bahamas, Bahrain, Bangladesh, Barbados, Belarus, Belgium,
    Belize, Benin, Bhutan, Bolivia, Bosnia and Herzegovina, Bosnia, Botswana, Brazil, Brunei,
    Bulgaria, Burkina Faso, Burundi, Cambodia, Cameroon, Canada, Cape Verde, Central African
    Republic, Chad, Chile, China, Colombia, Comoros, Congo, Costa Rica, Croatia, Cuba, Cyprus,
    Czech Republic, Czechia, Denmark, Djibouti, Dominica, Dominican Republic, East Timor, Ecuador,
    Egypt, El Salvador, Equatorial Guinea, Eritrea, Estonia, Eswatini, Ethiopia, Fiji, Finland,
    France, Gabon, Gambia, Georgia, Germany, Ghana, Greece, Grenada, Guatemala, Guinea,
    Guinea-Bissau, Guyana, Haiti, Honduras, Hungary, Iceland, India, Indonesia, Iran, Iraq,
    Ireland, Israel, Italy, Ivory Coast, Jamaica, Japan, Jordan, Kazakhstan, Kenya, Kiribati,
    Kosovo, Kuwait, Kyrgyzstan, Laos, Latvia, Lebanon, Lesotho, Liberia, Libya, Liechtenstein,
    Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Maldives, Mali, Malta, Marshall Islands,
    Mauritania, Mauritius, Mexico, Micronesia, Moldova, Monaco, Mongolia, Montenegro, Morocco,
    Mozambique, Myanmar, Burma, Namibia, Nauru, Nepal, Netherlands, Holland, New Zealand,
    Nicaragua, Niger, Nigeria, North Korea, North Macedonia, Macedonia, Norway, Oman, Pakistan,
    Palau, Palestine, Panama, Papua New Guinea, Paraguay, Peru, Philippines, Poland, Portugal,
    Qatar, Romania, Russia, Rwanda, Saint Lucia, Samoa, San Marino, Saudi Arabia, Senegal,
    Serbia, Seychelles, Sierra Leone, Singapore, Slovakia, Slovenia, Solomon Islands, Somalia,
    South Africa, South Korea, Korea, South Sudan, Spain, Sri Lanka, Sudan, Suriname, Sweden,
    Switzerland, Syria, Taiwan, Tajikistan, Tanzania, Thailand, Togo, Tonga, Trinidad and Tobago,
    Tunisia, Turkey, Turkmenistan, Tuvalu, Uganda, Ukraine, United Arab Emirates, UAE, United
    Kingdom, UK, U.K., Britain, Great Britain, England, Scotland, Wales, United States, US, U.S.,
    USA, U.S.A., America, Uruguay, Uzbekistan, Vanuatu, Vatican, Venezuela, Vietnam, Yemen,
    Zambia, Zimbabwe"""
)
US_STATES = _names(
    """Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida,
    Georgia, Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland,
    Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New
    Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Ohio, Oklahoma,
    Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah,
    Vermont, Virginia, Washington, West Virginia, Wisconsin, Wyoming, Ala., Ariz., Ark., Calif.,
    Colo., Conn., Del., Fla., Ga., Ill., Ind., Kan., Ky., La., Md., Mass., Mich., Minn., Miss.,
    Mo., Mont., Neb., Nev., N.H., N.J., N.M., N.Y., N.C., N.D., Okla., Ore., Pa., R.I., S.C.,
    S.D., Tenn., Tex., Vt., Va., Wash., W.Va., Wis., Wyo."""
)
# Last words that name a landmark, a district or a region rather than a city.
_NOT_CITY_WORDS = frozenset(
    """
    park stadium street avenue square river lake mountain mountains valley bridge hall center
    centre arena airport island islands coast county region district area neighborhood
    neighbourhood midwest south north east west hill hills beach bay sea ocean gulf
    """.split()
)
# States whose name is also their best-known city's.
_CITY_STATES = frozenset({"new york", "washington"})


def place_kinds(name: str) -> set[str]:
    """"country", "state", "city" — what a place's name may be; nothing for a landmark or
    region. "Georgia" is a country and a state, "New York" a state and a city."""
    words = [w.replace(".", "") for w in name_words(clean_name(name))]
    key = " ".join(words)
    kinds = {kind for kind, names in (("country", COUNTRIES), ("state", US_STATES)) if key in names}
    if key in _CITY_STATES or not kinds and words and words[-1] not in _NOT_CITY_WORDS:
        kinds.add("city")
    return kinds


def _of_kind(entity: Entity, kind: str) -> bool:
    return entity.type == "place" and kind in place_kinds(entity.name)


def place_by_description(salience: Salience, entities: EntityIndex, word: str, at: int) -> Entity | None:
    """The place "the city" (``word``) at token ``at`` refers to: of that kind, the one in
    view, else the one the article names most (the first of equals); None for "the county"."""
    kind = PLACE_KINDS.get(word)
    if kind is None:
        return None
    ranked = salience.ranked(at, lambda key: 1.0 if isinstance(key, Entity) and _of_kind(key, kind) else 0.0)
    if ranked and ranked[0].score >= _IN_VIEW:
        return ranked[0].entity
    places = [e for e in entities.entities if _of_kind(e, kind)]
    return max(places, key=lambda e: (len(e.mentions), -e.mentions[0].start), default=None)


# People words whose country's name begins otherwise ("American" → the United States).
_PEOPLE_OF = {
    "american": _names("United States, US, USA, America"), "british": _names("United Kingdom, UK, Britain, Great Britain"),
    "french": _names("France"), "dutch": _names("Netherlands, Holland"), "swiss": _names("Switzerland"),
    "irish": _names("Ireland"), "welsh": _names("Wales"), "scottish": _names("Scotland"), "english": _names("England"),
    "filipino": _names("Philippines"), "greek": _names("Greece"), "spanish": _names("Spain"), "danish": _names("Denmark"),
    "swedish": _names("Sweden"), "norwegian": _names("Norway"), "finnish": _names("Finland"), "polish": _names("Poland"),
}


def country_of_people(entities: EntityIndex, word: str) -> Entity | None:
    """"the Saudi government", "the Mexican authorities", "American commitments": the country the
    article names that the people word comes from (Saudi Arabia, Mexico, the United States), read
    from the letters both begin with or, where they differ, from a list; else none."""
    if len(word) < 4:
        return None
    start, listed = word.lower()[:4], _PEOPLE_OF.get(word.lower(), frozenset())
    for entity in entities.entities:
        name = clean_name(entity.name).lower().replace(".", "")
        if entity.type == "place" and name in COUNTRIES:
            if name in listed or not listed and any(w.startswith(start) for w in name_words(entity.name)):
                return entity
    return None
