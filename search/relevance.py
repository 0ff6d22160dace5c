"""What a query asks for, weighed the same way by both backends (DESIGN §5; the rules in README "Search").

A query is one *slot* per distinct word; a document matches when it holds `required_words(n)` of
the n slots and scores the sum of the integer weights of the clauses it holds (a slot's folded word
or its typo alternatives; bonuses for the diacritics as typed or restored, the title, adjacent
pairs), so both backends add them exactly and rank alike; equal scores are newest first.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from cms.vietnamese import fold_for_search, fold_vietnamese
from cms.vietnamese.input_methods import from_input_method

from . import fulltext, vocabulary
from .fulltext import FOLDED, PAIR, TITLE

SCALE = 100
TYPO_SHARE = 0.4
EXACT_SHARE = 0.5
TITLE_SHARE = 0.6
PHRASE_SHARE = 0.6
EXACT_PHRASE_SHARE = 0.3
MAX_ALTERNATIVES = 5
MIN_TYPO_LENGTH = 3
#: Unaccented forms tried per word when restoring diacritics, the most frequent first.
RESTORE_CANDIDATES = 8
#: A reading is restored when its pairs are at least this many times as frequent as the next best's.
RESTORE_MARGIN = 2
FOLDED_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

#: Fields of a clause: words as written, folded words, folded title words.
TEXT, FOLDED_TEXT, TITLE_TEXT = "text", "folded", "title_folded"


@dataclass(frozen=True)
class Clause:
    """A word (or two adjacent words) in one field, and what holding it adds to the score."""

    field: str
    words: tuple[str, ...]
    weight: int

    @property
    def term(self) -> str:
        """The term of the database index's bags that a document holds when it holds this clause."""
        prefix = {TEXT: "", FOLDED_TEXT: FOLDED, TITLE_TEXT: TITLE}[self.field]
        return prefix + PAIR.join(self.words)


@dataclass
class Plan:
    """Slots (alternatives each) of which `required` must be held, and the clauses that only add to the score."""

    slots: list[list[Clause]]
    required: int
    bonuses: list[Clause] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """No slot can be held: nothing matches."""
        return sum(1 for slot in self.slots if slot) < self.required

    def clauses(self) -> Iterator[Clause]:
        for slot in self.slots:
            yield from slot
        yield from self.bonuses


def required_words(number: int) -> int:
    """How many of a query's words a document must hold: all of one or two, a third of more (rounded up), at least
    two ("bác sĩ khám bệnh miễn phí vùng cao" finds a doctor's story holding three of its words)."""
    return number if number <= 2 else max(2, -(-number // 3))


def weight(documents: int, total: int) -> int:
    """A word's weight: the rarer, the heavier (`SCALE × ln(1 + N / df)`)."""
    return round(SCALE * math.log(1 + max(total, 1) / max(documents, 1)))


def edits(word: str, alphabet: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from a word."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    found |= {left + letter + right[1:] for left, right in splits if right for letter in alphabet}
    found |= {left + letter + right for left, right in splits for letter in alphabet}
    found.discard(word)
    return found


def one_edit_apart(first: str, second: str) -> bool:
    """Whether two different words are one deletion, transposition, substitution or insertion apart."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    start = 0
    while start < len(first) and first[start] == second[start]:
        start += 1
    if len(first) < len(second):
        return first[start:] == second[start + 1 :]
    rest = start + 1
    if first[rest:] == second[rest:]:
        return True
    return first[start : start + 2] == second[start : start + 2][::-1] and first[start + 2 :] == second[start + 2 :]


def _has_marks(token: str) -> bool:
    return token != fold_vietnamese(token)


@dataclass
class _Word:
    token: str
    folded: str
    documents: int
    weight: int = 0
    exact: str | None = None  # the word with its diacritics, as typed or restored
    alternatives: list[Clause] = field(default_factory=list)
    paired: list[str] = field(default_factory=list)  # folded alternatives the index holds next to a neighbour


def _typo_alternatives(word: _Word, total: int, folded_only: bool = False) -> list[Clause]:
    """Indexed words one edit away (the most frequent first): with diacritics when the word has some, else folded."""
    if len(word.folded) < MIN_TYPO_LENGTH:
        return []
    if _has_marks(word.token) and not folded_only:
        near_folds = {word.folded, *edits(word.folded, FOLDED_ALPHABET)}
        rows = [
            (term, folded, number)
            for term, folded, number in vocabulary.folding_to(near_folds)
            if not term.startswith(FOLDED) and folded != word.folded and one_edit_apart(term, word.token)
        ]
        field_name = TEXT
    else:
        rows = vocabulary.folding_to(edits(word.folded, FOLDED_ALPHABET))
        rows = [(term[len(FOLDED) :], folded, number) for term, folded, number in rows if term.startswith(FOLDED)]
        field_name = FOLDED_TEXT
    rows.sort(key=lambda row: (-row[2], row[0]))
    return [
        Clause(field_name, (term,), round(TYPO_SHARE * weight(number, total)))
        for term, _folded, number in rows[:MAX_ALTERNATIVES]
    ]


def _context_typos(words: list[_Word], total: int) -> None:
    """Keep the typo alternatives the index holds next to the query's neighbouring words, when some are.

    `nong thom moi`: the index holds `nong thon` and `thon moi`, so `thon` is kept, `them`, `thoi`… dropped.
    An unaccented word the index holds but never beside its neighbours gets such alternatives too.
    """
    counted: dict[str, int] = {}

    def neighbour_pairs(folded: str, index: int) -> list[str]:
        return [
            FOLDED
            + (PAIR.join((words[other].folded, folded)) if other < index else PAIR.join((folded, words[other].folded)))
            for other in (index - 1, index + 1)
            if 0 <= other < len(words) and words[other].documents
        ]

    def pairs_with(folded: str, index: int) -> int:
        return sum(counted[term] for term in neighbour_pairs(folded, index))

    def count(foldeds: list[str], index: int) -> None:
        """The pair counts of these forms beside their neighbours, in one statement."""
        wanted = [term for folded in foldeds for term in neighbour_pairs(folded, index) if term not in counted]
        counted.update(dict.fromkeys(wanted, 0) | fulltext.count_each(wanted))

    for index, word in enumerate(words):
        candidates, misfit = word.alternatives, False
        count([word.folded, *(fold_for_search(clause.words[0]) for clause in candidates)], index)
        if not candidates and word.documents and not word.exact and not pairs_with(word.folded, index):
            candidates, misfit = _typo_alternatives(word, total, folded_only=True), True
            count([fold_for_search(clause.words[0]) for clause in candidates], index)
        fitting = [clause for clause in candidates if pairs_with(fold_for_search(clause.words[0]), index)]
        if fitting:
            word.alternatives = fitting
            word.paired = [fold_for_search(clause.words[0]) for clause in fitting]
            if misfit:  # the word as typed reads with nothing around it: no surer than its alternatives
                word.weight = round(TYPO_SHARE * word.weight)


def _restore(words: list[_Word]) -> None:
    """Give an unaccented word the form the index holds beside its neighbours `RESTORE_MARGIN` times as often
    as any other; a second round lets the forms chosen settle their neighbours."""
    if len(words) < 2 or all(word.exact or not word.documents for word in words):
        return
    forms: dict[str, list[str]] = {}
    rows = vocabulary.folding_to(word.folded for word in words if not word.exact and word.documents)
    for term, folded, _number in sorted(rows, key=lambda row: -row[2]):
        if not term.startswith(FOLDED) and len(forms.setdefault(folded, [])) < RESTORE_CANDIDATES:
            forms[folded].append(term)
    options = [[word.exact] if word.exact else forms.get(word.folded, []) or [None] for word in words]
    wanted = [
        first + PAIR + second
        for left, right in zip(options, options[1:])
        for first in left
        for second in right
        if first and second
    ]
    counts = fulltext.count_each(wanted)

    def pair(first: str | None, second: str | None) -> int:
        return counts.get(first + PAIR + second, 0) if first and second else 0

    def local(index: int, form: str) -> int:
        """How often the index holds the form beside its neighbours (their chosen forms, or their best ones)."""
        found = 0
        for other in (index - 1, index + 1):
            if 0 <= other < len(words):
                around = [words[other].exact] if words[other].exact else options[other]
                found += max(pair(*((side, form) if other < index else (form, side))) for side in around)
        return found

    for _round in range(2):  # a word left open in the first round may be settled by its neighbours' choice
        chosen = {}
        for index, word in enumerate(words):
            if word.exact or options[index] == [None]:
                continue
            scores = sorted(((local(index, form), form) for form in options[index]), reverse=True)
            if scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] >= RESTORE_MARGIN * scores[1][0]):
                chosen[index] = scores[0][1]
        for index, form in chosen.items():
            words[index].exact = form


def _typed_as_meant(tokens: list[str]) -> list[str]:
    """Words typed with the input method off ("hieens", "bie6n3") read as the syllables meant ("hiến", "biển"),
    when the index holds the word meant and not the word typed."""
    meant = {token: word for token in tokens if (word := from_input_method(token))}
    if not meant:
        return tokens
    numbers = vocabulary.frequencies([FOLDED + fold_for_search(word) for word in (*meant, *meant.values())])

    def held(word: str) -> bool:
        return bool(numbers.get(FOLDED + fold_for_search(word)))

    return [meant[token] if token in meant and held(meant[token]) and not held(token) else token for token in tokens]


def build_plan(tokens: list[str]) -> Plan:
    """The plan of a query's words (lower-case tokens, see `documents.tokenize`)."""
    total = vocabulary.document_count()
    tokens = _typed_as_meant(tokens)
    words: list[_Word] = []
    for token in tokens:
        if any(word.token == token for word in words):
            continue
        words.append(_Word(token, fold_for_search(token), 0, exact=token if _has_marks(token) else None))
    numbers = vocabulary.frequencies([FOLDED + word.folded for word in words] + [w.exact for w in words if w.exact])
    for word in words:
        word.documents = numbers.get(FOLDED + word.folded, 0)
        word.weight = weight(word.documents, total)
        if word.exact and not numbers.get(word.exact):
            word.exact = None
            word.alternatives = _typo_alternatives(word, total)
        elif not word.documents:
            word.alternatives = _typo_alternatives(word, total)
    _context_typos(words, total)
    _restore(words)
    slots, bonuses = [], []
    for word in words:
        slot = [Clause(FOLDED_TEXT, (word.folded,), word.weight)] if word.documents else []
        slots.append(slot + word.alternatives)
        if word.documents:
            bonuses.append(Clause(TITLE_TEXT, (word.folded,), round(TITLE_SHARE * word.weight)))
        if word.exact:
            bonuses.append(Clause(TEXT, (word.exact,), round(EXACT_SHARE * word.weight)))
    by_token = {word.token: word for word in words}
    adjacent = dict.fromkeys((first, second) for first, second in zip(tokens, tokens[1:]) if first != second)
    for first, second in ((by_token[first], by_token[second]) for first, second in adjacent):
        mean = (first.weight + second.weight) / 2
        typo_pairs = [(fixed, second.folded) for fixed in first.paired if second.documents]
        typo_pairs += [(first.folded, fixed) for fixed in second.paired if first.documents]
        for pair in typo_pairs:
            bonuses.append(Clause(FOLDED_TEXT, pair, round(TYPO_SHARE * PHRASE_SHARE * mean)))
        if not (first.documents and second.documents):
            continue
        bonuses.append(Clause(FOLDED_TEXT, (first.folded, second.folded), round(PHRASE_SHARE * mean)))
        if first.exact and second.exact:
            bonuses.append(Clause(TEXT, (first.exact, second.exact), round(EXACT_PHRASE_SHARE * mean)))
    return Plan(slots, required_words(len(words)), [bonus for bonus in bonuses if bonus.weight > 0])


@lru_cache(maxsize=256)
def _cached_plan(tokens: tuple[str, ...], generation: str | None) -> Plan:
    return build_plan(list(tokens))


def plan(tokens: list[str]) -> Plan:
    """The plan of a query's words, kept until the index next changes."""
    from .snapshot import current_generation

    generation = current_generation()
    if generation is None:
        return build_plan(tokens)
    return _cached_plan(tuple(tokens), generation)
