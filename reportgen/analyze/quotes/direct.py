"""Direct quotations: paired marks, merged where their attribution interrupts them („…“, sagte
er, „…“), with the attribution read after or before them."""

from __future__ import annotations

from collections.abc import Iterator

from ...text.patterns import SENTENCE_END, WORD
from .marks import QuoteSpan, find_direct_spans, unopened_spans
from .patterns import (
    LEADING_PUNCTUATION,
    MIN_UNATTRIBUTED_WORDS,
    SENTENCE_CLOSE,
    SIGNATURE_DASH,
)
from .phrases import anonymous_source, choose_v2, clause_subject, np_after, np_before
from .records import Attribution, Inherit, QuoteCandidate
from .terms import names_only, quoted_title
from .view import ArticleView


def _signature(v: ArticleView, tail: str, start: int, limit: int) -> Attribution | None:
    """"“…” ― Karen Bobadilla": a signature dash names the speaker."""
    dash = SIGNATURE_DASH.match(tail)
    if dash and dash.group(1) in v.style.signature_dashes:
        speaker = np_after(v, start + dash.end(), limit)
        if speaker is not None:
            return Attribution(dash.group(1), speaker)
    return None


def _closed_sentence(v: ArticleView, end: int, tail: str) -> bool:
    """The quotation closed its sentence; what follows is a new one."""
    last = v.text[end - 1 : end]
    continues = tail.lstrip(" \x01'")[:1].islower()  # „…“ so das Fazit der Betreiber
    return not continues and (
        last == "."
        or (
            last not in "!?"
            and v.style.comma_after_quote
            and not tail.lstrip().startswith(",")
        )
    )


def attribution_after(v: ArticleView, end: int, stop: int | None = None) -> Attribution | None:
    """„…“, sagte Präsident Lukaschenko. / „…“, so Putin. / "…," Biden said."""
    window_end = min(len(v.text), end + 200)
    limit = v.clause_limit(end + 1, window_end)
    if stop is not None:
        limit = min(limit, stop)
    tail = v.text[end + 1 : limit]
    if tail[:1].isalpha():
        return None  # the quotation is part of a running sentence ("„Eagle“ zu landen")
    signed = _signature(v, tail, end + 1, limit)
    if signed is not None:
        return signed
    if _closed_sentence(v, end, tail):
        return None
    lead = LEADING_PUNCTUATION.match(tail).end()
    for pattern in v.lex.anonymous:
        match = pattern.match(tail, lead)
        if match:
            source = anonymous_source(v, end + 1 + match.end(), limit)
            return Attribution(match.group(0).strip(" ,."), source, anonymous=source is None)
    return _cue_after(v, end, limit)


def _cue_after(v: ArticleView, end: int, limit: int) -> Attribution | None:
    """A speech verb within the first words after the quotation, and its speaker."""
    toks = [t for t in v.tokens(end + 1, limit) if t[2] not in ",.;:–—"]
    floor = toks[0][0] if toks else end + 1
    for index, (w_start, w_end, word) in enumerate(toks[: v.style.attribution_words]):
        if word in v.lex.after_quote_cues:
            if index != 0:
                continue
        elif not v.is_cue(word):
            continue
        after_comma = v.text[floor:w_start].rstrip().endswith(",")
        # German puts the subject after the verb once anything precedes it ("…“, mit diesen
        # Worten meldete er sich"); English keeps it before ("…," Mr. Barrett said).
        if index + 1 < len(toks) and toks[index + 1][2] in v.lex.cues.get(word, ()):
            w_end = toks[index + 1][1]  # „…“, zeigte sich Dearlove überzeugt: past the particle
        if index == 0 or after_comma or v.style.verb_second:
            speaker = np_after(v, w_end, limit)
            if speaker is None and index > 0:
                speaker = np_before(v, w_start, floor)
        else:
            speaker = np_before(v, w_start, floor) or np_after(v, w_end, limit)
        if speaker:
            return Attribution(word, speaker)
    return None


def _introduces(v: ArticleView, head: str) -> bool:
    """The words before an opening mark can introduce a quotation: a colon or comma, or (where
    the language allows) a speech verb right before it."""
    if head.endswith((":", ",")):
        return True
    last = head.rsplit(None, 1)[-1:]
    return v.style.cue_before_quote_without_colon and last != [] and v.is_cue(last[0])


def _speaker_of_cue(v: ArticleView, toks: list, index: int, begin: int, opener_at: int):
    speaker = np_before(v, toks[index][0], begin)
    if speaker is None or speaker.text.lower() in v.lex.determiners:
        speaker = np_after(v, toks[index][1], opener_at)
    elif v.style.verb_second:
        speaker = choose_v2(v, speaker, np_after(v, toks[index][1], opener_at))
    if speaker is None:
        # "Dazu sagte der Minister:" / "… meldete sich er mit den Worten:"
        for j in range(index - 1, -1, -1):
            if v.is_cue(toks[j][2]):
                speaker = np_before(v, toks[j][0], begin) or np_after(v, toks[j][1], opener_at)
                break
    return speaker or np_before(v, toks[index][0], begin)


def attribution_before(v: ArticleView, start: int) -> Attribution | None:
    """Lukaschenko sagte: „…“ / Biden said, "…" / meldete sich mit den Worten: „…“"""
    opener_at = start - 1
    window_start = max(0, opener_at - 250)
    para = v.text.rfind("\n", window_start, opener_at)
    if para != -1:
        window_start = para + 1
    previous = list(SENTENCE_END.finditer(v.text, window_start, opener_at))
    begin = previous[-1].end() if previous else window_start
    head = v.text[begin:opener_at].rstrip()
    if not _introduces(v, head):
        return None
    toks = v.tokens(begin, opener_at)
    for index in range(len(toks) - 1, -1, -1):
        word = toks[index][2]
        if v.is_cue(word) or word in v.lex.speech_nouns:
            speaker = _speaker_of_cue(v, toks, index, begin, opener_at)
            if speaker:
                return Attribution(word, speaker)
    if head.endswith(":") and toks:
        # "Dabei griff sie auch den Präsidenten an: „…“": a colon introduces the words of the
        # subject of its clause even without a speech verb.
        speaker = clause_subject(v, begin, opener_at)
        if speaker is not None:
            return Attribution(None, speaker)
    return None


def gap_is_attribution(v: ArticleView, gap: str) -> bool:
    toks = WORD.findall(gap)
    if not toks or len(toks) > v.style.attribution_words + 1:
        return False
    return any(v.is_cue(t) or t in v.lex.after_quote_cues for t in toks) or any(
        p.search(gap) for p in v.lex.anonymous
    )


def _joins(v: ArticleView, gap: str) -> bool:
    """Two quotations separated by ``gap`` are parts of one („A“, sagte er, „B“)."""
    across = v.style.merge_across_attribution
    if len(gap) > v.style.max_interruption or "\n" in gap:
        return False
    if across and not gap.strip():
        return True
    return (
        (across and gap.rstrip(" '\x01")[-1:] in ".,:")
        # „A“, sagte er, „B“: the attribution ends with its comma; „A“, sagt er dem „Spiegel“
        # quotes a name inside the attribution, not the rest of the quotation
        or (gap.strip()[:1] in (",", "") and gap.rstrip(" '\x01")[-1:] in ",:–—")
    ) and gap_is_attribution(v, gap)


def group_spans(v: ArticleView, spans: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    groups: list[list[QuoteSpan]] = []
    for span in spans:
        if groups and _joins(v, v.text[groups[-1][-1].end + 1 : span.start - 1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    return groups


def _continues(v: ArticleView, before: QuoteCandidate | None, first: QuoteSpan) -> bool:
    """This quotation follows right after an attributed one, separated only by its
    attribution („A“, betont sie. „B“)."""
    if before is None or before.mention is None:
        return False
    gap = v.text[before.end + 1 : first.start - 1]
    return len(gap) <= v.style.max_interruption and "\n" not in gap and gap_is_attribution(v, gap)


def _embedded(v: ArticleView, first: QuoteSpan, last: QuoteSpan) -> bool:
    """The quotation sits inside a running sentence (words on both sides, no sentence end
    inside it): "… called the plan "a demand" of Obama". Words closed by a comma inside the marks
    end a quotation of their own ("… raises "great suspicion," Woodard said")."""
    before = v.text[max(0, first.start - 3) : first.start - 1].rstrip(" \x01'")
    content = v.text[first.start : last.end].rstrip()
    return before[-1:].isalnum() and not content.endswith((".", "!", "?", ","))


def _a_name(v: ArticleView, first: QuoteSpan, last: QuoteSpan) -> bool:
    """A title after an article or a noun for a work, or a few names and numbers the sentence
    runs on after (»Weltsystemcrash« beschreibt …, gesteht, »Jaegers Grenze« erfunden zu
    haben): what the marks hold is named, not said."""
    if quoted_title(v, first.start, last.end):
        return True
    after = v.text[last.end + 1 : last.end + 3].lstrip(" \x01'")
    return after[:1].islower() and names_only(WORD.findall(v.text, first.start, last.end))


def _looks_like_speech(v: ArticleView, start: int, end: int) -> bool:
    """An unattributed quotation counts when it is a sentence of its own, not a title."""
    content = v.text[start:end].strip()
    before = v.text[max(0, start - 4) : start - 1].rstrip(" '\x01")
    return bool(SENTENCE_CLOSE.search(content)) and (not before or before[-1:] in ".:!?\n")


def _attribution(v: ArticleView, group: list[QuoteSpan]) -> Attribution | None:
    first, last = group[0], group[-1]
    attribution = None
    if len(group) > 1:
        attribution = attribution_after(v, first.end, group[1].start - 1)
    return attribution or attribution_after(v, last.end) or attribution_before(v, first.start)


def direct_candidates(v: ArticleView) -> Iterator[QuoteCandidate]:
    previous: QuoteCandidate | None = None
    spans = find_direct_spans(v.text)
    spans = sorted([*spans, *unopened_spans(v.text, spans)], key=lambda s: s.start)
    for group in group_spans(v, spans):
        first, last = group[0], group[-1]
        attribution = _attribution(v, group)
        if not first.opener and attribution is None:
            continue  # a lost opening mark is believed only with an attribution after it
        words = len(WORD.findall(v.text[first.start : last.end]))
        parent = previous if attribution is None and _continues(v, previous, first) else None
        unattributed = attribution is None and parent is None
        if unattributed and (
            words < MIN_UNATTRIBUTED_WORDS or not _looks_like_speech(v, first.start, last.end)
        ):
            continue  # a term, a title or a scare quote; may become a partial quotation
        if _a_name(v, first, last):
            continue  # dem „Spiegel“, the "Today" show: a name in quotation marks
        if not v.style.partial_quotes and words < MIN_UNATTRIBUTED_WORDS and _embedded(
            v, first, last
        ):
            continue  # a few quoted words inside a sentence belong to its reported speech
        segments = tuple((s.start, s.end) for s in group) if len(group) > 1 else ()
        if parent is not None:
            candidate = QuoteCandidate(
                first.start, last.end, "direct", "direct", parent.cue, parent.mention,
                attributed=False, segments=segments, inherit=Inherit.CONTINUED_QUOTE,
                parent=parent,
            )  # fmt: skip
        else:
            candidate = QuoteCandidate(
                first.start, last.end, "direct", "direct",
                attribution.cue if attribution else None,
                attribution.speaker if attribution else None,
                attributed=attribution is not None, segments=segments,
            )  # fmt: skip
        previous = candidate
        yield candidate
