"""Proper-name mentions in one paragraph: tokens, capitalised spans, and what each span names.

This is the first pass of entity extraction. It reads a paragraph's capitalised spans
("South Korean President Lee Jae-myeong", "the Comprehensive and Progressive Agreement for
Trans-Pacific Partnership (CPTPP)") and says what each part of a span is: a person with a role,
a place, an organisation, a country, or a bare name left for the second pass (`entities`) to
resolve against the people found elsewhere in the article ("Takai", "Mr Brown").

Heuristics favour precision: capitalisation is evidence only mid-sentence, and a person needs a
title, an honorific, a role noun, a known given name, or a speech verb before it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from .gazetteer import Gazetteer

PERSON, PLACE, ORG, COUNTRY, NAME = "person", "place", "org", "country", "name"

# Words and acronyms only; an apostrophe stays inside a word ("O'Neill", "Takai's"), and so does a
# dot between letters ("Amazon.com"); "U.S." is one token. Everything else is one punctuation mark.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w&]|['\u2019](?=[^\W\d_])|[-.](?=[^\W_]))*|\d[\w.,%]*|\S")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_FORMER_PREFIX = re.compile(r"^(then|ex|former)-(?=[A-Z])")
_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")

# After these, capitalisation tells nothing: a sentence or a quotation starts.
_OPENERS = frozenset('.!?:;"\u201c\u201d\u2018\u2019\'([\u2026')
_CONNECTORS = frozenset("of for and the de du da del della van von der den la le al bin ibn el upon y & on".split())
_ABBREVIATED = frozenset("Mr Mrs Ms Dr St Prof Rev Gen Col Lt Sgt Capt Jr Sr Mt Gov Sen Rep".split())
_FUNCTION_WORDS = frozenset(
    """The A An But And Or Nor If In On At As By For From To With Of After Before When While
    Although Though Because Since So Yet This That These Those It Its He She They We I You His Her
    Their Our My Your There Here Meanwhile However Also Now Then Still Even Only Both All Some Many
    Most Such Other Another Each Every No Not Yes What Who Why How Where Which Last Next Under Over
    Into Through Despite Among Against Without Within During Until Instead Like Unlike Following
    Earlier Later Today Yesterday Tomorrow Tonight Mrs. Mr. Dear""".split()
)
_CALENDAR = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
    July August September October November December Christmas Easter""".split()
)
HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Prof Professor Rev Reverend Mme Mlle Herr Monsieur Madame Signor".split())
# Styles that belong to a name when no fuller form is given ("Prince Charles", "Lord Falconer").
STYLES = frozenset(
    "Sir Dame Lord Lady Baroness Baron Earl Duke Duchess King Queen Prince Princess Pope Sheikh".split()
)
_TITLES = frozenset(
    """President Vice-President President-elect Minister Chancellor Secretary Secretary-General
    Governor Mayor Senator Sen Congressman Congresswoman Ambassador Commissioner Judge Justice
    Chairman Chairwoman Director Director-General Premier Chief Commander General Gen Colonel Col
    Captain Capt Lieutenant Lt Sergeant Sgt Admiral Marshal Inspector Detective Superintendent
    Constable Coach Leader Speaker MP MEP MSP Councillor Cllr Ayatollah Cardinal Archbishop Bishop
    Rabbi Imam Emperor Empress Chief-Executive Attorney-General Spokesman Spokeswoman""".split()
)
_MULTI_TITLES = (
    ("Prime", "Minister"),
    ("Chief", "Executive"),
    ("Attorney", "General"),
    ("Director", "General"),
    ("Secretary", "General"),
    ("Secretary", "of", "State"),
    ("Chancellor", "of", "the", "Exchequer"),
    ("Vice", "President"),
    ("Crown", "Prince"),
    ("First", "Minister"),
    ("Chief", "Minister"),
)
_TITLE_STARTS = frozenset(t[0] for t in _MULTI_TITLES)

# Lower-case nouns that introduce a person's name ("playwright Eve Ensler") or follow it as an
# apposition ("David Frost, director general of ..."), with words that may qualify them.
ROLE_NOUNS = frozenset(
    """leader chairman chairwoman chair chief boss manager coach spokesman spokeswoman spokesperson
    director president minister secretary analyst economist striker midfielder defender goalkeeper
    keeper captain winger forward player star champion actor actress singer rapper musician
    guitarist drummer bassist frontman producer writer author novelist playwright poet comedian
    presenter host broadcaster dj designer artist photographer journalist editor correspondent
    reporter critic judge lawyer barrister solicitor attorney prosecutor founder co-founder owner
    executive investor banker professor researcher scientist expert doctor surgeon officer
    detective inspector team-mate teammate colleague mp ambassador governor mayor senator official
    aide adviser advisor campaigner activist vice-president vice-chairman secretary-general
    counterpart commissioner sprinter athlete runner hurdler boxer golfer jockey trainer rider
    driver cyclist bowler batsman all-rounder skipper fly-half scrum-half flanker prop hooker
    centre full-back wing lock referee umpire chancellor premier candidate mep chef model dancer
    composer conductor novelist filmmaker film-maker director-general head""".split()
)
_ROLE_MODIFIERS = frozenset(
    """former ex then acting deputy assistant executive senior chief general managing vice joint
    interim new incoming outgoing veteran head lead shadow junior foreign home finance trade
    defence health education culture environment transport justice interior economy prime
    international world olympic national state party group team club technical creative sports
    marketing financial operating commercial communications press policy political""".split()
)
_SPEECH_VERBS = frozenset(
    """said says told added explained insisted argued warned admitted claimed stressed believes
    thinks wrote replied commented noted revealed confirmed denied announced urged asked""".split()
)

# Last words that make a span an organisation, and the kind they imply.
_ORG_TAILS: dict[str, str] = {
    **dict.fromkeys("Party Democrats Republicans".split(), "party"),
    **dict.fromkeys("Council Commission Committee Authority Agency Board Executive Inquiry".split(), "agency"),
    **dict.fromkeys("Ministry Department Office Cabinet Government Administration".split(), "government"),
    **dict.fromkeys("Parliament Congress Senate Assembly Diet".split(), "legislature"),
    **dict.fromkeys("Court Tribunal".split(), "court"),
    **dict.fromkeys(
        """Group Holdings Inc Corp Corporation Ltd plc PLC Co Company Industries Motors Airlines
        Airways Tobacco Pharmaceuticals Petroleum Oil Energy Telecom Telecommunications Networks
        Systems Software Technologies Technology Electronics Entertainment Records Pictures Studios
        Films Games Publishing Capital Partners Securities Investments Insurance Foods Stores
        Brewery Mining Steel Labs Laboratories Computer Computers Exchange Bank Bancorp Motor
        Interactive Digital Online Productions Retail Logistics Pharma Solutions""".split(),
        "company",
    ),
    **dict.fromkeys(
        """Union Federation Confederation Association Alliance Society Institute Institution
        Foundation Trust Fund Forum Coalition Movement Organisation Organization Network Charity
        Campaign Consortium Centre Center Church""".split(),
        "organization",
    ),
    **dict.fromkeys("University College School Academy".split(), "education"),
    **dict.fromkeys("Police Constabulary".split(), "police"),
    **dict.fromkeys("Army Navy Force Forces Guard Marines".split(), "military"),
    **dict.fromkeys(
        "Times Post Journal Herald Gazette Telegraph Chronicle Tribune Magazine Mail Express".split(),
        "newspaper",
    ),
    **dict.fromkeys("Radio TV Television Broadcasting".split(), "broadcaster"),
    **dict.fromkeys("United Rovers Wanderers Athletic Albion Hotspur FC Rangers Harlequins".split(), "club"),
    **dict.fromkeys("Agreement Treaty Pact Protocol Accord Convention Partnership".split(), "agreement"),
    **dict.fromkeys("League Championship Cup Premiership Olympics Games Prix Open".split(), "event"),
}
# "Bank of England", "University of Leeds": the head comes first, then "of" or "for".
_ORG_HEADS: dict[str, str] = {
    **dict.fromkeys("Bank Reserve".split(), "company"),
    **dict.fromkeys("University College Academy School".split(), "education"),
    **dict.fromkeys("Court".split(), "court"),
    **dict.fromkeys("Ministry Department Office Secretariat".split(), "government"),
    **dict.fromkeys(
        """Federation Confederation Association Institute Society Church Chamber Chambers Council
        Commission Organisation Organization Union League Campaign Coalition Friends Movement
        Alliance Royal""".split(),
        "organization",
    ),
    **dict.fromkeys("House".split(), "legislature"),
}
# Events and prizes look like organisations but are not; they are recognised and dropped.
_NOT_ORG_KINDS = frozenset({"event"})
_SITE_TAILS = frozenset(
    """Temple Shrine Cathedral Abbey Castle Palace Stadium Arena Square Bridge Tower Museum Gallery
    Airport Station Mosque Chapel Monastery Memorial Dam Prison Hotel Theatre Hall Circuit
    Racecourse Gardens Zoo""".split()
)
_FEATURE_TAILS = frozenset("Ocean Sea Lake River Mountains Mountain Island Islands Valley Desert Bay Strait".split())


class Token(NamedTuple):
    text: str
    """The word without any possessive 's."""
    start: int
    end: int
    possessive: bool
    initial: bool
    """Capitalisation is uninformative here: start of a sentence, a quotation or a headline."""

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Mention:
    """One thing a span names. Offsets order mentions; the second pass merges them."""

    kind: str
    text: str
    """Person: the name without honorific; place/org: the name; country: the ISO code."""
    pid: int
    pos: int
    role: str | None = None
    country: str | None = None
    former: bool = False
    form: str | None = None
    """The surface as an alias ("Mr Brown", "Lee"), for people and bare names."""
    detail: str | None = None
    """Place kind or organisation kind."""
    abbreviation: str | None = None
    strong: bool = False
    """For people: a title, honorific or role supports the mention (it may create a person)."""
    fallback: Mention | None = None
    """For bare names: what the name is when it is not one of the article's people."""


@dataclass(frozen=True)
class Context:
    """Facts about the whole article that change how a span reads."""

    gazetteer: Gazetteer
    sport: bool
    """The article is about sport: "Liverpool beat Everton" names clubs, not cities."""
    headline: bool = False


def tokenize(text: str) -> list[Token]:
    """Words and punctuation with offsets; possessives split off, sentence starts marked."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        if possessive:
            word = word[:-2]
        initial = not tokens or _opens(tokens)
        tokens.append(Token(word, match.start(), match.end(), possessive, initial))
    return tokens


def _opens(tokens: list[Token]) -> bool:
    """True when the last token ends a sentence or opens a quotation (but not "Mr." or "W.")."""
    last = tokens[-1].text
    if last not in _OPENERS:
        return False
    return not (last == "." and len(tokens) > 1 and _takes_dot(tokens[-2].text))


def spans(tokens: list[Token], *, headline: bool = False) -> Iterator[tuple[int, int]]:
    """Index ranges of maximal capitalised runs, with connectors allowed inside ("Bank of England").

    In a headline every word may be capitalised, so function words and titles end a run there.
    """
    i, n = 0, len(tokens)
    while i < n:
        if not _is_span_word(tokens[i]) or headline and _breaks_headline(tokens[i].text):
            i += 1
            continue
        j = i + 1
        while j < n and not tokens[j - 1].possessive:
            tok = tokens[j]
            if headline and _breaks_headline(tok.text):
                break
            if _is_span_word(tok):
                j += 1
            elif tok.text == "." and j + 1 < n and tokens[j + 1].is_cap and _takes_dot(tokens[j - 1].text):
                j += 1  # "Mr. Blair", "George W. Bush"
            elif tok.text in _CONNECTORS and j + 1 < n and _is_span_word(tokens[j + 1]):
                j += 1
            else:
                break
        while j > i and (tokens[j - 1].text in _CONNECTORS or tokens[j - 1].text == "."):
            j -= 1
        yield i, j
        i = j


def _breaks_headline(word: str) -> bool:
    return word in _FUNCTION_WORDS or word in _TITLES or word in HONORIFICS or word in _TITLE_STARTS


def _is_span_word(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isalpha() or text in _CALENDAR:
        return False
    return text[0].isupper() or bool(_FORMER_PREFIX.match(text))


def _takes_dot(word: str) -> bool:
    return word in _ABBREVIATED or (len(word) == 1 and word.isupper())


def read_paragraph(text: str, pid: int, ctx: Context) -> list[Mention]:
    """Every mention in one paragraph, in text order."""
    tokens = tokenize(text)
    mentions: list[Mention] = []
    for start, end in spans(tokens, headline=ctx.headline):
        mentions.extend(_read_span(tokens, start, end, text, pid, ctx))
    return mentions


def _read_span(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    gaz = ctx.gazetteer
    # Whole-span matches come first, before "The" is stripped ("The Times").
    whole = _lookup(tokens[start:end], pid, ctx)
    if whole is not None:
        return whole
    while start < end and (tokens[start].text in _FUNCTION_WORDS or tokens[start].text in _CONNECTORS):
        start += 1
    if start < end and tokens[start].initial and not ctx.headline and end - start > 1:
        first = tokens[start].text
        if (
            gaz.is_word(first)
            and first not in gaz.given_names
            and first not in _TITLES
            and first not in _TITLE_STARTS
            and first not in HONORIFICS
            and first not in STYLES
            and not _has_title(tokens, start + 1, end)
            and _lookup(tokens[start : start + 2], pid, ctx) is None
            and _lookup(tokens[start : start + 1], pid, ctx) is None
        ):
            start += 1  # "Shares in ...": an ordinary word capitalised by the sentence
            while start < end and tokens[start].text in _CONNECTORS:
                start += 1
    if start >= end:
        return []
    part = tokens[start:end]
    whole = _lookup(part, pid, ctx)
    if whole is not None:
        return whole
    org = _defined_abbreviation(tokens, start, end, text, pid)
    if org is not None:
        return [org]
    if not ctx.headline:
        titled = _titled_person(tokens, start, end, text, pid, ctx)
        if titled is not None:
            return titled
        headed = _headed_name(part, pid, ctx)
        if headed is not None:
            return headed
    return _segment(tokens, start, end, text, pid, ctx)


def _lookup(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
    """The whole of `part` as a known country, demonym, place, organisation or club, else None."""
    gaz = ctx.gazetteer
    text = " ".join(t.text for t in part)
    pos = part[0].start
    single = len(part) == 1
    mention: Mention | None = None
    if text in gaz.country_codes:
        mention = Mention(COUNTRY, gaz.country_codes[text], pid, pos)
    elif code := gaz.demonym_code(text):
        # "Korean" alone is a demonym, but in "Lee" contexts the noun-adjective reading is enough.
        mention = Mention(COUNTRY, code, pid, pos, detail="demonym")
    elif (club := gaz.clubs.get(text)) and (ctx.sport or not club.needs_sport_context):
        if not (club.needs_sport_context and part[0].initial and gaz.is_word(text)):
            mention = Mention(ORG, club.name, pid, pos, detail="club")
    if mention is None and (org := gaz.organizations.get(text)):
        if not (single and part[0].initial and gaz.is_word(text)):
            mention = Mention(ORG, org.name, pid, pos, detail=org.kind, abbreviation=org.abbreviation)
    if mention is None and text in gaz.places:
        if not (single and gaz.is_word(text) and (part[0].initial or ctx.headline)):
            mention = Mention(PLACE, text, pid, pos)
    if mention is None and single and _ACRONYM.match(text) and not ctx.headline:
        mention = Mention(NAME, text, pid, pos, form=text, fallback=Mention(ORG, text, pid, pos, detail="acronym"))
        return [mention]
    if mention is None:
        return None
    if single and mention.kind != COUNTRY and not _ACRONYM.match(text) and mention.detail != "demonym":
        # A lone word may still be one of the article's people ("Jordan", "Ford"): decide later.
        return [Mention(NAME, text, pid, pos, form=text, fallback=mention)]
    return [mention]


def _has_title(tokens: list[Token], start: int, end: int) -> bool:
    return any(t.text in _TITLES or t.text in _TITLE_STARTS or t.text in HONORIFICS for t in tokens[start:end])


def _defined_abbreviation(tokens: list[Token], start: int, end: int, text: str, pid: int) -> Mention | None:
    """'the Comprehensive ... Partnership (CPTPP)': a long name defined with its initials."""
    if end + 2 >= len(tokens) or tokens[end].text != "(" or tokens[end + 2].text != ")" or end - start < 2:
        return None
    abbr = tokens[end + 1].text
    if not _ACRONYM.match(abbr) or tokens[end - 1].possessive:
        return None
    initials = "".join(p[0] for t in tokens[start:end] for p in t.text.split("-") if p[:1].isupper())
    if abbr[0] != initials[0] or not _is_subsequence(abbr.replace("&", ""), initials):
        return None
    name = text[tokens[start].start : tokens[end - 1].start + len(tokens[end - 1].text)]
    kind = _org_kind(tokens[start:end]) or "organization"
    return Mention(ORG, name, pid, tokens[start].start, detail=kind, abbreviation=abbr)


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _org_kind(part: list[Token]) -> str | None:
    words = [t.text for t in part]
    if len(words) >= 2 and words[-1] in _ORG_TAILS:
        return _ORG_TAILS[words[-1]]
    if len(words) >= 3 and words[0] in _ORG_HEADS and words[1] in ("of", "for", "on"):
        return _ORG_HEADS[words[0]]
    for word in reversed(words):
        if word in _ORG_TAILS:
            return _ORG_TAILS[word]
    return None


def _headed_name(part: list[Token], pid: int, ctx: Context) -> list[Mention] | None:
    """Organisations and sites recognised by their head word ("Altria Group", "Horyu Temple")."""
    if len(part) < 2 or any(t.text in HONORIFICS for t in part):
        return None
    words = [t.text for t in part]
    name = " ".join(words)
    pos = part[0].start
    if words[-1] in _SITE_TAILS and not ctx.gazetteer.is_word(words[0]) or words[-1] in _FEATURE_TAILS:
        return [Mention(PLACE, name, pid, pos, detail="site" if words[-1] in _SITE_TAILS else "region")]
    tail_kind = _ORG_TAILS.get(words[-1])
    head_kind = _ORG_HEADS.get(words[0]) if len(words) >= 3 and words[1] in ("of", "for", "on") else None
    kind = tail_kind or head_kind
    if kind is None:
        return None
    if kind in _NOT_ORG_KINDS:
        return []
    if kind == "club" and words[-1] in ("United", "Rangers") and not ctx.sport and len(words) == 2:
        kind = "organization"
    mentions: list[Mention] = []
    code = ctx.gazetteer.country_codes.get(words[0]) or ctx.gazetteer.demonym_code(words[0])
    if code:
        mentions.append(Mention(COUNTRY, code, pid, pos, detail="demonym"))
    mentions.append(Mention(ORG, name, pid, pos, detail=kind))
    return mentions


def _title_at(tokens: list[Token], i: int, end: int) -> int:
    """End index of a title starting at token i, or i when there is none."""
    text = _FORMER_PREFIX.sub("", tokens[i].text)
    for multi in _MULTI_TITLES:
        if text == multi[0] and tuple(t.text for t in tokens[i + 1 : i + len(multi)]) == multi[1:]:
            if i + len(multi) <= end:
                return i + len(multi)
    return i + 1 if text in _TITLES or text in STYLES or text in HONORIFICS else i


def _titled_person(
    tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context
) -> list[Mention] | None:
    """'Japanese Prime Minister Sanae Takai', 'Mr Blair', 'then-Prime Minister Shigeru Ishiba'."""
    gaz = ctx.gazetteer
    title_start = title_end = -1
    i = start
    while i < end:
        stop = _title_at(tokens, i, end)
        if stop > i:
            if title_start < 0 or title_end < i:
                title_start = i
            title_end = stop
            i = stop
        else:
            i += 1
    if title_end < 0 or title_end >= end or tokens[title_end - 1].possessive:
        return None
    name_start = title_end
    # "Minister for Health John Reid": words after a connector belong to the role.
    for k in range(title_end, end):
        if tokens[k].text in _CONNECTORS:
            name_start = k + 1
    while end - name_start > 1 and gaz.is_word(tokens[name_start].text) and tokens[name_start + 1].text in gaz.given_names:
        name_start += 1
    name_tokens = tokens[name_start:end]
    if not name_tokens or len(name_tokens) > 4 or not all(_is_name_word(t.text, gaz) for t in name_tokens):
        return None
    mentions: list[Mention] = []
    qualifier_start = start
    country = None
    # A country or demonym before the title says whom the person acts for.
    for stop in range(min(title_start, start + 3), start, -1):
        phrase = " ".join(t.text for t in tokens[start:stop])
        code = gaz.country_codes.get(phrase) or gaz.demonym_code(phrase)
        if code:
            country = code
            qualifier_start = stop
            mentions.append(Mention(COUNTRY, code, pid, tokens[start].start, detail="demonym"))
            break
    if qualifier_start < title_start:
        qualifier = tokens[qualifier_start:title_start]
        org = gaz.organizations.get(" ".join(t.text for t in qualifier))
        if org:
            mentions.append(Mention(ORG, org.name, pid, qualifier[0].start, detail=org.kind))
    first_title = tokens[title_start].text
    honorific = first_title in HONORIFICS and title_end == title_start + 1 and qualifier_start == title_start
    style = first_title in STYLES and title_end == title_start + 1 and qualifier_start == title_start
    names = [t.text for t in name_tokens]
    if len(names) == 1 and gaz.is_word(names[0]) and names[0] not in gaz.surname_words and not honorific:
        return None  # "General Election", "Chief Executive Officer"
    role_text = text[tokens[qualifier_start].start : tokens[name_start - 1].start + len(tokens[name_start - 1].text)]
    former_match = _FORMER_PREFIX.match(role_text)
    before = tokens[start - 1].text.lower() if start > 0 else ""
    former = bool(former_match) or before in ("former", "ex", "late")
    if before in ("former", "ex") and not former_match:
        role_text = f"{before} {role_text}"
    role: str | None = role_text
    name = " ".join(names)
    form = name
    if honorific:
        role = None
        form = f"{first_title} {name}"
    elif style:
        role = None
        if first_title in ("Sir", "Dame"):
            form = f"{first_title} {name}"
        elif len(names) == 1:
            name = form = f"{first_title} {name}"
    elif role is not None and role_text != role_text.strip():
        role = role_text.strip()
    context_role = _role_before(tokens, start, text, gaz) if role is None and not style else None
    if context_role is not None:
        role, ctx_country, ctx_former = context_role
        country = country or ctx_country
        former = former or ctx_former
    role = role or _role_after(tokens, end, text)
    pos = name_tokens[0].start
    mentions.append(Mention(PERSON, name, pid, pos, role=role, country=country, former=former, form=form, strong=True))
    return mentions


def _is_name_word(word: str, gaz: Gazetteer) -> bool:
    """Could be part of a person's name: capitalised, not a title, country, month or org word."""
    if not word[:1].isupper() or word in _CALENDAR or word in _TITLES or word in HONORIFICS:
        return False
    if word in gaz.country_codes or gaz.demonym_code(word) or word in _ORG_TAILS or word in _SITE_TAILS:
        return False
    return not (word.isupper() and len(word) > 2)


def _is_surname_word(word: str, gaz: Gazetteer) -> bool:
    if not _is_name_word(word, gaz) or word in _FUNCTION_WORDS:
        return False
    if len(word) == 1:
        return True  # a middle initial
    return not gaz.is_word(word) or word in gaz.surname_words or "-" in word


def _looks_like_full_name(part: list[Token], gaz: Gazetteer) -> bool:
    """'Sandra Gidley', 'Lee Jae-myeong', 'JK Rowling': a given name then surname-like words."""
    if not 2 <= len(part) <= 4:
        return False
    words = [t.text for t in part]
    first = words[0]
    given = (
        first in gaz.given_names
        or first.split("-")[0] in gaz.given_names
        or (first.isupper() and len(first) <= 2)
        or (len(words) == 2 and _KOREAN_GIVEN.match(words[1]) is not None and len(first) <= 5)
    )
    if not given or first in _FUNCTION_WORDS or first in _CALENDAR:
        return False
    if len(words[-1]) == 1 or gaz.places.get(" ".join(words)) or " ".join(words) in gaz.organizations:
        return False
    return all(_is_surname_word(w, gaz) for w in words[1:])


def _segment(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """Split a span into known names (longest first) and leftover runs, and read the runs."""
    gaz = ctx.gazetteer
    part = tokens[start:end]
    if not ctx.headline and _looks_like_full_name(part, gaz):
        return [_person(tokens, start, end, text, pid, gaz)]
    mentions: list[Mention] = []
    run_start = start
    i = start
    while i < end:
        found = None
        for j in range(min(end, i + 6), i, -1):
            if j - i == 1 and end - start > 1 and tokens[i].text in _CONNECTORS:
                break
            found = _lookup(tokens[i:j], pid, ctx)
            if found is not None:
                break
        if found is None or tokens[i].text in _CONNECTORS:
            i += 1
            continue
        mentions.extend(_read_run(tokens, run_start, i, text, pid, ctx))
        mentions.extend(found)
        i = run_start = j
    mentions.extend(_read_run(tokens, run_start, end, text, pid, ctx))
    return mentions


def _read_run(tokens: list[Token], start: int, end: int, text: str, pid: int, ctx: Context) -> list[Mention]:
    """A run of capitalised words that no gazetteer knows: a person, or bare names for later."""
    gaz = ctx.gazetteer
    while start < end and (tokens[start].text in _CONNECTORS or tokens[start].text in _FUNCTION_WORDS):
        start += 1
    while end > start and tokens[end - 1].text in _CONNECTORS:
        end -= 1
    if start >= end:
        return []
    part = tokens[start:end]
    if not ctx.headline:
        if _looks_like_full_name(part, gaz):
            return [_person(tokens, start, end, text, pid, gaz)]
        if 2 <= len(part) <= 3 and all(_is_surname_word(t.text, gaz) and not gaz.is_word(t.text) for t in part):
            if _role_before(tokens, start, text, gaz) or _speech_near(tokens, start, end):
                return [_person(tokens, start, end, text, pid, gaz)]
    # Split at connectors: "Brown and Williamson" is two bare names, not one.
    mentions: list[Mention] = []
    chunk: list[Token] = []
    for tok in [*part, None]:
        if tok is None or tok.text in _CONNECTORS:
            if chunk:
                name = " ".join(t.text for t in chunk)
                mentions.append(Mention(NAME, name, pid, chunk[0].start, form=name))
            chunk = []
        else:
            chunk.append(tok)
    return mentions


def _person(tokens: list[Token], start: int, end: int, text: str, pid: int, gaz: Gazetteer) -> Mention:
    name = " ".join(t.text for t in tokens[start:end])
    role, country, former = _role_before(tokens, start, text, gaz) or (None, None, False)
    role = role or _role_after(tokens, end, text)
    strong = role is not None or _speech_near(tokens, start, end)
    return Mention(
        PERSON, name, pid, tokens[start].start, role=role, country=country, former=former, form=name, strong=strong
    )


def _speech_near(tokens: list[Token], start: int, end: int) -> bool:
    after = tokens[end].text if end < len(tokens) and not tokens[end - 1].possessive else ""
    before = tokens[start - 1].text if start > 0 else ""
    return after in _SPEECH_VERBS or before in _SPEECH_VERBS


def _role_before(tokens: list[Token], start: int, text: str, gaz: Gazetteer) -> tuple[str, str | None, bool] | None:
    """A lower-case role right before a name: 'US playwright Eve Ensler', 'Tory leader Michael Howard'."""
    k = start - 1
    # "spokeswoman for women Sandra Gidley": a short of/for phrase may follow the role noun.
    if k >= 2 and tokens[k].text.islower() and tokens[k - 1].text in ("for", "of", "on"):
        if tokens[k - 2].text.lower() in ROLE_NOUNS:
            k -= 2
    if k < 0 or tokens[k].text.lower() not in ROLE_NOUNS or tokens[k].text[:1].isupper() and tokens[k].text != "MP":
        return None
    role_end = tokens[start - 1].end
    first = k
    while first > 0 and tokens[first - 1].text.islower() and tokens[first - 1].text in _ROLE_MODIFIERS | ROLE_NOUNS:
        first -= 1
    former = any(t.text in ("former", "ex") for t in tokens[first:k])
    country = None
    q_end = first
    q_start = q_end
    while q_start > 0 and tokens[q_start - 1].is_cap and not tokens[q_start - 1].possessive:
        q_start -= 1
    if q_start < q_end:
        qualifier = " ".join(t.text for t in tokens[q_start:q_end])
        country = gaz.country_codes.get(qualifier) or gaz.demonym_code(qualifier)
        if country is None and qualifier not in gaz.organizations and qualifier not in gaz.clubs:
            q_start = q_end  # only parties, clubs and the like qualify a role
        elif country is not None:
            q_start = q_end
    elif q_start > 0 and tokens[q_start - 1].possessive and tokens[q_start - 1].is_cap:
        owner = tokens[q_start - 1].text
        country = gaz.country_codes.get(owner)
    role = text[tokens[min(q_start, first)].start : role_end]
    return role, country, former


def _role_after(tokens: list[Token], end: int, text: str) -> str | None:
    """An apposition: 'David Frost, director general of the British Chambers of Commerce'."""
    if end + 1 >= len(tokens) or tokens[end].text != "," or tokens[end - 1].possessive:
        return None
    i = end + 1
    if tokens[i].text in ("the", "a", "an"):
        i += 1
    first = i
    last = -1
    while i < len(tokens) and i - first < 4 and tokens[i].text.islower():
        word = tokens[i].text
        if word in ROLE_NOUNS:
            last = i
        elif word not in _ROLE_MODIFIERS:
            break
        i += 1
    if last < 0:
        return None
    return text[tokens[first].start : tokens[last].end]
