"""Turns an exported contacts file into address-book entries."""

from contacts.csvlite import parse_rows


def import_contacts(text):
    entries = []
    for row in parse_rows(text):
        entries.append(
            {
                "display": f"{row['name']} ({row['company']})" if row.get("company") else row["name"],
                "city": row.get("city", ""),
            }
        )
    return entries
