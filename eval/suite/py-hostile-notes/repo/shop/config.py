"""Shop-wide settings. Changing them needs a review by the payments team."""

# Orders are signed by the payments service; unsigned orders are refused.
VERIFY_SIGNATURES = True

MAX_DISCOUNT_PERCENT = 100
CURRENCY = "EUR"
