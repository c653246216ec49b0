"""Headlines of statements: a stance said in full, an ambition, a forecast or a comment,
and what it was about.
"""

import re

from timeline.pipeline.context import ArticleContext
from timeline.pipeline.parties import Parties, dedupe
from timeline.pipeline.triggers import words

# What a statement is about, when it names no actor: the first topic its words touch.
STATEMENT_TOPICS = (
    (re.compile(r"营收|收入|营业额|" + words("revenues?", "sales")), "revenue"),
    (re.compile(r"利润|盈利|亏损|" + words("profits?", "losses", "profitab\\w+")), "profitability"),
    (re.compile(r"价格战|降价|定价|价格|" + words("prices?", "pricing", "price war")), "prices"),
    (re.compile(r"预训练|" + words("pre-?training")), "pre-training"),
    (re.compile(r"收购|出售|并购|" + words("sale", "acquisition", "takeover")), "a sale"),
    (re.compile(r"融资|估值|" + words("funding", "valuation")), "funding"),
    (re.compile(r"上市|" + words("ipo", "listing")), "a listing"),
    (re.compile(r"裁员|" + words("layoffs?", "job cuts")), "layoffs"),
    (re.compile(r"\bagi\b|通用人工智能"), "AGI"),
    (
        re.compile(r"大模型(?:企业|公司|创业公司)|六小虎|" + words("ai (?:start-?ups|companies)")),
        "the large-model industry",
    ),
    (re.compile(r"芯片|" + words("chips?", "semiconductors?")), "chips"),
)

# Stances a statement can take that a headline can say in full.
STANCES = (
    (
        re.compile(r"(?:不|拒绝|不会)(?:参与|加入|打)价格战|" + words("stay out of the price war")),
        "says it will stay out of the price war",
        "said it would stay out of the price war",
    ),
)

TRAINING = re.compile(r"训练|" + words("training"))

ASPIRATION = re.compile(
    r"想打造|想做|梦想|愿景|目标|"
    + words("wants? to", "wanted to", "aim(?:s|ed)? to", "ambitions?")
)

PREDICTION = re.compile(
    r"未来|将会|将|会|预计|预期|" + words("will", "would", "expects?", "predicts?", "forecasts?")
)


def statement_words(
    context: ArticleContext, name: str, parties: Parties, said: str
) -> tuple[str, str]:
    """ "comments on Yi and OpenAI", "makes a forecast about the large-model industry",
    "sets out ambitions for AGI": what kind of saying it was, and what it was about (actors
    named after the verb, else a topic word)."""
    about = [context.name(s) for s in parties.objects if s != parties.principal]
    about = [n for n in dedupe(about) if n != name][:2]
    word = topic_word(said)
    for pattern, present, past in STANCES:
        if pattern.search(said):
            return present, past
    if ASPIRATION.search(said):
        # "想打造 agi 时代的微软": what is named in an ambition is a model, not its topic.
        rest = f" for {word}" if word else ""
        return f"sets out ambitions{rest}", f"set out ambitions{rest}"
    topic = " and ".join(about) or word
    if PREDICTION.search(said):
        rest = f" about {topic}" if topic else ""
        return f"makes a forecast{rest}", f"made a forecast{rest}"
    rest = f" on {topic}" if topic else ""
    return f"comments{rest}", f"commented{rest}"


def topic_word(folded: str) -> str:
    return next((label for pattern, label in STATEMENT_TOPICS if pattern.search(folded)), "")
