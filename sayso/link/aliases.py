"""One entity across articles: which stored entity a name from a new article is.

Evidence, strongest first: a person's full name; an organisation's name or an acronym that
abbreviates it; any other surface form the article's own analysis tied to the entity ("SOHR"
beside "Syrian Observatory …"), but a one-word form never ties two bodies that each have a
longer name ("Ostmere" beside the Ostmere Hospitals Trust and beside Ostmere Constabulary); a lone surname, only when one stored person has it; a role
("the French President") read from how speakers were introduced, only when one person held
it nearest the article's date. Two people with the same surname but different given names
stay apart. A person's decisions (``sayso alias merge|split``) overrule all of this and are
applied again whenever the store is linked from scratch.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.link_state import LinkState
from . import names

PERSON, PLACE = "person", "place"
# Types that can name one thing: an outlet is an organisation; a government speaks for its place.
_FAMILIES = {"organisation": "org", "outlet": "org", "government": "place", "place": "place", "person": "person"}
ROLE_YEARS = 3


def _family(type_: str) -> str:
    return _FAMILIES.get(type_, type_)


@dataclass
class Resolution:
    entity: int
    name: str


class AliasBook:
    """Resolves names to linked entities, creating and merging them as evidence arrives."""

    def __init__(self, state: LinkState) -> None:
        self.state = state
        decisions = state.decisions()
        self._splits = {
            frozenset((names.key(d.first), names.key(d.second))) for d in decisions if d.action == "split"
        }
        self._merges = [(d.first, d.second) for d in decisions if d.action == "merge"]
        self.merged: set[int] = set()  # entities a decision merged in this run

    def _split_apart(self, entity: int, keys: set[str]) -> bool:
        """Whether a person ruled that ``entity`` is not the one these keys name."""
        if not self._splits:
            return False
        theirs = {f.key.split(":", 1)[-1] for f in self.state.forms_of(entity) if f.kind in ("name", "acronym")}
        return any(frozenset((a, b)) in self._splits for a in theirs for b in keys if a != b)

    def _forms(self, name: str, type_: str, forms: list[str]) -> list[tuple[str, str, str, str | None]]:
        found: list[tuple[str, str, str, str | None]] = []
        for form in dict.fromkeys([name, *forms]):
            key = names.key(form)
            if not key:
                continue
            if type_ == PERSON and " " not in key and " " in names.key(name):
                found.append((f"surname:{key}", form, "surname", None))
                continue
            kind = "acronym" if names.is_acronym(form) else "name"
            found.append((f"{_family(type_)}:{key}", form, kind, None))
            short = names.acronym(form) if type_ != PERSON and kind == "name" else None
            if short:
                found.append((f"acronym:{short.lower()}", short, "derived", None))
        if type_ == PERSON and names.surname(name):
            found.append((f"surname:{names.surname(name)}", name.split()[-1], "surname", None))
        return found

    def resolve(self, name: str, type_: str, forms: list[str], published: str | None = None, title: str = "") -> Resolution:
        """The entity ``name`` (with the article's other ``forms`` for it, and a ``title`` the article gives it) is."""
        if type_ == PERSON:
            own_title, name = names.split_title(name)
            title = own_title or title
            forms = [names.split_title(f)[1] for f in forms]
        found = self._resolve(name, type_, forms, title)
        if title:
            self.state.add_forms(found.entity, [(f"role:{title}", title, "role", published)])
        return found

    def _resolve(self, name: str, type_: str, forms: list[str], title: str) -> Resolution:
        family = _family(type_)
        own = self._forms(name, type_, forms)
        keys = {k for k, _, kind, _ in own if kind in ("name", "acronym")}
        lookup = set(keys)
        lookup |= {f"acronym:{names.key(f)}" for f in [name, *forms] if names.is_acronym(f)}
        if family == "org":
            lookup |= {k.replace("acronym:", "org:", 1) for k, _, kind, _ in own if kind == "derived"}
        plain = {k.split(":", 1)[-1] for k in keys}
        matches = set()
        if type_ == PERSON and " " not in names.key(name):
            matches = self._by_surname(names.key(name), plain, title)
        if not matches:
            matches = self._by_forms(lookup, plain, family, name)
        if type_ == PERSON and " " in names.key(name):
            matches |= self._surname_only(name, plain)
        entity = self._settle(sorted(matches), name, type_)
        self.state.add_forms(entity, own)
        return Resolution(entity, self.state.entity(entity).name)  # type: ignore[union-attr]

    def _by_forms(self, lookup: set[str], plain: set[str], family: str, name: str) -> set[int]:
        """The stored entities sharing a form. For a body, a one-word form ("Ostmere", the first
        word of "Ostmere Hospitals Trust" and of "Ostmere Constabulary") does not tie two bodies
        that each have a longer name, and counts only when it points to one entity."""
        found: dict[str, set[int]] = {}
        for entity, row in self.state.forms_matching(lookup):
            if not self._split_apart(entity, plain) and self._compatible(entity, family):
                found.setdefault(row.key, set()).add(entity)
        if family != "org":
            return set().union(*found.values())
        strong = {e for key, entities in found.items() if " " in key or key.startswith("acronym:") for e in entities}
        weak = set().union(*(entities for key, entities in found.items() if " " not in key and not key.startswith("acronym:")))
        if strong or len(weak) != 1:
            return strong
        stored = self.state.entity(next(iter(weak)))
        named_longer = " " in names.key(name) and stored is not None and " " in names.key(stored.name)
        return set() if named_longer else weak

    def _compatible(self, entity: int, family: str) -> bool:
        row = self.state.entity(entity)
        return row is not None and _family(row.type) == family

    def _by_surname(self, surname: str, plain: set[str], title: str) -> set[int]:
        """The one stored person with this surname (who held ``title``, when the article gives one)."""
        people = {e for e, _ in self.state.forms_matching([f"surname:{surname}"]) if self._compatible(e, PERSON)}
        people = {e for e in people if not self._split_apart(e, plain)}
        if title:
            people = {e for e, _ in self.state.forms_matching([f"role:{title}"]) if e in people}
        return people if len(people) == 1 else set()

    def _surname_only(self, name: str, plain: set[str]) -> set[int]:
        """A person stored under the bare surname, before any article gave the full name."""
        last = names.surname(name)
        found = set()
        for entity, row in self.state.forms_matching([f"person:{last}"]):
            stored = self.state.entity(entity)
            if stored is not None and " " not in names.key(stored.name) and not self._split_apart(entity, plain):
                found.add(entity)
        return found

    def _settle(self, matches: list[int], name: str, type_: str) -> int:
        if not matches:
            return self.state.new_entity(name, type_)
        target = matches[0]
        for other in matches[1:]:
            self.state.merge(other, target)
        stored = self.state.entity(target)
        if stored is not None and _fuller(name, stored.name):
            self.state.rename(target, name)
        return target

    def note_role(self, entity: int, speaker_text: str, name: str, published: str | None) -> None:
        """Remember the role a speaker was introduced with ("French President Emmanuel Macron")."""
        title = names.title_of(speaker_text, name)
        if title:
            self.state.add_forms(entity, [(f"role:{title}", title, "role", published)])

    def by_role(self, words: str, published: str | None) -> Resolution | None:
        """The person who held the role ``words`` names nearest ``published``, if only one did."""
        role = names.role_key(words)
        if not role:
            return None
        held = [(e, r.seen_on) for e, r in self.state.forms_matching([f"role:{role}"])]
        if published:
            held = [(e, on) for e, on in held if not on or abs(_year(on) - _year(published)) <= ROLE_YEARS]
        people = sorted({e for e, _ in held})
        if len(people) != 1:
            return None
        return Resolution(people[0], self.state.entity(people[0]).name)  # type: ignore[union-attr]

    def apply_merges(self) -> None:
        """Carry out every "these two are one" decision on the entities linked so far."""
        for first, second in self._merges:
            a = self._find(first)
            b = self._find(second)
            if a is not None and b is not None and a != b:
                self.state.merge(b, a)
                self.merged |= {a, b}

    def _find(self, name: str) -> int | None:
        key = names.key(name)
        for entity, row in self.state.forms_matching([f"{f}:{key}" for f in ("person", "org", "place", "group")]):
            return entity
        return None


def _year(date: str) -> int:
    try:
        return int(date[:4])
    except ValueError:
        return 0


def _fuller(candidate: str, current: str) -> bool:
    """Whether ``candidate`` is a fuller way to write the name than ``current``."""
    if names.is_acronym(candidate) and not names.is_acronym(current):
        return False
    if names.is_acronym(current) and not names.is_acronym(candidate):
        return True
    return len(names.key(candidate).split()) > len(names.key(current).split())
