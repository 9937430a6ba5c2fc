"""Train argmap's small NER model for one language from the corpora in ``../shared/data/ner``.

    .venv/bin/python -m argmap.extractors.train.ner --lang zh --data ../shared/data/ner
    .venv/bin/python -m argmap.extractors.train.ner --lang en --data ../shared/data/ner

Reproducible: the corpora are read in a fixed order, the English dev split is drawn with a fixed
seed, ``spacy train`` runs on the CPU with the checked-in config (``ner_<lang>.cfg``, seeded), and
the best model is evaluated on held-out test files it never saw. The result is written into the
package (``argmap/extractors/lang/<lang>/ner/``) with what a user of the weights needs beside them:
the config, ``data.json`` (corpora, sentence counts, label map), ``scores.json`` (held-out P/R/F per
label) and ``NOTICE`` (the data's licences). The work folder (converted corpora, checkpoints) is
outside the repository and is never shipped.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from argmap.extractors.train.corpora import (
    EN_TEST, EN_TRAIN, LABEL_MAP, ZH_DEV, ZH_TEST, ZH_TRAIN, CorpusFile, Sentence, read_corpus,
)

HERE = Path(__file__).resolve().parent
PACKAGE_LANG = HERE.parent / "lang"
SEED = 7
EN_DEV_SHARE = 0.1

NOTICE = """argmap {lang} NER model — data notice

These weights were trained by argmap's own script (argmap/extractors/train/ner.py) on:
{trained}

and evaluated (never trained) on:
{tested}

Because part of the data is licensed CC BY-SA 4.0, these model files (this folder) are shared under
CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), following the cautious reading also used
for spaCy's own treebank-trained pipelines; argmap's code keeps its own licence. The CC BY 4.0 corpora
(https://creativecommons.org/licenses/by/4.0/) are credited above, with where their authors publish them.
No changes were made to the data other than converting its tags to argmap's labels (data.json).
"""


def to_docs(sentences: Sequence[Sentence], lang: str) -> list:
    """spaCy ``Doc`` objects with gold entities; Chinese is re-tokenised into characters."""
    import spacy
    from spacy.tokens import Doc, Span

    nlp = spacy.blank(lang)
    docs = []
    for sent in sentences:
        if lang == "zh":
            doc = _char_doc(nlp, sent)
        else:
            doc = Doc(nlp.vocab, words=list(sent.words), spaces=list(sent.spaces))
            doc.ents = [Span(doc, s, e, label=label) for s, e, label in sent.entities]
        if doc is not None:
            docs.append(doc)
    return docs


def _char_doc(nlp, sent: Sentence):
    """The sentence as the runtime sees it (character tokens), entities moved to character offsets."""
    pieces, offsets, pos = [], [], 0
    for word, space in zip(sent.words, sent.spaces):
        offsets.append((pos, pos + len(word)))
        pieces.append(word + (" " if space else ""))
        pos += len(word) + (1 if space else 0)
    doc = nlp.make_doc("".join(pieces))
    ents = []
    for start, end, label in sent.entities:
        span = doc.char_span(offsets[start][0], offsets[end - 1][1], label=label, alignment_mode="expand")
        if span is None:
            return None
        ents.append(span)
    try:
        doc.ents = ents
    except ValueError:  # overlapping spans after expansion: skip the sentence rather than guess
        return None
    return doc


def save(docs: list, path: Path) -> None:
    from spacy.tokens import DocBin

    DocBin(docs=docs, store_user_data=False).to_disk(path)


def splits(lang: str, data: Path) -> tuple[list[Sentence], list[Sentence], dict[str, list[Sentence]]]:
    if lang == "zh":
        return read_corpus(data, ZH_TRAIN), read_corpus(data, ZH_DEV), {f.name: read_corpus(data, [f]) for f in ZH_TEST}
    pool = read_corpus(data, EN_TRAIN)
    random.Random(SEED).shuffle(pool)
    cut = int(len(pool) * EN_DEV_SHARE)
    return pool[cut:], pool[:cut], {f.name: read_corpus(data, [f]) for f in EN_TEST}


def evaluate(model_dir: Path, docs: list) -> dict:
    """Held-out entity P/R/F overall and per label (spaCy's scorer, exact span match)."""
    import spacy
    from spacy.training import Example

    nlp = spacy.load(model_dir)
    examples = [Example(nlp(doc.text), doc) for doc in docs]
    scores = nlp.evaluate(examples)
    per_type = {k: {m: round(v, 3) for m, v in d.items()} for k, d in (scores.get("ents_per_type") or {}).items()}
    return {"p": round(scores["ents_p"], 3), "r": round(scores["ents_r"], 3), "f": round(scores["ents_f"], 3),
            "per_label": per_type, "sentences": len(docs)}


def train(lang: str, data: Path, work: Path, *, out: Path, max_steps: int | None = None) -> dict:
    config = HERE / f"ner_{lang}.cfg"
    train_s, dev_s, tests = splits(lang, data)
    work.mkdir(parents=True, exist_ok=True)
    save(to_docs(train_s, lang), work / "train.spacy")
    save(to_docs(dev_s, lang), work / "dev.spacy")
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(work / "out"),
           "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy")]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    subprocess.run(cmd, check=True)
    best = work / "out" / "model-best"
    scores = {name: evaluate(best, to_docs(sents, lang)) for name, sents in tests.items()}
    _install(best, out, lang=lang, config=config, scores=scores,
             sizes={"train": len(train_s), "dev": len(dev_s), **{k: len(v) for k, v in tests.items()}})
    return scores


def _install(best: Path, out: Path, *, lang: str, config: Path, scores: dict, sizes: dict[str, int]) -> None:
    """Copy the trained pipeline into the package with its config, data description, scores and notice."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    shutil.copy(config, out / "train.cfg")
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    describe(out, lang=lang, sizes=sizes)


def describe(out: Path, *, lang: str, sizes: dict[str, int]) -> None:
    """``data.json`` and ``NOTICE`` beside the weights: which corpora, their licences, and how they were used."""
    trained, tested = ((*ZH_TRAIN, *ZH_DEV), ZH_TEST) if lang == "zh" else (EN_TRAIN, EN_TEST)
    (out / "data.json").write_text(json.dumps({
        "trained_on": [{"name": f.name, "file": f.path, "licence": f.licence, "source": f.source} for f in trained],
        "evaluated_on": [{"name": f.name, "file": f.path, "licence": f.licence, "source": f.source} for f in tested],
        "sentences": sizes, "label_map": dict(LABEL_MAP), "seed": SEED,
        "tokens": "characters" if lang == "zh" else "words",
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def listed(files: Sequence[CorpusFile]) -> str:
        return "\n".join(f"- {f.name} ({f.path} in ../shared/data/ner), {f.licence}, {f.source}" for f in files)

    (out / "NOTICE").write_text(NOTICE.format(lang=lang, trained=listed(trained), tested=listed(tested)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh", "en"), required=True)
    parser.add_argument("--data", type=Path, default=HERE.parents[3].parent / "shared" / "data" / "ner")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a new temp folder)")
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="where to install the model (default: the package)")
    parser.add_argument("--describe-only", action="store_true",
                        help="rewrite data.json and NOTICE beside the installed model, without training")
    args = parser.parse_args(argv)
    out = args.out or PACKAGE_LANG / args.lang / "ner"
    if args.describe_only:
        sizes = json.loads((out / "data.json").read_text(encoding="utf-8"))["sentences"]
        describe(out, lang=args.lang, sizes=sizes)
        return 0
    if not args.data.is_dir():
        print(f"error: no NER corpora at {args.data}; pass --data ../shared/data/ner", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix=f"argmap-ner-{args.lang}-"))
    scores = train(args.lang, args.data, work, out=out, max_steps=args.max_steps)
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
