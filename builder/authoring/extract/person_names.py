"""Whether words read as a person's name, and the person mention they make.

A full name is a known given name followed by surname-like words ("Sandra Gidley", "Lee
Jae-myeong", "JK Rowling"); the mention takes a role, country or speech verb from the words
around it (`roles`), which is what lets it create a person later.
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .mentions import PERSON, Mention
from .name_lexicon import (
    CALENDAR,
    FUNCTION_WORDS,
    HONORIFICS,
    KOREAN_GIVEN,
    ORG_TAILS,
    PARTICLES,
    POST_NOMINALS,
    SITE_TAILS,
    TITLES,
)
from .roles import Token, role_after, role_before, role_title_before_comma, speech_near


def is_name(part: list[Token], gaz: Gazetteer) -> bool:
    return 0 < len(part) <= 4 and all(is_name_word(t.text, gaz) for t in part)


def is_name_word(word: str, gaz: Gazetteer) -> bool:
    """Could be part of a person's name: capitalised, not a title, country, month or org word."""
    if not word[:1].isupper() or word in CALENDAR or word in TITLES or word in HONORIFICS:
        return False
    if word in gaz.country_codes or gaz.demonym_code(word) or word in ORG_TAILS or word in SITE_TAILS:
        return False
    return not (word.isupper() and len(word) > 2)


def is_surname_word(word: str, gaz: Gazetteer) -> bool:
    if not is_name_word(word, gaz) or word in FUNCTION_WORDS:
        return False
    if len(word) == 1:
        return True  # a middle initial
    return not gaz.is_word(word) or word in gaz.surname_words or "-" in word


def looks_like_full_name(part: list[Token], gaz: Gazetteer) -> bool:
    """'Sandra Gidley', 'Lee Jae-myeong', 'JK Rowling': a given name then surname-like words."""
    if len(part) > 2 and part[-1].text in POST_NOMINALS:
        part = part[:-1]
    words = [t.text for t in part if t.text not in PARTICLES]
    if not 2 <= len(words) <= 4 or part[-1].text in PARTICLES or not part[0].is_cap:
        return False
    first = words[0]
    given = (
        first in gaz.given_names
        or first.split("-")[0] in gaz.given_names
        or (first.isupper() and len(first) <= 2)
        or (len(words) == 2 and KOREAN_GIVEN.match(words[1]) is not None and len(first) <= 5)
    )
    if not given or first in FUNCTION_WORDS or first in CALENDAR:
        return False
    joined = " ".join(words)
    if len(words[-1]) == 1 or joined in gaz.places or joined in gaz.organizations or joined in gaz.not_people:
        return False
    if first.isupper() and any(w in gaz.places or w in gaz.clubs or w in gaz.organizations for w in words[1:]):
        return False  # "AS Roma", "FC Porto": initials before a known name
    return all(is_surname_word(w, gaz) for w in words[1:])


def person_mention(tokens: list[Token], start: int, end: int, text: str, pid: int, gaz: Gazetteer) -> Mention:
    post_nominal = None
    if tokens[end - 1].text in POST_NOMINALS and end - start > 2:
        post_nominal = tokens[end - 1].text  # "Guy Mansfield QC"
        end -= 1
    name = " ".join(t.text for t in tokens[start:end])
    role, country, former = role_before(tokens, start, text, gaz) or (None, None, False)
    role = role or role_after(tokens, end, text) or role_title_before_comma(tokens, start, text) or post_nominal
    strong = role is not None or speech_near(tokens, start, end)
    return Mention(
        PERSON,
        name,
        pid,
        tokens[start].start,
        role=role,
        country=country,
        former=former,
        form=name,
        strong=strong,
    )
