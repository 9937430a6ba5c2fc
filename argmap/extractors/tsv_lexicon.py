"""Convert the tab-separated English lexicons of earlier argmap versions to the one JSON lexicon format.

    python -m argmap.extractors.tsv_lexicon hedges.tsv strategies.tsv … > mine.json

Each file is read by its name, as those versions read it (``hedges.tsv``, ``strategies.tsv``,
``patterns.tsv`` …; a file with another name holds entities); the JSON lexicon goes to standard output,
its cue data in the ``"en"`` section. ``#`` comment lines are dropped. argmap reads only JSON lexicons
now (argmap/extractors/data/README.md); this module is kept for the move and reads nothing else.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Sequence

from argmap.errors import LexiconError

Row = dict[str, str]
_CUE_LISTS = {"hedges": "hedge", "competition": "competition", "rhetorical": "rhetorical"}
_PATTERN_NAMES = {"org_suffix": "organization_suffix"}  # the Chinese lexicon's name for the same list


def read_rows(path: Path) -> list[Row]:
    """The rows of one tab-separated file, keyed by its header (the first line that is no comment)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"cannot read {path}: {exc}") from None
    body = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not body:
        return []
    header = [cell.strip() for cell in body[0].split("\t")]
    return [dict(zip(header, (cell.strip() for cell in line.split("\t")))) for line in body[1:]]


def convert(paths: Sequence[Path]) -> dict[str, Any]:
    """One JSON lexicon holding the rows of every file given."""
    entities: list[dict[str, Any]] = []
    en: dict[str, Any] = {}
    classes: dict[tuple[str, str], dict[str, Any]] = {}  # (section, type) -> its entry, cues in row order
    for path in paths:
        table, rows = path.stem, read_rows(path)
        for row in rows:
            if table in _CUE_LISTS:
                en.setdefault("cues", {}).setdefault(_CUE_LISTS[table], []).append(row["cue"])
            elif table == "periods":
                en.setdefault("patterns", {}).setdefault("period", []).append("re:" + row["pattern"])
            elif table == "patterns":
                name = _PATTERN_NAMES.get(row["pattern_type"], row["pattern_type"])
                en.setdefault("patterns", {}).setdefault(name, []).append(row["value"])
            elif table == "discourse":
                en.setdefault("discourse", []).append({"marker": row["marker"], "role": row.get("function") or "support",
                                                       "position": row.get("position") or "initial"})
            elif table in ("strategies", "constraints", "evidence_kinds"):
                kind = row["kind"] if table == "evidence_kinds" else row["type"]
                entry = classes.setdefault((table, kind), {"kind" if table == "evidence_kinds" else "type": kind})
                if row.get("key_suffix"):
                    entry["slug"] = row["key_suffix"]
                entry.setdefault("cues", []).append(row["cue"])
            elif table == "kinds":
                section = "constraints" if row["type"].endswith("Constraint") else "strategies"
                classes.setdefault((section, row["type"]), {"type": row["type"]}).update(
                    {k: v for k, v in (("en", row.get("label_en")), ("zh", row.get("label_zh"))) if v})
            else:
                entities.append(_entity(row))
    for (section, _), entry in classes.items():
        en.setdefault(section, []).append(entry)
    return {**({"entities": entities} if entities else {}), **({"en": en} if en else {})}


def _entity(row: Row) -> dict[str, Any]:
    entity: dict[str, Any] = {"kind": row["kind"], "key": row["key"], "en": row["label_en"]}
    if row.get("label_zh"):
        entity["zh"] = row["label_zh"]
    entity["aliases"] = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
    if row.get("owner"):
        entity["brand"] = row["owner"]
    return entity


def main(argv: Sequence[str]) -> int:
    if not argv:
        sys.stderr.write(__doc__ or "")
        return 2
    paths = [f for p in map(Path, argv) for f in (sorted(p.glob("*.tsv")) if p.is_dir() else [p])]
    try:
        lexicon = convert(paths)
    except (LexiconError, KeyError) as exc:
        sys.stderr.write(f"cannot convert: {exc} (is the first line the column header?)\n")
        return 1
    sys.stdout.write(json.dumps(lexicon, ensure_ascii=False, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
