"""The JSON body parser: any malformed body, however deeply nested, is a 400 `parse_error`.

DRF's parser lets Python's `RecursionError` escape on a body nested past the interpreter's
limit (a few kilobytes of `[[[[…`), which ends in a 500; here it is a parse error like any other.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the body is nested too deeply.") from None
