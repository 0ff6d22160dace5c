"""Processes that index at once share the vocabulary's rows (search.vocabulary): they must never deadlock.

The worker publishing a scheduled page, the web server publishing on the council's vote and an import
each count the words of the documents they store, in one INSERT … ON CONFLICT per batch. Each process
orders a set of words its own way (Python's string hashing differs per process), and PostgreSQL
aborted one of two transactions that locked shared words in opposite orders ("deadlock detected": a
500 or a failed task). Here three processes store bags of the same words at once, each time in a new
order; every transaction must commit and every word be counted once per bag. Runs on SQLite, and on
PostgreSQL when the suite does.
"""

from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.live]

PROCESSES, ROUNDS, WORDS = 3, 25, 400

STORE_BAGS = """
import random
from django.db import transaction
from search import vocabulary
words = [f"tuchung{{number}}" for number in range({words})]
failures = []
for _ in range({rounds}):
    random.shuffle(words)
    try:
        with transaction.atomic():
            vocabulary.apply([], [" ".join(words)])
    except Exception as error:
        failures.append(f"{{type(error).__name__}}: {{error}}")
print("failures", len(failures), failures[:1])
"""

COUNTS = """
import json
from search.models import SearchWord
print(json.dumps(sorted(set(SearchWord.objects.filter(term__startswith="tuchung").values_list("documents", flat=True)))))
print(SearchWord.objects.filter(term__startswith="tuchung").count())
"""


def test_processes_counting_the_same_words_at_once_all_commit(live_portal):
    portal = live_portal(processes=())
    script = STORE_BAGS.format(words=WORDS, rounds=ROUNDS)
    for returncode, output in portal.shells_at_once(script, PROCESSES):
        assert returncode == 0, output[-3000:]
        assert "failures 0 []" in output, output[-3000:]
    counts, rows = portal.shell(COUNTS).strip().splitlines()[-2:]
    assert json.loads(counts) == [PROCESSES * ROUNDS] and int(rows) == WORDS
