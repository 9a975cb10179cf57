"""Word lists the rules rely on, kept in one place so they can be read and extended together."""

from __future__ import annotations

# Verbs of saying and of stated cognition whose subject is a source and whose complement is a claim.
SPEECH_VERBS = frozenset(
    """
    say tell warn confirm announce add claim state report insist argue explain note deny admit
    acknowledge allege assert believe think suggest predict reveal disclose declare write tweet post
    testify promise vow pledge threaten demand ask urge call speak talk describe quote cite stress
    emphasise emphasize maintain contend concede complain accuse charge recall respond reply comment
    observe estimate conclude forecast fear expect worry doubt suspect agree caution mention
    signal indicate hint boast brag lament acknowledge propose recommend advise remark reiterate
    repeat affirm reaffirm assure inform notify predict blast slam criticize criticise praise
    dismiss reject counter retort rebut scoff joke quip whisper shout yell cry exclaim
    verify retract recant revise withdraw rule find
    """.split()
)

# The plain verbs of saying: a clause reported with one of them is a claim whatever else is near.
SAYING_VERBS = frozenset("say tell add write note explain argue insist warn state claim".split())

# Verbs whose direct object can itself be the reported claim ("announced a ceasefire").
NOMINAL_OBJECT_VERBS = frozenset(
    """
    announce confirm deny report reveal disclose claim acknowledge admit predict promise
    pledge vow threaten demand propose recommend estimate forecast allege mention reiterate repeat
    reaffirm reject dismiss verify retract recant revise withdraw
    """.split()
)

# Nouns that stand for a claim: "confirmed reports [that] …", "denied allegations".
REPORT_NOUNS = frozenset(
    "report claim information news allegation rumour rumor evidence account assessment finding".split()
)

# Prepositions that introduce a nominal claim after an intransitive speech verb ("spoke of 4000").
NOMINAL_PREPOSITIONS = frozenset({"of", "about"})

# "called upon / on X to", "pointed out that": particles and prepositions that belong to the cue.
CUE_PARTICLES = frozenset({"upon", "on", "out", "for", "up"})

# Verbs that report someone else's words and so put the reporter on the chain.
QUOTING_VERBS = frozenset({"quote", "cite"})

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})

# Head nouns of sources the article does not identify.
VAGUE_HEADS = frozenset(
    """
    source sources official officials leader leaders report reports expert experts analyst
    analysts observer observers critic critics witness witnesses resident residents diplomat
    diplomats insider insiders aide aides people person someone many some others media
    rumour rumours rumor rumors account accounts statement statements sources
    """.split()
)

# Head nouns (lemmas) that name a role; a definite description of one refers to a person.
ROLE_HEADS = frozenset(
    """
    president minister spokesman spokeswoman spokesperson secretary chairman chairwoman chair
    director chief leader governor mayor senator ambassador diplomat general commander premier king queen
    prince chancellor official envoy representative adviser advisor head founder ceo sheriff
    judge justice prosecutor attorney lawyer candidate nominee congressman congresswoman
    admiral colonel captain sergeant commodore marshal commissioner
    """.split()
)

GOVERNMENT_HEADS = frozenset(
    """
    government ministry administration cabinet country countries state states kremlin parliament
    congress senate police army military authorities authority council
    """.split()
)

# Head nouns of organisations named by what they are ("the union", "the company").
ORGANISATION_HEADS = frozenset(
    """
    union company firm party group committee campaign organisation organization association
    agency bureau office department commission board bank court coalition alliance movement charity
    foundation institute university school hospital club federation observatory network fund
    """.split()
)

# Heads naming an organisation after the person who leads it: "the Clinton campaign".
OWNED_ORGANISATIONS = {"campaign": "organisation", "camp": "organisation", "team": "organisation", "administration": "government"}

# Words that mark an organisation as a news outlet or agency.
OUTLET_WORDS = frozenset(
    """
    news times post guardian herald journal agency press reuters ap afp tv radio gazette ledger
    tribune telegraph daily chronicle bbc cnn observer monitor express mirror sun independent
    bulletin courier dispatch wire magazine network broadcasting xinhua tass interfax
    """.split()
)

# Wire agencies whose credit marks a story as shared copy.
AGENCIES = frozenset({"AP", "AFP", "Reuters", "UNI", "PTI", "IANS", "ANI", "Xinhua", "TASS", "DPA", "EFE", "ANSA"})

# --- Speech acts (speech_acts.py): how firmly a source stands behind what it is said to say ---

# Cue verbs (and nouns) that reject the content as false, or refuse a request or argument.
DENY_WORDS = frozenset(
    "deny denial reject rejection dispute refute rebut contest disavow repudiate contradict dismiss debunk disown".split()
)
# Cue verbs that take a statement back ("retracted", "withdrew its estimate", "backed off").
RETRACT_WORDS = frozenset("retract retraction withdraw recant rescind backtrack".split())
# Particles that make a verb a retraction: "walked back", "took back", "backed off", "backed away".
RETRACT_PHRASES = {"walk": {"back"}, "take": {"back"}, "back": {"off", "away", "down"}, "pull": {"back"}}
# Verbs that replace an earlier figure or position when their object is one ("revised its estimate").
REVISE_VERBS = frozenset("revise correct update amend change adjust lower raise downgrade upgrade reverse cut trim edge".split())
# Objects that make those verbs a revision: the earlier statement, figure or position.
REVISED_OBJECTS = frozenset(
    """
    estimate forecast projection figure toll count number statement assessment tune position stance view
    mind story account guidance outlook prediction claim report testimony
    """.split()
)
# What can be withdrawn as a statement ("withdrew its estimate that …"), unlike troops or a bid.
RETRACTABLE = REVISED_OBJECTS | REPORT_NOUNS | frozenset(
    "remark comment endorsement support allegation accusation warning advice recommendation".split()
)
# Cue verbs (and nouns) of conceding: the source grants something against its interest.
CONCEDE_WORDS = frozenset("admit admission acknowledge acknowledgment acknowledgement concede concession confess confession".split())
# Cue verbs of stated belief or conjecture, which hedge the content ("believes", "suspects").
HEDGE_VERBS = frozenset(
    "believe think suspect guess speculate suppose hint imply wonder assume reckon doubt presume theorize surmise".split()
)
# Cue nouns of conjecture: "there has been much speculation".
HEDGE_NOUNS = frozenset("speculation suspicion belief guess impression conjecture hunch".split())
# Modals that make a cue or a claim tentative ("may also illustrate", "may have been sabotaged").
HEDGE_MODALS = frozenset({"may", "might"})
# Adverbs and adjectives that make a claim tentative.
HEDGE_ADVERBS = frozenset("perhaps maybe possibly probably likely apparently presumably conceivably".split())
HEDGE_ADJECTIVES = frozenset({"likely", "possible", "unlikely", "plausible", "conceivable", "unclear", "unsure", "uncertain"})
# Verbs of checking: "could not confirm / verify" hedges, "did not confirm" withholds.
CHECK_VERBS = frozenset({"confirm", "verify", "corroborate", "substantiate", "establish"})
# Cue verbs that decline to speak when they govern one of WITHHELD_VERBS ("declined to comment").
WITHHOLD_VERBS = frozenset({"decline", "refuse", "refusal", "fail"})
# What a source declines, or is said not to do, when it withholds a statement.
WITHHELD_VERBS = frozenset(
    """
    comment say discuss answer respond reply elaborate disclose release reveal confirm identify specify address
    speculate endorse pledge name provide give talk testify cooperate appear explain detail mention tell
    speak suggest apologize apologise return publish divulge share state
    """.split()
)
# Words that call a claim false when a source applies them to it ("called the reports false").
FALSEHOOD_WORDS = frozenset(
    "false untrue baseless fake inaccurate wrong incorrect unfounded nonsense lie lies fabrication bogus groundless erroneous".split()
)
