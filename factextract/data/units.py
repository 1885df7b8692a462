"""Units of measure: the words and symbols written after a number, mapped to a canonical unit.

Written for factextract from the SI brochure (symbols and prefixes), US customary units and the
unit words news copy uses ("barrels a day", "square feet", "metric tons"). Symbols are
case-sensitive ("MB" is a megabyte, "mb" a megabit, "m" a metre); words are matched lowercase.
"""

from __future__ import annotations

# Unit words (lowercase, singular and plural) -> canonical unit name.
WORDS: dict[str, str] = {}


def _add(canonical: str, *forms: str) -> None:
    for form in forms:
        WORDS[form] = canonical


_add("kilometer", "kilometer", "kilometers", "kilometre", "kilometres")
_add("meter", "meter", "meters", "metre", "metres")
_add("centimeter", "centimeter", "centimeters", "centimetre", "centimetres")
_add("millimeter", "millimeter", "millimeters", "millimetre", "millimetres")
_add("decimeter", "decimeter", "decimeters")
_add("micrometer", "micrometer", "micrometers", "micrometre", "micrometres", "micron", "microns")
_add("nanometer", "nanometer", "nanometers", "nanometre", "nanometres")
_add("light-year", "light-year", "light-years", "light year", "light years")
_add("picometer", "picometer", "picometers")
_add("mile", "mile", "miles")
_add("nautical mile", "nautical mile", "nautical miles")
_add("yard", "yard", "yards")
_add("foot", "foot", "feet")
_add("inch", "inch", "inches")
_add("square kilometer", "square kilometer", "square kilometers", "square kilometres", "square kilometre")
_add("square meter", "square meter", "square meters", "square metres", "square metre")
_add("square mile", "square mile", "square miles")
_add("square foot", "square foot", "square feet")
_add("cubic foot", "cubic foot", "cubic feet")
_add("cubic meter", "cubic meter", "cubic meters", "cubic metres", "cubic metre")
_add("cubic yard", "cubic yard", "cubic yards")
_add("cubic inch", "cubic inch", "cubic inches")
_add("cubic centimeter", "cubic centimeter", "cubic centimeters", "cubic centimetre", "cubic centimetres")
_add("cubic kilometer", "cubic kilometer", "cubic kilometers", "cubic kilometre", "cubic kilometres")
_add("cubic mile", "cubic mile", "cubic miles")
_add("square yard", "square yard", "square yards")
_add("square inch", "square inch", "square inches")
_add("square centimeter", "square centimeter", "square centimeters", "square centimetre", "square centimetres")
_add("acre", "acre", "acres")
_add("hectare", "hectare", "hectares")
_add("metric ton", "metric ton", "metric tons", "metric tonnes")
_add("ton", "ton", "tons", "tonne", "tonnes")
_add("kiloton", "kiloton", "kilotons", "kilotonne", "kilotonnes")
_add("megaton", "megaton", "megatons", "megatonne", "megatonnes")
_add("gigaton", "gigaton", "gigatons", "gigatonne", "gigatonnes")
_add("carat", "carat", "carats")
_add("kilogram", "kilogram", "kilograms", "kilo", "kilos", "kilogramme", "kilogrammes")
_add("gram", "gram", "grams", "gramme", "grammes")
_add("milligram", "milligram", "milligrams")
_add("microgram", "microgram", "micrograms", "microgramme", "microgrammes")
# "pounds" also names sterling: figures.py reads money before units, so this is the weight.
_add("pound", "pound", "pounds", "lb", "lbs")
_add("ounce", "ounce", "ounces", "oz")
_add("stone", "stone")
_add("liter", "liter", "liters", "litre", "litres")
_add("milliliter", "milliliter", "milliliters", "millilitre", "millilitres")
_add("gallon", "gallon", "gallons")
_add("quart", "quart", "quarts")
_add("pint", "pint", "pints")
_add("fluid ounce", "fluid ounce", "fluid ounces")
_add("bushel", "bushel", "bushels")
_add("barrel", "barrel", "barrels")
_add("cup", "cup", "cups")
_add("tablespoon", "tablespoon", "tablespoons")
_add("teaspoon", "teaspoon", "teaspoons")
_add("bit", "bit", "bits")
_add("byte", "byte", "bytes")
_add("kilobyte", "kilobyte", "kilobytes")
_add("megabyte", "megabyte", "megabytes")
_add("gigabyte", "gigabyte", "gigabytes")
_add("terabyte", "terabyte", "terabytes")
_add("megawatt", "megawatt", "megawatts")
_add("kilowatt", "kilowatt", "kilowatts")
_add("gigawatt", "gigawatt", "gigawatts")
_add("watt", "watt", "watts")
_add("kilowatt hour", "kilowatt hours", "kilowatt-hours", "kilowatt hour", "kilowatt-hour")
_add("megawatt hour", "megawatt hours", "megawatt-hours", "megawatt hour", "megawatt-hour")
_add("gigawatt hour", "gigawatt hours", "gigawatt-hours", "gigawatt hour", "gigawatt-hour")
_add("terawatt hour", "terawatt hours", "terawatt-hours", "terawatt hour", "terawatt-hour")
_add("horsepower", "horsepower")
_add("joule", "joule", "joules")
_add("kilojoule", "kilojoule", "kilojoules")
_add("calorie", "calorie", "calories")
_add("kilocalorie", "kilocalorie", "kilocalories")
_add("hertz", "hertz")
_add("kilohertz", "kilohertz")
_add("megahertz", "megahertz")
_add("gigahertz", "gigahertz")
_add("decibel", "decibel", "decibels")
_add("ampere", "amp", "amps", "ampere", "amperes")
_add("megabit per second", "megabits per second", "megabit per second")
_add("gigabit per second", "gigabits per second", "gigabit per second")
_add("volt", "volt", "volts")
_add("mile per hour", "miles an hour", "miles per hour", "mph")
_add("kilometer per hour", "kilometers per hour", "kilometres per hour", "kilometers an hour", "kph", "kmph",
     "km/h", "km/hr")
_add("knot", "knot", "knots")
_add("celsius", "degrees celsius", "degree celsius", "deg celsius", "degrees centigrade", "celsius", "celcius",
     "centigrade", "centigrate", "degrees c", "degree c", "deg c", "°c", "° c", "° celsius", "° centigrade")
_add("fahrenheit", "degrees fahrenheit", "degree fahrenheit", "deg fahrenheit", "fahrenheit", "farenheit",
     "degrees farenheit", "degrees f", "degree f", "deg f", "°f", "° f", "° fahrenheit")
_add("kelvin", "kelvin", "kelvins", "degrees kelvin")
_add("degree", "degrees", "degree", "deg.", "deg", "°")
_add("radian", "radian", "radians")
_add("point", "point", "points")
_add("percentage point", "percentage points", "percentage point")
_add("basis point", "basis points", "basis point")

# Symbols, case-sensitive, glued to the number or after one space ("75ml", "1.6 km", "100 MB").
SYMBOLS: dict[str, str] = {
    "km": "kilometer", "kms": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter", "dm": "decimeter",
    "pm": "picometer",
    "mi": "mile", "ft": "foot", "in": "inch", '"': "inch", "km2": "square kilometer", "m2": "square meter",
    "sq ft": "square foot", "ha": "hectare", "t": "ton", "kg": "kilogram", "kgs": "kilogram",
    "g": "gram", "mg": "milligram",
    "μg": "microgram", "mcg": "microgram", "lb": "pound", "lbs": "pound", "oz": "ounce", "l": "liter",
    "L": "liter", "ml": "milliliter", "mL": "milliliter", "gal": "gallon", "bbl": "barrel",
    "kb": "kilobit", "KB": "kilobyte", "mb": "megabit", "MB": "megabyte", "GB": "gigabyte", "gb": "gigabit",
    "TB": "terabyte", "MW": "megawatt", "kW": "kilowatt", "GW": "gigawatt", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "hp": "horsepower",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "dB": "decibel",
    "kbps": "kilobit per second", "Mbps": "megabit per second", "Gbps": "gigabit per second",
    "m3": "cubic meter", "cm3": "cubic centimeter", "cc": "cubic centimeter", "km3": "cubic kilometer",
    "cm2": "square centimeter", "mm2": "square millimeter", "kJ": "kilojoule", "kcal": "kilocalorie",
    "psi": "pound per square inch", "mAh": "milliampere hour", "nm": "nanometer", "µm": "micrometer",
    "mph": "mile per hour", "kph": "kilometer per hour", "kmph": "kilometer per hour",
    "km/h": "kilometer per hour", "km/hr": "kilometer per hour", "rad": "radian", "°": "degree", "°C": "celsius",
    "°F": "fahrenheit",
}

# Symbols that are also English words or abbreviations: only read as units when glued to the
# number ("1.8m", "100t") or, for "in"/"pm"/"m", only when nothing else reads the number.
AMBIGUOUS_SYMBOLS = frozenset({"in", "pm", "t", "m", "g", "l", "L", "mi", "ha", "gal"})

# Time units: a number with one of these is a duration (or an age with "old").
TIME_UNITS: dict[str, str] = {
    "millisecond": "millisecond", "milliseconds": "millisecond", "second": "second", "seconds": "second",
    "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hours": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "year": "year", "years": "year", "yrs": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
}

# Symbols that only name a time unit below a rate's slash or "per" ("50 km/ms", "10 km/h").
RATE_TIME_SYMBOLS: dict[str, str] = {"ms": "millisecond", "s": "second", "h": "hour", "hr": "hour"}

# Units of temperature; a bare "degree" may be an angle or a temperature.
TEMPERATURE_SCALES = frozenset({"celsius", "fahrenheit", "kelvin"})
TEMPERATURE_UNITS = TEMPERATURE_SCALES | {"degree"}

# Imperial measures written in two units, the second counted in the first's parts ("5 ft 2 in", "7 lb 4 oz"):
# a unit, its smaller unit and how many of those make one (12 inches a foot, 16 ounces a pound).
SUBDIVIDED: dict[str, tuple[str, int]] = {"foot": ("inch", 12), "pound": ("ounce", 16)}
