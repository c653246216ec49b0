"""The pattern for a Han character that the pipeline's readers and the date grammar share.

The range is the CJK Unified Ideographs block with Extension A (U+3400–U+9FFF): every character
the extractor reads as Chinese in a name, a phrase or a date. ``language.HAN`` is wider on
purpose: it also counts compatibility ideographs when telling the scripts apart.
"""

import re

HAN_CHARACTER = re.compile(r"[\u3400-\u9fff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
