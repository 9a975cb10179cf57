"""Find speech and cognition cues in the parse, each with its source and its complement.

A cue is the verb that reports a claim ("said", "warned", "was quoted by", "spoke of").
From the dependency tree around it we read who is said to speak (subject, passive agent,
or the object of a quoting verb), the words of the claim (a clausal or nominal complement),
and any reporter standing between (a chain: "AsiaNews quoted the Observatory as saying").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from ..model import Span
from .lexicon import (
    CUE_PARTICLES,
    NOMINAL_OBJECT_VERBS,
    NOMINAL_PREPOSITIONS,
    QUOTING_VERBS,
    REPORT_NOUNS,
    RETRACTABLE,
    SPEECH_VERBS,
)
from .entities import is_outlet_name
from .spans import char_span, doc_text, token_range_span

# Verbs too common in other senses to count without a complement or quote to attach.
_NEEDS_PARTICLE = {"call": {"upon", "on", "for"}}
_NEEDS_COMPLEMENT = frozenset({"speak", "talk", "write", "post", "charge", "call", "agree", "add"})
# Verbs that report a claim only through a tensed clause: "the audit found that the ferry lost
# money", "the court ruled the levy was unlawful" — not "police found the van abandoned" nor
# "had ruled the levy fair". A finding inside what someone says ("saying a recount found that
# …") is part of their claim, not a second one.
_NEEDS_TENSED_CLAUSE = frozenset({"rule", "find"})
_NEGATIVE_VERBS = frozenset({"deny", "reject", "dismiss", "rebut"})
_FOCUS_ADVERBS = frozenset({"yet", "even", "only", "just", "still", "also"})
# "X reported, citing Y, that …" / "X, quoting Y, said …": the participle names the source X relays.
_CITING = frozenset({"cite", "quote"})


@dataclass
class Cue:
    """One reporting verb with what the parse says about its source and claim."""

    verb: Token
    words: list[Token]
    speaker: Token | None = None
    content: Span | None = None
    nominal: bool = False
    reporter: Token | None = None  # an intermediary: the outlet that quoted the speaker
    negated: bool = False
    inherits_from: Cue | None = None  # a conjoined or dependent cue sharing its head's speaker

    @cached_property
    def span(self) -> Span:
        words = sorted(self.words, key=lambda t: t.i)
        run = [words[0]]
        for t in words[1:]:
            if t.i == run[-1].i + 1:
                run.append(t)
            elif self.verb in run:
                break
            else:
                run = [t]
        span = token_range_span(self.verb.doc, run)
        assert span is not None
        return span


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _reports_for(participle: Token) -> bool:
    """Whether "citing"/"quoting" hangs on a reporting verb (or on the clause it reports)."""
    if participle.lemma_.lower() not in _CITING or participle.tag_ != "VBG" or participle.dep_ not in ("advcl", "xcomp"):
        return False
    head = participle.head
    if head.dep_ == "ccomp":
        head = head.head
    return head.lemma_.lower() in SPEECH_VERBS and head.i != participle.i and _child(participle, "dobj") is not None


def _citing(verb: Token) -> Token | None:
    return next((t for t in verb.sent if t.i != verb.i and _reports_for(t) and verb.i in (t.head.i, t.head.head.i)), None)


def _is_cue_verb(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    if _reports_for(token):
        return False  # part of its head's cue: the source that cue relays
    if token.dep_ in ("amod", "compound", "nmod"):
        return False
    needed = _NEEDS_PARTICLE.get(token.lemma_.lower())
    if needed and not any(c.lower_ in needed for c in token.children if c.dep_ in ("prt", "prep")):
        return _child(token, "ccomp") is not None
    if token.lemma_.lower() in _NEEDS_TENSED_CLAUSE:
        clause = _child(token, "ccomp")
        reported = token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS
        return clause is not None and _tensed(clause) and not reported
    return True


def _tensed(verb: Token) -> bool:
    """A clause with a tense of its own: a finite verb or a modal or auxiliary before it."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)


def _clause_content(verb: Token, clause: Token, skip: frozenset[int] = frozenset()) -> Span | None:
    """A clausal complement, starting at its "that" when one stands between verb and clause.

    ``skip``: tokens the parser hung inside the clause that belong to the cue ("citing Y").
    """
    doc = verb.doc
    tokens = [t for t in clause.subtree if t.i not in skip]
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens = tokens[1:]
    start = tokens[0].i
    if start > verb.i:
        for t in doc[verb.i + 1 : start]:
            if t.lower_ == "that" and t.dep_ == "mark" and t.sent == verb.sent:
                start = t.i
                break
    end = tokens[-1].i
    return token_range_span(doc, doc[start : end + 1])


def _auxiliaries(verb: Token) -> list[Token]:
    """Auxiliaries and adverbs right before the verb belong to the cue ("have warned", "also said")."""
    aux = []
    i = verb.i - 1
    while i >= 0 and verb.doc[i].head == verb and verb.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod") and verb.doc[i].pos_ != "SCONJ":
        aux.append(verb.doc[i])
        i -= 1
    return aux


def _read_cue(verb: Token) -> Cue:
    cue = Cue(verb=verb, words=[verb, *_auxiliaries(verb)])
    lemma = verb.lemma_.lower()
    cue.negated = _child(verb, "neg") is not None or lemma in _NEGATIVE_VERBS
    passive = _child(verb, "nsubjpass", "auxpass") is not None
    agent = _child(verb, "agent")
    agent_noun = _child(agent, "pobj") if agent is not None else None
    ccomp = _child(verb, "ccomp")

    if passive:
        subject = _child(verb, "nsubjpass")
        if agent is not None:
            cue.words.append(agent)
        if lemma in QUOTING_VERBS:
            cue.speaker, cue.reporter = subject, agent_noun
        else:
            cue.speaker = agent_noun
            if ccomp is None and subject is not None and lemma in NOMINAL_OBJECT_VERBS:
                cue.content = token_range_span(verb.doc, subject.subtree)
                cue.nominal = True
    else:
        # The subject nearest the verb: "Voters, Clinton suggested, don't …" may hang both on it.
        subject = min((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i), default=None)
        cue.speaker = subject  # "who" in "Reyl, who said …": the resolver finds whom it stands for
        told = _child(verb, "dobj", "dative") if lemma == "tell" else None
        if told is not None and told.pos_ == "PROPN" and is_outlet_name(" ".join(t.text for t in told.subtree)):
            cue.reporter = told  # "Varga told the Valley Courier that …": the paper relays her

    skip: frozenset[int] = frozenset()
    citing = _citing(verb)
    if citing is not None:
        cue.reporter, cue.speaker = cue.speaker, _child(citing, "dobj")
        cue.words.append(citing)
        skip = frozenset(t.i for t in citing.subtree)

    as_clause = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None
    ) if lemma in QUOTING_VERBS else None
    if as_clause is not None:
        saying = _child(as_clause, "pcomp")
        if saying is not None:
            cue.words += [as_clause, saying]
            if not passive:
                cue.reporter, cue.speaker = cue.speaker, _child(verb, "dobj")
            inner = _child(saying, "ccomp")
            if inner is not None:
                cue.content = _clause_content(saying, inner)
            return cue

    if ccomp is not None and cue.content is None:
        cue.content = _clause_content(verb, ccomp, skip)
        return cue

    xcomp = _child(verb, "xcomp")
    if xcomp is not None and _child(xcomp, "ccomp") is not None:
        cue.words += [t for t in xcomp.lefts if t.dep_ == "aux"] + [xcomp]
        cue.content = _clause_content(xcomp, _child(xcomp, "ccomp"))
        return cue

    particle = next(
        (c for c in verb.children if c.dep_ in ("prt", "prep") and c.lower_ in CUE_PARTICLES and c.i == verb.i + 1),
        None,
    )
    if particle is not None and lemma not in QUOTING_VERBS:
        cue.words.append(particle)
    if xcomp is not None:
        addressee = _child(particle, "pobj") if particle is not None else _child(verb, "dobj")
        start = addressee if addressee is not None else xcomp
        tokens = list(start.subtree) + list(xcomp.subtree)
        cue.content = token_range_span(verb.doc, tokens)
        return cue

    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in NOMINAL_PREPOSITIONS), None
    )
    if prep is not None and cue.content is None and _child(prep, "pobj") is not None:
        cue.words.append(prep)
        cue.content = token_range_span(verb.doc, _child(prep, "pobj").subtree)
        cue.nominal = True
        return cue

    dobj = _child(verb, "dobj")
    if dobj is not None and cue.content is None and lemma in NOMINAL_OBJECT_VERBS and not passive:
        cue.content = _object_content(dobj)
        cue.nominal = True
    return cue


def _object_content(dobj: Token) -> Span | None:
    """A nominal claim, or "confirmed reports [that] 300 fighters had been moved" when the
    complementizer is missing and the parser left the clause hanging elsewhere."""
    doc = dobj.doc
    tokens = list(dobj.subtree)
    before = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and before.dep_ == "advmod" and before.lower_ in _FOCUS_ADVERBS:
        tokens.insert(0, before)  # "announced yet another attempt": the adverb scopes over the object
    after = tokens[-1].i + 1
    if dobj.lemma_.lower() in REPORT_NOUNS and after < len(doc) and dobj.sent == doc[after].sent:
        clause = doc[after].head
        while clause.head != clause and clause.head.i > dobj.i and clause.pos_ not in ("VERB", "AUX"):
            clause = clause.head
        if clause.pos_ in ("VERB", "AUX") and clause.i > dobj.i and dobj not in clause.subtree:
            tokens += [t for t in clause.subtree if t.i >= after]
    return token_range_span(doc, tokens)


def passive(verb: Token) -> bool:
    """A passive verb, also a bare participle: "is expected to", "Asked about the bomb, …"."""
    return _child(verb, "auxpass", "nsubjpass") is not None or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"))


def agentless(verb: Token) -> bool:
    """A passive naming no agent, which names nobody as the one who says."""
    return passive(verb) and _child(verb, "agent") is None


def doer(verb: Token) -> Token | None:
    """Who the parse says does ``verb``, for a cue the lexicon does not know ("blasted",
    "criticized"): a passive's agent, the verb's own subject, or — for a verb conjoined to
    another, a participle, a gerund after a preposition ("by telling them") or a controlled
    infinitive — the subject of the verb it hangs from;
    for a participle modifying a noun ("doctors calling for his dismissal"), that noun."""
    agent = _child(verb, "agent")
    if agent is not None and _child(agent, "pobj") is not None:
        return _child(agent, "pobj")
    if passive(verb):
        return None  # "the vote is expected to come": a passive naming no agent names no doer
    if verb.lemma_.lower() in ("seem", "appear") and not any(c.dep_ == "xcomp" and _is_cue_verb(c) for c in verb.children):
        return None  # "The plan seems to fail": the subject is what seems ("she seemed to think": hers)
    subject = _child(verb, "nsubj")
    if subject is not None:
        return subject
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep"
    if gerund:
        head = head.head  # "He pitched himself … by telling them that …": whoever pitched
    shares = gerund or verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    if shares and head is not verb and head.pos_ in ("VERB", "AUX"):
        return _child(head, "nsubj", "nsubjpass") or (doer(head) if head.dep_ in ("conj", "xcomp") else None)
    return None


def reported_clause(verb: Token) -> Token | None:
    """The verb of the clause a parenthetical speech verb interrupts: its head when the parse
    sets it aside (parataxis: "The company, she said, had …"; or under "as", between commas: "The
    plan, as the mayor noted, would …"), climbing from a noun it was hung on to that noun's verb ("The
    difference now, Ovell told the Ledger, is …")."""
    doc, last = verb.doc, verb.right_edge
    closed = last.is_punct or last.i + 1 == len(doc) or doc[last.i + 1].is_punct
    # Set off on both sides ("The plan, as the mayor noted, would …"), not "even as he says his plan …".
    marked_as = verb.dep_ == "advcl" and verb.left_edge.lower_ == "as" and closed
    if verb.dep_ != "parataxis" and not marked_as:
        return None
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("nsubj", "nsubjpass", "appos") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _wanted(cue: Cue) -> bool:
    lemma = cue.verb.lemma_.lower()
    if lemma == "withdraw" and not any(c.dep_ == "dobj" and c.lemma_.lower() in RETRACTABLE for c in cue.verb.children):
        return False  # troops and bids are withdrawn too; only a statement makes it a cue
    if lemma in _NEEDS_COMPLEMENT and cue.content is None and lemma != "add" and reported_clause(cue.verb) is None:
        return False  # "talked" alone is no claim; "The trouble, Frank writes, began …" is one
    return cue.speaker is not None or cue.content is not None


def find_cues(doc: Doc) -> list[Cue]:
    """Every reporting cue of ``doc`` in text order, with inherited speakers filled in."""
    cues: dict[int, Cue] = {}
    taken: set[int] = set()
    for token in doc:
        if token.i in taken or not _is_cue_verb(token):
            continue
        cue = _read_cue(token)
        cues[token.i] = cue
        taken.update(t.i for t in cue.words)
    for cue in cues.values():
        if cue.speaker is not None or agentless(cue.verb):
            continue  # a passive with no agent names nobody: "Asked about it, Lark said …"
        head = cue.verb.head
        if cue.verb.dep_ in ("conj", "advcl", "xcomp") and head.i in cues:
            cue.inherits_from = cues[head.i]
        elif cue.verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.i in cues:
            # "He said even Russia has such information and demanded to know …": the
            # parser hangs the second speech verb on the first one's clause; it is the
            # first speaker's, and that clause ends where the second verb's begins.
            outer = cues[head.head.i]
            cue.inherits_from = outer
            first = cue.verb.left_edge
            before = doc[first.i - 1] if first.i > 0 else None
            cut = before.idx if before is not None and before.dep_ == "cc" else first.idx
            if outer.content is not None and outer.content.start < cut < outer.content.end:
                outer.content = char_span(doc_text(doc), outer.content.start, cut)
        elif cue.verb.dep_ == "conj" and _child(head, "nsubj") is not None:
            cue.speaker = _child(head, "nsubj")
        elif cue.verb.tag_ == "VBG" and cue.verb.dep_ in ("advcl", "xcomp") and _child(head, "nsubj", "nsubjpass") is not None:
            # "The committee filed a complaint, claiming that …": the participle's speaker is the
            # subject of the clause it hangs from, whatever that clause's verb.
            cue.speaker = _child(head, "nsubj", "nsubjpass")
    for cue in cues.values():
        root = cue
        seen = {id(cue)}
        while root.speaker is None and root.inherits_from is not None and id(root.inherits_from) not in seen:
            root = root.inherits_from
            seen.add(id(root))
        if root is not cue:
            cue.speaker = root.speaker
            cue.reporter = cue.reporter or root.reporter
    return [cue for _, cue in sorted(cues.items()) if _wanted(cue)]
