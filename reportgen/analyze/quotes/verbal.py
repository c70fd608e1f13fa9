"""Reported speech around a speech verb: "X sagte, (dass) …", "X said (that) …", "…, sagte der
Minister.", "Die Lage, sagte er, sei ernst.", "X teilte mit, dass …"."""

from __future__ import annotations

from ...model import Span
from ...text.patterns import WORD
from ...text.tokens import Token
from .patterns import (
    CLOSERS,
    COORDINATED_SUBJECT_WORDS,
    MAX_ATTRIBUTION_TAIL_WORDS,
    MAX_FINAL_ATTRIBUTION_TAIL_WORDS,
    OPENERS,
)  # fmt: skip
from .phrases import clause_subject, np_after, np_before
from .records import Attribution
from .view import ArticleView

_SENTENCE_STOPS = (".", "!", "?", ";")
# Words after a speech verb that cannot begin its bare complement ("said to …", "said in …").
_NOT_CONTENT = (".", ",", "?", "!", ":", ";", "to", "by", "for", "in")


def _comma_before(v: ArticleView, toks: list[Token], index: int) -> int | None:
    """Index of the comma that ends the reported words before the cue, if the cue (and its
    speaker, in English) follow that comma directly."""
    if index and toks[index - 1][2] == ",":
        return index - 1
    if v.style.verb_second:
        return None
    for j in range(index - 1, max(-1, index - 7), -1):
        if toks[j][2] == ",":
            between = toks[j + 1 : index]
            if between and all(
                t[2][:1].isupper() or t[2].lower() in v.lex.determiners or t[2].isalpha()
                for t in between
            ):
                return j
            return None
        if toks[j][2] in (".", ";", ":"):
            return None
    return None


def _parenthetical(v: ArticleView, toks: list[Token], index: int, speaker: Span) -> bool:
    """The attribution is set off by commas inside the reported sentence."""
    end = max(speaker.end, toks[index][1])
    rest = [t for t in toks if t[0] >= end]
    if len(rest) < 4 or rest[0][2] != ",":
        return False
    # "…, said Brian Baker, a longtime adviser": an apposition to the speaker, not more words.
    return not (speaker.start > toks[index][0] and rest[1][2].lower() in v.lex.determiners)


def _clause_ends_soon(toks: list[Token], index: int, speaker: Span) -> bool:
    """After the verb and its speaker, a few words (when and to whom it was said) close the
    clause: at the next comma, or at the sentence's end a few more after an inverted speaker
    ("sagte Lucke am Samstag der Deutschen Presse-Agentur in Hamburg")."""
    rest = [t for t in toks if t[0] >= max(speaker.end, toks[index][1])]
    while rest and rest[-1][2] in (".", "!", "?"):
        rest.pop()
    for count, token in enumerate(rest):
        if token[2] in (".", "!", "?", ",", ";", ":"):
            return count < MAX_ATTRIBUTION_TAIL_WORDS
    inverted = speaker.start >= toks[index][1]  # "…, sagte X": nothing of X's own follows
    most = MAX_FINAL_ATTRIBUTION_TAIL_WORDS if inverted else MAX_ATTRIBUTION_TAIL_WORDS
    return len(rest) <= most


def _bare_complement(v: ArticleView, toks: list[Token], index: int) -> tuple[int, int] | None:
    """"He said the plan would fail": the words right after the verb, skipping a day."""
    verb = toks[index][2]
    lex = v.lex
    j = index + 1
    while j < len(toks) and toks[j][2] in lex.time_words:
        j += 1
    if verb in lex.addressee_verbs:
        # "told reporters …": the addressee is not the content.
        object_np = np_after(v, toks[min(j, len(toks) - 1)][0], toks[-1][1])
        if object_np is None:
            return None
        while j < len(toks) and toks[j][0] < object_np.end:
            j += 1
        if j < len(toks) and toks[j][2] == "that":
            return toks[j][0], toks[j][0]
    if verb in lex.infinitive_verbs and j < len(toks) and toks[j][2] == "to":
        if index and toks[index - 1][2] in lex.passive_auxiliaries:
            return None  # "the president is expected to meet …": expected by others
        return toks[j][0], toks[j][0]
    if j < len(toks) and toks[j][2] not in _NOT_CONTENT and verb in lex.content_verbs:
        return toks[j][0], toks[j][0]
    return None


def content_start(v: ArticleView, toks: list[Token], index: int) -> tuple[int, int] | None:
    """Where the reported words start after a cue verb: after ", (dass)", ":" or "that"; and
    the end of what stands between verb and content."""
    lex = v.lex
    verb = toks[index][2]
    particles = lex.cues.get(verb, ())
    particle_seen = not particles
    for j in range(index + 1, min(len(toks), index + 12)):
        word = toks[j][2]
        if word in particles:
            particle_seen = True
            continue
        if word in _SENTENCE_STOPS or word in OPENERS:
            break
        if word in (",", ":"):
            if not particle_seen:
                return None
            if v.style.comma_right_after_cue and any(
                t[2] not in lex.time_words for t in toks[index + 1 : j]
            ):
                break  # "say resources could be spent …, the alliance": not "said, …"
            nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
            if nxt in OPENERS or nxt.lower() in lex.subordinators:
                return None  # a direct quotation or a subordinate clause follows
            return toks[j][1], toks[j][0]
        if word.lower() in lex.complementizers and particle_seen:
            if verb in lex.infinitive_verbs and verb not in lex.content_verbs:
                break  # "plans that …" is a noun with a relative clause
            return toks[j][0], toks[j][0]
    if v.style.bare_complement and index + 1 < len(toks):
        return _bare_complement(v, toks, index)
    return None


def content_end(v: ArticleView, start: int, end: int) -> int:
    """Where reported words stop before the sentence does: at a second speech verb joined
    by "and"/"but" ("said he would … and warned against …"), and, where the language's
    annotation keeps them apart, at a relative clause after a comma (", which …")."""
    toks = v.tokens(start, end)
    lex = v.lex
    for index in range(2, len(toks) - 1):
        word = toks[index][2]
        if word.lower() in lex.coordinators and (
            any(v.is_cue(t[2]) for t in toks[index + 1 : index + 4])
            or _subject_and_cue(v, toks, index) is not None
        ):
            return toks[index][0]  # "… and warned …", "…, but he said …", "but X said"
        if word == "," and toks[index + 1][2] in lex.participle_cues:
            return toks[index][0]  # "…, arguing that …"
        if v.style.cut_at_relative_clause and word == "," and (
            toks[index + 1][2].lower() in lex.relatives
        ):
            return toks[index][0]
    return end


def _subject_and_cue(v: ArticleView, toks: list[Token], index: int) -> tuple[int, Span] | None:
    """After the coordinator at ``index``, a named subject of its own and its speech verb ("…,
    but the BBC's editor Jon Sopel said …"): the verb's index and the subject."""
    for j in range(index + 2, min(len(toks), index + 1 + COORDINATED_SUBJECT_WORDS)):
        if toks[j][2] in (",", ".", ";", ":"):
            return None
        if v.is_cue(toks[j][2]):
            subject = np_before(v, toks[j][0], toks[index][1])
            named = subject is not None and v.named_in(subject.start, subject.end) is not None
            return (j, subject) if named and subject is not None else None
    return None


def coordinated_report(
    v: ArticleView, start: int, s_end: int
) -> tuple[int, int, str, Span | None] | None:
    """The second report of a sentence cut at "and"/"but" before another speech verb ("…
    and added that …", "…, but insisted …", "… and he noted that …", "…, but Jon Sopel said
    …"): its words, cue and, when it names one, its own speaker."""
    toks = v.tokens(start, s_end)
    if not toks or toks[0][2].lower() not in v.lex.coordinators:
        return None
    own: Span | None = None
    index = 2 if len(toks) > 2 and toks[1][2] in v.lex.pronouns else 1
    if index < len(toks) and not v.is_cue(toks[index][2]):
        found = _subject_and_cue(v, toks, 0)
        if found is not None:
            index, own = found
    if index >= len(toks) or not v.is_cue(toks[index][2]):
        return None
    boundary = content_start(v, toks, index)
    if boundary is None or len(WORD.findall(v.text, boundary[0], s_end)) < 3:
        return None
    return boundary[0], content_end(v, boundary[0], s_end), toks[index][2], own


def subject(
    v: ArticleView, toks: list[Token], index: int, s_start: int, between_end: int
) -> Span | None:
    """The speaker of "X sagte, …": the words before the verb, or after it (V2: "Am Montag
    sagte der Minister, …")."""
    w_start, w_end, _word = toks[index]
    before = toks[:index]
    adverbial = not before or before[0][2].lower() in v.lex.starters
    if not v.style.verb_second:
        # ", said Caddell": the subject follows a comma and the verb.
        adverbial = bool(
            index + 1 < len(toks) and toks[index + 1][2][:1].isupper()
            and before and before[-1][2] == ","
        )  # fmt: skip
    if not adverbial:
        floor = s_start
        for t in reversed(before):
            if t[2] in (";", ":"):
                floor = t[1]
                break
        speaker = np_before(v, w_start, floor)
        if speaker is not None:
            return speaker
    speaker = np_after(v, w_end, max(between_end, w_end))
    if speaker is None and adverbial and v.style.verb_second:
        speaker = _after_auxiliary(v, before, w_start)
    return speaker


def _after_auxiliary(v: ArticleView, before: list[Token], w_start: int) -> Span | None:
    """"Am Abend hatte Erdogan bereits gedroht, …": after a fronted phrase the subject of a
    participle follows the finite auxiliary."""
    auxiliary = next((t for t in before if t[2].lower() in v.lex.auxiliaries), None)
    return np_after(v, auxiliary[1], w_start) if auxiliary is not None else None


def _after_comma(
    v: ArticleView, toks: list[Token], index: int, s_start: int, s_end: int
) -> tuple[int, int, Attribution] | None:
    """"…, sagte der Minister." / "…, Caddell said." / "Die Lage, sagte er, sei ernst."."""
    w_start, w_end, word = toks[index]
    comma_index = _comma_before(v, toks, index)
    following = toks[index + 1][2] if index + 1 < len(toks) else ""
    if comma_index is None or comma_index < 3 or following == ":":
        return None
    speaker = None
    if toks[index - 1][2] == ",":
        speaker = np_after(v, w_end, s_end)
    elif not v.style.verb_second:
        speaker = np_before(v, w_start, toks[comma_index][1])
    if not speaker:
        return None
    after_quote = toks[comma_index - 1][2] in CLOSERS
    if not after_quote and _parenthetical(v, toks, index, speaker):
        return s_start, s_end, Attribution(word, speaker)
    if _clause_ends_soon(toks, index, speaker):
        return s_start, toks[comma_index][0], Attribution(word, speaker)
    return None


def _before_content(
    v: ArticleView, toks: list[Token], index: int, s_start: int, s_end: int
) -> tuple[int, int, Attribution] | None:
    """"X sagte, (dass) …" / "X said (that) …" / "X teilte mit, dass …"."""
    w_start, _w_end, word = toks[index]
    boundary = content_start(v, toks, index)
    if boundary is None:
        return None
    start, between_end = boundary
    after_comma = bool(index) and toks[index - 1][2] == ","
    if word in v.lex.participle_cues and after_comma:
        # "Clinton mocked the complaint, saying …": the subject of the main clause.
        speaker = clause_subject(v, s_start, w_start)
    else:
        speaker = subject(v, toks, index, s_start, between_end)
        if speaker is None and after_comma and v.style.verb_second:
            # "Er versucht, die Zweifel zu entkräften, schreibt etwa, er habe …": the verb
            # shares the subject of the clause before it.
            speaker = clause_subject(v, s_start, w_start)
    if speaker is None or len(WORD.findall(v.text, start, s_end)) < 3:
        return None
    end = content_end(v, start, s_end)
    fronted = v.text[s_start : speaker.start].rstrip()
    if (
        speaker.start > s_start
        and fronted.endswith(",")
        and v.style.fronted_phrase_in_report
        and not any(v.is_cue(w) for w in WORD.findall(fronted))
    ):
        # "In law school, she said professors would …": the annotation keeps the
        # fronted phrase with the reported words.
        start = s_start
    return start, end, Attribution(word, speaker)


def verbal(v: ArticleView, s_start: int, s_end: int) -> tuple[int, int, Attribution] | None:
    """A speech verb in the sentence with its speaker and the reported words."""
    toks = v.tokens(s_start, s_end)
    for index, (_start, _end, word) in enumerate(toks):
        if not v.is_cue(word) or (index and toks[index - 1][2].lower() in v.lex.prepositions):
            continue  # "In announcing his retirement, Meadows said …": a verbal noun
        found = _after_comma(v, toks, index, s_start, s_end) or _before_content(
            v, toks, index, s_start, s_end
        )
        if found is not None:
            return found
    return None
