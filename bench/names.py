"""Each source of entity names measured on its own against the development gold (``../shared/gold``).

For every gold text (read from ``--texts``, see ``../shared/gold/README.md``) the full extractor runs
with these sources of names switched on:

- ``lexicon``: the lexicon and its patterns alone (``name_sources = []``);
- ``lexicon+model``, ``lexicon+shape``, ``lexicon+word``, ``lexicon+list``: the lexicon and one source of
  names (``names.NameFinder``: the trained NER; capitalised runs and quoted names; Chinese words the
  segmenter does not know, with a cue; Chinese lists of names);
- ``all``: the full extractor as shipped.

Scores are named-entity precision and recall as ``eval_gold.py`` counts them (labels matched the same
way, optional and boilerplate entities neutral), per language. Needs ``../shared``; skips otherwise.

Run: ``.venv/bin/python bench/names.py --texts $TMPDIR/argmap-dev/texts``
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
NAMED = {"Brand", "Organization", "Product", "Person"}


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_gold", SHARED / "tools" / "eval_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(found: list[set[str]], gold: dict, label_match: Callable) -> tuple[int, int, int, int]:
    """(true positives, system entities judged, gold found, gold counted), as eval_gold counts them."""
    gold_all = [g for g in gold.get("all_entities", gold["entities"]) if set(g["type"].split("|")) & NAMED]
    neutral = [g for g in gold_all if g.get("optional")] + gold.get("boilerplate_entities", [])
    counted = [g for g in gold_all if not g.get("optional")]
    tp = judged = 0
    for labels in found:
        if any(label_match(labels, g["any"]) for g in counted):
            tp, judged = tp + 1, judged + 1
        elif not any(label_match(labels, g["any"]) for g in neutral):
            judged += 1
    hit = sum(1 for g in counted if any(label_match(labels, g["any"]) for labels in found))
    return tp, judged, hit, len(counted)


def sources(document, lang: str) -> dict[str, list[set[str]]]:
    """The entity labels found with the lexicon alone, with the lexicon and each source of names, and
    with everything (the shipped config)."""
    from argmap.extractors.components.names import ALL_FINDERS, NameFinder
    from argmap.extractors.pipeline import PipelineCache, run_pipeline

    used = [f.value for f in NameFinder if lang == "zh" or f in (NameFinder.MODEL, NameFinder.SHAPE)]
    runs: dict[str, tuple[str, ...]] = {"lexicon": ()}
    runs.update({f"lexicon+{f}": (f,) for f in used})
    runs["all"] = ALL_FINDERS
    out: dict[str, list[set[str]]] = {}
    for name, finders in runs.items():
        analysis = run_pipeline(document, key="bench", lang=lang, cache=PipelineCache(name_sources=finders))
        out[name] = [{e.label, *e.labels.values(), *e.aliases} for e in analysis.entities if e.kind.value in NAMED]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    args = parser.parse_args(argv)
    if not (SHARED / "tools" / "eval_gold.py").is_file() or not args.gold.is_dir():
        print("skipped: ../shared/gold and ../shared/tools are not here")
        return 0
    from argmap.documents import read_document

    label_match = _eval_module().label_match
    totals: dict[tuple[str, str], list[int]] = {}
    for gold_path in sorted(args.gold.glob("d-*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = next(args.texts.glob(gold_path.stem + ".*"), None)
        if text_path is None:
            continue
        lang = "zh" if "-zh" in gold_path.stem else "en"
        document = read_document(text_path.read_bytes(), name=text_path.name, suffix=text_path.suffix)
        for source, found in sources(document, lang).items():
            t = totals.setdefault((lang, source), [0, 0, 0, 0])
            for i, v in enumerate(score(found, gold, label_match)):
                t[i] += v
    print(f"{'lang':<5} {'source':<14} {'P':>5} {'R':>5} {'F1':>5}   (micro over the development texts)")
    for (lang, source), (tp, judged, hit, counted) in sorted(totals.items()):
        p = tp / judged if judged else 0.0
        r = hit / counted if counted else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{lang:<5} {source:<14} {p:5.2f} {r:5.2f} {f:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
