"""Names the public contract (docs/API.md) fixes, shared by the tests that check them."""

# Query parameters of every event list: /api/events/, /api/actors/{slug}/events/ and
# /api/timeline/ (which adds `group`).
EVENT_PARAMETERS = (
    "after",
    "before",
    "strict",
    "actor",
    "type",
    "source",
    "status",
    "min_precision",
    "q",
    "dated",
    "ordering",
    "page_size",
    "cursor",
    "format",
)
