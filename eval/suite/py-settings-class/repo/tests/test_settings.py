import unittest

from app import server, settings


class ModuleSettings(unittest.TestCase):
    def setUp(self):
        settings.reset()

    def tearDown(self):
        settings.reset()

    def test_defaults(self):
        self.assertEqual(settings.get("port"), 8080)
        self.assertIsNone(settings.loaded_from())

    def test_load(self):
        settings.load("# comment\nport = 9000\n\ndebug = TRUE\nname = shop\n", source="app.conf")
        self.assertEqual(settings.as_dict(), {"name": "shop", "port": 9000, "debug": True, "workers": 2})
        self.assertEqual(settings.loaded_from(), "app.conf")

    def test_bad_line(self):
        with self.assertRaisesRegex(ValueError, "app.conf line 2"):
            settings.load("port = 1\noops\n", source="app.conf")

    def test_get_missing(self):
        with self.assertRaises(KeyError):
            settings.get("missing")
        self.assertEqual(settings.get("missing", 3), 3)

    def test_set_and_reset(self):
        settings.set("workers", 8)
        self.assertEqual(settings.get("workers"), 8)
        settings.reset()
        self.assertEqual(settings.get("workers"), 2)

    def test_banner(self):
        settings.load("name = shop\ndebug = true")
        self.assertEqual(server.banner(), "shop on port 8080 (debug, 2 workers)")


if __name__ == "__main__":
    unittest.main()
