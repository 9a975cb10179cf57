"""The speech act of an attribution: how firmly the source stands behind what it is said to say.

Read from the cue's words and their dependents, then from the content's main clause, in this
order (the first that applies wins):

- ``no_comment``: the source withholds a statement — "declined to comment", "did not respond
  to requests", "isn't saying", "would not say", "could not be reached", "had nothing to add",
  or a content that says as much ("said he cannot comment");
- ``deny``: a cue of rejection ("denied", "rejected the reports", "disputes"), a source that
  does not believe or think the content, or a short content calling a claim false;
- ``retract``: "retracted", "withdrew its estimate", "walked back", "backed off", and a speaker
  owning its error in the first person ("We were wrong on Monday", "I apologise");
- ``revise``: "now says", or a verb of change whose object is the earlier figure or position
  ("revised its estimate", "changed his tune", "edged up its forecast");
- ``concede``: "admitted", "acknowledged", "conceded", "did not deny";
- ``hedge``: a cue of belief or conjecture ("believes", "suspects", "suggested that" with a
  statement), a tentative cue ("may illustrate", "seems", "it appeared that"), "could not
  confirm", or a content whose main clause is tentative ("may have been", "probably", "I think");
- ``assert`` otherwise.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Span, SpeechAct
from .lexicon import (
    CHECK_VERBS,
    CONCEDE_WORDS,
    DENY_WORDS,
    FALSEHOOD_WORDS,
    FIRST_PERSON,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    HEDGE_NOUNS,
    HEDGE_VERBS,
    REPORT_NOUNS,
    RETRACT_PHRASES,
    RETRACTABLE,
    RETRACT_WORDS,
    REVISE_VERBS,
    REVISED_OBJECTS,
    SPEECH_VERBS,
    WITHHELD_VERBS,
    WITHHOLD_VERBS,
)
from .claim_nouns import CLAIM_NOUNS
from .spans import tokens_in

_BELIEF_VERBS = frozenset({"think", "believe", "feel", "guess", "suppose", "suspect", "reckon"})
_SEEM_VERBS = frozenset({"seem", "appear"})
_ABILITY = frozenset({"can", "could", "be", "able", "unable"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


_APOLOGIES = frozenset({"apologise", "apologize"})


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") and c.dep_ in ("advmod", "neg") for c in token.children)


def _modals(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "aux"}


def _unable(token: Token) -> bool:
    """"was unable to confirm", "could not verify", "cannot confirm": checking that failed."""
    head = token.head
    if token.dep_ == "xcomp" and _lemma(head) in ("unable", "able", "be") and (_lemma(head) == "unable" or _negated(head)):
        return True
    return _negated(token) and bool(_modals(token) & {"can", "could", "ca"})


def _roots(tokens: list[Token]) -> list[Token]:
    """Tokens of ``tokens`` whose head lies outside them (or that head their sentence)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i == t.i or t.head.i not in inside]


def _withheld(verb: Token) -> bool:
    """A verb of speaking or disclosing: what a source is said to decline or not to do."""
    if _lemma(verb) in WITHHELD_VERBS:
        return True
    return _lemma(verb) == "make" and any(t.lower_ == "public" for t in verb.subtree)


def _no_comment(verb: Token) -> bool:
    lemma = _lemma(verb)
    if lemma in WITHHOLD_VERBS:
        complement = next(iter(_children(verb, "xcomp", "acl")), None)
        if complement is not None:
            return _withheld(complement)
        objects = _children(verb, "dobj")
        return lemma == "decline" and (not objects or _lemma(objects[0]) in ("comment", "interview", "request"))
    if _negated(verb):
        if lemma in CHECK_VERBS:
            return not _unable(verb)
        if lemma == "reach" and _children(verb, "auxpass", "nsubjpass"):
            return True  # "could not be reached for comment"
        return _withheld(verb)
    return False


def _nothing_to_add(tokens: list[Token]) -> bool:
    words = [t.lower_ for t in tokens]
    text = " ".join(words)
    return "no comment" in text or "nothing to add" in text or "nothing more to add" in text or "nothing further to add" in text


def _deny(verb: Token) -> bool:
    lemma = _lemma(verb)
    if lemma in DENY_WORDS and not _negated(verb):
        # "dismissed Estonia as …" characterises; it rejects no claim.
        return not (lemma == "dismiss" and any(c.lower_ == "as" for c in verb.children))
    if lemma in ("think", "believe") and _negated(verb):
        subject = next(iter(_children(verb, "nsubj")), None)
        return subject is None or subject.lower_ not in FIRST_PERSON
    return False


def _retract(verb: Token) -> bool:
    lemma = _lemma(verb)
    if lemma in RETRACT_WORDS:
        return lemma != "withdraw" or any(_lemma(o) in RETRACTABLE for o in _children(verb, "dobj"))
    particles = RETRACT_PHRASES.get(lemma)
    return bool(particles) and any(c.lower_ in particles for c in verb.children if c.dep_ in ("prt", "advmod", "prep"))


def _owns_an_error(predicate: Token) -> bool:
    """A speaker saying it was wrong, in the first person: "We were wrong on Monday", "We gave the
    public wrong information, and I apologise", "We spoke too soon, and we are sorry"."""
    if _negated(predicate) or not any(s.lower_ in FIRST_PERSON for s in _children(predicate, "nsubj", "nsubjpass")):
        return False  # "we were not wrong" stands by it
    if _lemma(predicate) in _APOLOGIES:
        return True
    said = [t for c in predicate.children if c.dep_ in ("acomp", "attr", "dobj", "advmod") for t in c.subtree]
    return any(t.lower_ in FALSEHOOD_WORDS or t.lower_ == "sorry" for t in said) or any(
        t.lower_ == "soon" and t.head.lower_ == "too" or t.lower_ == "too" and t.head.lower_ == "soon" for t in said
    )


def _revise(verb: Token) -> bool:
    lemma = _lemma(verb)
    if any(c.lower_ == "now" for c in verb.children if c.dep_ == "advmod") and (lemma in SPEECH_VERBS or lemma == "put"):
        return True
    if lemma == "revise":
        return True
    if lemma in SPEECH_VERBS and verb.dep_ in ("advcl", "xcomp", "conj") and any(_retract(a) for a in verb.ancestors):
        return True  # "withdrew its claim, saying the driver had fallen": what replaces the claim
    return lemma in REVISE_VERBS and any(_lemma(o) in REVISED_OBJECTS for o in _children(verb, "dobj", "nsubjpass"))


def _concede(verb: Token) -> bool:
    lemma = _lemma(verb)
    if lemma in CONCEDE_WORDS:
        return True
    return lemma in ("deny", "dispute") and _negated(verb)  # "did not deny" grants the point


def _finite_statement(verb: Token) -> bool:
    """A clause that states something: not a proposal ("suggested that it end", "should")."""
    clause = next(iter(_children(verb, "ccomp")), None)
    if clause is None:
        return False
    subject = next(iter(_children(clause, "nsubj")), None)
    # "that it end", "that the programme end": a bare verb after a singular subject is a subjunctive
    subjunctive = clause.tag_ == "VB" or (
        clause.tag_ == "VBP" and subject is not None and subject.tag_ in ("NN", "NNP") and not _modals(clause)
    )
    return not subjunctive and not (_modals(clause) & {"should", "must"})


def _hedged_cue(verb: Token) -> bool:
    lemma = _lemma(verb)
    if verb.pos_ == "NOUN":
        return lemma in HEDGE_NOUNS
    if _modals(verb) & (HEDGE_MODALS | {"could", "would"}):
        return True
    if lemma in CHECK_VERBS and _unable(verb):
        return True
    if lemma in _SEEM_VERBS:
        complement = next(iter(_children(verb, "xcomp")), None)
        # "appeared to blame" is the author's hedge on a claim the source made firmly.
        return complement is None or complement.pos_ not in ("VERB",) or _lemma(complement) in HEDGE_VERBS | _BELIEF_VERBS
    if lemma == "suggest":
        return _finite_statement(verb)
    if lemma == "feel":
        return bool(_children(verb, "ccomp"))
    if lemma == "believe" and any(c.lower_ == "in" for c in verb.children if c.dep_ == "prep"):
        return False
    if lemma == "think" and _children(verb, "auxpass"):
        return True  # "is not thought to be capable"
    return lemma in HEDGE_VERBS


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each token's sentence, worked out once per document: ``Token.sent``
    walks the sentence on every call, too slow for long contents in one long sentence."""
    starts: list[int] | None = doc.user_data.get("sayso_sentence_starts")
    if starts is None:
        starts = [0] * len(doc)
        for sentence in doc.sents:
            starts[sentence.start : sentence.end] = [sentence.start] * len(sentence)
        doc.user_data["sayso_sentence_starts"] = starts
    return starts


def _main_predicates(doc: Doc, content: Span) -> list[Token]:
    """The heads of the content's first statement (a question is skipped)."""
    tokens = tokens_in(doc, content.start, content.end)
    starts = _sentence_starts(doc)
    by_sentence: dict[int, list[Token]] = {}
    for t in tokens:
        by_sentence.setdefault(starts[t.i], []).append(t)
    for part in by_sentence.values():
        words = [t for t in part if not t.is_punct and not t.is_space]
        if len(words) < 2 or any(t.text == "?" for t in part):
            continue
        roots = [t for t in _roots(part) if not t.is_punct]
        main = [t for t in roots if t.pos_ in ("VERB", "AUX")] or roots
        return [*main, *(c for r in main for c in r.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return []


def _tentative(predicate: Token) -> bool:
    """A main clause that hedges itself: "may have", "could be", "probably", "I think", "seems"."""
    lemma = _lemma(predicate)
    modals = _modals(predicate)
    if modals & HEDGE_MODALS:
        return True
    if "could" in modals and (lemma in ("be", "have") or any(c.dep_ == "auxpass" or c.lower_ in ("be", "have") for c in predicate.children)):
        return True
    if any(c.lower_ in HEDGE_ADVERBS for c in predicate.children if c.dep_ == "advmod"):
        return True
    if lemma == "be" and any(c.lower_ in HEDGE_ADJECTIVES for c in predicate.children if c.dep_ == "acomp"):
        return True
    if lemma in _SEEM_VERBS:
        return True
    subject = next(iter(_children(predicate, "nsubj")), None)
    return lemma in _BELIEF_VERBS and subject is not None and subject.lower_ in FIRST_PERSON


def _calls_false(doc: Doc, content: Span) -> bool:
    """A content that applies a word of falsehood to a claim: short ("the reports false"), or
    one whose main clause says a claim is false ("The claim that our stewards opened Gate 7 is false")."""
    tokens = tokens_in(doc, content.start, content.end)
    if any(_claim_called_false(p) for p in _main_predicates(doc, content)):
        return True
    if len(tokens) > 12:
        return False
    return any(
        t.lower_ in FALSEHOOD_WORDS and t.dep_ in ("acomp", "attr", "oprd", "amod", "dobj", "ROOT", "xcomp", "ccomp")
        or (t.lower_ == "true" and t.head.i != t.i and _negated(t.head))
        for t in tokens
    )


def cue_words(doc: Doc, cue: Span | None, verb: Token | None = None) -> list[Token]:
    """The cue's tokens, its head verb first, then the verbs it governs ("declined" → "comment")."""
    tokens = tokens_in(doc, cue.start, cue.end) if cue is not None else []
    if verb is not None and all(t.i != verb.i for t in tokens):
        tokens.append(verb)
    heads = [t for t in _roots(tokens) if t.pos_ in ("VERB", "AUX", "NOUN", "ADJ")] if tokens else []
    if verb is not None:
        heads = [verb] + [h for h in heads if h.i != verb.i]
    rest = [t for t in tokens if t.pos_ in ("VERB", "NOUN") and all(t.i != h.i for h in heads)]
    return heads + rest + _governors(heads[0]) if heads else rest


def _governors(verb: Token) -> list[Token]:
    """The verb a cue is the infinitive of, across a coordination: "refused to [disclose]",
    "declined to threaten Moscow or [declare] it responsible"."""
    token = verb
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        token = token.head
    return [token.head] if token.dep_ == "xcomp" and token.head.i != token.i else []


def _claim_called_false(predicate: Token) -> bool:
    """"The claim that … is false", "reports that it paid were untrue": a word of falsehood said of a claim noun."""
    subject = next(iter(_children(predicate, "nsubj")), None)
    false = any(c.lower_ in FALSEHOOD_WORDS for c in _children(predicate, "acomp", "attr"))
    return false and subject is not None and _lemma(subject) in CLAIM_NOUNS


def speech_act(doc: Doc, cue: Span | None, content: Span, verb: Token | None = None) -> SpeechAct:
    """The speech act of the attribution with this cue (its head ``verb`` when the parse gave one) and content."""
    words = cue_words(doc, cue, verb)
    predicates = _main_predicates(doc, content)
    span_tokens = tokens_in(doc, cue.start, cue.end) if cue is not None else []
    if any(_no_comment(w) for w in words) or _nothing_to_add(span_tokens + tokens_in(doc, content.start, content.end)[:8]):
        return "no_comment"
    if any(_no_comment(p) and _lemma(p) in ("comment", "discuss", "elaborate", "speculate", "respond") for p in predicates):
        return "no_comment"
    if any(_owns_an_error(p) for p in predicates):
        return "retract"  # before a denial: "we were wrong" calls the speaker's own words false
    if any(_deny(w) for w in words) or (words and _lemma(words[0]) in ("say", "call", "describe", "label", "brand") and _calls_false(doc, content)):
        return "deny"
    if any(_retract(w) for w in words):
        return "retract"
    if any(_revise(w) for w in words):
        return "revise"
    if any(_concede(w) for w in words):
        return "concede"
    if any(_hedged_cue(w) for w in words):
        return "hedge"
    if any(_tentative(p) for p in predicates):
        return "hedge"
    return "assert"
