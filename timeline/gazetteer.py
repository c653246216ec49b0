"""Merge the curated gazetteer (`fixtures/actors.json`) into a database editors may have curated.

`loaddata` writes every row of the fixture over what is there: it would restore an actor's name,
kind, description and review state and bring back an alias an editor deleted. The merge only
adds: an actor whose slug the database does not have, with the fixture's aliases for it. An
actor that exists is left exactly as it is, aliases included, so nothing an editor renamed,
rejected or removed from it comes back; the fixture's aliases for existing actors are counted
as not applied. No record of past merges is kept: what exists is the record. (An actor an editor
deleted outright is new again to the merge; rejecting it keeps it out for good.)
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from timeline.models import Actor, ActorAlias
from timeline.pipeline.actors import normalize_alias

DEFAULT_GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "actors.json"
ACTOR_MODEL = "timeline.actor"
ALIAS_MODEL = "timeline.actoralias"
ACTOR_FIELDS = ("slug", "name", "kind", "description", "review")


class GazetteerError(ValueError):
    """The gazetteer file cannot be read or holds a row that is not a valid actor or alias."""


@dataclass
class GazetteerMerge:
    actors_added: list[str] = field(default_factory=list)
    aliases_added: int = 0
    actors_kept: int = 0
    aliases_not_applied: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.actors_added)} actors added with {self.aliases_added} aliases; "
            f"{self.actors_kept} actors already present left as they are "
            f"({self.aliases_not_applied} of their gazetteer aliases not applied)."
        )


def read_gazetteer(path: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    """The actor rows of a fixture file in its order, and the alias rows by actor slug."""
    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise GazetteerError(f"cannot read the gazetteer {path}: {error}") from None
    if not isinstance(rows, list):
        raise GazetteerError(f"{path}: expected a list of fixture rows")
    actors, aliases = [], defaultdict(list)
    for number, row in enumerate(rows, start=1):
        fields = row.get("fields") if isinstance(row, dict) else None
        if not isinstance(fields, dict):
            raise GazetteerError(f"{path}: row {number} has no fields")
        if row.get("model") == ACTOR_MODEL:
            actors.append(fields)
        elif row.get("model") == ALIAS_MODEL:
            owner = fields.get("actor")
            slug = owner[0] if isinstance(owner, list) and owner else owner
            if not isinstance(slug, str):
                raise GazetteerError(f"{path}: alias row {number} names no actor by slug")
            aliases[slug].append(fields)
        else:
            raise GazetteerError(f"{path}: row {number} is a {row.get('model')!r}, not an actor")
    return actors, aliases


@transaction.atomic
def merge_gazetteer(path: str | Path = DEFAULT_GAZETTEER) -> GazetteerMerge:
    """Add the gazetteer's actors that are new, with their aliases; change nothing that exists."""
    actor_rows, alias_rows = read_gazetteer(Path(path))
    existing = set(Actor.objects.values_list("slug", flat=True))
    merge = GazetteerMerge()
    for fields in actor_rows:
        slug = fields.get("slug")
        if slug in existing:
            merge.actors_kept += 1
            merge.aliases_not_applied += len(alias_rows.get(slug, []))
            continue
        actor = Actor(**{name: fields[name] for name in ACTOR_FIELDS if name in fields})
        try:
            actor.full_clean(validate_unique=False)
        except ValidationError as error:
            raise GazetteerError(f"{path}: actor {slug!r}: {error.messages}") from None
        try:
            # The unique slug decides, not the read above: a merge running at the same time
            # may have added it since.
            with transaction.atomic():
                actor.save()
        except IntegrityError:
            merge.actors_kept += 1
            continue
        existing.add(slug)
        merge.actors_added.append(slug)
        merge.aliases_added += add_aliases(actor, alias_rows.get(slug, []), path)
    return merge


def add_aliases(actor: Actor, rows: list[dict], path) -> int:
    """The fixture's aliases of an actor this merge created; a repeated normal form once."""
    added = set()
    for fields in rows:
        alias = ActorAlias(
            actor=actor, alias=fields.get("alias"), language=fields.get("language") or ""
        )
        alias.normalized = normalize_alias(alias.alias) if isinstance(alias.alias, str) else ""
        if alias.normalized and alias.normalized in added:
            continue
        try:
            alias.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            raise GazetteerError(f"{path}: alias of {actor.slug!r}: {error.messages}") from None
        alias.save()
        added.add(alias.normalized)
    return len(added)
