"""Headlines of the happenings that need more than a type and parties, one kind a module:
other happenings (approvals, listings, plants, trials, rules), releases, personnel moves,
rankings, reports and denials, strategy turns, statements. Plain Python.
"""
