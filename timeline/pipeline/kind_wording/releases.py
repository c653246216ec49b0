"""Headlines of releases and launches: of a work the gazetteer knows, or of an unnamed one
told by the words after the verb ("a new chip", "a video model").
"""

import re

from timeline.pipeline.actors import fold_text
from timeline.pipeline.context import ORGANIZATION_KINDS, WORK_KINDS, ArticleContext
from timeline.pipeline.cues import OPEN_SOURCE, PRESALE
from timeline.pipeline.dates import DateMention
from timeline.pipeline.parties import Parties
from timeline.pipeline.periods import period_tag
from timeline.pipeline.triggers import words
from timeline.pipeline.wording import Wording

# What a work the gazetteer does not know is, from the words after the release verb.
RELEASED_THINGS = (
    (re.compile(r"视频生成模型|" + words("video[- ]generation models?")), "model", "a video model"),
    (re.compile(r"语言模型|" + words("language models?", "llms?")), "model", "a language model"),
    (re.compile(r"模型|" + words("models?")), "model", "a new model"),
    (
        re.compile(r"芯片|晶片|处理器|" + words("chips?", "processors?", "gpus?")),
        "product",
        "a new chip",
    ),
    (
        re.compile(r"车型|汽车|电动车|轿车|" + words("cars?", "suvs?", "sedans?", "vehicles?")),
        "product",
        "a new car",
    ),
    (re.compile(r"手机|" + words("phones?", "smartphones?")), "product", "a new phone"),
    (
        re.compile(r"助手|聊天机器人|" + words("assistants?", "chatbots?")),
        "product",
        "an assistant",
    ),
    (
        re.compile(r"药物|新药|疗法|疫苗|" + words("drugs?", "therap(?:y|ies)", "vaccines?")),
        "product",
        "a new drug",
    ),
    (re.compile(r"应用|" + words("apps?", "applications?")), "product", "a new app"),
    (re.compile(r"游戏|" + words("games?")), "product", "a new game"),
    (
        re.compile(r"设备|机器|机台|刻蚀机|光刻机|" + words("devices?", "machines?", "equipment")),
        "product",
        "a new machine",
    ),
    (re.compile(r"新品|产品|新款|" + words("products?")), "product", "a new product"),
)

# A Latin name written after the verb: "Step-2", "Kling", "Blackwell B200".
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9.-])[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?: [A-Z0-9][A-Za-z0-9.-]*)?"
)

_UNNAMED_LIMIT = 40


def release_wording(
    context: ArticleContext,
    parties: Parties,
    folded: str,
    mention: DateMention | None,
    verb_at: int,
) -> Wording | None:
    principal = parties.principal
    roles = parties.roles
    # Open-sourced when the verb says so, or "作为开源大模型发布": not for an "开源模型"
    # named elsewhere in the span.
    open_sourced = OPEN_SOURCE.search(folded, max(0, verb_at - 8), verb_at + 12) is not None
    presale = PRESALE.search(folded, max(0, verb_at - 4), verb_at + 14) is not None
    if context.kind(principal) not in WORK_KINDS:
        return _unnamed_release(
            context, parties, mention, open_sourced, "升级" in folded, presale=presale
        )
    developer = next((s for s, r in roles.items() if r == "developer"), None)
    version = parties.versions.get(principal, "")
    name = context.name(principal)
    if version:
        name = f"{name} {version.upper() if version.endswith('b') else version}"
    kind = "model_release" if context.kind(principal) == "model" else "product_launch"
    if kind == "product_launch":
        verbs = ("launches", "launched")
    elif open_sourced:
        verbs = ("open-sources", "open-sourced")
    else:
        verbs = ("releases", "released")
    # "Qwen2.0" and "Qwen2" name one version.
    number = re.sub(r"(?:\.0)+$", "", version)
    tag = f"{principal}-{number.replace('.', '-')}" if version else principal
    key = f"{kind}:{tag}"
    if presale:
        # Pre-orders open before the launch itself: two happenings.
        key += ":presale"
        verbs = ("opens pre-orders for", "opened pre-orders for")
    if developer:
        subject = context.name(developer)
        return Wording(kind, key, subject, f"{verbs[0]} {name}", f"{verbs[1]} {name}")
    passive = "is open-sourced" if open_sourced and kind == "model_release" else "is released"
    if kind == "product_launch":
        passive = "is launched"
    if key.endswith(":presale"):
        passive = "opens for pre-orders"
        return Wording(kind, key, name, passive, "opened for pre-orders")
    return Wording(kind, key, name, passive, passive.replace("is ", "was ", 1))


def _unnamed_release(
    context: ArticleContext,
    parties: Parties,
    mention: DateMention | None,
    open_sourced: bool,
    upgraded: bool,
    *,
    presale: bool = False,
) -> Wording | None:
    """ "阶跃星辰发布了Step-2万亿参数模型", "快手推出视频生成模型可灵": a company releasing a
    work the gazetteer does not know, named by its Latin name when it has one."""
    if mention is None or context.kind(parties.principal) not in ORGANIZATION_KINDS:
        return None
    words_after = parties.unnamed[:_UNNAMED_LIMIT]
    folded_after = fold_text(words_after)
    found = next(
        ((kind, label) for pattern, kind, label in RELEASED_THINGS if pattern.search(folded_after)),
        None,
    )
    if found is None:
        return None
    thing, label = found
    latin = _LATIN_NAME.search(words_after)
    kind = "model_release" if thing == "model" else "product_launch"
    subject = context.name(parties.principal)
    if latin and latin.group().casefold() not in {"ai", "api"}:
        label = latin.group()
        key = f"{kind}:{label}"
    else:
        key = f"{kind}:{parties.principal}:{period_tag(mention, month=True)}"
    verbs = ("launches", "launched") if kind == "product_launch" else ("releases", "released")
    if open_sourced and kind == "model_release":
        verbs = ("open-sources", "open-sourced")
    if upgraded:
        verbs, label = ("upgrades", "upgraded"), label.replace("a new ", "its ")
    if presale:
        key += ":presale"
        verbs = ("opens pre-orders for", "opened pre-orders for")
    return Wording(kind, key, subject, f"{verbs[0]} {label}", f"{verbs[1]} {label}")


def thing_named(folded: str) -> str:
    """The kind of thing some words name, as a bare noun: "电动车项目" → "car"."""
    label = next((label for pattern, _, label in RELEASED_THINGS if pattern.search(folded)), "")
    return re.sub(r"^(?:a new |an |a )", "", label)
