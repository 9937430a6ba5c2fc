"""Learn the argument stage's weights: claim/evidence typing, thesis, attachment and polarity (components/argument/*.json).

    python -m argmap.extractors.train.argument --microtexts ../shared/corpus/arg-microtexts-part2/corpus \\
        [--gold ../shared/gold --gold-texts DIR] [--folds 5] [--evaluate-only]

Data: the arg-microtexts part 2 gold argument graphs (English; central claim, supports and attacks between
units) and, when given, the development gold of real articles (``--gold`` with the texts in ``--gold-texts``,
kept outside the repository; their key statements and relations, no central claim). Each text is run through
the pipeline up to the typed statements (``pipeline.argument_input``); statements are matched to gold units
(by character overlap for the microtexts, by the gold key for the articles). The typing model is fitted on the
articles' key statements (the microtexts do not tell claims from evidence); three more models are fitted
with L2 regularisation (numpy, full-batch gradient descent, deterministic): the thesis as one choice among
the candidates of a text (conditional logit), attachment over every (statement, candidate claim) pair, polarity
over the gold relations found. Attachment and polarity also weigh opening words (features.attach_words,
polarity_words), each only if units on MIN_TOPICS topics of the training texts open with it.
Scores are by k-fold cross-validation over whole texts, decoding with the same code the pipeline runs; then
the models are refitted on everything and written with their scores and data (``--evaluate-only`` writes nothing).
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from argmap.extractors.components.argument import relations as rel
from argmap.extractors.components.argument import thesis as th
from argmap.extractors.components.argument.data import argument_data
from argmap.extractors.components.argument.features import (
    FEATURES,
    LONG_FEATURES,
    POLARITY_FEATURES,
    THESIS_FEATURES,
    TYPING_FEATURES,
    attach_words,
    features,
    opening,
    polarity_features,
    polarity_words,
    thesis_features,
    word_of,
)
from argmap.extractors.components.argument.linear import Linear
from argmap.extractors.components.argument.model import ArgumentState
from argmap.extractors.components.argument.statements import evidence_at, typing_values
from argmap.extractors.model import StatementKind
from argmap.extractors.train.microtexts import GoldText, UndercutAttachment

OUT = Path(rel.__file__).resolve().parent
L2 = 0.3
L2_LONG = 1.0  # the long articles' model: few texts, so a pull towards zero, on features scaled to one standard
# deviation (left out one article at a time: 0.3 and 1.0 found 33 of 80 relations, 3.0 and 10.0 found 30; unscaled,
# where the cosine of topics, a few hundredths, weighed next to nothing, 3.0 found 30)
TYPING_MARGIN = 0.02
ARTICLE_WEIGHT = 5.0  # an article's relations count this many times a microtext's: articles are what argmap reads
MIN_COVER = 0.5
MIN_TOPICS = 5  # an opening word is weighed only when units on this many topics (or articles) open with it

_MEASURED = TYPING_FEATURES.index("measured")  # where a typing row says the unit carries a figure


@dataclass(slots=True)
class Text:
    """One training text: the argument stage's input and its gold, by statement index."""

    id: str
    source: str  # microtexts | articles
    state: ArgumentState
    central: int | None  # statement index of the gold central claim
    links: dict[int, dict[int, str]] = field(default_factory=dict)  # source -> target -> support|attack
    evidence: dict[int, bool] = field(default_factory=dict)  # unit index -> the gold calls it evidence
    group: str = ""  # texts on one topic are held out together (cross_validate)
    units: dict[int, str] = field(default_factory=dict)  # statement index -> gold unit (microtexts)
    relations: frozenset[tuple[str, str, str]] = frozenset()  # the gold relations between units (microtexts)


# ---------------------------------------------------------------- reading the data

def microtexts(corpus: Path, undercut: UndercutAttachment = UndercutAttachment.SOURCE) -> list[Text]:
    from argmap.extractors.pipeline import argument_input
    from argmap.extractors.train.microtexts import corpus_files, read_gold

    out = []
    for path in corpus_files(corpus):
        gold = read_gold(path, undercut=undercut)
        state = argument_input(gold.text, lang="en", key=gold.id)
        unit_of = {i: _unit_of((s.start, s.end), gold) for i, s in enumerate(state.statements)}
        index_of: dict[str, int] = {}
        for i, u in unit_of.items():
            if u is not None:
                index_of.setdefault(u, i)
        links: dict[int, dict[int, str]] = {}
        for src, trg, kind in gold.relations:
            if src in index_of and trg in index_of:
                links.setdefault(index_of[src], {})[index_of[trg]] = kind
        out.append(Text(gold.id, "microtexts", state, index_of.get(gold.central), links, group=gold.topic or gold.id,
                        units={i: u for i, u in unit_of.items() if u is not None}, relations=frozenset(gold.relations)))
    return out


def _unit_of(span: tuple[int, int], gold: GoldText) -> str | None:
    best, best_overlap = None, 0
    for uid, unit in gold.units.items():
        overlap = sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in unit.spans)
        if overlap > best_overlap:
            best, best_overlap = uid, overlap
    return best if best is not None and best_overlap >= MIN_COVER * max(1, span[1] - span[0]) else None


def _norm(text: str) -> str:
    return re.sub(r"[\s\u00a0'’\-·.]", "", text).lower()


def articles(gold_dir: Path, texts_dir: Path) -> list[Text]:
    from argmap.extractors.api import detect_language
    from argmap.ingestion import read_source
    from argmap.extractors.pipeline import argument_input

    out = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        found = sorted(texts_dir.glob(gold_path.stem + ".*"))
        if not found:
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = read_source(str(found[0]))
        lang = detect_language(source.content).value
        state = argument_input(source.document or source.content, lang=lang, key=gold_path.stem, title=source.title)
        node_of = {sid: [i for i, s in enumerate(state.statements) if _norm(g["key"]) in _norm(s.text)]
                   for sid, g in gold["statements"].items()}
        links: dict[int, dict[int, str]] = {}
        for r in gold["relations"]:
            for kind, target in r["ok"]:
                for a in node_of.get(r["from"], []):
                    for b in node_of.get(target, []):
                        links.setdefault(a, {})[b] = "support" if kind == "supports" else "attack"
        evidence = {}
        for g in gold["statements"].values():
            unit = next((i for i, u in enumerate(state.units) if _norm(g["key"]) in _norm(u.text)), None)
            if unit is not None:
                evidence[unit] = g["type"] == "Evidence"
        out.append(Text(gold_path.stem, "articles", state, None, links, evidence, group=gold_path.stem))
    return out


# ---------------------------------------------------------------- examples

def thesis_examples(texts: list[Text]) -> list[tuple[np.ndarray, int]]:
    """Per text: its candidates' features and which row is the gold central claim."""
    groups = []
    for t in texts:
        if t.central is None:
            continue
        state = copy.deepcopy(t.state)
        state.main_brand = state.main_brand or th.main_brand(state)
        found = th.candidates(state)
        rows = [c.index for c in found]
        if t.central in rows:
            groups.append((np.array([thesis_features(c) for c in found]), rows.index(t.central)))
    return groups


def fit_choice(groups: list[tuple[np.ndarray, int]], *, l2: float = L2, steps: int = 2000, rate: float = 0.5,
               fixed: dict[int, float] | None = None) -> np.ndarray:
    """Conditional logit: one softmax over each text's candidates, so the fit aims at picking the right one.
    ``fixed``: weights that are set, not learned (column -> weight); the others are fitted around them."""
    w = np.zeros(groups[0][0].shape[1])
    fixed = fixed or {}
    held = list(fixed)
    w[held] = [fixed[j] for j in held]
    for _ in range(steps):
        grad = l2 * w
        for x, gold in groups:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            grad += x.T @ p - x[gold]
        grad[held] = 0.0
        w -= rate * grad / len(groups)
    return w


def decoded(t: Text, thesis_model: Linear) -> ArgumentState:
    """A copy of the text's state with the thesis the model picks (attachment features depend on it)."""
    state = copy.deepcopy(t.state)
    state.main_brand = state.main_brand or th.main_brand(state)
    index = th.choose(state, thesis_model)
    if index is not None:
        st = state.statements[index]
        st.central, st.kind, st.evidence_kinds = True, StatementKind.CLAIM, ()
    return state


@dataclass(slots=True)
class Examples:
    """Rows of one model: feature values, word keys, gold label and sample weight."""

    x: list[list[float]] = field(default_factory=list)
    words: list[tuple[str, ...]] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)

    def add(self, values: list[float], words: tuple[str, ...], label: bool, weight: float) -> None:
        self.x.append(values)
        self.words.append(words)
        self.y.append(float(label))
        self.weight.append(weight)


def opening_vocabulary(texts: list[Text]) -> frozenset[str]:
    """The opening words units open with on at least MIN_TOPICS topics: the words a model may weigh. A word
    only one question's texts use ("recycling …") would teach that question, not how arguments are built."""
    topics: dict[str, set[str]] = defaultdict(set)
    for t in texts:
        for unit in t.state.units:
            word = opening(unit.text)
            if word:
                topics[word].add(t.group or t.id)
    return frozenset(w for w, groups in topics.items() if len(groups) >= MIN_TOPICS)


def pair_examples(texts: list[Text], thesis_model: Linear, window: int) -> tuple[Examples, Examples]:
    attach, attack = Examples(), Examples()
    for t in texts:
        weight = ARTICLE_WEIGHT if t.source == "articles" else 1.0
        state = decoded(t, thesis_model)
        data = argument_data(state.lang)
        graph = rel.nodes(state)
        for source in graph:
            gold = t.links.get(source.index)
            if not gold or source.thesis:
                continue
            for target in rel.candidate_targets(source, graph, window):
                attach.add(features(source, target), attach_words(source, target), target.index in gold, weight)
                if target.index in gold:
                    st, tst = state.statements[source.index], state.statements[target.index]
                    attack.add(polarity_features(source, target, dissent=data.dissent.any(st.text),
                                                 negation_differs=data.negation.any(st.text) != data.negation.any(tst.text),
                                                 lean=state.opinion.get(st.id, 0.0)),
                               polarity_words(source, target), gold[target.index] == "attack", weight)
    return attach, attack


def fit_long(examples: Examples) -> Linear | None:
    """The attachment model of long articles: a logistic model over LONG_FEATURES alone (the others weigh 0), no
    opening words — with a handful of articles to learn from, fewer weights carry over to the next one. Fitted
    on features scaled to unit deviation, so that the pull towards zero weighs on each alike: the topic cosine
    (mostly a few hundredths) needs a weight many times a flag's to count, and unscaled the penalty kept it
    near zero (0.26, against 6.8 scaled)."""
    if not examples.y:
        return None
    columns = [FEATURES.index(f) for f in LONG_FEATURES]
    x = np.array(examples.x).reshape(len(examples.y), len(FEATURES))[:, columns]
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0  # a feature the articles never vary keeps weight 0 whatever its scale
    w, b = fit(x / scale, np.array(examples.y), l2=L2_LONG)
    w = w / scale
    weights = [0.0] * len(FEATURES)
    for j, value in zip(columns, w):
        weights[j] = float(value)
    return Linear(tuple(weights), float(b))


def typing_examples(texts: list[Text]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for t in texts:
        data = argument_data(t.state.lang)
        for index, is_evidence in t.evidence.items():
            if t.state.units[index].evidence_kinds:
                continue  # the weight of an evidence kind stays its prior (statements.kind_of)
            xs.append(typing_values(t.state.units[index], data))
            ys.append(float(is_evidence))
    return np.array(xs).reshape(-1, len(TYPING_FEATURES)), np.array(ys)



# ---------------------------------------------------------------- fitting

def fit(x: np.ndarray, y: np.ndarray, sample: np.ndarray | None = None, *, l2: float = L2, steps: int = 3000,
        rate: float = 0.5) -> tuple[np.ndarray, float]:
    """Weighted logistic regression by full-batch gradient descent (deterministic; the data are small)."""
    w, b = np.zeros(x.shape[1]), 0.0
    s = np.ones(len(y)) if sample is None else sample
    n = max(1.0, float(s.sum()))
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -30, 30)))
        g = s * (p - y)
        w -= rate * ((x.T @ g) / n + l2 * w / n)
        b -= rate * float(g.sum() / n)
    return w, b


def fit_linear(examples: Examples, prior: tuple[float, ...], vocabulary: frozenset[str]) -> Linear:
    """A logistic model over the examples' feature values and those of their word keys whose word is in
    ``vocabulary`` (one column each)."""
    columns = sorted({k for keys in examples.words for k in keys if word_of(k) in vocabulary})
    column = {k: j for j, k in enumerate(columns)}
    x = np.array(examples.x).reshape(len(examples.y), len(prior))
    words = np.zeros((len(examples.y), len(columns)))
    for row, keys in enumerate(examples.words):
        for k in keys:
            if k in column:
                words[row, column[k]] = 1.0
    w, b = fit(np.hstack([x, words]), np.array(examples.y), np.array(examples.weight))
    dense = with_priors(w[:len(prior)], x, prior)
    return Linear(tuple(map(float, dense)), b, {k: float(v) for k, v in zip(columns, w[len(prior):])})


def with_priors(w: np.ndarray, x: np.ndarray, prior: tuple[float, ...]) -> np.ndarray:
    """A feature the training data never varies (no title in a microtext, one paragraph) keeps its prior
    weight: the data say nothing about it, and zero would silently switch it off for real articles."""
    out = w.copy()
    for j in range(len(out)):
        if len(x) == 0 or float(np.ptp(x[:, j])) == 0.0:
            out[j] = prior[j]
    return out


PRIORS = Path(__file__).resolve().parent / "argument_priors.json"


def priors() -> dict[str, tuple[float, ...]]:
    raw = json.loads(PRIORS.read_text(encoding="utf-8"))
    return {name: tuple(float(raw[name].get(f, 0.0)) for f in names)
            for name, names in (("thesis", THESIS_FEATURES), ("attach", FEATURES), ("attack", POLARITY_FEATURES),
                                ("typing", TYPING_FEATURES))}


def thesis_fixed() -> dict[int, float]:
    """The thesis weights that stay at their prior (``thesis_fixed`` in argument_priors.json): cues the issue
    names as marking the thesis that the training texts rarely show, where a handful of examples would
    otherwise decide a weight every article relies on."""
    raw = json.loads(PRIORS.read_text(encoding="utf-8"))
    prior = priors()["thesis"]
    return {THESIS_FEATURES.index(name): prior[THESIS_FEATURES.index(name)] for name in raw.get("thesis_fixed", [])}


def prior_typing() -> Linear:
    return Linear(priors()["typing"], float(json.loads(PRIORS.read_text(encoding="utf-8"))["typing_bias"]))


def train_typing(texts: list[Text]) -> Linear:
    x, y = typing_examples(texts)
    prior = priors()["typing"]
    if not len(y):
        return prior_typing()
    w, b = fit(x, y)
    return Linear(tuple(float(v) for v in with_priors(w, x, prior)), b)


def train(texts: list[Text], *, window: int, attack_threshold: float, min_probability: float,
          second_probability: float | None = None) -> tuple[Linear, rel.AttachModel]:
    prior = priors()
    groups = thesis_examples(texts)
    tw = fit_choice(groups, fixed=thesis_fixed()) if groups else np.zeros(len(THESIS_FEATURES))
    tx = np.vstack([x for x, _ in groups]) if groups else np.zeros((0, len(THESIS_FEATURES)))
    thesis_model = Linear(tuple(float(v) for v in with_priors(tw, tx, prior["thesis"])), 0.0)
    vocabulary = opening_vocabulary(texts)
    attach_examples, attack_examples = pair_examples(texts, thesis_model, window)
    long_examples, _ = pair_examples([t for t in texts if rel.long_text(t.state)], thesis_model, window)
    attach = rel.AttachModel(fit_linear(attach_examples, prior["attach"], vocabulary),
                             fit_linear(attack_examples, prior["attack"], vocabulary),
                             window, min_probability, attack_threshold, fit_long(long_examples), second_probability)
    return thesis_model, attach


# ---------------------------------------------------------------- evaluation

@dataclass(slots=True)
class Scores:
    central: int = 0
    central_of: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    typed: int = 0  # article units typed as the gold types them (typing model of the fold)
    typed_prior: int = 0  # … by the prior weights
    typed_of: int = 0
    found: int = 0  # article relations found with an ok polarity
    wrong: int = 0
    relations_of: int = 0

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(texts: list[Text], thesis_model: Linear, attach: rel.AttachModel, scores: Scores) -> None:
    for t in texts:
        state = decoded(t, thesis_model)
        predicted = {(int(r.source[1:]) - 1, int(r.target[1:]) - 1, "attack" if r.kind.value == "undermines" else "support")
                     for r in rel.RelationFinder(attach).relate(state)}
        if t.source == "microtexts":
            central = next((i for i, s in enumerate(state.statements) if s.central), None)
            # scored by gold unit, as bench/eval_microtexts.py scores: a claim restated at the end is the
            # central claim too, an edge inside one unit says nothing, a gold relation out of reach is missed
            ours = t.units.get(central) if central is not None else None
            scores.central += ours is not None and ours == t.units.get(t.central)
            scores.central_of += 1
            found = {(t.units[a], t.units[b], k) for a, b, k in predicted
                     if a in t.units and b in t.units and t.units[a] != t.units[b]}
            scores.tp += len(found & t.relations)
            scores.fp += len(found - t.relations)
            scores.fn += len(t.relations - found)
        else:
            for a, targets in t.links.items():
                scores.relations_of += 1
                hit = [(a, b, k) in predicted for b, k in targets.items()]
                scores.found += any(hit)
                scores.wrong += any((a, b, "attack" if k == "support" else "support") in predicted for b, k in targets.items())


def cross_validate(texts: list[Text], *, folds: int, window: int, attack_threshold: float, min_probability: float,
                   second_probability: float | None = None, seed: int = 13) -> Scores:
    # whole topics are held out together: the microtexts answer 35 questions, several texts each, and a
    # model must be judged on questions it has not seen (as on argument graphs nobody here tuned to)
    groups = sorted({t.group or t.id for t in texts})
    random.Random(seed).shuffle(groups)
    fold_of = {g: n % folds for n, g in enumerate(groups)}
    scores = Scores()
    for k in range(folds):
        held = [t for t in texts if fold_of[t.group or t.id] == k]
        rest = [t for t in texts if fold_of[t.group or t.id] != k]
        thesis_model, attach = train(rest, window=window, attack_threshold=attack_threshold, min_probability=min_probability,
                                     second_probability=second_probability)
        evaluate(held, thesis_model, attach, scores)
        typing = train_typing(rest)
        x, y = typing_examples(held)
        if len(y):
            for model, attr in ((typing, "typed"), (prior_typing(), "typed_prior")):
                predicted = np.array([evidence_at(model.probability(list(row)), bool(row[_MEASURED])) for row in x])
                setattr(scores, attr, getattr(scores, attr) + int((predicted == (y > 0.5)).sum()))
            scores.typed_of += len(y)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--microtexts", type=Path, required=True, help="arg-microtexts part 2 corpus directory")
    parser.add_argument("--gold", type=Path, help="development gold annotations (*.json)")
    parser.add_argument("--gold-texts", type=Path, help="the gold texts, kept outside the repository")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--attack-threshold", type=float, default=0.5)
    parser.add_argument("--min-probability", type=float, default=0.05, help="evidence attaches only above this")
    parser.add_argument("--second-probability", type=float, default=0.3,
                        help="a long article's evidence also grounds its second-best claim at this probability or above")
    parser.add_argument("--undercut", type=UndercutAttachment, choices=list(UndercutAttachment),
                        metavar="{source,target}",
                        default=UndercutAttachment.SOURCE,
                        help="which end of the attacked edge a microtexts undercut attacks (see train/microtexts.py)")
    parser.add_argument("--evaluate-only", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.microtexts.is_dir():
        parser.error(f"{args.microtexts}: no such directory; pass the corpus folder of arg-microtexts part 2")
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"{args.out}: not a directory; --out names the folder the weights are written to")
    if not args.evaluate_only:
        args.out.mkdir(parents=True, exist_ok=True)  # now, not after the training it would hold the weights of
    texts = microtexts(args.microtexts, args.undercut)
    if args.gold and args.gold_texts:
        texts += articles(args.gold, args.gold_texts)
    scores = cross_validate(texts, folds=args.folds, window=args.window, attack_threshold=args.attack_threshold,
                            min_probability=args.min_probability, second_probability=args.second_probability)
    cv = {"folds": args.folds, "microtexts_central": round(scores.central / max(1, scores.central_of), 3),
          "microtexts_labelled_f1": round(scores.f1(), 3)}
    if scores.typed_of:
        cv.update(articles_typing_accuracy=round(scores.typed / scores.typed_of, 3),
                  articles_typing_accuracy_prior=round(scores.typed_prior / scores.typed_of, 3),
                  articles_typed_units=scores.typed_of)
    if scores.relations_of:
        cv.update(articles_relations_found=round(scores.found / scores.relations_of, 3),
                  articles_wrong_polarity=scores.wrong, articles_relations=scores.relations_of)
    print(json.dumps({"cross_validation": cv}, indent=1))
    if args.evaluate_only:
        return 0
    thesis_model, attach = train(texts, window=args.window, attack_threshold=args.attack_threshold,
                                 min_probability=args.min_probability, second_probability=args.second_probability)
    trained_on = sorted({t.source for t in texts})
    meta = {"trained_on": trained_on, "texts": len(texts), "undercut": args.undercut.value, "cross_validation": cv,
            "script": "python -m argmap.extractors.train.argument"}
    # the typing model ships learned only when it beat the prior weights in cross-validation by a margin
    # (TYPING_MARGIN of the units): on some 130 units one or two either way is noise
    learned = scores.typed - scores.typed_prior >= TYPING_MARGIN * max(1, scores.typed_of)
    typing = train_typing(texts) if learned else prior_typing()
    (args.out / "typing.json").write_text(json.dumps(
        {"about": "Weights of the claim/evidence typing model (features.typing_features): "
                  + ("learned." if learned else "the prior weights, which the learned model did not beat in cross-validation."),
         **meta,
         "bias": round(typing.bias, 4), "weights": {f: round(w, 4) for f, w in zip(TYPING_FEATURES, typing.weights)}},
        indent=1) + "\n")
    (args.out / "thesis.json").write_text(json.dumps(
        {"about": "Weights of the thesis model (features.thesis_features), learned.", **meta,
         "weights": {f: round(float(w), 4) for f, w in zip(THESIS_FEATURES, thesis_model.weights)}}, indent=1) + "\n")
    (args.out / "attach.json").write_text(json.dumps(
        {"about": "Weights of the attachment and polarity models (features.py), learned; attach_long scores the "
                  "attachments of long articles (features.LONG_FEATURES, learned from articles alone).", **meta,
         "window": args.window, "min_probability": attach.min_probability, "attack_threshold": args.attack_threshold,
         "second_probability": attach.second_probability,
         "attach": attach.attach.as_json(FEATURES), "attack": attach.attack.as_json(POLARITY_FEATURES),
         **({"attach_long": attach.attach_long.as_json(FEATURES)} if attach.attach_long is not None else {})},
        indent=1) + "\n")
    print(f"wrote typing.json, thesis.json and attach.json in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
