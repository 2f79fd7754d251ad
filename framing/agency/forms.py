"""Who does what to whom in one sentence: event mentions, their grammatical form and roles.

Every word of the event lexicon found in a sentence is read as a verb or a noun (see
:mod:`framing.agency.parse`) and given one of five forms:

* ``active``: the event verb in the active voice, its subject the agent ("the US assassinated
  Abu Mahdi al-Muhandis and Qasem Soleimani"); the agent may be empty when the subject is not
  in the sentence's reach (a participle clause such as "after killing two soldiers");
* ``passive_agent``: passive with a "by" agent ("three soldiers were killed by militants");
* ``passive_agentless``: passive without one ("the base was attacked on Monday"), including
  reduced passives after a noun ("militants killed in the raid");
* ``nominalisation``: the event as a noun ("the deaths of ... in a US airstrike"), its agent
  taken from a "by" phrase, a possessive, a premodifier ("a US airstrike") or an instrument
  phrase, else empty;
* ``intransitive``: a verb whose subject undergoes the event ("Soleimani died", "the mission
  ended"): the event is told without an agent, like an agentless passive.

An event noun in an instrument phrase ("in a US airstrike", "by a drone strike") right after
another event mention is folded into that mention as its ``instrument`` (and lends it its agent
when the mention has none) rather than counted as an event of its own.

The reading is shallow (chunks and word order, no full parse). Known blind spots: subjects
outside the sentence, long-distance relative clauses, appositions between subject and verb,
"blamed for attacks" style attributions (the noun "attacks" stays agentless), and place names
before an event noun ("the Baghdad attack" reads "Baghdad" as the agent).

References:
    Trew, T. (1979). Theory and ideology at work. In Fowler, R., Hodge, B., Kress, G. & Trew,
    T., Language and Control. Routledge.
    Fowler, R. (1991). Language in the News, ch. 5 (transitivity, passivisation,
    nominalisation). Routledge.
    van Leeuwen, T. (1996). The representation of social actors. In Caldas-Coulthard, C. R. &
    Coulthard, M. (eds.), Texts and Practices. Routledge.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from framing.agency.lexicon import EventEntry, EventLexicon
from framing.agency.parse import AUXILIARIES, BE, Word
from framing.agency.words import agency_words

__all__ = ["FORMS", "GROUP_NOUNS", "LIGHT_VERBS", "Form", "Mention", "sentence_mentions"]

Form = Literal["active", "passive_agent", "passive_agentless", "nominalisation", "intransitive"]
FORMS: tuple[Form, ...] = (
    "active",
    "passive_agent",
    "passive_agentless",
    "nominalisation",
    "intransitive",
)

_SUBORDINATORS = frozenset(
    [
        "after",
        "before",
        "when",
        "while",
        "because",
        "since",
        "as",
        "if",
        "although",
        "though",
        "until",
        "once",
        "whereas",
        "unless",
        "where",
        "whether",
        "than",
    ]
)
_QUANTITY = frozenset(
    {("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than")}
    | {("up", "to"), ("as", "many"), ("as", "few"), ("nearly", "all"), ("some", "of")}
)
_CLAUSE_OPENERS = _SUBORDINATORS | frozenset({"that", "so"})
#: Verb stems whose object, not subject, does what the following "to" clause says ("ordered
#: the army to attack"); matched as prefixes.
_OBJECT_CONTROL = tuple(sorted(agency_words("object_control")))
#: Verbs that take an event noun as object and leave the acting to their subject ("the US
#: military launched retaliatory airstrikes").
LIGHT_VERBS = agency_words("light_verb")
_INSTRUMENT_PREPS = frozenset(["in", "by", "with", "during", "through", "via", "from"])
_PARTICIPLES = agency_words("participle")
_CALENDAR = agency_words("calendar")
#: Lower-case nouns that name a group of people and so can be the agent as a premodifier
#: ("militia attacks", "police shooting"); other common nouns before an event noun are read as
#: its kind or instrument ("rocket attacks", "drone strike").
GROUP_NOUNS = agency_words("group_noun")
_MAX_DEPTH = 3


@dataclass(frozen=True)
class Mention:
    """One event mention in a sentence; spans are word indices, ``-1`` when absent.

    Attributes:
        form: See the module docstring.
        entry: The lexicon entry of the event word.
        head: Index of the event word.
        first: First word of the mention (verb group, or possessive before a noun).
        last: Last word of the mention (event word, or the end of a noun's patient phrase).
        agent: ``(first, last)`` word indices of the agent phrase, or ``(-1, -1)``.
        patient: ``(first, last)`` of the patient phrase, or ``(-1, -1)``.
        agent_source: Where the agent came from: ``subject``, ``by`` (a "by" phrase, or
            "from" after a violent event noun: "attacks from militias"), ``possessive``,
            ``premodifier``, ``instrument`` or ``""``.
        instrument: ``(first, last)`` of a folded instrument phrase, or ``(-1, -1)``.
    """

    form: Form
    entry: EventEntry
    head: int
    first: int
    last: int
    agent: tuple[int, int] = (-1, -1)
    patient: tuple[int, int] = (-1, -1)
    agent_source: str = ""
    instrument: tuple[int, int] = (-1, -1)


_NONE = (-1, -1)


class _Sentence:
    """The words of one sentence with their noun-phrase spans."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.np_of = [-1] * len(words)
        self.nps: list[tuple[int, int]] = []
        for i, w in enumerate(words):
            if w.chunk == "NP" and (w.begins or i == 0 or words[i - 1].chunk != "NP"):
                self.nps.append((i, i))
            if w.chunk == "NP":
                a, _ = self.nps[-1]
                self.nps[-1] = (a, i)
                self.np_of[i] = len(self.nps) - 1

    def low(self, i: int) -> str:
        return self.words[i].low if 0 <= i < len(self.words) else ""

    def tag(self, i: int) -> str:
        return self.words[i].tag if 0 <= i < len(self.words) else ""

    def np(self, i: int) -> tuple[int, int] | None:
        """The noun phrase containing word ``i``."""
        if 0 <= i < len(self.words) and self.np_of[i] >= 0:
            return self.nps[self.np_of[i]]
        return None

    def is_verb(self, i: int) -> bool:
        return self.tag(i).startswith(("VB", "MD"))

    def is_calendar(self, span: tuple[int, int]) -> bool:
        """A time phrase ("Monday", "last year", "January 2020"), not a participant."""
        last = span[1]
        return self.low(last) in _CALENDAR or self.words[last].tag == "CD"

    # --- phrases ------------------------------------------------------------------------------

    def extend_right(self, span: tuple[int, int]) -> tuple[int, int]:
        """Widen a noun phrase over "of" phrases and coordinated noun phrases.

        "top Iranian general Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis";
        "the presence of foreign forces". A noun phrase after "and" that is the subject of a
        new clause (a verb follows it) is not taken.
        """
        a, b = span
        while True:
            nxt = b + 1
            if self.low(nxt) == "," and self.low(nxt + 1) in ("and", "or"):
                nxt += 1
            if self.tag(nxt) == "POS" and self.np(nxt + 1):
                b = self.np(nxt + 1)[1]  # type: ignore[index]
                continue
            if self.low(nxt) == "of" and self.np(nxt + 1):
                b = self.np(nxt + 1)[1]  # type: ignore[index]
                continue
            if self.low(nxt) in ("and", "or") and self.np(nxt + 1):
                c, d = self.np(nxt + 1)  # type: ignore[misc]
                if self.is_verb(d + 1) or self.is_calendar((c, d)):
                    break
                b = d
                continue
            if self.low(nxt) == "," and self.np(nxt + 1) and self.low(nxt - 1) != ",":
                # a list "X, Y and Z": take it only if it ends with "and" + noun phrase
                c, d = self.np(nxt + 1)  # type: ignore[misc]
                if self.low(d + 1) in ("and", ",") and self.np(d + 2):
                    b = d
                    continue
            break
        return a, b

    def extend_left(self, span: tuple[int, int]) -> tuple[int, int]:
        """Widen a noun phrase leftward over a possessor and "X of" heads ("the leader of")."""
        a, b = span
        while a >= 2:
            left = self.np(a - 2)
            if (self.words[a - 1].tag == "POS" and left) or (self.low(a - 1) == "of" and left):
                a = left[0]
            else:
                break
        return a, b

    def by_phrase(self, after: int) -> tuple[int, int]:
        """The noun phrase of a "by" phrase following word ``after`` in the same clause."""
        i = after + 1
        hops = 0
        while i < len(self.words) and hops < 4:
            if self.low(i) == "by" and self.np(i + 1):
                return self.extend_right(self.np(i + 1))  # type: ignore[arg-type]
            if self.low(i) in ("and", "or") and self.tag(i + 1) in ("VBN", "VBD"):
                i += 2  # "shot and killed by police"
                hops += 1
                continue
            if self.words[i].tag == "IN" and self.np(i + 1):
                i = self.np(i + 1)[1] + 1  # type: ignore[index]
                hops += 1
                continue
            if self.words[i].tag in ("RB", "CD"):
                i += 1
                continue
            break
        return _NONE

    # --- clauses ------------------------------------------------------------------------------

    def verb_group_start(self, v: int) -> tuple[int, list[str]]:
        """First word of the verb group ending at ``v`` and its auxiliaries (nearest last)."""
        g = v
        aux: list[str] = []
        while g > 0:
            w = self.words[g - 1]
            if w.low in AUXILIARIES or w.tag == "MD":
                aux.insert(0, w.low)
            elif not (w.tag.startswith("RB") or w.low in ("not", "n't")):
                break
            g -= 1
        while g < v and not (self.low(g) in AUXILIARIES or self.tag(g) == "MD"):
            g += 1  # leading adverbs belong to the clause, not the verb group
        return g, aux

    def subject(self, g: int, depth: int = 0) -> tuple[int, int]:
        """The subject of the clause whose verb group starts at word ``g``, or ``(-1, -1)``."""
        j = g - 1
        while j >= 0 and self.tag(j).startswith("RB"):
            j -= 1
        if j < 0 or depth > _MAX_DEPTH:
            return _NONE
        w = self.words[j]
        if w.low in ("who", "that", "which") or w.tag in ("WDT", "WP"):
            k = j - 1
            if self.low(k) == ",":
                k -= 1
            span = self.np(k)
            return self.extend_left(span) if span else _NONE
        span = self.np(j)
        if span:
            return self._subject_phrase(span)
        if w.low in ("and", "or", "but") or (w.low == "," and self.low(j - 1) != ","):
            for v in range(j - 1, -1, -1):
                if self.is_verb(v) and self.low(v) not in AUXILIARIES:
                    return self.subject(self.verb_group_start(v)[0], depth + 1)
                if self.low(v) in _SUBORDINATORS:
                    break
            return _NONE
        if w.low == "to":
            left = self.np(j - 1)
            if left and self.is_verb(left[0] - 1):
                if self.low(left[0] - 1).startswith(_OBJECT_CONTROL):
                    return self.extend_left(left)  # "ordered the army to attack"
                return self.subject(self.verb_group_start(left[0] - 1)[0], depth + 1)
            if self.is_verb(j - 1):
                return self.subject(self.verb_group_start(j - 1)[0], depth + 1)
        return _NONE

    def _subject_phrase(self, span: tuple[int, int]) -> tuple[int, int]:
        """From the noun phrase right before a verb, the whole subject phrase.

        An object of a preposition ("attacks on bases by militias killed ...") is skipped back
        to the head it modifies; a preceding "X and" is taken when it starts the clause.
        """
        a, b = self._phrase_start(span)
        while a >= 2 and self.low(a - 1) in ("and", "or") and self.np(a - 2):
            left = self._phrase_start(self.np(a - 2))  # type: ignore[arg-type]
            before = self.low(left[0] - 1)
            if left[0] > 0 and before not in _CLAUSE_OPENERS and before != ",":
                break  # "X attacked the base and troops were ...": the base is an object
            a = left[0]
        return a, b

    def _phrase_start(self, span: tuple[int, int]) -> tuple[int, int]:
        """Walk left from a noun phrase over the prepositional phrases it ends ("attacks on
        bases by militias"); trailing time phrases ("on Monday") are dropped from the end."""
        a, b = self.extend_left(span)
        hops = 0
        while a >= 2 and hops < 3:
            prep = self.words[a - 1]
            head = self.np(a - 2)
            if prep.tag != "IN" or prep.low in _CLAUSE_OPENERS or head is None:
                break
            if self.is_calendar((a, b)) and b == span[1]:
                b = head[1]
            a = self.extend_left(head)[0]
            hops += 1
        return a, b

    def object_after(self, v: int) -> tuple[int, int]:
        """The direct object right after verb ``v`` (particles, adverbs and quantity words such
        as "at least" skipped)."""
        i = v + 1
        quantity = -1
        while True:
            if self.tag(i) in ("RP", "RB"):
                i += 1
            elif (self.low(i), self.low(i + 1)) in _QUANTITY:
                quantity = i if quantity < 0 else quantity
                i += 2
            else:
                break
        span = self.np(i)
        if not span or span[0] != i or self.is_calendar(span):
            return _NONE
        a, b = self.extend_right(span)
        return (quantity if quantity >= 0 else a), b

    # --- mentions -----------------------------------------------------------------------------

    def verb_mention(self, v: int, entry: EventEntry) -> Mention:
        g, aux = self.verb_group_start(v)
        low = self.low(v)
        participle = self.tag(v) in ("VBN", "VBD") and (low.endswith("ed") or low in _PARTICIPLES)
        obj = self.object_after(v)
        first = g
        if participle and not aux and self.low(g - 1) in ("and", "or"):
            left = g - 2  # "was shot and killed": the passive carries over
            if self.tag(left) in ("VBN", "VBD"):
                first, left_aux = self.verb_group_start(left)
                if left_aux and left_aux[-1] in BE:
                    g, aux = first, left_aux
        passive = participle and bool(aux) and aux[-1] in BE
        reduced = (
            participle
            and not aux
            and obj == _NONE
            and (self.tag(v - 1).startswith(("NN", "CD")) or self.low(v - 1) == ",")
            and (entry.valency == "transitive" or self.by_phrase(v) != _NONE)
        )
        if passive or reduced:
            patient = self.np(v - 1) if reduced and self.low(v - 1) != "," else None
            if reduced and patient is None and self.low(v - 1) == ",":
                patient = self.np(v - 2)
            if reduced and patient is None and self.tag(v - 1) == "CD":
                patient = (v - 1, v - 1)  # headlines: "One killed in knife attack"
            patient_span = self.extend_left(patient) if patient else self.subject(g)
            agent = self.by_phrase(v)
            form: Form = "passive_agent" if agent != _NONE else "passive_agentless"
            return Mention(
                form, entry, v, first, v, agent, patient_span, "by" if agent != _NONE else ""
            )
        if entry.valency == "unaccusative" or (entry.valency == "ergative" and obj == _NONE):
            return Mention("intransitive", entry, v, g, v, _NONE, self.subject(g))
        agent = self.subject(g)
        return Mention("active", entry, v, g, v, agent, obj, "subject" if agent != _NONE else "")

    def noun_mention(self, h: int, entry: EventEntry) -> Mention | None:
        span = self.np(h)
        if span is None:
            return None
        a, _ = span
        if self.tag(h + 1).startswith("NN") and self.np(h + 1) == span:
            return None  # a modifier: "attack helicopters", "death toll"
        first, last = h, h
        agent, patient, source = _NONE, _NONE, ""
        nxt = self.low(h + 1)
        if nxt in entry.patient_preps and self.np(h + 2):
            patient = self.extend_right(self.np(h + 2))  # type: ignore[arg-type]
            last = patient[1]
        possessor = self._possessor(a, h)
        if possessor != _NONE:
            first = possessor[0]
            if entry.possessive == "agent" or patient != _NONE:
                agent, source = possessor, "possessive"
            else:
                patient = possessor
        by = self.by_phrase(last)
        if by == _NONE and entry.violent == "yes" and self.low(last + 1) == "from":
            by = self.extend_right(self.np(last + 2)) if self.np(last + 2) else _NONE  # type: ignore[arg-type]
        if by != _NONE and agent == _NONE:
            agent, source = by, "by"
        if agent == _NONE:
            agent = self._premodifier_agent(a, h)
            source = "premodifier" if agent != _NONE else ""
        if agent == _NONE and self.low(a - 1) in LIGHT_VERBS:
            agent = self.subject(self.verb_group_start(a - 1)[0])
            source = "subject" if agent != _NONE else ""
        return Mention("nominalisation", entry, h, first, last, agent, patient, source)

    def _possessor(self, a: int, h: int) -> tuple[int, int]:
        for i in range(a, h):
            if self.words[i].tag == "PRP$":
                return (i, i)
        if a >= 2 and self.words[a - 1].tag == "POS" and self.np(a - 2):
            left = self.extend_left(self.np(a - 2))  # type: ignore[arg-type]
            if not self.is_calendar(left):
                return left
        return _NONE

    def _premodifier_agent(self, a: int, h: int) -> tuple[int, int]:
        """The first run of agent-like premodifiers: proper nouns and adjectives ("US",
        "Iranian", "Iran-backed") and group nouns ("militia")."""
        run = _NONE
        for i in range(a, h):
            w = self.words[i]
            agentive = (
                (
                    w.text[:1].isupper()
                    and w.tag.startswith(("NNP", "JJ"))
                    and w.low not in _CALENDAR
                )
                or (w.low in GROUP_NOUNS)
                or ("-" in w.text and any(p[:1].isupper() for p in w.text.split("-")))
            )
            if agentive:
                run = (run[0] if run != _NONE else i, i)
            elif run != _NONE:
                break
        return run

    def right_edge(self, m: Mention) -> int:
        return max(m.last, m.patient[1], m.agent[1] if m.agent[0] > m.head else -1)

    def fold_instruments(self, mentions: list[Mention]) -> list[Mention]:
        """Fold event nouns in an instrument phrase into the mention they follow."""
        out = list(mentions)
        folded: set[int] = set()
        for n, m in enumerate(out):
            if m.form != "nominalisation" or n == 0:
                continue
            span = self.np(m.head)
            if span is None or self.low(span[0] - 1) not in _INSTRUMENT_PREPS:
                continue
            prep = span[0] - 1
            for p in range(n - 1, -1, -1):
                if p in folded:
                    continue
                parent = out[p]
                edge = self.right_edge(parent)
                by_agent = parent.agent_source == "by" and parent.agent[0] == span[0]
                if by_agent or (edge < prep and self._only_phrases(edge + 1, prep)):
                    phrase = (span[0], self.extend_right(span)[1])
                    changes: dict[str, object] = {"instrument": phrase}
                    if (parent.agent == _NONE or by_agent) and m.agent != _NONE:
                        # "targeted by rocket attacks from militias": the militias act
                        changes.update(agent=m.agent, agent_source="instrument")
                    out[p] = replace(parent, **changes)  # type: ignore[arg-type]
                    folded.add(n)
                break
        return [m for n, m in enumerate(out) if n not in folded]

    def _only_phrases(self, i: int, stop: int) -> bool:
        """Whether words ``i..stop-1`` are at most two prepositional (or time) phrases."""
        hops = 0
        while i < stop:
            if self.words[i].tag == "IN" and self.np(i + 1):
                i = self.np(i + 1)[1] + 1  # type: ignore[index]
            elif self.words[i].tag in ("CD", "RB"):
                i += 1
                continue
            else:
                return False
            hops += 1
        return hops <= 2


def sentence_mentions(words: list[Word], lexicon: EventLexicon) -> list[Mention]:
    """The event mentions of one parsed sentence, in text order.

    Args:
        words: From :func:`framing.agency.parse.parse_sentence`.
        lexicon: The event lexicon.

    Returns:
        One :class:`Mention` per event word read as an event (instrument phrases folded).
    """
    sent = _Sentence(words)
    verbs, nouns = lexicon.verbs, lexicon.nouns
    found: list[Mention] = []
    for i, w in enumerate(words):
        if w.tag.startswith("VB") and w.low in verbs:
            found.append(sent.verb_mention(i, verbs[w.low]))
        elif w.tag.startswith("NN") and w.low in nouns:
            mention = sent.noun_mention(i, nouns[w.low])
            if mention is not None:
                found.append(mention)
    return sent.fold_instruments(found)
