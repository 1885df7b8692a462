"""Currency symbols, codes and names mapped to ISO 4217 codes.

Written for factextract from the ISO 4217 list (codes) and the symbols and names English
news uses for them. A bare "$" is the US dollar unless a prefix names another dollar
("C$", "HK$", "A$"); "pounds" is sterling unless weight units are meant (see units.py).
"""

from __future__ import annotations

# Written before the amount ("$5", "US$ 5", "C$ 16.4 million", "£8"), longest first when matched.
PREFIX_SYMBOLS: dict[str, str] = {
    "us$": "USD", "u.s.$": "USD", "u.s $": "USD", "usd$": "USD", "us $": "USD", "u.s. $": "USD",
    "c$": "CAD", "c $": "CAD", "cad$": "CAD", "ca$": "CAD",
    "a$": "AUD", "aud$": "AUD", "au$": "AUD",  # "a $9 million loan": a spaced "a" is the article
    "nz$": "NZD", "nzd$": "NZD", "hk$": "HKD", "hk $": "HKD", "s$": "SGD", "mex$": "MXN", "mxn$": "MXN",
    "r$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₪": "ILS", "₱": "PHP", "₦": "NGN", "₴": "UAH", "₫": "VND", "฿": "THB", "₡": "CRC",
    "₾": "GEL", "₭": "LAK", "₿": "XBT", "元": "CNY", "ரூ": "LKR", "rs.": "INR", "rs": "INR",
}

# Symbols also written after the amount ("10 €", "100元").
SUFFIX_SYMBOLS: dict[str, str] = {
    sym: code for sym, code in PREFIX_SYMBOLS.items()
    if sym in {"$", "£", "€", "¥", "₹", "₡", "₾", "₭", "元", "ரூ", "₿"}
}

# ISO 4217 codes seen in English news, usable before or after the amount ("USD 200", "115USD").
CODES = frozenset(
    """
    USD EUR GBP JPY CNY RMB CHF CAD AUD NZD HKD SGD INR RUB BRL MXN ZAR SEK NOK DKK PLN CZK HUF TRY
    KRW ILS AED SAR EGP NGN KES PKR IDR MYR THB PHP VND ARS CLP COP PEN UAH LKR BTC XBT
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "BTC": "XBT"}

# "MUSD", "MEUR": millions of a currency in Nordic business style.
MILLION_CODES: dict[str, str] = {"M" + code: code for code in ("USD", "EUR", "GBP", "AUD", "SEK", "NOK", "DKK")}

# Names written after the amount ("420 million finnish markka", "5 dollars"), lowercase.
# Qualified names come first so "australian dollars" wins over "dollars".
NAMES: dict[str, str] = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "australian dollars": "AUD", "australian dollar": "AUD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "dollars": "USD", "dollar": "USD", "bucks": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pound sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP", "pounds": "GBP", "pound": "GBP", "pence": "GBP", "penny": "GBP",
    "canadian cents": "CAD", "canadian cent": "CAD", "australian cents": "AUD", "australian cent": "AUD",
    "cents": "USD", "cent": "USD",
    "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "kuai": "CNY", "swiss francs": "CHF", "swiss franc": "CHF", "french francs": "FRF", "francs": "FRF",
    "franc": "FRF", "finnish markkaa": "FIM", "finnish markka": "FIM", "markkaa": "FIM",
    "markka": "FIM", "marks": "DEM", "deutsche marks": "DEM",
    "dutch guilders": "NLG", "guilders": "NLG", "pesetas": "ESP", "lire": "ITL", "rupees": "INR", "rupee": "INR",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "pesos": "MXN", "peso": "MXN",
    "turkish lira": "TRY", "lira": "TRY", "shekels": "ILS", "rand": "ZAR", "riyals": "SAR", "dirhams": "AED",
    "naira": "NGN", "hryvnia": "UAH", "zloty": "PLN", "krona": "SEK", "kronor": "SEK", "kroner": "NOK",
    "bitcoins": "XBT", "bitcoin": "XBT", "satoshis": "XBT", "satoshi": "XBT",
}

# Subunits: the amount is a hundredth of the main unit; value stays as written, the unit says it.
SUBUNITS = frozenset({"cents", "cent", "pence", "penny", "satoshis", "satoshi", "canadian cents",
                      "canadian cent", "australian cents", "australian cent"})
