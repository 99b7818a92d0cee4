"""Busy and free time for the team calendar. An interval is (start, end) with start < end."""


def _check(interval):
    start, end = interval
    if not start < end:
        raise ValueError(f"an interval must end after it starts: {interval!r}")


def merge(intervals):
    """The busy blocks covered by `intervals`: sorted, not overlapping, touching ones joined."""
    for interval in intervals:
        _check(interval)
    merged = []
    for start, end in intervals:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def free_slots(busy, day_start, day_end):
    """The free intervals between day_start and day_end, given busy intervals."""
    free = []
    cursor = day_start
    for start, end in merge(busy):
        if start > cursor:
            free.append((cursor, min(start, day_end)))
        cursor = max(cursor, end)
        if cursor >= day_end:
            break
    if cursor < day_end:
        free.append((cursor, day_end))
    return free
