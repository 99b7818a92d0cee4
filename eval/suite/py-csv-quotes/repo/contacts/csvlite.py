"""A small CSV reader for the contacts import (one record per line)."""


def parse_line(line):
    """The fields of one CSV line; whitespace around unquoted fields is dropped."""
    return [field.strip() for field in line.split(",")]


def parse_rows(text):
    """Records of a CSV text whose first line names the columns; blank lines are skipped."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    header = parse_line(lines[0])
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        fields = parse_line(line)
        if len(fields) != len(header):
            raise ValueError(f"line {number}: expected {len(header)} fields, found {len(fields)}")
        rows.append(dict(zip(header, fields)))
    return rows
