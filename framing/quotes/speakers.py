"""Speaker mentions: finding them next to a cue, typing them, resolving them to full names.

A *mention* is the source as the article writes it ("he", "Kadhimi", "a senior US
administration official"). Resolution maps it to the fullest name the article uses for the same
person ("Mustafa al-Kadhimi"); typing says what kind of source it is. Cue words come from
``framing/lexicons/speaker_cues.tsv``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from framing._resources import read_tsv
from framing.quotes.marks import MASK
from framing.quotes.pos import tag, wordset
from framing.text import match_spans

__all__ = [
    "SPEAKER_TYPES",
    "Mention",
    "NameIndex",
    "antecedent",
    "build_name_index",
    "mention_after",
    "mention_before",
    "resolve_name",
    "speaker_type",
    "strip_aux",
]

#: Speaker types, in the order tables list them.
SPEAKER_TYPES = (
    "person",
    "anonymous",
    "group",
    "organisation",
    "document",
    "social media",
    "unknown",
)


@cache
def _cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_tsv("speaker_cues.tsv"):
        cats = {c.strip() for c in row["categories"].split(",") if c.strip()}
        out.setdefault(row["word"].lower(), set()).update(cats)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=65536)
def _cat(word: str) -> frozenset[str]:
    return _cues().get(word.lower().rstrip(",").removesuffix("'s"), frozenset())


class Mention(NamedTuple):
    """A speaker mention: ``start:end`` is the source as written; role is an appositive/title."""

    start: int
    end: int
    role_start: int = -1
    role_end: int = -1


_TOKEN = re.compile(rf"{MASK}+|[\w@#&$%]+(?:[.'\-][\w@#&]+)*(?:(?<=s)'(?!\w))?\.?|[^\s\w]")

# Words that end a subject noun phrase when walking left from the cue (the subject never
# contains them) ...
_STOP_LEFT = wordset(
    """that which who whom whose what when while because as if but or after before since so where
    although though whether than until unless said says say told tells saying telling is are
    was were has have had will would can could should may might must do does did be been
    being not also then there here it's i'm we're they're he's she's"""
)
# ... and words skipped between the subject and the cue ("Austin further added").
# Stop words that end a subject even when capitalised (a capitalised "Will" or "May" is a name).
_CAPITAL_STOPS = wordset(
    """that which when while because as if but or after before since so where although though
    whether than until unless there here then also not it's"""
)
_AUX_WORDS = (
    r"has|have|had|would|will|also|further|later|then|previously|repeatedly|again|"
    r"once|often|always|never|not|n't|did|does|do|recently|earlier|first|publicly|privately|"
    r"himself|herself|themselves|itself|(?i:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)|today|yesterday|tonight|night|morning|afternoon|evening|here|there|"
    r"reportedly|just|even|still|flatly|had|is|was|were|are|been|could|may|might|should|can|"
    r"[a-z]+ly"
)
_AUX = re.compile(rf"(?:\s+(?:{_AUX_WORDS}))+$")
_AUX_WORD = re.compile(_AUX_WORDS)
_QUANTIFIERS = wordset("another one others some many most both few several all none")
_DEFINITE = wordset("the a an this that his her its their our my your another every each")
_TIME_TAIL_WORDS = r"on|in|at|last|this|late|early|earlier|later"
_TIME_TAIL = re.compile(rf"\s+(?:{_TIME_TAIL_WORDS})$", re.IGNORECASE)
_TIME_TAIL_WORD = re.compile(_TIME_TAIL_WORDS, re.IGNORECASE)
_PREPOSITIONS = wordset(
    """on in at during after before ahead from via through with when while to for of about by
    over under since until into onto upon across"""
)
_DETERMINERS = wordset("""a an the this that these those another one some many most""")
_TIME_WORDS = wordset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan. feb. mar. apr. jun. jul.
    aug. sep. sept. oct. nov. dec. today yesterday tonight week month year morning afternoon
    evening night last this earlier"""
)
_PRONOUNS = wordset("""he she they it we i you who which that this""")
# (set differences used per token, computed once)
_BARE_DETERMINERS = _DETERMINERS - _QUANTIFIERS - {"this", "that"}
_PREPOSITIONS_BUT_OF = _PREPOSITIONS - {"of"}


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    # (every character but white space starts a _TOKEN match: match_spans is exact here)
    out: list[tuple[int, int, str]] = []
    append = out.append
    for start, end, w in match_spans(_TOKEN, text, lo, hi):
        if w[-1] == "." and len(w) > 4 and "." not in w[:-1] and w[-2].islower():
            append((start, end - 1, w[:-1]))  # "official." -> "official"
            append((end - 1, end, "."))
        else:
            append((start, end, w))
    return out


_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman|person|people|ary|ive|ie)s?$")


_HEAD_OK_RE1 = re.compile(r"(?:al|el|bin|de|van|von)-[A-Z]")


def _head_ok(word: str) -> bool:
    """Can ``word`` head a speaker mention? Names, pronouns, people and organisation nouns."""
    low = word.lower().removesuffix("'s")
    if low in _PRONOUNS or low in _QUANTIFIERS:
        return True
    if low in _TIME_WORDS or low.replace(",", "").replace(".", "").isdigit():
        return False
    if word[0].isupper() or word[0] in "@#" or _HEAD_OK_RE1.match(word):
        return True
    if _cat(low):
        return True
    t = tag(low)
    if t.startswith("VB") or t in ("JJ", "RB", "IN", "DT", "CC", "MD", "PRP$", "CD"):
        return False
    return t == "NNS" or bool(_AGENT.search(low))


def _np_ok(toks: list[tuple[int, int, str]]) -> bool:
    if len(toks) >= 3 and toks[-1][2].isdigit() and toks[-2][2].lower() in ("in", "out", "of"):
        return True  # "about 4 in 10 (say)", "nearly nine out of 10"
    if toks and toks[-1][2] == ")":  # "Sen. Rand Paul (R-Ky.)": the head is before the brackets
        k = (
            max(i for i, t in enumerate(toks) if t[2] == "(")
            if any(t[2] == "(" for t in toks)
            else 0
        )
        toks = toks[:k]
    if not toks or len(toks) > 14:
        return False
    head = toks[-1][2]
    low = head.lower()
    if low in _STOP_LEFT and low not in _PRONOUNS:
        return False
    if low in _PREPOSITIONS or low in _BARE_DETERMINERS:
        return False
    if not (head[0].isalnum() or head[0] in "@#"):
        return False
    first = toks[0][2]
    if not _head_ok(head) and not (
        tag(low) in ("NN", "NNP") and len(toks) > 1 and first.lower() in _DEFINITE
    ):
        return False
    return len(toks) == 1 or not (first.islower() and first in _STOP_LEFT)


def _trim_front(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop a leading prepositional/time phrase: "On Monday Biden" -> "Biden"."""
    i = 0
    while i < len(toks) - 1:
        low = toks[i][2].lower()
        if (
            low in _PREPOSITIONS
            or low in _TIME_WORDS
            or low in ("-", "and", "but", "so", "yet", "still", "also")
        ):
            i += 1
            continue
        break
    return toks[i:]


# _walk_left tokenises only the last _WALK_WINDOW characters first (the walk seldom goes back
# more than a few words); it tokenises all of ``masked[lo:hi]`` when the walk would look at
# the window's first token (or, for a parenthesis, at one of its first 9: the walk looks up
# to 8 tokens back for the "("), so the result never depends on the window.
_WALK_WINDOW = 64
_WALK_MARGIN = 1
_PAREN_REACH = 8  # a ")" reads tokens up to this many before it


def _walk_left(masked: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    start = hi - _WALK_WINDOW
    if start > lo:
        # start the window at white space: no token spans white space, so tokenising from
        # there gives the same last tokens as tokenising from ``lo``
        while start < hi and not masked[start].isspace():
            start += 1
        if start < hi:
            found = _walk_tokens(_tokens(masked, start, hi))
            if found is not None:
                return found
    return _walk_tokens(_tokens(masked, lo, hi), margin=0) or []


def _walk_tokens(
    toks: list[tuple[int, int, str]], margin: int = _WALK_MARGIN
) -> list[tuple[int, int, str]] | None:
    """The subject phrase at the end of ``toks``; None if the walk looked at one of the first
    ``margin`` tokens, or, at a ")", could look before them (the caller then walks all the
    tokens of the clause). With ``margin`` >= 1 every token the walk reads is one of ``toks``,
    so a window's tokens (the last tokens of the clause) give the clause's result."""
    if margin and len(toks) <= margin:
        return None
    out: list[tuple[int, int, str]] = []
    j = len(toks)
    while j > 0:
        j -= 1
        if j < margin:
            return None
        w = toks[j][2]
        low = w.lower()
        if w == ")":  # "Sen. Ted Cruz (R-Tex.)": keep a short parenthesis inside the mention
            if margin and j < margin + _PAREN_REACH:
                return None  # (the search for "(" below could look before the window)
            k = j - 1
            while k >= 0 and j - k < 8 and toks[k][2] != "(":
                k -= 1
            if k >= 1 and toks[k][2] == "(" and toks[k - 1][2][0].isalnum():
                out.extend(reversed(toks[k : j + 1]))
                j = k
                continue
            break
        if not (w[0].isalnum() or w[0] in "@#$%&"):
            break
        if low in _STOP_LEFT and (w.islower() or low in _CAPITAL_STOPS):
            if low in _PRONOUNS and not out:
                out.append(toks[j])
            break
        if low == "and" and not (out and out[-1][2][0].isupper()):
            break
        if w.islower() and tag(low) in ("VBD", "VBZ", "VBP", "MD", "VBN") and not _cat(low):
            before_w = toks[j - 1][2].lower() if j > 0 else ""
            if not (tag(low) in ("VBN", "VBD") and before_w in _DEFINITE and out):
                break  # ... but "the retired neurosurgeon" is an adjective
        out.append(toks[j])
        if len(out) > 14:
            return []
    out.reverse()
    out = _trim_front(out)
    # "ties the two leaders (hailed)": a determiner inside the phrase starts the mention
    # unless a preposition or possessive governs it ("head of the KRG")
    for i in range(len(out) - 1, 0, -1):
        if out[i][2].lower() in ("the", "a", "an"):
            prev = out[i - 1][2].lower()
            if prev not in _PREPOSITIONS and not prev.endswith("'s") and prev != "and":
                return out[i:]
    return out


def antecedent(masked: str, lo: int, pos: int) -> Mention | None:
    """The noun phrase a relative pronoun at ``pos`` refers to ("a joint statement ... which")."""
    toks = _walk_left(masked, lo, pos)
    if not toks:
        stripped = masked[lo:pos].rstrip()
        if stripped.endswith(","):
            toks = _walk_left(masked, lo, lo + len(stripped) - 1)
    # the nearest noun phrase: "pressures from hardline Shia factions (who)" -> "hardline Shia
    # factions"; a time phrase does not count: "a joint statement on Monday (which)"
    while (
        len(toks) > 2
        and toks[-2][2].lower() in _PREPOSITIONS
        and (toks[-1][2].lower() in _TIME_WORDS)
    ):
        toks = toks[:-2]
    for i in range(len(toks) - 1, 0, -1):
        if toks[i][2].lower() in _PREPOSITIONS_BUT_OF:
            toks = toks[i + 1 :]
            break
    if not toks:
        return None
    head = toks[-1][2]
    if not (_head_ok(head) or tag(head.lower()).startswith("NN")):
        return None
    return Mention(toks[0][0], toks[-1][1])


_INSIDE_PHRASE_RE1 = re.compile(r"([A-Za-z']+)\s*$")


def _inside_phrase(before: str) -> bool:
    """Does ``before`` end with a word that makes the next name part of a phrase ("in X")?"""
    m = _INSIDE_PHRASE_RE1.search(before)
    if m is None:
        return False
    return tag(m.group(1).lower()) in ("IN", "VBN", "VBD", "VBG", "TO", "CD")


_STRIP_AUX_RE1 = re.compile(r"\b(he|she|it|who|that|[A-Z][\w.\-]*)['\u2019]s(?:\s+[a-z]+ly)?$")
_STRIP_AUX_RE2 = re.compile(
    r"\s+(?:went|goes|go|going)\s+on\s+to$|\s+(?:took|takes|take)\s+to\s+twitter\s+to$",
    re.IGNORECASE,
)


_CONTRACTED_ENDS = ("'s", "\u2019s", "ly")


def strip_aux(left: str) -> str:
    """Drop auxiliaries, adverbs and time words before a cue: "Austin further" -> "Austin"."""
    left = left.rstrip()
    # (each pattern runs only when the text holds what every match of it contains)
    # (a match ends the text: with the "'s" or an adverb in -ly after it)
    contracted = _STRIP_AUX_RE1.search(left) if left.endswith(_CONTRACTED_ENDS) else None
    if contracted:  # "He's predicting": the subject is "He"
        left = left[: contracted.end(1)]
    # "He went on to call ...", "she took to Twitter to say ...": the subject is before
    tail = left[-3:].lower()
    if tail.endswith(("to", "to\n")):
        left = _STRIP_AUX_RE2.sub("", left)
    while True:
        if left[-1:].isspace():  # (never after rstrip; kept for exactness)
            m = _AUX.search(left) or _TIME_TAIL.search(left)
            if not m:
                return left
            cut = m.start()
        else:
            # the last word matches neither pattern (most cues: "Biden said"): nothing to drop
            end = len(left)
            start = end
            while start > 0 and not left[start - 1].isspace():
                start -= 1
            if start == end or (
                _AUX_WORD.fullmatch(left, start, end) is None
                and _TIME_TAIL_WORD.fullmatch(left, start, end) is None
            ):
                return left
            cut = _tail_words(left, _AUX_WORD, many=True)
            if cut < 0:
                cut = _tail_words(left, _TIME_TAIL_WORD, many=False)
            if cut < 0:
                return left
        left = left[:cut]


def _tail_words(left: str, word: re.Pattern[str], *, many: bool) -> int:
    """Where ``(?:\\s+(?:WORD))+$`` (``many``) or ``\\s+(?:WORD)$`` first matches in ``left``
    (which does not end in white space), or -1: the same as ``re.search(...).start()``, found
    by walking back over the last words instead of trying every position of ``left``.

    A match is white space then a whole word (no white space inside), repeated up to the end,
    so it starts at the white space before the first of the final words ``word`` matches.
    """
    cut = -1
    end = len(left)
    while end > 0:
        start = end
        while start > 0 and not left[start - 1].isspace():
            start -= 1
        if start == end or word.fullmatch(left, start, end) is None:
            break
        space = start
        while space > 0 and left[space - 1].isspace():
            space -= 1
        if space == start:  # the word opens the string: no white space before it
            break
        cut = space
        if not many:
            break
        end = space
    return cut


_MENTION_BEFORE_RE1 = re.compile(r"\s+([a-z]+)\s+and$")


def mention_before(masked: str, lo: int, cue_start: int) -> tuple[Mention, int] | None:
    """The subject mention ending just before a cue ("Biden said", "Austin further added").

    Handles an appositive or relative clause between subject and cue ("Safeen Dizayee, head
    of ..., said"; "Clinton, who ..., said") and returns the name as the mention, the appositive
    as the role.

    Args:
        masked: The article's normalised text with quotations masked.
        lo: Where the clause starts (nothing before it can be the subject).
        cue_start: Offset of the cue.

    Returns:
        ``(mention, skipped_to)`` where ``skipped_to`` is the offset just after the subject
        (before any auxiliary words), or None when no subject stands there.
    """
    left = masked[lo:cue_start].rstrip()
    # "he laughed and said": skip a coordinated verb
    # (every match ends with "and": ``left`` is stripped, so ``$`` is its end)
    coord = _MENTION_BEFORE_RE1.search(left) if left.endswith("and") else None
    if coord and tag(coord.group(1)) in ("VBD", "VBZ", "VBP"):
        left = left[: coord.start()]
    left = strip_aux(left)
    hi = lo + len(left.rstrip())
    toks = _walk_left(masked, lo, hi)
    if toks and _np_ok(toks):
        return Mention(toks[0][0], toks[-1][1]), hi
    if toks and len(toks) > 2:
        # "another source familiar with Cruz's thinking", "a White House official close to
        # the talks": the head noun comes before the modifier
        for i, t in enumerate(toks[1:], 1):
            if t[2].lower() in ("familiar", "close", "with", "from", "at", "in", "for"):
                if _np_ok(toks[:i]):
                    return Mention(toks[0][0], toks[-1][1]), hi
                break
    # appositive: NAME, APPOSITIVE, cue (the appositive may hold commas: "Mr. Daniloff, now 81
    # and retired in Cambridge, Mass., said")
    stripped = masked[lo:hi].rstrip()
    if (stripped.endswith("-") and " - " in stripped[:-1]) or stripped.endswith(" --"):
        # "Jason Sims - a teacher from Mount Pleasant - says"
        dash2 = lo + len(stripped) - 1
        dash1 = masked.rfind(" -", lo, dash2 - 1)
        name = _walk_left(masked, lo, dash1) if dash1 > lo else []
        if name and _np_ok(name) and dash2 - dash1 < 160:
            appos = _tokens(masked, dash1 + 2, dash2)
            if appos:
                return Mention(name[0][0], name[-1][1], appos[0][0], appos[-1][1]), hi
        return None
    if not stripped.endswith(","):
        return None
    comma2 = lo + len(stripped) - 1
    comma1 = comma2
    for _ in range(3):
        comma1 = masked.rfind(",", lo, comma1)
        if comma1 < 0 or comma2 - comma1 > 200 or MASK in masked[comma1:comma2]:
            return None
        appos = _tokens(masked, comma1 + 1, comma2)
        if not appos or len(appos) > 32:
            return None
        if not any(w.lower() in ("who", "whose", "which", "that") for _, _, w in appos) and any(
            w.islower() and tag(w) in ("MD", "VBZ", "VBP") for _, _, w in appos
        ):
            continue  # ", would never invoke a zone, said X": a clause, not an apposition
        name = _walk_left(masked, lo, comma1)
        before = masked[lo : name[0][0]].rstrip() if name else ""
        if name and _np_ok(name) and not _inside_phrase(before):
            return Mention(name[0][0], name[-1][1], appos[0][0], appos[-1][1]), hi
    return None


_STOP_RIGHT = _PREPOSITIONS | {
    "that",
    "who",
    "which",
    "as",
    "and",
    "but",
    "last",
    "this",
    "earlier",
    "on",
    "adding",
    "saying",
    "noting",
    "referring",
    "announcing",
}


def mention_after(masked: str, cue_end: int, hi: int, *, lenient: bool = False) -> Mention | None:
    """The mention right after a cue, for inverted attributions ("... ," said Biden).

    ``lenient`` (after "according to") accepts any noun phrase: "the RealClearPolitics
    average", "recent polling", "state law".
    """
    toks = _tokens(masked, cue_end, min(hi, cue_end + 160))
    out: list[tuple[int, int, str]] = []
    for s, e, w in toks:
        if not (w[0].isalnum() or w[0] in "@#"):
            if w == "-" or (w == "." and out and out[-1][2][-1:].isupper()):
                break
            break
        low = w.lower()
        if low == "by" and out and tag(out[-1][2].lower()) in ("VBN", "VBD"):
            out.append((s, e, w))
            continue
        if low in ("with", "to") and out and out[-1][2].lower() in ("familiar", "close"):
            out.append((s, e, w))  # "a source familiar with the talks", "an aide close to him"
            continue
        if low in _STOP_RIGHT and out:
            if low == "of" and len(out) < 10:
                out.append((s, e, w))
                continue
            break
        if (
            out
            and w.islower()
            and tag(low) in ("VBD", "VBN", "VBZ", "VBP", "MD", "VBG")
            and out[-1][2].lower() not in _DETERMINERS
        ):
            nxt = masked[e : e + 4]
            if tag(low) in ("VBN", "VBD") and nxt.startswith(" by "):
                out.append((s, e, w))  # "data compiled by Rudaw English"
                continue
            break
        out.append((s, e, w))
        if len(out) > 12:
            return None
    while out and (out[-1][2].lower() in _STOP_RIGHT or out[-1][2].lower() in _DETERMINERS):
        out.pop()
    if not out:
        return None
    first = out[0][2]
    low = first.lower()
    if low in _TIME_WORDS or low in _PREPOSITIONS or low in ("that", "it", "this"):
        return None
    if first.islower() and tag(low).startswith("VB") and not out[-1][2][0].isupper():
        return None
    head = out[-1][2]
    if lenient and tag(head.lower()) not in ("IN", "TO", "CC", "DT", "MD", "VBZ", "VBD", "VBP"):
        return Mention(out[0][0], out[-1][1])
    if not _head_ok(head) and not (
        tag(head.lower()) in ("NN", "NNP") and len(out) > 1 and low in _DEFINITE
    ):
        return None
    return Mention(out[0][0], out[-1][1])


# --- typing ---------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(
    r"(?:[A-Z][a-zA-Z'\-]+|(?:al|el|bin|ibn|de|van|von|da)-?[A-Z][\w'\-]*|[A-Z]\.)$"
)


_WORDS_RE1 = re.compile(r"[\w@#&]+(?:[.'\-][\w@#&]+)*\.?")


def _words(text: str) -> list[str]:
    return _WORDS_RE1.findall(text)  # (a new list each call)


_SPEAKER_TYPE_RE1 = re.compile(r"\d+ (?:in|out of) \d+$")


def speaker_type(mention: str, *, is_person_name: bool = False) -> str:
    """Classify a mention as written into one of :data:`SPEAKER_TYPES`.

    Reading the type: ``person`` is a named individual (or a pronoun resolved to one);
    ``anonymous`` an unnamed individual ("a senior official", "a source"); ``group`` an unnamed
    collective ("analysts", "US media", "Kurdish officials"); ``organisation`` an organisation
    or government ("the White House", "Iran"); ``document`` a statement, report or data;
    ``social media`` a post or tweet.
    """
    words = _words(mention)
    if not words:
        return "unknown"
    if is_person_name:
        return "person"
    if _SPEAKER_TYPE_RE1.search(mention) or mention.lower().endswith("percent"):
        return "group"  # "about 4 in 10", "51 percent of respondents"
    low = [w.lower().removesuffix("'s") for w in words]
    for i, w in enumerate(low[1:], 1):  # "Statements from both sides": the head comes first
        if (
            w in ("of", "from", "for", "at", "in", "with", "on", "by", "familiar", "close", "who")
            or (words[i].islower() and tag(w) == "VBN")
        ) and ("title" not in _cat(low[i - 1]) or low[0] in ("a", "an", "another", "one")):
            words, low = words[:i], low[:i]
            break
    head = low[-1]
    cats_head = _cat(head)
    if head.startswith("@") and len(words) > 1:
        return "person"  # "US President @JoeBiden"
    if any("social" in _cat(w) for w in low[-2:]) or (len(words) == 1 and head.startswith("@")):
        return "social media"
    if "document" in cats_head:
        return "document"
    if "group" in cats_head or head in ("media", "press"):
        return "group"
    if "anonymous" in cats_head and (
        low[0] in ("a", "an", "another", "one", "the", "two", "three", "several", "some")
        or not any(_is_name(w) for w in words[:-1])
    ):
        return "anonymous"
    if "organisation" in cats_head or "government" in cats_head:
        return "organisation"
    if any("organisation" in _cat(w) for w in low):
        return "organisation"
    if head.endswith("s") and words[-1].islower() and len(head) > 3 and not head.endswith("ss"):
        return "group"
    if words[-1][0].isupper():
        return "person"
    if "title" in cats_head:
        return "person" if low[0] in ("the",) else "anonymous"
    return "unknown"


@lru_cache(maxsize=65536)
def _is_name(word: str) -> bool:
    if not _NAME_TOKEN.match(word) or _cat(word):
        return False
    t = tag(word)
    if t.startswith("NNP"):
        return True
    low = tag(word.lower())
    return low == "" or low.startswith("NN")


class NameIndex(NamedTuple):
    """People named in an article: full names, their roles, and short forms pointing to them."""

    full: dict[str, str]  # key (last name, lower, without "al-") -> fullest name
    roles: dict[str, str]  # fullest name -> role written next to it ("Iraqi Prime Minister")
    starts: dict[str, int]  # fullest name -> offset of first mention


_SEQ = re.compile(
    # (?=[A-Zabdeiv]): the first letter of any match, checked before the look-behind (faster)
    r"(?=[A-Zabdeiv])(?<![\w'])"
    r"(?:(?:[A-Z][\w'\-]*\.?|(?:al|el|bin|ibn|de|van|von|da)[\- ][A-Z][\w'\-]*)"
    r"(?: (?=[A-Z]|al-|el-|bin |ibn |de |van |von |da ))?)+"
)


_NONSPACE = re.compile(r"\S+")


def _key(word: str) -> str:
    w = word.lower().removesuffix("'s").rstrip(".,")
    for p in ("al-", "el-", "al ", "el "):
        if w.startswith(p):
            w = w[len(p) :]
    return w


_BUILD_NAME_INDEX_RE1 = re.compile(r"^(?:[A-Z]{3,}\S*?[-,]\s*)+")
_BUILD_NAME_INDEX_RE2 = re.compile(r"^[A-Z]{3,}-")
_BUILD_NAME_INDEX_RE3 = re.compile(r"((?:[a-z\-]+ ){0,2}[a-z\-]+) $")
_BUILD_NAME_INDEX_RE4 = re.compile(r"^, ((?:the|a|an) [^,;.]{3,90}),")
_LOWER_OR_HYPHEN = "abcdefghijklmnopqrstuvwxyz-"


def _lower_words_before(pre: str) -> str | None:
    r"""``_BUILD_NAME_INDEX_RE3.search(pre).group(1)`` (None with no match), found from the end.

    A match is one to three runs of ``[a-z\-]`` with one space between them, then the space
    that ends ``pre`` (or comes before its final newline: ``$``); the leftmost match starts
    where the farthest of those runs starts: walking back over the words between single
    spaces, a word that is not all ``[a-z\-]`` (or the third word) gives only its end. The
    search tries every start (about 5 us); ``rsplit`` and ``rstrip`` work in C.
    """
    if pre.endswith(" "):
        body = pre[:-1]
    elif pre.endswith(" \n"):
        body = pre[:-2]
    else:
        return None
    runs: list[str] = []
    for word in reversed(body.rsplit(" ", 2)):  # (the first item holds all the rest)
        keep = len(word) - len(word.rstrip(_LOWER_OR_HYPHEN))
        if keep == 0:
            break  # no run ends here
        runs.append(word[-keep:])
        if keep < len(word):
            break  # the run starts inside the word
    return " ".join(reversed(runs)) if runs else None


@lru_cache(maxsize=65536)
def _name_parts(seq: str) -> tuple[str, int, str, str, bool] | None:
    """What :func:`build_name_index` reads from a run of capitalised words alone (names recur,
    so this is memoised): the name (None if the run holds none), its offset in ``seq``, its
    index key, the capitalised role before it, and whether that role holds a title word."""
    toks = [(t.start(), t.end(), t.group()) for t in _NONSPACE.finditer(seq)]
    # split into title prefix and name suffix
    k = len(toks)
    while (
        k > 0
        and _is_name(toks[k - 1][2].rstrip(".,"))
        and toks[k - 1][2].lower() not in _TIME_WORDS
    ):
        k -= 1
    name_toks = toks[k:]
    if len(name_toks) < 2 or len(name_toks) > 4:
        return None
    if name_toks[0][2].lower() in ("the", "a", "an") or name_toks[-1][2].endswith("."):
        return None
    name = " ".join(t[2] for t in name_toks).removesuffix("'s")
    if name.endswith("'s"):
        return None
    role = ""
    if k:
        role = " ".join(t[2] for t in toks[:k])
        role = _BUILD_NAME_INDEX_RE1.sub("", role)
        role = _BUILD_NAME_INDEX_RE2.sub("", role)
    role_ok = bool(role) and any("title" in _cat(w) for w in role.split())
    return name, name_toks[0][0], _key(name_toks[-1][2]), role, role_ok


def build_name_index(norm: str, masked: str) -> NameIndex:
    """Collect the people named in an article (outside quotations) with their titles.

    A person name is a run of two or more capitalised words that are not title, organisation,
    group or document words ("Joe Biden", "Mustafa al-Kadhimi"); capitalised title words right
    before it ("US President", "Iraqi Prime Minister") or lower-case title words ("press
    secretary Jen Psaki") and an appositive after it become its role.
    """
    full: dict[str, str] = {}
    roles: dict[str, str] = {}
    starts: dict[str, int] = {}
    for m in _SEQ.finditer(masked):
        seq = m.group()
        if " " not in seq:
            continue  # one word: no name of two or more words (most runs: sentence starts)
        parts = _name_parts(seq)
        if parts is None:
            continue
        name, offset, key, role, role_ok = parts
        cur = full.get(key)
        if cur is None or len(name) > len(cur):
            full[key] = name
            starts.setdefault(name, m.start() + offset)
        if name in roles:
            continue  # the first role found stays: the role below is only ever stored
        if not role:
            pre = masked[max(0, m.start() - 40) : m.start()]
            lower_role = _lower_words_before(pre)
            if lower_role and any("title" in _cat(w) for w in lower_role.split()):
                words = lower_role.split()
                while words and "title" not in _cat(words[0]):
                    words.pop(0)
                role = " ".join(words)
            if role and not any("title" in _cat(w) for w in role.split()):
                role = ""
        elif not role_ok:
            role = ""
        if not role:
            appos = _BUILD_NAME_INDEX_RE4.match(masked[m.end() : m.end() + 120])
            if appos:
                role = appos.group(1)
        if role:
            roles[name] = role
    # short forms: a key also points to roles of the fullest name
    for key, name in list(full.items()):
        for _other_key, other in list(full.items()):
            if other != name and other.endswith(name) and len(other) > len(name):
                full[key] = other
                if name in roles and other not in roles:
                    roles[other] = roles[name]
    return NameIndex(full, roles, starts)


_RESOLVE_NAME_RE1 = re.compile(r"^(?:al|el)-")
_RESOLVE_NAME_RE2 = re.compile(r"[A-Z][a-z]+")


def resolve_name(mention: str, index: NameIndex) -> tuple[str, str]:
    """Resolve a mention to (fullest name, role) through the article's name index.

    ``("Kadhimi", ...) -> ("Mustafa al-Kadhimi", "Iraqi Prime Minister")``; a role phrase
    ("the Iraqi prime minister", "the president") resolves when exactly one named person carries
    that role. Returns ``("", "")`` when the mention names nobody the index knows.
    """
    words = _words(mention)
    if not words:
        return "", ""
    if any(w.lower() in ("for", "of", "to", "at", "with", "from") for w in words[:-1]) and not (
        any("title" in _cat(w) for w in words[:-1])
        and all(w[:1].isupper() or w.lower() in ("of", "the") for w in words)
    ):
        return "", ""  # "a spokesman for Bernie Sanders" is not Bernie Sanders
    if words[-1].startswith("@"):  # "@JoeBiden" -> "Joe Biden"
        words = words[:-1] + _RESOLVE_NAME_RE2.findall(words[-1])
        if not words:
            return "", ""
    last = words[-1]
    bare = _RESOLVE_NAME_RE1.sub("", last)
    if bare[:1].isupper() and _is_name(bare.rstrip(".,")) and not _cat(bare):
        name = index.full.get(_key(last))
        if name:
            return name, index.roles.get(name, "")
    low = [w.lower() for w in words if w.lower() not in _DETERMINERS]
    if (
        low
        and any("title" in _cat(w) for w in low)
        and all("title" in _cat(w) or w in ("iraqi", "us", "u.s.", "american") for w in low)
    ):
        hits = [n for n, r in index.roles.items() if set(low) <= {w.lower() for w in r.split()}]
        hits = list(dict.fromkeys(hits))
        if len(hits) == 1:
            return hits[0], index.roles[hits[0]]
    return "", ""
