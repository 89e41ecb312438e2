"""Words of dates, times, numbers, money and quantities. Hand-written."""

from __future__ import annotations

from factwire.extraction.language.loader import words

MONTHS = words(
    "January February March April May June July August September October November December "
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Jan Feb Apr Jun Jul Aug Sep Sept "
    "Oct Nov Dec"
)
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
DATE_WORDS = words("today yesterday tomorrow tonight")
RELATIVE_WORDS = words("last next this past coming previous")
"""Words that make a period a date ("last week")."""
PERIODS = words(
    "week weeks month months year years weekend decade century quarter season spring summer "
    "autumn winter"
)
PERIOD_PARTS = frozenset(("quarter", "half"))
"""After an ordinal, a date ("third quarter")."""
BEFORE_MONTH = words(
    "in since until till by early late mid last next of during from through before after this"
)
"""Words that make "May" a month."""
CLOCK_SUFFIXES = frozenset(("a.m.", "p.m.", "am", "pm", "gmt", "edt", "est"))
"""Words after a clock time that belong to it (lower case)."""
TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning "
    "afternoon evening weekend"
)
"""Lower-case words of a time phrase that ends a speaker phrase ("Smith on Monday")."""

AGE_CUES = words("aged age ages over under")
"""Words before a bare number that make it an age ("were over 75", "aged 21")."""

SCALES = words("hundred thousand million billion trillion mln bln m bn")
NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "dozen dozens hundreds thousands millions billions"
)
ORDINAL_WORDS = words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth hundredth"
)
CURRENCY_SIGNS = words("$ £ € ¥")
CURRENCY_WORDS = words(
    "dollar dollars cent cents pound pounds sterling euro euros yen mark marks francs franc "
    "lire lira pesos peso rupees rupee roubles rouble rubles ruble yuan rand guilders guilder "
    "crowns crowns kronor krona kroner schillings pesetas drachmas zlotys baht ringgit won shekels "
    "dinars riyals"
)
CURRENCY_CODES = words("US C A NZ HK S USD DEM GBP JPY FRF CHF EUR ITL NLG")
"""Codes before a currency sign ("US$") or an amount."""
UNITS = words(
    "km kilometres kilometers kilometre kilometer miles mile metres meters metre meter feet foot "
    "inches cm mm kg kilograms kilos grams tonnes tons tonne pounds lbs ounces acres hectares "
    "litres liters gallons barrels bpd degrees mph knots sq"
)
UNIT_NAMES = words("Celsius Fahrenheit Kelvin MW GW kW kWh MWh GWh TWh")
"""Units written with a capital, that a tagger takes for a name ("1.9 degrees Celsius")."""
PERCENT_WORDS = frozenset({"percent", "pct", "%"})

SPECIFIC_WORDS = words(
    "percent percentage million billion trillion thousand thousands hundred hundreds dozen "
    "dozens half twice double doubled triple tripled"
)
"""Number words that make a statement specific (claims)."""
COMPARISON_WORDS = words(
    "more less fewer higher lower larger smaller bigger greater most least largest smallest "
    "biggest highest lowest record first only increase increased increases decrease "
    "decreased decreases rose fell grew dropped declined"
)
"""Words of comparison and change that make a statement checkable (claims)."""
