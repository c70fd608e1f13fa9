"""Every regular expression and fixed limit of the quotation finders, named and compiled here,
apart from the heuristics that use them."""

from __future__ import annotations

import re

# -- limits ------------------------------------------------------------------------------------
MAX_QUOTE_CHARS = 3000
# A quotation shorter than this many words without any attribution is a term or a title.
MIN_UNATTRIBUTED_WORDS = 6
# Quoted words after an article (dem „Spiegel“, die „Bild am Sonntag“) up to this many are a name.
MAX_TITLE_WORDS = 3
# Capitalised words (titles, a genitive) a clause may open with before the person who is its
# subject ("Bayerns Ministerpräsident Markus Söder ist sich sicher: …").
MAX_WORDS_BEFORE_SUBJECT = 3
# Quoted names and numbers only („Taskforce Corona“) up to this many words are a term.
MAX_TERM_WORDS = 3
# A source phrase fronted before "hieß es" („Aus Kreisen der Staatsregierung …“) up to this long.
MAX_FRONTED_SOURCE_WORDS = 6
# An adverbial and the verb before a sentence's subject ("Am Dienstag antwortet X"), at most.
V2_LEAD_WORDS = 4
# Fewest words of the clause after a claim noun ("Den Vorwurf, er übe sein Amt … aus").
MIN_CLAIM_WORDS = 3
# Most words after "…, sagte X" before the next comma for the clause to be an attribution; at the
# sentence's end (nothing more can follow) a few more.
MAX_ATTRIBUTION_TAIL_WORDS = 6
MAX_FINAL_ATTRIBUTION_TAIL_WORDS = 9
# Words from "and"/"but" to the speech verb of a second report with its own subject, at most.
COORDINATED_SUBJECT_WORDS = 10
# Quoted words inside a running sentence longer than this are more than a clause's words.
MAX_EMBEDDED_WORDS = 30
# How far before embedded quoted words their subject is looked for (characters).
MAX_SUBJECT_DISTANCE = 200
# The blocks whose text is the article's own (not its furniture, comments or teasers).
TEXT_BLOCKS = ("body", "lead")
MAX_SENTENCE_CHARS = 1200
# Longest stretch between a quotation and the earlier one whose speaker it may take.
CONTEXT_GAP_CHARS = 700
# Most paragraph breaks between them (a caption or a subheading may stand in between).
MAX_CONTEXT_BREAKS = 2
# An interview's question is a short paragraph; it needs this many answered questions, and an
# answer runs over at most this many paragraphs (what follows the last one is the page's again).
MAX_QUESTION_CHARS = 600
MIN_INTERVIEW_QUESTIONS = 2
MAX_ANSWER_PARAGRAPHS = 4
# A name in a question counts this many times when deciding whom an interview asks.
QUESTION_NAME_WEIGHT = 5
# A list of points after "X said:": at least two short paragraphs, at most this many.
MIN_LIST_ITEMS = 2
MAX_LIST_ITEMS = 10
MAX_LIST_ITEM_CHARS = 300

# -- marks -------------------------------------------------------------------------------------
OPENERS = "„‚»«“‘\""
CLOSERS = "“”\"‘’«»"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[ \t]*")
# One paragraph break, however many blank lines it spans.
PARAGRAPH_BREAKS = re.compile(r"\n\s*")
# A line of its own that ends no sentence: a subheading ("Daten „aus Protest“ veröffentlicht"),
# after which a pronoun no longer stands for the speaker of the section before.
SUBHEADING = re.compile(r"\n[^\S\n]*[A-ZÄÖÜ][^\n]{0,48}[^\s.!?:;,\"“”»«…)][^\S\n]*\n")
DOUBLED_APOSTROPHES = re.compile(r"''")
# A closing mark right after a word or a stop and followed by a comma: where no opening mark
# stands before it in its paragraph, the page lost the one at the paragraph's start.
UNOPENED_CLOSER = re.compile(r"(?<=[\w.!?…])[\"”“«](?=,\s)")
# Glyphs that only open a quotation (a straight mark may do both).
OPENING_ONLY = "„‚»“‘"

# -- words and sentence ends (shared shapes are in reportgen.text.patterns) ---------------------
ANY_INITIALS = re.compile(r"(?:\w\.)+")

# -- attributions -------------------------------------------------------------------------------
# A paragraph opening with a speaker label ("PENCE: Well, …", „Merkel: …").
LABEL_LINE = re.compile(
    r"^(?P<mark>[\"“„»]?)(?P<label>[A-ZÄÖÜ][\w.’'-]*(?: [A-ZÄÖÜ][\w.’'-]*){0,2}):[ \t]+"
    r"(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
SIGNATURE_DASH = re.compile(r"\s*([―—])\s*")
LEADING_PUNCTUATION = re.compile(r"[\s,.!?;:]*")
# A comma and the spaces after it.
COMMA_SPACE = re.compile(r",\s*")
# A hyphen joining a name to the noun it qualifies ("Grünen-Politiker", "Trump-Berater").
COMPOUND_JOIN = re.compile(r"-\w")
COMMA_BEFORE = re.compile(r",\s*$")
COMMA_OR_COLON = re.compile(r"\s*[,:]\s*")
# What ends the clause a title stands in before a name: a stop, a comma, a colon, a break.
# "Meadows' plans", "Biden's aides": a name with a possessive after it owns the subject.
POSSESSIVE_AFTER = re.compile(r"['’]s?\b|['’](?=\s)")
ROLE_STOP = re.compile(r"[.,!?;:\n]\s")
SENTENCE_CLOSE = re.compile(r"[.!?,…]$")
# The signature line Twitter/X embeds close a post with: "— Name (@handle) November 5, 2023".
POST_SIGNATURE = re.compile(
    r"^[—–-][ \t]*(?P<name>[^\n()]{1,80}?)[ \t]*\((?P<handle>@\w{1,30})\)[ \t]+\S[^\n]{2,40}$",
    re.MULTILINE,
)
# A post is short (280 characters is the platform's usual limit, links counted shortened and
# emoji double): the paragraphs before a signature that fit in this much page text are the
# post; a longer one is the article's own text.
MAX_POST_CHARS = 400
# Between a person's name and the phrase apposed to it: a comma, perhaps an age ("(47)").
APPOSITION_GAP = re.compile(r"(?:\s*\(\d{1,3}\))?\s*,\s*")
# How far before "den Angaben zufolge" the source whose statements they are may be cited.
UTTERANCE_REACH = 400
