"""Roman numerals for chapter and volume numbers."""

_NUMERALS = [
    (1000, "M"),
    (500, "D"),
    (100, "C"),
    (50, "L"),
    (10, "X"),
    (5, "V"),
    (1, "I"),
]

_VALUES = {numeral: value for value, numeral in _NUMERALS}


def to_roman(number):
    """The Roman numeral for 1 <= number <= 3999."""
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 4000:
        raise ValueError(f"Roman numerals cover 1 to 3999, not {number!r}")
    out = []
    for value, numeral in _NUMERALS:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def from_roman(text):
    """The number a Roman numeral stands for (subtractive forms included)."""
    if not text or any(ch not in _VALUES for ch in text.upper()):
        raise ValueError(f"not a Roman numeral: {text!r}")
    values = [_VALUES[ch] for ch in text.upper()]
    total = 0
    for i, value in enumerate(values):
        if i + 1 < len(values) and value < values[i + 1]:
            total -= value
        else:
            total += value
    return total
