"""Word statistics for the writing assistant's sidebar."""

import re

# A word is a run of letters, optionally with apostrophes inside ("don't", "cat's").
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def words(text):
    """The words of `text`, lower-cased, in order."""
    return [match.group(0).lower() for match in _WORD.finditer(text)]


def word_count(text):
    return len(words(text))


def unique_words(text):
    """The distinct words of `text`, sorted."""
    return sorted(set(words(text)))


def reading_time_minutes(text, words_per_minute=230):
    count = word_count(text)
    return 0 if count == 0 else max(1, round(count / words_per_minute))
