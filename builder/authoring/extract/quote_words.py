"""The words attribution is read with: speech verbs, and the function words and head nouns that
tell a subject from an adverbial or a description."""

from __future__ import annotations

from .lexicon import TITLE_WORDS, word_set


def _by_first_letter(words: str, *patterns: str) -> str:
    """`|`-separated words, then patterns, as one alternation nested by first letter.

    The regex engine tries the alternatives of a group one by one at every word; nested, it
    tries only those of the right letter. The order within a letter is kept, so the same
    alternative wins as in the flat group.
    """
    groups: dict[str, list[str]] = {}
    for alternative in (*words.split("|"), *patterns):
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + ")"


# Speech verbs: only these make a quote attributed. "agreed to continue" or "spoke about" are
# not speech attributions, so phrases quoted next to them stay unattributed fragments.
VERB = _by_first_letter(
    "says|said|say|tells|told|adds|added|writes|wrote|explains|explained|states|stated|notes|noted"
    "|insists|insisted|warns|warned|argues|argued|claims|claimed|asks|asked|replies|replied|continues"
    "|continued|declared|announced|admits|admitted|commented|remarked|suggests|suggested|urges|urged"
    "|stresses|stressed|conceded|acknowledged|confirmed|tweeted|posted|recalls|recalled|predicted"
    "|joked|quipped|responded|countered|concluded|promised|vowed|revealed|maintains|maintained"
    "|complained|described|insist|told reporters|went on|pointed out|observed|cautioned|boasted"
    "|emphasized|emphasised|emphasizes|reiterated|repeated|answered|answers|responds|retorted|pressed"
    "|interjected|exclaimed|shouted|yelled|wondered|mused|lamented|bragged|asserted|contended|charged"
    "|pleaded|reasoned|proclaimed|declares|thundered|pledged|reported|reports|blogged|emailed|texted"
    "|tweets|posts|concludes|points out|put it|puts it|shot back|fired back|chimed in|summed up|recounted"
    "|testified|assured|affirms|affirmed|opined|scoffed|snapped|counters|predicts|remembered|recalls"
    "|acknowledges|conceded|concedes|cautions|began|started|offered|read|reads|advised|replied|agrees"
    "|demanded|demands",
    r"agreed(?=\s*(?:[,.;:!?\"\u201c\u201d]|$))",
)
CONNECTIVES = word_set("but and or so yet also however meanwhile now then later earlier still speaking")
DETERMINERS = word_set("the a an one another his her its their some many several")
# Words that start a clause, not a subject, when they follow a quote: '"...", which he said ...'.
NOT_SUBJECT_START = word_set("which who whom whose that because if although though is was were are what")
ADVERBIAL_STARTS = word_set(
    """in on at after before during since until while when as by for from with without under over
    last next this yesterday today tonight earlier later speaking separately meanwhile asked"""
)
TITLE_MODIFIERS = word_set("home foreign shadow deputy general state former vice chief")
HONORIFICS = word_set("mr mrs ms miss dr prof sir dame lord lady rev king queen prince princess pope")
# Head nouns of descriptions that stand for a person or an organisation named earlier.
PERSON_NOUNS = TITLE_WORDS | word_set(
    """player forward winger keeper full-back centre-back batsman bowler runner sprinter athlete
    driver rider golfer boxer fighter international veteran youngster teenager singer actor actress
    musician rapper star director producer writer author novelist presenter comedian artist designer
    minister chancellor premier politician mp mep candidate campaigner activist lawyer barrister
    analyst economist expert professor scientist researcher doctor founder owner investor entrepreneur
    boss chief executive chairman official spokesman spokeswoman frenchman englishman scotsman
    welshman irishman dutchman spaniard italian german briton american australian scot"""
) - word_set("former then-prime then-president vice state foreign home shadow deputy general")
ORG_NOUNS = word_set(
    """company firm group magazine newspaper paper bank club airline carrier retailer manufacturer
    maker network broadcaster channel agency organisation organization association federation union
    watchdog regulator commission website studio label publisher operator chain insurer lender
    supermarket brewer charity giant corporation conglomerate insurer developer"""
)
SPOKES_NOUNS = word_set("spokesman spokeswoman spokesperson representative statement source")
# Abbreviated titles: "Sen.", "Gov.", "Del.".
TITLE_ABBREVIATIONS = word_set("sen sens del gov govs rep reps gen col lt sgt capt cmdr adm maj atty pres sec supt det")
# Unions used in hot loops, built once.
NOT_POST_SUBJECT = NOT_SUBJECT_START | ADVERBIAL_STARTS | CONNECTIVES
LEADING_CONNECTIVES = CONNECTIVES | {"while", "whereas"}
NOT_NAME_WORDS = NOT_SUBJECT_START | DETERMINERS | CONNECTIVES
DESCRIPTION_HEADS = PERSON_NOUNS | ORG_NOUNS | SPOKES_NOUNS
ROLE_HEADS = (
    PERSON_NOUNS | TITLE_WORDS | word_set("scientist researcher strategist speechwriter editor correspondent")
) - (word_set("former state vice general home foreign shadow deputy"))
BODY_PARTICLES = word_set("of and for &")
RELATIVES = word_set("which whom")
NOT_BEFORE_SUBJECT = ADVERBIAL_STARTS | BODY_PARTICLES | word_set("the about to into")
NOT_ROLE_BODY = NOT_NAME_WORDS | ADVERBIAL_STARTS | HONORIFICS
