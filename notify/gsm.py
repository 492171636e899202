"""Keeping an SMS cheap: the GSM-7 alphabet, segment counting and fitting a text into two
segments.

One character outside GSM-7 switches the whole message to UCS-2, which halves the room per
segment (70 instead of 160) and so doubles or triples the cost; we replace such characters
with their nearest GSM-7 spelling instead.
"""

import unicodedata

# GSM 03.38 basic character set (the escape code itself left out).
BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each costs two septets (escape + character).
EXTENDED = frozenset("^{}\\[~]|€")

SINGLE_SEGMENT_SEPTETS = 160
CONCATENATED_SEGMENT_SEPTETS = 153  # 7 septets of each part go to the concatenation header
MAX_SEGMENTS = 2
ELLIPSIS = "..."

# Common characters that have a close GSM-7 spelling; typographic quotes and dashes are the
# usual way a pasted text silently turns into an expensive UCS-2 message.
REPLACEMENTS = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2022\u00b7", "-"),
    "\u2026": "...",
    "\t": " ",
    "\f": " ",
    "\u00d7": "x",
    "\u00f7": "/",
    "\u00a9": "(C)",
    "\u00ae": "(R)",
    "\u00b0": "o",
    # Invisible characters are dropped rather than shown as "?".
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
}


def septets(char):
    """What one character costs in GSM-7: 1, 2 (extension table) or None (not GSM-7)."""
    if char in BASIC:
        return 1
    if char in EXTENDED:
        return 2
    return None


def is_gsm7(text):
    return all(septets(char) is not None for char in text)


def _replacement(char):
    if char in REPLACEMENTS:
        return REPLACEMENTS[char]
    if unicodedata.category(char) == "Zs":  # no-break and other spaces
        return " "
    # Accented letters lose their accent where GSM-7 lacks them (ç → c, ã → a, Ê → E).
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(part for part in decomposed if not unicodedata.combining(part))
    if base and is_gsm7(base):
        return base
    return "?"


def to_gsm7(text):
    """The text in the GSM-7 alphabet, each other character replaced by its nearest spelling."""
    text = (text or "").replace("\r\n", "\n")
    return "".join(char if septets(char) is not None else _replacement(char) for char in text)


def septet_count(text):
    """Septets the text takes; the text must already be GSM-7 (see ``to_gsm7``)."""
    return sum(septets(char) or 1 for char in text)


def segment_count(text):
    """How many SMS parts the GSM-7 text needs.

    A two-septet character is never split between parts, so a part may carry fewer than 153.
    """
    if not text:
        return 0
    costs = [septets(char) or 1 for char in text]
    if sum(costs) <= SINGLE_SEGMENT_SEPTETS:
        return 1
    segments, used = 1, 0
    for cost in costs:
        if used + cost > CONCATENATED_SEGMENT_SEPTETS:
            segments += 1
            used = 0
        used += cost
    return segments


def fits(text, max_segments=MAX_SEGMENTS):
    return segment_count(text) <= max_segments


def shorten(text, max_septets):
    """The GSM-7 text cut to at most ``max_septets`` septets, ending in "..." when cut."""
    if septet_count(text) <= max_septets:
        return text
    budget = max_septets - len(ELLIPSIS)
    if budget <= 0:
        return ELLIPSIS[: max(max_septets, 0)]
    head, used = [], 0
    for char in text:
        cost = septets(char) or 1
        if used + cost > budget:
            break
        head.append(char)
        used += cost
    return _cut_at_word(text="".join(head)) + ELLIPSIS


def _cut_at_word(text, reach=20):
    # Prefer ending at a word boundary when one is near; never leave a dangling separator.
    space = max(text.rfind(" "), text.rfind("\n"))
    if space >= len(text) - reach and space > 0:
        text = text[:space]
    return text.rstrip(" \n,;:-")


def fit_sms(text, keep_suffix="", *, max_segments=MAX_SEGMENTS):
    """The message in GSM-7 within ``max_segments`` parts (two: 306 septets at most).

    ``keep_suffix`` (usually the tracking link) is kept whole at the end; the text before it
    is shortened with "..." when the whole does not fit.
    """
    text, suffix = to_gsm7(text), to_gsm7(keep_suffix)
    if fits(text + suffix, max_segments):
        return text + suffix
    if not fits(suffix + ELLIPSIS, max_segments):
        # A suffix that cannot fit on its own is shortened like the rest.
        text, suffix = text + suffix, ""
    separator = " " if suffix and not suffix[0].isspace() else ""
    # The longest shortened head that still fits with the suffix (fitting grows with length).
    low, high = 0, septet_count(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(shorten(text, middle) + separator + suffix, max_segments):
            low = middle
        else:
            high = middle - 1
    head = shorten(text, low)
    if not head:
        return suffix.lstrip()
    if head[-1].isspace():
        separator = ""
    return head + separator + suffix
