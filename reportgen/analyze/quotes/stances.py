"""A stance reported as the object of its verb: "Er fordert Transparenz von dem Konzern",
"Für das Gesamtjahr rechnet die Bundesregierung mit einem Abschwung", "Die FDP lehnt die
Pläne ab". No clause carries the words, so the speech-verb readers do not see them; a careful
reader still notes what the speaker demanded, expected or rejected."""

from __future__ import annotations

from ...model import Span
from ...text.patterns import WORD
from ...text.tokens import Token
from .clauses import Reading
from .mentions import stem
from .records import Attribution
from .verbal import subject
from .view import ArticleView

# Fewest words of the object for it to be a stance, not a bare pronoun ("fordert das").
MIN_OBJECT_WORDS = 2


def _speaker_like(v: ArticleView, speaker: Span) -> bool:
    """The subject can hold a stance: a person or organisation named in it, a personal
    pronoun, or a role or group noun ("der Sprecher", "Experten"), not "der Sturm"."""
    if v.entity_in(speaker.start, speaker.end) is not None:
        return True
    words = WORD.findall(speaker.text)
    if len(words) == 1 and words[0] in v.lex.person_pronouns:
        return True
    stems = [stem(w).lower() for w in words if w[:1].isupper()]
    return any(
        s.endswith(role) for s in stems for role in v.lex.roles
    ) or any(s.startswith(group) for s in stems for group in v.lex.group_nouns)


def _particle_at(toks: list[Token], index: int, particles: tuple[str, ...]) -> int | None:
    """Where the verb's particle stands later in the sentence ("wies … zurück")."""
    return next((j for j in range(index + 1, len(toks)) if toks[j][2] in particles), None)


def stance(v: ArticleView, s_start: int, s_end: int) -> Reading | None:
    """The object of the sentence's stance verb, with the verb's subject as speaker."""
    toks = v.tokens(s_start, s_end)
    for index, (_w_start, w_end, word) in enumerate(toks):
        particles = v.lex.stance_cues.get(word)
        if particles is None:
            continue
        end = s_end
        if particles:
            at = _particle_at(toks, index, particles)
            if at is None:
                continue
            if at + 1 == len(toks) or toks[at + 1][2] in (",", ";", "."):
                end = toks[at][1]  # a separable particle closes the clause ("lehnt … ab, …")
        if index + 1 < len(toks) and toks[index + 1][2] in (",", ":"):
            return None  # a clause or a quotation follows: the speech-verb readers' case
        speaker = subject(v, toks, index, s_start, s_end)
        if speaker is None or not _speaker_like(v, speaker):
            return None
        c_start = speaker.end if speaker.start >= w_end else w_end
        c_start, c_end = v.trim(c_start, end)
        words = WORD.findall(v.text, c_start, c_end)
        if len(words) < MIN_OBJECT_WORDS or (
            v.style.nouns_capitalised and not any(w[:1].isupper() for w in words)
        ):
            return None  # "lehnt er jedoch ab": no object named
        return c_start, c_end, Attribution(word, speaker)
    return None
