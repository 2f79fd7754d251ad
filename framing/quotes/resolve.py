"""From a statement's mention to its speaker: pronouns, short forms, roles and types."""

from __future__ import annotations

import re

from framing.quotes.pos import wordset
from framing.quotes.records import Quote
from framing.quotes.speakers import (
    NameIndex,
    resolve_name,
    speaker_type,
)
from framing.quotes.statements import (
    _Stmt,
)
from framing.quotes.verbs import VerbLexicon

# --- whole article --------------------------------------------------------------------------

_PRONOUN_MENTIONS = wordset("""he she him his her""")
_PLURAL_PRONOUNS = wordset("""they them we""")


_RESOLVE_RE1 = re.compile(r"(?:[A-Z][\w.'\-]*\s){1,3}[A-Z][\w'\-]+")


def _resolve(
    text: str,
    norm: str,
    masked: str,
    st: _Stmt,
    names: NameIndex,
    history: list[Quote],
    lex: VerbLexicon,
) -> Quote:
    verb = text[st.verb_start : st.verb_end] if st.verb_start >= 0 else ""
    form = " ".join(verb.lower().split())
    entry = lex.entries.get(form)
    stance = entry.stance if entry else ("neutral" if form in (":", "according to") else "")
    if st.mention is None:
        return Quote(
            st.kind,
            st.start,
            st.end,
            verb=verb,
            verb_start=st.verb_start,
            verb_end=st.verb_end,
            verb_stance=stance,
        )
    m = st.mention
    written = text[m.start : m.end]
    if m.role_start >= 0 and written.split()[-1][:1].islower():
        # "Another delegate on the Cruz slate, Jim Poolman, said": the name is the appositive
        appos = " ".join(text[m.role_start : m.role_end].split())
        if _RESOLVE_RE1.fullmatch(appos):
            full, nrole = resolve_name(appos, names)
            return Quote(
                st.kind,
                st.start,
                st.end,
                full or appos,
                m.start,
                m.end,
                written,
                "person",
                " ".join(written.split()),
                verb,
                st.verb_start,
                st.verb_end,
                stance,
            )
    if st.pronoun_of >= 0:
        ante_text = text[st.pronoun_of : st.pronoun_end].rstrip(" ,")
        full, nrole = resolve_name(ante_text, names)
        speaker = full or " ".join(ante_text.split())
        stype = "person" if full else speaker_type(ante_text)
        return Quote(
            st.kind,
            st.start,
            st.end,
            speaker,
            m.start,
            m.end,
            written,
            stype,
            nrole,
            verb,
            st.verb_start,
            st.verb_end,
            stance,
        )
    role = " ".join(text[m.role_start : m.role_end].split()) if m.role_start >= 0 else ""
    low = written.lower()
    speaker, stype = "", "unknown"
    if low in _PRONOUN_MENTIONS:
        for q in reversed(history):
            if q.speaker_type == "person" and q.speaker:
                speaker, stype, role = q.speaker, "person", role or q.speaker_role
                break
        else:
            name = _last_name_before(names, m.start)
            stype = "person"
            if name:
                speaker = name
                role = role or names.roles.get(name, "")
    elif low in _PLURAL_PRONOUNS or low in ("it", "who", "which"):
        for q in reversed(history):
            if q.speaker_start >= 0 and m.start - q.speaker_start > 400:
                break  # "they"/"it" only refer back a sentence or two
            if low in ("it", "which") and q.speaker_type in ("organisation", "document"):
                speaker, stype = q.speaker, q.speaker_type
                break
            if low == "who" and q.speaker_type in ("person", "anonymous"):
                speaker, stype = q.speaker, q.speaker_type
                break
            if low in _PLURAL_PRONOUNS and q.speaker_type in ("group", "organisation"):
                speaker, stype = q.speaker, q.speaker_type
                break
        if not speaker:
            speaker = written
            stype = "group" if low in _PLURAL_PRONOUNS else "unknown"
    else:
        full, nrole = resolve_name(written, names)
        if full:
            speaker, stype = full, "person"
            role = role or nrole
            if written != full and not role:
                role = _leading_role(written)
        else:
            speaker = " ".join(written.split())
            stype = speaker_type(written)
            if stype == "person":
                role = role or _leading_role(written)
    # "X tweeted" keeps X a person (the verb records the channel); a post with no cue is one
    if st.verb_start < 0 and stype == "person":
        stype = "social media"
    return Quote(
        st.kind,
        st.start,
        st.end,
        speaker,
        m.start,
        m.end,
        written,
        stype,
        role,
        verb,
        st.verb_start,
        st.verb_end,
        stance,
    )


_LEADING_ROLE_RE1 = re.compile(r"(?i)president|minister|secretary|gen\.|sen\.")


def _leading_role(written: str) -> str:
    words = written.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not _LEADING_ROLE_RE1.fullmatch(words[k - 1]):
        k -= 1
    return " ".join(words[:k]) if 0 < k < len(words) else ""


def _last_name_before(names: NameIndex, pos: int) -> str:
    best, best_pos = "", -1
    for name, start in names.starts.items():
        if best_pos < start < pos:
            best, best_pos = name, start
    return best
