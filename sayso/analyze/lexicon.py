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
    """.split()
)

# Verbs whose direct object can itself be the reported claim ("announced a ceasefire").
NOMINAL_OBJECT_VERBS = frozenset(
    """
    announce confirm deny report reveal disclose claim acknowledge admit predict promise
    pledge vow threaten demand propose recommend estimate forecast allege mention reiterate repeat
    reaffirm reject dismiss
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
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

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
    director chief leader governor mayor senator ambassador general commander premier king queen
    prince chancellor official envoy representative adviser advisor head founder ceo sheriff
    judge prosecutor attorney lawyer candidate nominee congressman congresswoman
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
    agency office department commission board bank court coalition alliance movement charity
    foundation institute university school hospital club federation observatory network
    """.split()
)

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
