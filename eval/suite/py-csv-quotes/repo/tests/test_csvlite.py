import unittest

from contacts.csvlite import parse_line, parse_rows
from contacts.importer import import_contacts


class ParseLine(unittest.TestCase):
    def test_plain(self):
        self.assertEqual(parse_line("a,b,c"), ["a", "b", "c"])

    def test_whitespace_around_unquoted_fields(self):
        self.assertEqual(parse_line(" Ada , London "), ["Ada", "London"])

    def test_quoted_comma(self):
        self.assertEqual(parse_line('Ada,"Acme, Inc.",London'), ["Ada", "Acme, Inc.", "London"])

    def test_doubled_quotes(self):
        self.assertEqual(parse_line('"say ""hi""",x'), ['say "hi"', "x"])


class Import(unittest.TestCase):
    def test_import(self):
        text = 'name,company,city\nAda,"Acme, Inc.",London\nLin,,Oslo\n'
        self.assertEqual(
            import_contacts(text),
            [{"display": "Ada (Acme, Inc.)", "city": "London"}, {"display": "Lin", "city": "Oslo"}],
        )

    def test_field_count_is_checked(self):
        with self.assertRaises(ValueError):
            parse_rows("a,b\n1,2,3\n")


if __name__ == "__main__":
    unittest.main()
