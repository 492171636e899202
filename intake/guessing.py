"""Guessing a free-text complaint's sector, county and language (SMS has no form fields).

A guess only fills a field a case worker would otherwise fill at triage, so every function
prefers no answer to a doubtful one: a tie or two different counties give ``None``.
The matching itself is pure (``match_*``, ``*_scores``); ``guess_*`` read the reference data.
"""

import re
import unicodedata

from refdata.models import County, Sector

_WORD = re.compile(r"[a-z0-9]+")


def _word_set(block):
    return frozenset(block.split())


# Short, frequent Kiswahili words; each counts once per occurrence. Topic words (maji, dawa)
# are included because a complaint is often little more than "hakuna maji <place>".
SWAHILI_WORDS = _word_set(
    """
    na ya wa za la kwa ni si hii hiyo huyu hapa huko kule leo jana kesho tangu mpaka hadi
    bila lakini pia sana kwenye katika kuna hakuna hatuna hawana sina hana hamna
    tuna wana ana nina hatujapata hajapata tumekosa wamekosa imekuwa imeharibika tafadhali
    asante msaada saidia tusaidie mimi sisi wao yeye wewe yetu wetu zetu letu langu yangu
    wangu watoto mtoto mama baba wazee mzee siku wiki mwezi mwaka mbili tatu nne moja
    maji dawa hospitali zahanati shule mwalimu walimu chakula njaa nyumba choo taka umeme
    barabara polisi mahakama hongo kitambulisho huduma serikali kaunti mtaa kijiji gani
    nini lini wapi vipi kwa sababu kama
    """
)

# Words that make a text English rather than Kiswahili (or Sheng written with English glue).
ENGLISH_WORDS = _word_set(
    """
    the a an and or but is are was were be been has have had no not there here this that
    these those in on at of to from for with since until our we us my i you they their
    please help water clinic hospital school since weeks days months
    """
)

# How people write county names that differ from the official list (refdata counties.csv).
COUNTY_ALIASES = {
    "Nairobi City": ["nairobi"],
    "Elgeyo Marakwet": ["elgeyo", "marakwet", "keiyo"],
    "Tharaka Nithi": ["tharaka"],
    "Taita Taveta": ["taita"],
    "Trans Nzoia": ["transnzoia"],
    "Uasin Gishu": ["uasingishu"],
    "Homa Bay": ["homabay"],
}


def normalise(text):
    """Lower case, accents and apostrophes removed, any other non-letter made a space.

    "Murang'a" and "Muranga" both become "muranga"; "Elgeyo-Marakwet" becomes
    "elgeyo marakwet".
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"['\u2019\u2018`]", "", text.lower())
    return " ".join(_WORD.findall(text))


def words(text):
    return normalise(text).split()


# --- Language ------------------------------------------------------------------------------


def language_scores(text):
    tokens = words(text)
    swahili = sum(1 for token in tokens if token in SWAHILI_WORDS)
    english = sum(1 for token in tokens if token in ENGLISH_WORDS)
    return swahili, english


def guess_language(text):
    """ "sw" when the text has typical Kiswahili words and no more English ones, else "en"."""
    swahili, english = language_scores(text)
    return "sw" if swahili and swahili >= english else "en"


# --- Sector ---------------------------------------------------------------------------------


def _variants(token):
    """The token and its likely stems: English plurals, the Kiswahili locative -ni."""
    variants = {token}
    if len(token) > 3 and token.endswith("s"):
        variants.add(token[:-1])
    if len(token) > 4 and token.endswith("es"):
        variants.add(token[:-2])
    if len(token) > 4 and token.endswith("ni"):
        variants.add(token[:-2])  # hospitalini -> hospitali, shuleni -> shule
    return variants


def parse_keywords(raw):
    """A sector's comma-separated keywords as tuples of normalised words."""
    phrases = (words(part) for part in (raw or "").split(","))
    return [tuple(phrase) for phrase in phrases if phrase]


def sector_scores(text, keywords_by_sector):
    """How many keyword occurrences point to each sector.

    Longer phrases are matched first and use up their words, so "maji taka" (sewage) counts
    for sanitation and not also "maji" for water.
    """
    tokens = [_variants(token) for token in words(text)]
    used = [False] * len(tokens)
    phrases = [
        (phrase, sector) for sector, raw in keywords_by_sector.items() for phrase in raw if phrase
    ]
    phrases.sort(key=lambda item: len(item[0]), reverse=True)
    scores = {}
    for phrase, sector in phrases:
        size = len(phrase)
        for start in range(len(tokens) - size + 1):
            window = range(start, start + size)
            if any(used[i] for i in window):
                continue
            if all(phrase[offset] in tokens[start + offset] for offset in range(size)):
                for i in window:
                    used[i] = True
                scores[sector] = scores.get(sector, 0) + 1
    return scores


def best_sector(text, keywords_by_sector):
    """The sector key with the most keyword hits, or None for no hit or a tie."""
    scores = sector_scores(text, keywords_by_sector)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def guess_sector(text):
    """The active Sector the text most likely concerns, or None."""
    sectors = {sector: parse_keywords(sector.keywords) for sector in Sector.objects.active()}
    return best_sector(text, sectors)


# --- County ---------------------------------------------------------------------------------


def county_patterns(names):
    """Normalised spellings for each official county name: the name and its aliases."""
    patterns = {}
    for name in names:
        spellings = {normalise(name), *COUNTY_ALIASES.get(name, [])}
        patterns[name] = sorted(spellings, key=len, reverse=True)
    return patterns


def counties_mentioned(text, names):
    """Official county names the text names as whole words, in order of first mention."""
    haystack = f" {normalise(text)} "
    found = []
    for name, spellings in county_patterns(names).items():
        positions = [haystack.find(f" {spelling} ") for spelling in spellings]
        positions = [position for position in positions if position >= 0]
        if positions:
            found.append((min(positions), name))
    return [name for _, name in sorted(found)]


def match_county_name(text, names):
    """The one county named in the text; None when none or several different ones are."""
    mentioned = counties_mentioned(text, names)
    return mentioned[0] if len(mentioned) == 1 else None


def guess_county(text):
    """The County the text names, or None."""
    counties = {county.name: county for county in County.objects.all()}
    name = match_county_name(text, counties)
    return counties.get(name) if name else None


def counties_starting_with(letters, counties):
    """Counties whose official name starts with the typed letters (spaces and apostrophes
    ignored, so "muranga" finds Murang'a and "homab" finds Homa Bay)."""
    typed = normalise(letters).replace(" ", "")
    if not typed:
        return []
    return [county for county in counties if _squeezed(county.name).startswith(typed)]


def _squeezed(name):
    return normalise(name).replace(" ", "")
