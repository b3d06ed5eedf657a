"""Stage 9: sentences stating a catalogued propaganda narrative (see :mod:`svidok.narratives`).

A sentence is a candidate when it holds a keyword lemma of some narrative; it is scored through
its longest quote (the quoted thesis without its attribution) or as a whole, and the best
narrative above the calibrated threshold is kept with its stance.
"""

from __future__ import annotations

from ..document import Document, NarrativeMatch, Sentence
from ..narratives.matcher import best_scores, keyword_hits, threshold
from ..narratives.stance import stance_of
from ..pipeline import stage

MIN_WORDS = 5  # shorter sentences ("Про це пише WSJ.") state no thesis
MIN_QUOTE_CHARS = 20  # a quote shorter than this is a phrase, not a thesis
MAX_UNITS = 8  # embedding is the costly step (~0.1 s a sentence on a CPU core)
MAX_UNIT_CHARS = 300  # a thesis fits; longer sentences only cost more to embed


def candidate_units(doc: Document) -> list[tuple[Sentence, tuple[int, int], dict[int, int]]]:
    """(sentence, span to embed, keyword hits) for the candidate sentences: those holding a
    narrative keyword. A sentence that quotes is represented by its longest quote (the thesis
    without its attribution). At most MAX_UNITS per document, most keywords first."""
    units = []
    for sent in doc.sentences:
        tokens = doc.sentence_tokens(sent)
        if sum(1 for t in tokens if t.norm.isalpha()) < MIN_WORDS:
            continue
        hits = keyword_hits((t.lemma or t.norm).lower() for t in tokens)
        if not hits:
            continue
        inside = [
            q for q in doc.quotes if sent.start <= q.start < sent.end and q.end - q.start >= MIN_QUOTE_CHARS
        ]
        quote = max(inside, key=lambda q: q.end - q.start, default=None)
        units.append((sent, (quote.start, quote.end) if quote else (sent.start, sent.end), hits))
    ranked = sorted(units, key=lambda u: -max(u[2].values()))[:MAX_UNITS]
    return sorted(ranked, key=lambda u: u[0].start)


def find_narratives(doc: Document) -> list[NarrativeMatch]:
    units = candidate_units(doc)
    texts = [doc.text[a:b][:MAX_UNIT_CHARS] for _, (a, b), _ in units]
    scores = best_scores(texts, [hits for *_, hits in units])
    best: dict[int, tuple] = {}  # sentence start -> (score, value, sentence, unit)
    for (sent, unit, _), score in zip(units, scores):
        if score.value >= threshold() and score.value > best.get(sent.start, (None, -1.0))[1]:
            best[sent.start] = (score, score.value, sent, unit)
    matches = []
    for score, value, sent, unit in sorted(best.values(), key=lambda item: item[2].start):
        stance, quote, cue = stance_of(doc, sent, unit)
        matches.append(
            NarrativeMatch(
                id=f"n{len(matches) + 1}",
                narrative=score.narrative.id,
                title=score.narrative.title_uk,
                score=value,
                sentence=doc.span(sent.start, sent.end),
                stance=stance,
                quote=quote.id if quote is not None else None,
                speaker=quote.speaker if quote is not None else None,
                speaker_name=quote.speaker_name if quote is not None else None,
                speaker_role=quote.speaker_role if quote is not None else None,
                cue=cue,
            )
        )
    return matches


@stage("narratives", requires=("tokens", "lemmas", "quotes"), assigns=("narratives",))
def narratives(doc: Document) -> Document:
    doc.narratives = find_narratives(doc)
    return doc
