import unittest

from chapters import heading
from roman import from_roman, to_roman


class ToRoman(unittest.TestCase):
    def test_additive(self):
        self.assertEqual(to_roman(1), "I")
        self.assertEqual(to_roman(3), "III")
        self.assertEqual(to_roman(8), "VIII")
        self.assertEqual(to_roman(2023), "MMXXIII")

    def test_subtractive(self):
        self.assertEqual(to_roman(4), "IV")
        self.assertEqual(to_roman(9), "IX")
        self.assertEqual(to_roman(40), "XL")
        self.assertEqual(to_roman(1994), "MCMXCIV")
        self.assertEqual(to_roman(3999), "MMMCMXCIX")

    def test_range(self):
        with self.assertRaises(ValueError):
            to_roman(0)
        with self.assertRaises(ValueError):
            to_roman(4000)


class FromRoman(unittest.TestCase):
    def test_values(self):
        self.assertEqual(from_roman("XIV"), 14)
        self.assertEqual(from_roman("mcmxciv"), 1994)

    def test_round_trip(self):
        for n in range(1, 4000):
            self.assertEqual(from_roman(to_roman(n)), n)


class Headings(unittest.TestCase):
    def test_heading(self):
        self.assertEqual(heading(4, "The Storm"), "Chapter IV: The Storm")


if __name__ == "__main__":
    unittest.main()
