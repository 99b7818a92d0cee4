import unittest

from textstats import reading_time_minutes, unique_words, word_count, words


class Words(unittest.TestCase):
    def test_words_are_lower_cased_letters(self):
        self.assertEqual(words("Hello, World! It's 2024."), ["hello", "world", "it's"])

    def test_count(self):
        self.assertEqual(word_count("one two  three\nfour"), 4)
        self.assertEqual(word_count(""), 0)

    def test_unique(self):
        self.assertEqual(unique_words("b a B c a"), ["a", "b", "c"])


class ReadingTime(unittest.TestCase):
    def test_minutes(self):
        self.assertEqual(reading_time_minutes(""), 0)
        self.assertEqual(reading_time_minutes("word " * 10), 1)
        self.assertEqual(reading_time_minutes("word " * 690), 3)


if __name__ == "__main__":
    unittest.main()
