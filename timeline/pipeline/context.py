"""The article context: what every paragraph of one article is read against.

The text and its folded copy, the reference date, and every date and actor mention found
once over the whole text, with quick lookups by span. Plain Python.
"""

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.pipeline.actors import ActorEntry, ActorMatcher, ActorMention
from timeline.pipeline.dates import DateMention, ReferenceDate

# A place's name, by its administrative ending; and what may stand between two such names
# of one chain (a town or a district no rule made an actor).
_PLACE_NAME = re.compile(r"(?:自治区|自治州|省|市|县|区|镇|乡|村)$")
_PLACE_GAP = re.compile(r"(?:[\u3400-\u9fff]{1,5}?(?:自治区|自治州|省|市|县|区|镇|乡))*")

ORGANIZATION_KINDS = frozenset({"company", "investor", "lab", "organization"})
COMPANY_KINDS = frozenset({"company", "investor"})
WORK_KINDS = frozenset({"model", "product"})


@dataclass
class ArticleContext:
    """What every paragraph of one article is read against."""

    text: str
    folded: str
    language: str
    reference: ReferenceDate | None
    matcher: ActorMatcher
    dates: Sequence[DateMention]
    actors: Sequence[ActorMention]
    roles: dict[str, str] = field(default_factory=dict)
    main_company: str | None = None
    warnings: list[str] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _actor_starts: list[int] = field(default_factory=list)
    _speakers: dict[str, str | None] = field(default_factory=dict)
    # The referring expressions ("该公司", "the regulator") of the text, once found.
    referring: list[tuple[int, int, frozenset[str] | tuple[str, ...] | None, object]] | None = None
    # What each of them stands for, once resolved: (position, topic) → slugs.
    referents: dict[tuple[int, str | None], tuple[str, ...]] = field(default_factory=dict)
    # Subjects read from a clause's noun phrase (`subject_phrases`), discovered while reading.
    subjects: list[ActorEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._date_starts = [mention.char_start for mention in self.dates]
        self._actor_starts = [mention.char_start for mention in self.actors]

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        index = bisect_left(self._date_starts, start)
        found = []
        while index < len(self.dates) and self.dates[index].char_start < end:
            if self.dates[index].char_end <= end:
                found.append(self.dates[index])
            index += 1
        return found

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        index = bisect_left(self._actor_starts, start)
        found = []
        while index < len(self.actors) and self.actors[index].char_start < end:
            if self.actors[index].char_end <= end:
                found.append(self.actors[index])
            index += 1
        return found

    def smallest_place(self, mention: ActorMention, end: int) -> ActorMention:
        """The last place of the chain a place's mention opens, before `end`: "四川省|雅河县|
        青石镇|龙洞村" is one located place, the village, with its county and province
        before it as its address. Any other mention is itself."""
        while _PLACE_NAME.search(self.folded, mention.char_start, mention.char_end):
            following = [
                m
                for m in self.actors_in(mention.char_end, end)
                if _PLACE_GAP.fullmatch(self.folded, mention.char_end, m.char_start)
            ]
            if not following or not _PLACE_NAME.search(
                self.folded, following[0].char_start, following[0].char_end
            ):
                break
            mention = following[0]
        return mention

    def speaker_actor(self, label: str | None) -> str | None:
        """The person an interview's speaker label names ("李开复"), if the gazetteer knows."""
        if not label:
            return None
        if label not in self._speakers:
            found = self.matcher.find(label)
            people = [m.slug for m in found if self.kind(m.slug) == "person"]
            self._speakers[label] = people[0] if people else None
        return self._speakers[label]

    def add_actor(self, entry: ActorEntry, mention: ActorMention) -> None:
        """Know a subject found while reading, and its mention, as if matched at the start."""
        if entry.slug not in self.matcher.slugs():
            self.matcher = self.matcher.extended([entry])
            self.subjects.append(entry)
        index = bisect_left(self._actor_starts, mention.char_start)
        self.actors = [*self.actors[:index], mention, *self.actors[index:]]
        self._actor_starts.insert(index, mention.char_start)

    def drop_actor(self, mention: ActorMention) -> None:
        """Forget a mention `add_actor` put in that gave no claim."""
        index = self.actors.index(mention)
        self.actors = [*self.actors[:index], *self.actors[index + 1 :]]
        del self._actor_starts[index]

    def kind(self, slug: str) -> str:
        return self.matcher.entry(slug).kind

    def name(self, slug: str) -> str:
        return self.matcher.entry(slug).name
