"""Reading numbers as news writes them: where a quantity phrase runs, and what it states.

Pure text functions, no parse: ``quantity_phrases`` finds the extent of "at least 300",
"1800 US Dollars a month" or "between 300 and 400"; ``read_quantity`` turns such a phrase
into a value, the bounds its wording sets, its unit and what it is counted per. The spaCy
side (which numbers are dates, what is counted) lives in ``quantities``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "dozen": 12,
    "lakh": 100_000,
    "crore": 10_000_000,
}
# Plural counts state an order of magnitude, not a number: "hundreds" is 100 to 999.
_VAGUE = {
    "tens": (10, 99),
    "dozens": (24, 99),
    "hundreds": (100, 999),
    "thousands": (1_000, 9_999),
    "millions": (1_000_000, 9_999_999),
    "billions": (1_000_000_000, 9_999_999_999),
}
COUNT_WORDS = frozenset(_VAGUE) | frozenset(_SCALES)  # words that count without being digits

_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(list(_SMALL)[1:10]) + r"))?"
    r"|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r")(?![\w-])"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?)(?!\w)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]*\.?\d)"
# "half a million", "two and a half million", "half a dozen": a half joined to a scale word
_HALF_SCALE = rf"(?:(?:{_DIGITS}|{_WORD})\s+and\s+)?an?\s+half\s+{_SCALE}|half\s+an?\s+{_SCALE}"
_NUMBER = (
    rf"(?:{_HALF_SCALE}"
    rf"|{_DIGITS}(?:\s*(?:bn|mn)(?!\w)|(?:\s+{_SCALE})+)?"
    rf"|(?:an?\s+(?={_SCALE}))?(?:{_WORD}|{_SCALE})(?:\s+(?:{_WORD}|{_SCALE}))*"
    rf"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+{_WORD})?)"  # "two hundred and fifty", not "three and five"
)
# Shares of a whole: "half of the voters", "two-thirds of the wells", "one in five adults",
# "two out of three voters". A named part needs "of" after it, or it is a date ("the third
# quarter") or a length of time ("half an hour"); "the first half of 2022" is a date.
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_PART = r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
_SHARE_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_FRACTION = (
    rf"(?:(?:an?|{_SHARE_NUMBER})[\s-]+{_PART}(?=\s+of\s+(?!\d{{4}}))"
    rf"|(?<!first\s)(?<!second\s)(?<!the\s)half(?=\s+(?:of\s+(?!\d{{4}})|(?:the|its|their|his|her|our|all|these|those)\s))"
    rf"|{_SHARE_NUMBER}\s+(?:in|out\s+of)\s+(?:\d+|{_WORD}))(?![\w-])"
)
_VAGUE_COUNT = (
    r"(?:(?:tens|dozens|hundreds|thousands|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))?"
    r"|(?:several|a\s+few|many)\s+(?:hundred|thousand|million|billion|dozen))(?!\w)"
)
_CURRENCY_SIGNS = {"us$": "USD", "a$": "AUD", "c$": "CAD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR"}
_CURRENCY_CODES = "usd eur gbp jpy cny inr rub try amd azn chf aud cad".split()
_CURRENCY_PREFIX = r"(?:us\$|a\$|c\$|\$|€|£|¥|₹|(?<!\w)(?:rs\.?|" + "|".join(_CURRENCY_CODES) + r")\s?)"
_CURRENCY_WORDS = [
    (r"(?:us|u\.s\.|american)\s+dollars?|dollars?", "USD"),
    (r"australian\s+dollars?", "AUD"),
    (r"canadian\s+dollars?", "CAD"),
    (r"euros?", "EUR"),
    (r"(?:british\s+)?pounds?\s+sterling|british\s+pounds?", "GBP"),
    (r"(?:indian\s+)?rupees?", "INR"),
    (r"(?:japanese\s+)?yen", "JPY"),
    (r"(?:chinese\s+)?(?:yuan|renminbi)", "CNY"),
    (r"(?:russian\s+)?(?:roubles?|rubles?)", "RUB"),
    (r"(?:turkish\s+)?liras?", "TRY"),
    (r"(?:armenian\s+)?drams?", "AMD"),
    (r"(?:azerbaijani\s+)?manats?", "AZN"),
    (r"swiss\s+francs?", "CHF"),
]
_MEASURES = [
    (r"per\s?cent|percent|%", "percent"),
    (r"percentage\s+points?", "percentage point"),
    (r"square\s+kilomet(?:re|er)s?|sq\.?\s?km|km2", "km2"),
    (r"kilomet(?:re|er)s?|km", "km"),
    (r"met(?:re|er)s?", "m"),
    (r"miles?", "mi"),
    (r"feet|foot|ft", "ft"),
    (r"inches|inch", "in"),
    (r"kilo(?:gram(?:me)?)?s?|kg", "kg"),
    (r"(?:metric\s+)?tonnes?|tons?", "t"),
    (r"pounds?|lbs?", "lb"),
    (r"lit(?:re|er)s?", "l"),
    (r"barrels?", "barrel"),
    (r"hectares?", "ha"),
    (r"acres?", "acre"),
]
# Units of physical measure: a figure in one measures its unit ("500 metres of the warehouse" is a
# distance, whatever follows "of"), where a percentage or a sum of money counts its noun.
MEASURE_UNITS = frozenset(code for _, code in _MEASURES[2:])
_UNIT_SUFFIX = (
    r"(?:\s*%|\s*(?:"
    + "|".join(p for p, _ in _CURRENCY_WORDS + _MEASURES[:1])
    + "|"
    + "|".join(_CURRENCY_CODES)
    + r")(?!\w)|\s+(?:"
    + "|".join(p for p, _ in _MEASURES[1:])
    + r")(?!\w))"
)
_PER_WORDS = {
    "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "minute": "minute",
    "person": "person", "head": "person", "capita": "person", "barrel": "barrel", "tonne": "tonne",
    "ton": "tonne", "kilo": "kg", "kilogram": "kg", "kg": "kg", "litre": "litre", "liter": "litre",
    "share": "share", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "yearly": "year", "annum": "year", "apiece": "each", "piece": "each",
}
_PER = (
    r"(?:\s+(?:a|an|per|each|every)\s+(?:" + "|".join(w for w in _PER_WORDS if not w.endswith("ly") and w != "apiece") + r")"
    r"|\s*/\s*(?:day|week|month|year|hour|person|barrel)|\s+(?:daily|weekly|monthly|annually|yearly|apiece|per\s+annum))(?!\w)"
)
# Wording that bounds a figure, with what it sets: the lower or upper bound, strictly or not,
# and whether it marks the figure as an estimate.
_BOUNDS: dict[str, tuple[str | None, bool, bool]] = {
    "at least": ("low", False, False),
    "no fewer than": ("low", False, False),
    "no less than": ("low", False, False),
    "not less than": ("low", False, False),
    "a minimum of": ("low", False, False),
    "as few as": ("low", False, False),
    "as little as": ("low", False, False),
    "upwards of": ("low", False, True),
    "more than": ("low", True, False),
    "greater than": ("low", True, False),
    "over": ("low", True, False),
    "above": ("low", True, False),
    "in excess of": ("low", True, False),
    "well over": ("low", True, False),
    "well above": ("low", True, False),
    "just over": ("low", True, True),
    "just above": ("low", True, True),
    "at most": ("high", False, False),
    "no more than": ("high", False, False),
    "not more than": ("high", False, False),
    "a maximum of": ("high", False, False),
    "up to": ("high", False, False),
    "as many as": ("high", False, False),
    "as much as": ("high", False, False),
    "less than": ("high", True, False),
    "fewer than": ("high", True, False),
    "under": ("high", True, False),
    "below": ("high", True, False),
    "well under": ("high", True, False),
    "well below": ("high", True, False),
    "just under": ("high", True, True),
    "just below": ("high", True, True),
    "nearly": ("high", True, True),
    "almost": ("high", True, True),
    "about": (None, False, True),
    "around": (None, False, True),
    "approximately": (None, False, True),
    "roughly": (None, False, True),
    "some": (None, False, True),
    "close to": (None, False, True),
    "an estimated": (None, False, True),
    "estimated": (None, False, True),
    "circa": (None, False, True),
}
_BOUND = r"(?:" + "|".join(b.replace(" ", r"\s+") for b in sorted(_BOUNDS, key=len, reverse=True)) + r")"
# "£2m", "€300m", "$50k": after a currency sign a bare "m" is million and "k" thousand
_AMOUNT = rf"(?:{_CURRENCY_PREFIX}{_DIGITS}\s?[mk](?![\w'’])|(?:{_CURRENCY_PREFIX})?(?:{_NUMBER}))"
_PHRASE = re.compile(
    rf"(?<![\w$€£¥₹.,-])(?:{_BOUND}\s+)?"
    rf"(?:between\s+{_AMOUNT}(?:{_UNIT_SUFFIX})?\s+and\s+{_AMOUNT}"
    rf"|from\s+{_AMOUNT}(?:{_UNIT_SUFFIX})?\s+to\s+{_AMOUNT}"
    rf"|(?<!from\s){_AMOUNT}(?:{_UNIT_SUFFIX})?\s*(?:-|–|to)\s*{_AMOUNT}"
    rf"|{_AMOUNT}(?:{_UNIT_SUFFIX})?(?:\s*(?:-|–)\s*|\s+or\s+){_AMOUNT}"
    rf"|{_FRACTION}|{_VAGUE_COUNT}|{_AMOUNT})"
    rf"(?:{_UNIT_SUFFIX})?(?:{_PER})?",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"(?:{_BOUND}\s+)?{_AMOUNT}(?:{_UNIT_SUFFIX})?(?:{_PER})?", re.IGNORECASE)
_CODE_GOES_ON = re.compile(r"[-–/]\d")  # "800-273-8255": a number in a code, not a quantity
# "rose from 5% to 7%": a change between two figures, not a range ("from 5 to 10 sacks each")
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:ris|fall|grow|climb|jump|drop|increas|decreas|reduc|rais|lower|cut|shrink|slid|soar|plung|doubl|tripl|halv|mov|chang|boost|push|slash|declin)\w*"
    r"|\b(?:rose|fell|grew|shrank|went|go|goes|going|gone|up|down)),?(?:\s+\w+){0,2}\s+$",
    re.IGNORECASE,
)
_FRACTION_ONLY = re.compile(
    rf"^(?:(?:an?|{_SHARE_NUMBER})[\s-]+{_PART}|half|{_SHARE_NUMBER}\s+(?:in|out\s+of)\s+(?:\d+|{_WORD}))$", re.IGNORECASE
)
_PIECE = re.compile(rf"{_VAGUE_COUNT}|{_DIGITS}\s?[mk](?![\w'’])|{_NUMBER}", re.IGNORECASE)
_LEADING_BOUND = re.compile(rf"^(?:between\s+)?({_BOUND})\s+", re.IGNORECASE)


@dataclass(frozen=True)
class QuantityReading:
    """What a quantity phrase states: the figure, the interval its wording allows, its unit."""

    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    per: str | None


def quantity_phrases(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of every phrase in ``text`` that states a quantity, bounds and unit included."""
    for match in _PHRASE.finditer(text):
        if _CODE_GOES_ON.match(text, match.end()):
            continue
        parts = list(_SINGLE.finditer(text, match.start(), match.end()))
        change = match.group(0)[:5].lower() == "from " and _CHANGE_BEFORE.search(text, max(0, match.start() - 40), match.start()) is not None
        if _FRACTION_ONLY.match(_LEADING_BOUND.sub("", match.group(0))) and read_quantity(match.group(0)).unit != "fraction":
            parts = list(_SINGLE.finditer(text, match.start(), match.end()))  # "5 in 3": no share of a whole
            yield from ((part.start(), part.end()) for part in parts)
        elif len(parts) == 2 and (change or not _is_range(parts[0].group(0), parts[1].group(0))):
            yield from ((part.start(), part.end()) for part in parts)
        else:
            yield match.start(), match.end()


def _is_range(first: str, second: str) -> bool:
    """Two figures joined by "to" or a dash are a range only when they rise and share a unit:
    "49 percent to 47 percent", "a 5-4 vote", a tied "4-4 ruling", "0.1 percentage points to 4.2
    percent" are two."""
    low, high = read_quantity(first), read_quantity(second)
    if low.unit and high.unit and low.unit != high.unit:
        return False
    return low.value is None or high.value is None or low.value < high.value


def _whole(x: float) -> float:
    """Integral values as ints, so that 4000 prints as 4000 and not 4000.0."""
    return int(x) if float(x).is_integer() else x


def _piece_value(piece: str) -> float | None:
    total, current = 0.0, None
    for word in re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", piece.lower().replace("-", " ")):
        if word[0].isdigit():
            current = (current or 0.0) + float(word.replace(",", ""))
        elif word in _SMALL or word in _TENS:
            current = (current or 0.0) + _SMALL.get(word, _TENS.get(word, 0))
        elif word == "half":
            current = (current or 0.0) + 0.5
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in ("m", "k") and current is not None:  # "£2m", "$50k"
            total += current * (1_000_000 if word == "m" else 1_000)
            current = None
        elif word.rstrip("s") in _SCALES and word not in _VAGUE:
            word = word.rstrip("s")
            total += (current or 1.0) * _SCALES[word]
            current = None
    if current is None and total == 0:
        return None
    return total + (current or 0.0)


def number_value(text: str) -> float | None:
    """The first number a phrase states: "4,000" → 4000, "ten" → 10, "10 million" → 10000000."""
    match = _PIECE.search(text)
    if match is None or _vague_range(match.group(0)) is not None:
        return None
    value = _piece_value(match.group(0))
    return None if value is None else _whole(value)


def _share(text: str) -> float | None:
    """The share of a whole a fraction names: "two-thirds" 2/3, "one in five" 1/5; None unless below one."""
    words = text.lower().replace("-", " ").split()
    if "in" in words or "of" in words:  # "one in five", "two out of three"
        numerator, denominator = _piece_value(words[0]), _piece_value(words[-1])
    else:
        numerator = 1.0 if words[0] in ("a", "an", "half") else _piece_value(words[0])
        part = words[-1]
        denominator = _PARTS.get("half" if part == "halves" else part.rstrip("s"))
    if numerator is None or not denominator or numerator >= denominator:
        return None
    return numerator / denominator


def _vague_range(piece: str) -> tuple[float, float] | None:
    """The span a plural count allows: "hundreds" 100–999, "tens of thousands" 10000–99999."""
    words = piece.lower().split()
    if words[0] in _VAGUE:
        scale = _SCALES.get(words[-1].rstrip("s"), 1) if len(words) > 1 else 1  # "tens of thousands"
        low, high = _VAGUE[words[0]]
        return low * scale, (high + 1) * scale - 1
    if words[0] in ("several", "few", "many") or words[:2] == ["a", "few"]:
        scale = _SCALES[words[-1]]
        return scale, 10 * scale - 1
    return None


def _scale_word(piece: str) -> int | None:
    words = re.findall(r"[a-z]+", piece.lower())
    return next((_SCALES[w] for w in reversed(words) if w in _SCALES and w != "dozen"), None)


def _unit(text: str) -> str | None:
    for sign, code in _CURRENCY_SIGNS.items():
        if re.search(rf"(?<!\w){re.escape(sign)}(?=[\s\d.])", text):
            return code
    for pattern, code in _CURRENCY_WORDS:
        if re.search(rf"(?<![\w$])(?:{pattern})(?!\w)", text):
            return code
    for code in _CURRENCY_CODES:
        if re.search(rf"(?<!\w){code}(?!\w)", text):
            return code.upper()
    for pattern, unit in _MEASURES:
        if re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", text):
            return unit
    return None


def leading_rate(text: str) -> str | None:
    """The rate a stretch of text opens with: " a day" → "day" (for "5,000 cars a day")."""
    match = re.match(_PER, text.lower())
    return None if match is None else _rate_word(match.group(0))


def _rate_word(rate: str) -> str | None:
    """The unit a rate phrase is per: " a month" → "month", " per capita" → "person"."""
    return _PER_WORDS.get(rate.split()[-1].lstrip("/"))


def _bounded(value: float, side: str | None, strict: bool, approximate: bool, count: bool) -> tuple[float | None, float | None]:
    """The interval a bound word leaves around a figure; a strict bound steps past a whole count."""
    step = 1 if strict and count and value.is_integer() else 0
    if side == "low":
        return value + step, None
    if side == "high":
        return None, value - step
    return (None, None) if approximate else (value, value)


def _maybe_whole(x: float | None) -> float | None:
    return None if x is None else _whole(x)


def read_quantity(text: str) -> QuantityReading:
    """Value, bounds, unit and rate of a quantity phrase, as its wording states them.

    ``low``/``high`` are the interval the wording allows (``None``: open on that side):
    "300" is [300, 300], "at least 300" [300, —], "hundreds" [100, 999], "between 300 and
    400" [300, 400]. A strict bound ("more than 300") moves by one only for whole counts,
    since "more than 12 percent" has no next value.
    """
    body = " ".join(text.lower().split())
    rate = re.search(_PER + "$", body)
    per = _rate_word(rate.group(0)) if rate else None
    body = body[: rate.start()] if rate else body
    bound = _LEADING_BOUND.match(body)
    side, strict, approximate = _BOUNDS[" ".join(bound.group(1).split())] if bound else (None, False, False)
    body = body[bound.end() :] if bound else body
    if _FRACTION_ONLY.match(body) and (share := _share(body)) is not None:
        low, high = _bounded(share, side, strict, approximate, count=False)
        return QuantityReading(share, low, high, approximate, "fraction", per)
    unit = _unit(body)
    pieces = [m.group(0) for m in _PIECE.finditer(body)]
    vague = _vague_range(pieces[0]) if pieces else None
    if vague is not None:
        return QuantityReading(None, _whole(vague[0]), _whole(vague[1]), True, unit, per)
    values = [v for v in map(_piece_value, pieces[:2]) if v is not None]
    if len(values) == 2:
        first, second = values
        scale = _scale_word(pieces[1])
        if scale and _scale_word(pieces[0]) is None and first * scale <= second:
            first *= scale  # "3 to 4 million"
        return QuantityReading(None, _whole(first), _whole(second), approximate, unit, per)
    if not values:
        return QuantityReading(None, None, None, approximate, unit, per)
    low, high = _bounded(values[0], side, strict, approximate, count=unit is None)
    return QuantityReading(_whole(values[0]), _maybe_whole(low), _maybe_whole(high), approximate, unit, per)
