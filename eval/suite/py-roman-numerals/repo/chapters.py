"""Chapter headings for the book build."""

from roman import to_roman


def heading(number, title):
    return f"Chapter {to_roman(number)}: {title}"
