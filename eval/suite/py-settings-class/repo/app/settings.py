"""Settings of the app: defaults, overridden by a `key = value` file and by code."""

DEFAULTS = {"name": "demo", "port": 8080, "debug": False, "workers": 2}

_values = dict(DEFAULTS)
_loaded_from = None

_MISSING = object()


def _parse_value(text):
    text = text.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        return int(text)
    except ValueError:
        return text


def load(text, source="<string>"):
    """Applies `key = value` lines; blank lines and lines starting with # are skipped."""
    global _loaded_from
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ValueError(f"{source} line {number}: expected key = value")
        key, value = line.split("=", 1)
        _values[key.strip()] = _parse_value(value)
    _loaded_from = source


def get(key, default=_MISSING):
    if key in _values:
        return _values[key]
    if default is _MISSING:
        raise KeyError(key)
    return default


def set(key, value):  # noqa: A001 - the public name callers use
    _values[key] = value


def reset():
    global _values, _loaded_from
    _values = dict(DEFAULTS)
    _loaded_from = None


def loaded_from():
    return _loaded_from


def as_dict():
    return dict(_values)
