"""Rebuild ``loaded_general.tsv`` from the two permissively licensed lexicons installed with the
package's dependencies. Run: ``python -m framing.lexicons._build_loaded_general``.

The recipe (fixed from general principles, not fitted to any annotated data):

* VADER (Hutto & Gilbert 2014, MIT): words with strong human-rated valence. Adjectives and
  adverbs (by the Brill lexicon shipped in TextBlob) at ``|valence| >= 1.5``; verbs and nouns,
  which in news mostly name events, only at ``|valence| >= 2.5``.
* Pattern (De Smedt & Daelemans 2012, PDDL; shipped in TextBlob): adjectives whose mean
  subjectivity over senses is ``>= 0.8`` and mean ``|polarity| >= 0.5``.
* Minus ``NEWS_DESCRIPTIVE``: words that carry strong sentiment but in news usually *describe*
  what happened (violence, crime, disease, legal status, winning and losing, awards and
  celebrations, affection, reactions such as praise and condemnation) or are routine
  evaluations ("good", "important"), plus Pattern's known mis-senses ("base", "own") and
  VADER's chat abbreviations ("kia", "ptl").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from importlib import resources
from pathlib import Path

_NEWS_DESCRIPTIVE_WORDS = """
    abandoned abducted abduction abuse abused abuser abusers abuses abusing accident active
    alive arrested assassination assassinations assault assaulted assaulting assaults attack
    attacked attacker attackers attacking attacks ban banned bankrupt base beating best better
    bomb cancer capable casualty clear clearly cold confirmed corpse crime crimes criminal
    criminals crisis dead deadly death deaths defeated detailed die died difficult disabling
    drown drowned drowns easier easiest easy effective efficient elect fatal fatalities fatality
    felonies felony filled fired fly forced fraud free freedom freeing good great greatest
    guilty healthy illegal important imprisoned improved infected injured jailed kill killed
    killer killers killing killings kills latest legal lowest major negative own peace
    peacekeeping poorer poorest positive prisoner promised rank rape raped rapes rapist rapists
    relevant respective rich richest rob robber robs rose safe safest save secured severe severely
    sick smuggling special stab static strong stronger strongest successful success successes
    suffered suffering suffers suicide survived suspended terrorism terrorist terrorists thin
    torture tortured true useful war warred wars weak weaker weakest wealthy widowed win winner
    winning winnings wins won wrong kind fair grand
    murder murdered murderer murderers murdering murders riot slavery violence poison poisoner
    poisoning poisons starved strangled racism harassment harassing depression award bonus
    bonuses celebrate celebrated celebrates celebrating heart hearts enemy harm harming disaster
    disasters reward suffer raping rapers molesting stealing love loved loves loving lover
    darling sweetheart sweethearts kissing smiled divine divinity heavenly paradise hallelujah
    hurray merry honored honour honorable champion loyalty blockbuster
    praise praising condemnation rejection
    kia dx nfc po ptl fu ass
    """
NEWS_DESCRIPTIVE = frozenset(_NEWS_DESCRIPTIVE_WORDS.split())


def _site() -> tuple[Path, Path]:
    import textblob
    import vaderSentiment

    return Path(textblob.__file__).parent, Path(vaderSentiment.__file__).parent


def build() -> list[tuple[str, str, str, str, str]]:
    """Rows ``(category, term, source, note, pos)`` of the derived loaded-word list."""
    textblob_dir, vader_dir = _site()
    brill: dict[str, str] = {}
    for line in (textblob_dir / "en" / "en-lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith(";"):
            brill.setdefault(parts[0].lower(), parts[1])
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    word = re.compile(r"[a-z][a-z'\-]+")
    for line in (vader_dir / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        term, mean, *_ = line.split("\t")
        valence = float(mean)
        if not word.fullmatch(term) or term in NEWS_DESCRIPTIVE:
            continue
        tag = brill.get(term, "?")[:2]
        threshold = 1.5 if tag in ("JJ", "RB") else 2.5 if tag in ("VB", "NN") else None
        if threshold is not None and abs(valence) >= threshold:
            rows[term] = ("loaded", term, "vader", f"valence {valence:+.1f} ({tag})", tag)
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    root = ET.parse(textblob_dir / "en" / "en-sentiment.xml").getroot()
    for entry in root:
        form = entry.get("form", "")
        if entry.get("pos") == "JJ" and word.fullmatch(form):
            senses[form].append(
                (float(entry.get("polarity", 0)), float(entry.get("subjectivity", 0)))
            )
    for form, values in senses.items():
        polarity = sum(p for p, _ in values) / len(values)
        subjectivity = sum(s for _, s in values) / len(values)
        if subjectivity >= 0.8 and abs(polarity) >= 0.5 and form not in NEWS_DESCRIPTIVE:
            rows.setdefault(
                form,
                (
                    "loaded",
                    form,
                    "pattern",
                    f"polarity {polarity:+.2f}, subjectivity {subjectivity:.2f} (JJ)",
                    "JJ",
                ),
            )
    return [rows[k] for k in sorted(rows)]


HEADER = """\
# General-purpose loaded (evaluative or emotive) words for framing.markers, category "loaded".
# Derived by framing/lexicons/_build_loaded_general.py from two permissively licensed lexicons:
# VADER (Hutto & Gilbert 2014; vaderSentiment, MIT licence): adjectives/adverbs with
# |valence| >= 1.5, verbs/nouns with |valence| >= 2.5 (scale -4..+4, mean of 10 human raters);
# Pattern's en-sentiment.xml (De Smedt & Daelemans 2012, PDDL, shipped with TextBlob):
# adjectives with mean subjectivity >= 0.8 and mean |polarity| >= 0.5. Words that in news
# mostly describe events (killed, war, crime, ...) are left out (list in the script).
# Not fitted to any annotated data. Licence of this derived list: MIT, with the sources above.
# Columns: category; term (lower case, one token); source (vader or pattern); note (the score);
# pos = the part of speech the rating is for (JJ, RB, VB, NN): framing.markers matches the term
# only where TextBlob's pattern tagger reads the token as that part of speech (adjectives also
# as participles used attributively, or as "-ly" adverbs; nouns and verbs as either).
category\tterm\tsource\tnote\tpos
"""


def main() -> None:
    """Write ``loaded_general.tsv`` next to this script."""
    target = Path(str(resources.files("framing.lexicons"))) / "loaded_general.tsv"
    with target.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for row in build():
            f.write("\t".join(row) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
