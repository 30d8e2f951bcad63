"""The user's identity corrections: a small YAML file the resolver honours.

The file (``KG_IDENTITY_FILE``) says what the automatic resolver cannot know::

    entities:
      - label: Sergey Lavrov            # the preferred label; the IRI is minted from it
        type: Person                    # optional: the type this entity always has
        aliases: [Sergei Lavrov, S. Lavrov]   # other names of it: all merge into it
      - label: Rossiya-1
        type: Organization              # a type correction alone is fine too
    distinct:                           # never one entity, whatever the names suggest
      - [George Bush, George W. Bush]

An extracted entity whose label or alias equals (ignoring case and a leading
"the") a name of an ``entities`` entry *is* that entry: it takes the entry's
label and type, and every such entity of every article gets the same IRI.
Names of a ``distinct`` group are never joined across articles. Corrections
apply to articles ingested from then on; re-ingest an article to apply them
to it.

>>> overrides = parse_overrides({"entities": [{"label": "Rossiya-1",
...     "type": "Organization", "aliases": ["Russia-1"]}]}, "example")
>>> overrides.entry_for(["the Russia-1"]).label
'Rossiya-1'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ConfigError
from kg.lexicon.gazetteer import normalise
from kg.models import ENTITY_TYPES, Entity, Extraction


@dataclass(frozen=True)
class Override:
    """One entity as the user says it is."""

    label: str
    type: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> set[str]:
        return {normalise(name) for name in (self.label, *self.aliases)}


@dataclass(frozen=True)
class IdentityOverrides:
    """All corrections of one file (empty when there is no file)."""

    entities: tuple[Override, ...] = ()
    distinct: tuple[frozenset[str], ...] = ()

    def entry_for(self, names: Iterable[str]) -> Override | None:
        """The entry that one of ``names`` belongs to, if any."""
        wanted = {normalise(name) for name in names}
        return next((entry for entry in self.entities if entry.names & wanted), None)

    def mentions(self, names: Iterable[str]) -> bool:
        """Whether the file says anything about one of ``names`` (an entry or a
        ``distinct`` group)."""
        wanted = {normalise(name) for name in names}
        return self.entry_for(wanted) is not None or any(g & wanted for g in self.distinct)

    def are_distinct(self, names: Iterable[str], others: Iterable[str]) -> bool:
        """Whether a name of ``names`` and one of ``others`` must stay apart."""
        mine = {normalise(n) for n in names}
        theirs = {normalise(n) for n in others}
        return any(group & mine and group & theirs and not mine & theirs for group in self.distinct)

    def apply(self, extraction: Extraction) -> Extraction:
        """The extraction with every overridden entity's label and type corrected."""
        if not self.entities:
            return extraction
        return replace(extraction, entities=tuple(self._corrected(e) for e in extraction.entities))

    def _corrected(self, entity: Entity) -> Entity:
        entry = self.entry_for([entity.label, *entity.aliases])
        if entry is None:
            return entity
        names = [entity.label, *entity.aliases]
        aliases = tuple(dict.fromkeys(n for n in names if n != entry.label))
        return replace(entity, label=entry.label, type=entry.type or entity.type, aliases=aliases)


NO_OVERRIDES = IdentityOverrides()


def load_overrides(path: str | Path | None) -> IdentityOverrides:
    """The corrections in ``path`` (none when ``path`` is empty); ``ConfigError``
    names the file and the problem when it cannot be used."""
    if not path:
        return NO_OVERRIDES
    source = Path(path).expanduser()
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"identity file {source}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"identity file {source}: not valid YAML ({exc})") from None
    return parse_overrides(data, str(source))


def parse_overrides(data: Any, source: str) -> IdentityOverrides:
    """Check and read the parsed YAML of an identity file."""
    if data is None:
        return NO_OVERRIDES
    if not isinstance(data, dict) or set(data) - {"entities", "distinct"}:
        raise ConfigError(f"identity file {source}: expected a mapping with 'entities', 'distinct'")
    entities = tuple(
        _entry(item, f"{source}: entities[{n}]")
        for n, item in enumerate(_list(data, "entities", source))
    )
    distinct = []
    for n, group in enumerate(_list(data, "distinct", source)):
        if not _strings(group) or len(group) < 2:
            raise ConfigError(
                f"identity file {source}: distinct[{n}] must be a list of two or more names"
            )
        distinct.append(frozenset(normalise(name) for name in group))
    return IdentityOverrides(entities, tuple(distinct))


def _list(data: dict, key: str, source: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(f"identity file {source}: '{key}' must be a list")
    return value


def _entry(item: Any, where: str) -> Override:
    if not isinstance(item, dict) or not isinstance(item.get("label"), str):
        raise ConfigError(f"identity file {where}: each entity needs a 'label' (a name)")
    unknown = set(item) - {"label", "type", "aliases"}
    if unknown:
        raise ConfigError(f"identity file {where}: unknown key {sorted(unknown)[0]!r}")
    type_ = item.get("type")
    if type_ is not None and type_ not in ENTITY_TYPES:
        raise ConfigError(
            f"identity file {where}: type {type_!r} is not one of {', '.join(ENTITY_TYPES)}"
        )
    aliases = item.get("aliases") or []
    if not _strings(aliases):
        raise ConfigError(f"identity file {where}: 'aliases' must be a list of names")
    return Override(item["label"], type_, tuple(aliases))


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
