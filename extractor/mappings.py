"""Loading the YAML in mappings/: canonical fields, column headers, layouts, sections."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from .normalize import parse_label

DEFAULT_MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "mappings"
MAPPINGS_ENV = "EXTRACTOR_MAPPINGS"


@dataclass(frozen=True, eq=False)  # one instance per field: identity is equality, and hashing is cheap
class FieldSpec:
    id: str
    section: str
    templates: tuple[str, ...]
    unit: str
    dims: tuple[str, ...]
    label: str
    names: tuple[str, ...]  # normalised official label and aliases
    parents: tuple[str, ...] = ()  # normalised labels of the group the row sits under
    ordinal: int | None = None
    by_column: bool = False  # decided by column groups, not row labels
    group_when_children: bool = False  # a blank row of it is only the heading of its child rows
    has_twins: bool = False  # another field has one of the same names: only the parent tells them apart


@dataclass(frozen=True)
class DimName:
    name: str  # normalised header text
    dim: str
    template: str | None = None


@dataclass(frozen=True)
class LayoutColumn:
    dim: str
    field: str | None = None


@dataclass(eq=False)  # hashable by identity, so per-mappings caches can key on it
class Mappings:
    fields: dict[str, FieldSpec]
    dim_names: list[DimName]
    unit_names: list[str]
    column_groups: list[tuple[str, str]]  # (normalised header, field id)
    layouts: dict[str, list[LayoutColumn]]
    sections: list[tuple[str, list[str]]]
    required_sections: dict[str, list[str]]
    folder: Path = field(default_factory=Path)

    identities: list[dict] = field(default_factory=list)
    cross_year: list[dict] = field(default_factory=list)
    required_fields: dict[str, dict] = field(default_factory=dict)
    alternatives: list[list[str]] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    dim_name_texts: list[str] = field(default_factory=list)  # dim_names' texts, for rapidfuzz.process
    dim_groups: list[str] = field(default_factory=list)  # headers over several dims that name none themselves
    column_group_texts: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.dim_name_texts = [name.name for name in self.dim_names]
        self.column_group_texts = [name for name, _ in self.column_groups]


def normalised(label: str) -> str:
    return parse_label(label).text


# libyaml's safe loader when PyYAML was built with it: the same documents, read ten times faster
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc


def mappings_dir(folder: str | Path | None = None) -> Path:
    return Path(folder or os.environ.get(MAPPINGS_ENV) or DEFAULT_MAPPINGS_DIR)


@lru_cache(maxsize=8)
def load_mappings(folder: str | Path | None = None) -> Mappings:
    """Read fields.yaml, columns.yaml and sections.yaml from `folder` (default: the repository's mappings/)."""
    folder = mappings_dir(folder)
    if not (folder / "fields.yaml").is_file():
        raise FileNotFoundError(f"no fields.yaml in mappings folder {folder}")
    fields = {}
    for field_id, spec in read_yaml(folder / "fields.yaml").items():
        missing = {"section", "templates", "unit", "dims", "label"} - set(spec)
        if missing:
            raise ValueError(f"{folder / 'fields.yaml'}: field {field_id} lacks {sorted(missing)}")
        labels = [spec["label"], *spec.get("aliases", [])]
        fields[field_id] = FieldSpec(
            id=field_id,
            section=spec["section"],
            templates=tuple(str(t) for t in spec["templates"]),
            unit=spec["unit"],
            dims=tuple(spec["dims"]),
            label=spec["label"],
            names=tuple(dict.fromkeys(normalised(label) for label in labels)),
            parents=tuple(normalised(p) for p in spec.get("parent", [])),
            ordinal=spec.get("ordinal"),
            by_column=bool(spec.get("by_column", False)),
            group_when_children=bool(spec.get("group_when_children", False)),
        )

    owners: dict[str, set[str]] = {}
    for spec in fields.values():
        for name in spec.names:
            owners.setdefault(name, set()).add(spec.id)
    fields = {
        field_id: replace(spec, has_twins=any(len(owners[name]) > 1 for name in spec.names))
        for field_id, spec in fields.items()
    }

    columns = read_yaml(folder / "columns.yaml")
    dim_names = []
    for dim, entries in columns.get("dims", {}).items():
        for entry in entries:
            label, template = (entry["label"], entry.get("template")) if isinstance(entry, dict) else (entry, None)
            dim_names.append(DimName(normalised(label), dim, str(template) if template else None))
    column_groups = [
        (normalised(label), field_id)
        for field_id, labels in columns.get("column_groups", {}).items()
        for label in labels
    ]
    layouts = {}
    for name, entries in columns.get("layouts", {}).items():
        layout = []
        for entry in entries:
            field_id, _, dim = entry.rpartition(":")
            layout.append(LayoutColumn(dim, field_id or None))
        layouts[name] = layout

    rules = read_yaml(folder / "identities.yaml") if (folder / "identities.yaml").exists() else {}
    templates_yaml = read_yaml(folder / "templates.yaml") if (folder / "templates.yaml").exists() else {}
    prose = read_yaml(folder / "prose.yaml") if (folder / "prose.yaml").exists() else {}
    figures = []
    for figure in prose.get("figures", []):
        try:
            patterns = [re.compile(p) for p in figure["patterns"]]
        except re.error as exc:
            raise ValueError(f"{folder / 'prose.yaml'}: bad pattern for {figure.get('cell')}: {exc}") from exc
        figures.append({**figure, "patterns": patterns})

    sections_yaml = read_yaml(folder / "sections.yaml")
    sections = [(sid, [normalised(k) for k in keys]) for sid, keys in sections_yaml.get("sections", {}).items()]
    required = {str(k): list(v) for k, v in sections_yaml.get("required", {}).items()}
    return Mappings(
        fields=fields,
        dim_names=dim_names,
        unit_names=[normalised(u) for u in columns.get("unit_column", [])],
        dim_groups=[normalised(g) for g in columns.get("dim_groups", [])],
        column_groups=column_groups,
        layouts=layouts,
        sections=sections,
        required_sections=required,
        identities=rules.get("identities", []),
        cross_year=rules.get("cross_year", []),
        required_fields=resolve_templates(templates_yaml.get("templates", {})),
        alternatives=templates_yaml.get("alternatives", []),
        figures=figures,
        folder=folder,
    )


def resolve_templates(templates: dict) -> dict[str, dict]:
    """Template name -> {field pattern: dims}, following aliases such as `hybrid: "2019"`."""
    named_dims = {
        "applicants": ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org",
                       "total"],
        "outcomes": ["upheld", "corrected", "other", "pending", "total"],
    }
    resolved = {}
    for name, spec in templates.items():
        while isinstance(spec, str):
            spec = templates[spec]
        resolved[str(name)] = {f: named_dims.get(d, d) if isinstance(d, str) else d for f, d in (spec or {}).items()}
    return resolved
