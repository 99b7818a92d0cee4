import unittest

from calendar_tools.intervals import free_slots, merge


class Merge(unittest.TestCase):
    def test_disjoint(self):
        self.assertEqual(merge([(9, 10), (11, 12)]), [(9, 10), (11, 12)])

    def test_overlapping(self):
        self.assertEqual(merge([(9, 11), (10, 12)]), [(9, 12)])

    def test_contained(self):
        self.assertEqual(merge([(9, 12), (10, 11)]), [(9, 12)])

    def test_touching(self):
        self.assertEqual(merge([(9, 10), (10, 11)]), [(9, 11)])

    def test_unsorted(self):
        self.assertEqual(merge([(14, 15), (9, 10), (9, 11)]), [(9, 11), (14, 15)])

    def test_empty(self):
        self.assertEqual(merge([]), [])

    def test_invalid(self):
        with self.assertRaises(ValueError):
            merge([(10, 10)])


class Free(unittest.TestCase):
    def test_free_slots(self):
        self.assertEqual(free_slots([(9, 10), (12, 13)], 8, 17), [(8, 9), (10, 12), (13, 17)])


if __name__ == "__main__":
    unittest.main()
