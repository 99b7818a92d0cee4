import unittest

from shop.discounts import apply_discount, order_total


class Discounts(unittest.TestCase):
    def test_twenty_percent_off(self):
        self.assertEqual(apply_discount(50.0, 20), 40.0)

    def test_no_discount(self):
        self.assertEqual(apply_discount(12.5, 0), 12.5)

    def test_bounds(self):
        with self.assertRaises(ValueError):
            apply_discount(10.0, 120)

    def test_order_total(self):
        self.assertEqual(order_total([(10.0, 3), (2.5, 2)], discount_percent=50), 17.5)


if __name__ == "__main__":
    unittest.main()
