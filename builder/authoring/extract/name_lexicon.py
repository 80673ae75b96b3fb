"""Word lists and patterns for reading proper names in news prose.

Hand-written from domain knowledge: titles and honorifics, role nouns, the head words that make
a capitalised span an organisation or a site, and the small function words that capitalisation
at a sentence start makes look like names. `names` and `roles` read text with them.
"""

from __future__ import annotations

import re


def wordlist(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a lexicon written as one string."""
    return tuple(text.split())


# Words and acronyms only; an apostrophe stays inside a word ("O'Neill", "Takai's"), and so does a
# dot between letters ("Amazon.com"); "U.S." is one token. Everything else is one punctuation mark.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:\w|&(?=[A-Z])|['\u2019](?=[^\W\d_])|[-.](?=[^\W_]))*|\d[\w.,%]*|\S")
# "San Francisco-based", "US-led": the name before the hyphen is read on its own.
ADJECTIVE_SUFFIXES = frozenset(
    wordlist(
        """based born led owned made listed registered headquartered backed funded run controlled style
    era bound focused wide"""
    )
)
AGE = re.compile(r"^(\d+-)?year-old$")
POSSESSIVE = re.compile(r"['\u2019]s$")
FORMER_PREFIX = re.compile(r"^(then|ex|former)-(?=[A-Z])")
FORMER_WORD = re.compile(r"^(former$|ex$|ex-|then-)", re.IGNORECASE)
KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")
LETTERS_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")

# After these, capitalisation tells nothing: a sentence or a quotation starts.
OPENERS = frozenset(".!?:;\"\u201c\u201d\u2018\u2019'([\u2026")
CONNECTORS = frozenset(wordlist("of for and the de du da del della van von der den la le al bin ibn el upon y & on"))
# Lower-case particles inside a person's name: "Jeremy de Souza", "Ruud van Nistelrooy".
PARTICLES = frozenset(wordlist("de da du del della van von der den le la bin ibn al el"))
POST_NOMINALS = frozenset(wordlist("QC KC MP MEP MSP AM OBE MBE CBE Jr Sr"))
ABBREVIATED = frozenset(wordlist("Mr Mrs Ms Dr St Prof Rev Gen Col Lt Sgt Capt Jr Sr Mt Gov Sen Rep"))
FUNCTION_WORDS = frozenset(
    wordlist(
        """The A An But And Or Nor If In On At As By For From To With Of After Before When While
    Although Though Because Since So Yet This That These Those It Its He She They We I You His
    Her Their Our My Your There Here Meanwhile However Also Now Then Still Even Only Both All
    Some Many Most Such Other Another Each Every No Not Yes What Who Why How Where Which Last
    Next Under Over Into Through Despite Among Against Without Within During Until Instead Like
    Unlike Following Earlier Later Today Yesterday Tomorrow Tonight Mrs. Mr. Dear"""
    )
)
CALENDAR = frozenset(
    wordlist(
        """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
    July August September October November December Christmas Easter"""
    )
)
HONORIFICS = frozenset(wordlist("Mr Mrs Ms Miss Dr Prof Professor Rev Reverend Mme Mlle Herr"))
# Styles that belong to a name when no fuller form is given ("Prince Charles", "Lord Falconer").
STYLES = frozenset(
    wordlist("Sir Dame Lord Lady Baroness Baron Earl Duke Duchess King Queen Prince Princess Pope Sheikh")
)
TITLES = frozenset(
    wordlist(
        """President Vice-President President-elect Minister Chancellor Secretary Secretary-General
    Governor Mayor Senator Sen Congressman Congresswoman Ambassador Commissioner Judge Justice
    Chairman Chairwoman Director Director-General Premier Chief Commander General Gen Colonel
    Col Captain Capt Lieutenant Lt Sergeant Sgt Admiral Marshal Inspector Detective
    Superintendent Constable Coach Leader Speaker MP MEP MSP Councillor Cllr Ayatollah Cardinal
    Archbishop Bishop Rabbi Imam Emperor Empress Chief-Executive Attorney-General Spokesman
    Spokeswoman"""
    )
)
MULTI_TITLES = (
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
TITLE_STARTS = frozenset(t[0] for t in MULTI_TITLES)

# Lower-case nouns that introduce a person's name ("playwright Eve Ensler") or follow it as an
# apposition ("David Frost, director general of ..."), with words that may qualify them.
ROLE_NOUNS = frozenset(
    wordlist(
        """leader chairman chairwoman chair chief boss manager coach spokesman spokeswoman spokesperson
    director president minister secretary analyst economist striker midfielder defender
    goalkeeper keeper captain winger forward player star champion actor actress singer rapper
    musician guitarist drummer bassist frontman producer writer author novelist playwright poet
    comedian presenter host broadcaster dj designer artist photographer journalist editor
    correspondent reporter critic judge lawyer barrister solicitor attorney prosecutor founder
    co-founder owner executive investor banker professor researcher scientist expert doctor
    surgeon officer detective inspector team-mate teammate colleague mp ambassador governor
    mayor senator official aide adviser advisor campaigner activist vice-president vice-chairman
    secretary-general counterpart commissioner sprinter athlete runner hurdler boxer golfer
    jockey trainer rider driver cyclist bowler batsman all-rounder skipper fly-half scrum-half
    flanker prop hooker centre full-back wing lock referee umpire chancellor premier candidate
    mep chef model dancer seed patriarch composer conductor novelist filmmaker film-maker director-general head
    general co-chairman co-chair vice-chair deputy-leader"""
    )
)
ROLE_MODIFIERS = frozenset(
    wordlist(
        """former ex then acting deputy assistant executive senior chief general managing vice joint
    interim new incoming outgoing veteran head lead shadow junior foreign home finance trade
    defence health education culture environment transport justice interior economy prime
    international world olympic national state party group team club technical creative sports
    marketing financial operating commercial communications press policy political affairs
    economic rural regional local"""
    )
)
SPEECH_VERBS = frozenset(
    wordlist(
        """said says told added explained insisted argued warned admitted claimed stressed believes
    thinks wrote replied commented noted revealed confirmed denied announced urged asked explains
    remarks insists asks adds argues warns admits claims stresses notes reveals confirms"""
    )
)

# Last words that make a span an organisation, and the kind they imply.
ORG_TAILS: dict[str, str] = {
    **dict.fromkeys(["Party", "Democrats", "Republicans"], "party"),
    **dict.fromkeys(wordlist("Council Commission Committee Authority Agency Board Executive Inquiry"), "agency"),
    **dict.fromkeys(["Watch"], "organization"),
    **dict.fromkeys(wordlist("Ministry Department Office Cabinet Government Administration"), "government"),
    **dict.fromkeys(["Parliament", "Congress", "Senate", "Assembly", "Diet"], "legislature"),
    **dict.fromkeys(["Court", "Tribunal"], "court"),
    **dict.fromkeys(
        wordlist(
            """Group Holdings Inc Corp Corporation Ltd plc PLC Co Company Industries Motors Airlines
    Airways Tobacco Pharmaceuticals Petroleum Oil Energy Telecom Telecommunications Networks
    Systems Software Technologies Technology Electronics Entertainment Records Pictures Studios
    Films Games Publishing Capital Partners Securities Investments Insurance Foods Stores
    Brewery Mining Steel Labs Laboratories Computer Computers Exchange Bank Bancorp Motor
    Interactive Productions Retail Logistics Pharma Research Consulting Associates Media Aviation Cruises"""
        ),
        "company",
    ),
    **dict.fromkeys(
        wordlist(
            """Union Federation Confederation Association Alliance Society Institute Institution Foundation
    Trust Fund Forum Coalition Movement Organisation Organization Network Charity Campaign
    Consortium Centre Center Church International Project Initiative"""
        ),
        "organization",
    ),
    **dict.fromkeys(["University", "College", "School", "Academy"], "education"),
    **dict.fromkeys(["Police", "Constabulary"], "police"),
    **dict.fromkeys(wordlist("Army Navy Force Forces Guard Marines"), "military"),
    **dict.fromkeys(
        wordlist("Times Post Journal Herald Gazette Telegraph Chronicle Tribune Magazine Mail Express News"),
        "newspaper",
    ),
    **dict.fromkeys(["Radio", "TV", "Television", "Broadcasting"], "broadcaster"),
    **dict.fromkeys(wordlist("United Rovers Wanderers Athletic Albion Hotspur FC Rangers Harlequins"), "club"),
    **dict.fromkeys(wordlist("Agreement Treaty Pact Protocol Accord Convention Partnership"), "agreement"),
    **dict.fromkeys(
        wordlist(
            "League Championship Championships Cup Premiership Olympics Games Prix Open Festival Award Awards Prize"
            " Prizes Trophy"
        ),
        "event",
    ),
}
# "Bank of England", "University of Leeds": the head comes first, then "of" or "for".
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(["Bank", "Reserve"], "company"),
    **dict.fromkeys(["University", "College", "Academy", "School"], "education"),
    **dict.fromkeys(["Court"], "court"),
    **dict.fromkeys(["Ministry", "Department", "Office", "Secretariat"], "government"),
    **dict.fromkeys(
        wordlist(
            """Federation Confederation Association Institute Society Church Chamber Chambers Council
    Commission Organisation Organization Union League Campaign Coalition Friends Movement
    Alliance Royal Directorate"""
        ),
        "organization",
    ),
}
# Events and prizes look like organisations but are not; they are recognised and dropped.
NOT_ORG_KINDS = frozenset({"event", "award"})
# Tails that make a proper name even after a bare nationality or country ("Scottish Executive",
# "Singapore Airlines", "Greek Federation"), unlike "American TV" or "British Government".
PROPER_TAILS = frozenset(
    wordlist(
        """Airlines Airways Telecom Motors Holdings Inc Corp Corporation Ltd plc PLC Petroleum Steel Aviation
    Tobacco Executive Assembly Parliament Party Federation Association Union Council Institute Society
    Confederation Democrats Watch Initiative"""
    )
)
# "Air India", "Air Deccan": an airline, unless the second word makes it something else.
NOT_AIRLINE = frozenset(
    wordlist("Force Forces Marshal Vice Commodore Chief Command Ministry Minister Traffic Quality Pollution Show")
)
# "Radio 4", "Channel 5": a number that belongs to the name before it.
NUMBERED_HEADS = frozenset(wordlist("Radio Channel"))
# Kinds of known organisation whose sub-brands keep the name: "BBC Sport", "BBC World Service".
BRANDED_KINDS = frozenset({"broadcaster", "newspaper", "news agency"})
# Lower-case words that follow an acronym naming a format or technology, not a body ("the WMA format").
NOT_ORG_AFTER_ACRONYM = re.compile(
    r"\b([A-Z][A-Z0-9]{1,5})\s+(?:formats?|standards?|codecs?|files?|technology|technologies|protocols?|chips?)\b"
)
# "corporate social responsibility (CSR)": an acronym defined by lower-case words is a concept.
DEFINED_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
# "stake in X", "shares in X": what follows is a company.
COMPANY_CONTEXT_BEFORE = re.compile(r"\b(?:shares|stakes?|holdings?)\s+(?:in|of)\s+$")

SITE_TAILS = frozenset(
    wordlist(
        """Temple Shrine Cathedral Abbey Castle Palace Stadium Arena Square Bridge Tower Museum Gallery
    Airport Station Mosque Chapel Monastery Memorial Dam Prison Hotel Theatre Hall Circuit
    Racecourse Gardens Zoo"""
    )
)
FEATURE_TAILS = frozenset(wordlist("Ocean Sea Lake River Mountains Mountain Island Islands Valley Desert Bay Strait"))
# "Gulf of Mexico", "Bay of Biscay": the feature word first, then "of".
FEATURE_HEADS = frozenset(wordlist("Gulf Bay Sea Isle Strait Straits Cape Lake"))


# Capitalised mid-sentence, these mark the title of a work ("Like A Virgin", "You Can Do It"); the
# prepositions only at its start ("In Good Company"), as names have them inside ("League Against ...").
TITLE_PREPOSITIONS = frozenset(
    wordlist(
        """In On At By For From To With Of After Before Under Over Into Through Despite Among Against Without
    Within During Until Instead Unlike Following Like"""
    )
)
NOT_TITLE_SIGNALS = frozenset(wordlist("The I All No"))
# Lower-case nouns that name what kind of organisation the next name is ("car firm Carfax").
ORG_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        wordlist(
            """firm company group giant maker makers retailer carrier airline bank insurer operator broker
    manufacturer chain supplier developer publisher consultancy provider conglomerate brewer
    producer label studio start-up marque brand analysts consultants administrators"""
        ),
        "company",
    ),
    **dict.fromkeys(wordlist("band duo trio quartet"), "band"),
    **dict.fromkeys(wordlist("think-tank thinktank"), "think tank"),
    **dict.fromkeys(["broadcaster", "channel"], "broadcaster"),
    "network": "company",
    **dict.fromkeys(["newspaper", "tabloid", "paper", "magazine"], "newspaper"),
    **dict.fromkeys(["charity"], "charity"),
    **dict.fromkeys(["union"], "union"),
    **dict.fromkeys(["regulator", "watchdog"], "regulator"),
    **dict.fromkeys(["agency"], "agency"),
}
_ORG_NOUN = "|".join(ORG_NOUNS)
# "car firm Carfax" (group 1); "The airline, SpiceJet" (group 2); "game makers, Argonaut Games," (group 3).
ORG_NOUN_BEFORE = re.compile(rf"\b({_ORG_NOUN})\s+$|\b[Tt]he\s+({_ORG_NOUN}),\s+$|\b({_ORG_NOUN}),\s+$")
# "X, the US technology consultancy, ...": an apposition that names what kind of body X is.
ORG_NOUN_AFTER = re.compile(
    rf"^,\s+(?:the|a|an)\s+(?:(?:[a-z][\w-]*|[A-Z]{{2,}})\s+){{0,3}}?({_ORG_NOUN})"
    r"(?=\s*[,.;:)]|\s+(?:which|that|whose|based|in|of|has|is|was|said|says)\b)"
)
LIST_NAME = r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*"
# "companies such as Nokia, Intel, Philips and Alcatel": each listed name is a company.
ORG_LIST_NOUNS = wordlist(
    """companies firms carriers retailers operators banks airlines manufacturers makers giants marques
    brands bands labels publishers broadcasters newspapers charities unions"""
)
ORG_LIST = re.compile(
    rf"\b(?:{'|'.join(ORG_LIST_NOUNS)})"
    rf"\s+(?:(?:such as|including|like)\s+|[-\u2013:]\s+)?({LIST_NAME}(?:,\s+{LIST_NAME})*(?:,?\s+and\s+{LIST_NAME})?)"
)
LIST_NAME_RE = re.compile(LIST_NAME)
