"""Arabic code points, written as escapes so look-alikes cannot be confused."""

ALEF = "\u0627"
ALEF_MADDA = "\u0622"
ALEF_HAMZA_ABOVE = "\u0623"
ALEF_HAMZA_BELOW = "\u0625"
ALEF_WASLA = "\u0671"
ALEF_MAKSURA = "\u0649"
YA = "\u064a"
FARSI_YA = "\u06cc"
TA_MARBUTA = "\u0629"
HA = "\u0647"
WAW_HAMZA = "\u0624"
YA_HAMZA = "\u0626"
HAMZA = "\u0621"
KAF = "\u0643"
KEHEH = "\u06a9"
TATWEEL = "\u0640"

#: harakat, tanwin, shadda, sukun, superscript alef and Quranic marks
DIACRITICS = "".join(chr(c) for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])

#: zero-width and bidirectional control characters that break matching
INVISIBLES = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

ARABIC_INDIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
PERSIAN_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"

ARABIC_COMMA = "\u060c"
ARABIC_SEMICOLON = "\u061b"
ARABIC_QUESTION = "\u061f"
ARABIC_PERCENT = "\u066a"
ARABIC_DECIMAL_SEPARATOR = "\u066b"
ARABIC_THOUSANDS_SEPARATOR = "\u066c"

#: every kind of quotation mark seen in Arabic news, folded to '"' for matching
QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u2036\u275d\u275e\u301d\u301e\uff02"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a"
