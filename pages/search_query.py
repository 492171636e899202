"""Turning whatever a visitor typed into a query every search backend can run.

The database backends pass words to SQLite FTS5 and PostgreSQL full-text search, whose query
languages have their own syntax: a double quote, an operator or a NUL byte in the raw text makes
the query fail (a 500, a known upstream issue). Search here is for plain words only, so the text
is reduced to its words (letters and digits, in any script) before it reaches the backend.
"""

import re
import unicodedata

# Longest text read from the query string, and most words searched for.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")


def displayed_query(raw):
    """The query as the visitor typed it, for showing back: trimmed, without control
    characters (NUL and the like)."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in (raw or "")[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_words(raw):
    """The words to search for, joined by spaces; empty when the text holds none."""
    text = unicodedata.normalize("NFKC", displayed_query(raw))
    return " ".join(WORD.findall(text)[:MAX_WORDS])
