"""``argmap explain CLAIM``: why a claim has its status and strength, down to the source sentences.

The explanation re-runs the argument evaluation on the store's current content (the same code
``run_reasoner`` uses, without writing), so every number shown is one the reader can recompute;
when the stored verdict differs (the store changed since the last ``argmap reason``), it says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import AmbiguousClaimError, ClaimNotFoundError
from argmap.graph.results import SelectResult
from argmap.graph.iri import REASONER_GRAPH_PREFIX
from argmap.graph.store import Store
from argmap.ontology import AM, PREFIXES
from argmap.ontology.namespaces import IRIREF_FORBIDDEN
from argmap.reasoner.agreement import stored_links
from argmap.reasoner.describe import Described, describe
from argmap.reasoner.evaluate import BALANCE_MARGIN, MODEL, ArgumentEvaluation, Kind, Verdict, round_strength
from argmap.reasoner.run import Analysis, analyse, class_names, connected_graphs, home_graphs, verdict_line
from argmap.reasoner.stored import StoredVerdict, VerdictEvidence, verdict_evidence, verdicts_about
from argmap.reasoner.verdict import Side, load_thresholds, rule_of, rule_text
from argmap.reasoner.semantics import Balance, Label, Model, lead

MAX_DEPTH = 6
MAX_CANDIDATES = 8
MAX_EXPLAINED = 5  # a fragment shared by many claims explains this many of them
MAX_LINKS = 8  # claims of other articles shown under a claim's explanation
INDENT = "    "


@dataclass(frozen=True, slots=True)
class Context:
    evaluation: ArgumentEvaluation
    names: dict[str, Described]
    kinds: dict[str, list[str]]  # statement -> evidence-kind class IRIs
    derived: set[tuple[str, str]]
    cls: dict[str, str]  # class / status IRI -> "中文 English"


def explain(store: Store, claim: str) -> str:
    """A readable, indented explanation of a claim (IRI, label or text fragment), or of the premiumization
    verdict of a brand or strategy (its name or IRI). A fragment that several claims share explains each of
    them, the article's central claims first, then the strongest, up to ``MAX_EXPLAINED``."""
    verdicts = verdicts_about(store, _entities_named(store, claim))
    if verdicts:
        return "\n\n".join(explain_verdict(store, v) for v in verdicts)
    targets = resolve_claims(store, claim)
    analysis = analyse(store, connected_graphs(store, home_graphs(store, targets)))
    if len(targets) == 1:
        return _explain_one(store, analysis, targets[0])
    central = _central(store)
    verdicts = analysis.evaluation.verdicts
    ranked = sorted(targets, key=lambda t: (t not in central, -(verdicts[t].strength if t in verdicts else 0.0), t))
    shown = ranked[:MAX_EXPLAINED]
    head = (f"{claim.strip()!r} matches {len(targets)} statements; "
            + (f"the {len(shown)} most central follow" if len(shown) < len(targets) else "each follows")
            + " (give a longer fragment or an IRI for one)")
    return "\n\n".join([head, *(_explain_one(store, analysis, t) for t in shown)])


def _entities_named(store: Store, name: str) -> set[str]:
    """Brands, organisations, products and strategies whose IRI or label is ``name`` (case aside)."""
    text = name.strip()
    iri = _expand(text)
    if iri is not None:
        return set() if IRIREF_FORBIDDEN.search(iri) else {iri}
    kinds = " ".join(f"<{k}>" for k in (AM.Brand, AM.Organization, AM.Company, AM.Product, AM.ProductLine,
                                         AM.Strategy, AM.Premiumization))
    res = store.query(f"""SELECT DISTINCT ?x WHERE {{ VALUES ?k {{ {kinds} }} ?x a ?k ;
        rdfs:label|skos:prefLabel|skos:altLabel ?l . FILTER (LCASE(STR(?l)) = LCASE({_literal(text)})) }}""")
    return {r["x"] or "" for r in res.values()} if isinstance(res, SelectResult) else set()


def explain_verdict(store: Store, v: StoredVerdict) -> str:
    """Why a premiumization has its class, or none: the two sides' weights and counts, the rule, the sentences."""
    cls = class_names()
    names = describe(store, {v.strategy, *v.owners})
    rule = rule_of(v.rule)
    lines = [verdict_line(v, names, cls), f"  {v.strategy}"]
    if rule is not None:
        lines.append(f"  rule: {cls.get(v.rule, rule.value)} — {rule_text(rule, load_thresholds())} (rules/verdict.json)")
    lines += _said(store, v.strategy)
    lines += _theses(store, v.strategy, cls)
    evidence = verdict_evidence(store, v.strategy)
    groups = ((Side.PRICE, "price-driven evidence 价格论据"), (Side.VALUE, "value-driven evidence 价值论据"))
    for side, title in groups:
        members = [e for e in evidence if side in e.sides]
        lines.append(f"  {title} ({len(members)}):" if members else f"  {title}: none")
        lines += [_verdict_entry(e, cls) for e in members]
    other = [e for e in evidence if not e.sides]
    if other:
        lines.append(f"  other evidence bearing on it, not counted for either side ({len(other)}):")
        lines += [_verdict_entry(e, cls) for e in other]
    return "\n".join(lines)


def _said(store: Store, strategy: str, *, most: int = 3) -> list[str]:
    """Where the articles say that a brand pursues the strategy (am:EntityRelationReading): the line a reader
    checks the relation against, one per article."""
    res = store.query(f"""SELECT DISTINCT ?t ?a WHERE {{ ?r a <{AM.EntityRelationReading}> ;
        <{AM.relationProperty}> <{AM.pursues}> ; <{AM.relationObject}> <{strategy}> ; <{AM.statedIn}> ?s ;
        <{AM.inArticle}> ?a . ?s <{AM.text}> ?t }} ORDER BY ?a ?t""")
    rows = res.values() if isinstance(res, SelectResult) else []
    if not rows:
        return []
    out = [f"  where the articles say it 出处 ({len(rows)}):"]
    out += [f"    «{r['t']}» · article {(r['a'] or '?').rsplit('/', 1)[-1]}" for r in rows[:most]]
    if len(rows) > most:
        out.append(f"    … and {len(rows) - most} more")
    return out


def _theses(store: Store, strategy: str, cls: dict[str, str], *, most: int = 5) -> list[str]:
    """Each article's own verdict: its thesis (central claim), where the thesis is about the strategy."""
    res = store.query(f"""SELECT ?c ?t ?a ?st WHERE {{ ?c <{AM.central}> true ; <{AM.mentions}> <{strategy}> ;
        <{AM.text}> ?t ; <{AM.inArticle}> ?a . OPTIONAL {{ GRAPH ?rg {{ ?c <{AM.status}> ?st }} }} }} ORDER BY ?a""")
    rows = res.values() if isinstance(res, SelectResult) else []
    if not rows:
        return []
    out = [f"  the articles' own verdicts 文章自身的结论 (their theses, {len(rows)}):"]
    for r in rows[:most]:
        status = cls.get(r["st"] or "", (r["st"] or "?").rsplit("#", 1)[-1])
        out.append(f"    «{r['t']}» — {status} · article {(r['a'] or '?').rsplit('/', 1)[-1]}")
    if len(rows) > most:
        out.append(f"    … and {len(rows) - most} more")
    return out


def _verdict_entry(e: VerdictEvidence, cls: dict[str, str]) -> str:
    status = cls.get(e.status, e.status.rsplit("#", 1)[-1] or "?")
    weight = "—" if e.strength is None else f"{e.strength:.2f}"
    rests = " · the verdict rests on it" if e.rests_on else ""
    counted = "" if e.status == str(AM.Accepted) else " · not counted (not accepted)"
    article = e.article.rsplit("/", 1)[-1] if e.article else "?"
    where = f", chars {e.start}–{e.end}" if e.start is not None and e.end is not None else ""
    return f"    [{weight}] {status}{rests}{counted}\n      «{e.text}»\n      article {article}{where} · {e.iri}"


def _central(store: Store) -> set[str]:
    res = store.query(f"SELECT ?s WHERE {{ ?s <{AM.central}> true }}")
    return {r["s"] or "" for r in res.values()} if isinstance(res, SelectResult) else set()


def _explain_one(store: Store, analysis: Analysis, target: str) -> str:
    ev = analysis.evaluation
    if target not in ev.verdicts:
        raise ClaimNotFoundError(f"{target} is not a claim or evidence statement the reasoner evaluates")
    kinds: dict[str, list[str]] = {}
    rows = analysis.working.query(
        "SELECT ?s ?k WHERE { ?s a ?k . ?k rdfs:subClassOf+ am:Evidence } ORDER BY ?k", prefixes=PREFIXES)
    for row in rows:
        kinds.setdefault(row["s"].value, []).append(row["k"].value)
    derived = {(t.subject.value, t.object.value) for t in analysis.derived}
    ctx = Context(ev, describe(store, _reachable(ev, target)), kinds, derived, class_names())
    lines = _header(ctx, target) + _strategy_notes(store, target, ctx) + _stored_note(store, ev.verdicts[target], ctx)
    lines += _tree(ctx, target, depth=1, seen={target})
    return "\n".join(lines + _other_articles(store, target, ctx))


def _other_articles(store: Store, target: str, ctx: Context) -> list[str]:
    """The claims of other articles that agree with or contradict this one, and on what (the reasoner's
    am:agreesWith / am:contradicts): no status rests on them, they point a reader at passages to compare."""
    links = stored_links(store, target)
    if not links:
        return []
    others = [link.second if link.first == target else link.first for link in links]
    names = describe(store, set(others))
    lines = [f"  other articles ({len(links)}):"]
    for link, other in list(zip(links, others))[:MAX_LINKS]:
        d = names.get(other, Described(other))
        relation = ctx.cls[str(AM.agreesWith if link.agrees else AM.contradicts)]  # the ontology's labels
        on = f" — 关于 on: {'; '.join(link.on)}" if link.on else ""
        lines += [f"    {'=' if link.agrees else '≠'} {relation}{on}", f"      «{d.text or d.name}»",
                  f"      {_source(d)} · {other}"]
    if len(links) > MAX_LINKS:
        lines.append(f"    … and {len(links) - MAX_LINKS} more (competency question 7 lists them all)")
    return lines


# ----------------------------------------------------------------- finding the claim


def resolve_claim(store: Store, claim: str) -> str:
    """The IRI of the one statement the user means; none or several → a clear error."""
    found = _resolve(store, claim)
    if len(found) > 1:
        shown = "; ".join(f"{_prefixed(i)} «{_clip(t)}»" for i, t in found[:MAX_CANDIDATES])
        more = f" and {len(found) - MAX_CANDIDATES} more" if len(found) > MAX_CANDIDATES else ""
        raise AmbiguousClaimError(f"{claim.strip()!r} matches {len(found)} claims: {shown}{more}; "
                                  "give a longer fragment or the IRI")
    return found[0][0]


def resolve_claims(store: Store, claim: str) -> list[str]:
    """The IRIs of the statements the user means: by IRI, then label, exact text, text fragment (claims
    before evidence); none → a clear error."""
    return [iri for iri, _ in _resolve(store, claim)]


def _resolve(store: Store, claim: str) -> list[tuple[str, str]]:
    """``(IRI, text)`` of the statements ``claim`` names (the text is empty for an IRI given as such)."""
    text = claim.strip()
    if not text:
        raise ClaimNotFoundError("give a claim: its IRI, its label or a fragment of its text")
    iri = _expand(text)
    if iri is not None and IRIREF_FORBIDDEN.search(iri):
        raise ClaimNotFoundError(f"{text!r} is not an IRI (it has spaces, quotes or brackets); give a claim's IRI, "
                                 "label or a fragment of its text")
    if iri is not None:
        if _is_statement(store, iri):
            return [(iri, "")]
        raise ClaimNotFoundError(f"no claim or evidence {text} in the store; find one with "
                                 "argmap query 'SELECT ?c ?t WHERE { ?c a am:Claim ; am:text ?t }'")
    for finder in (_by_label, _by_exact_text, _by_fragment):
        found = finder(store, text)
        if found:
            return found
    raise ClaimNotFoundError(f"no claim matches {text!r}; give its IRI, its label or a fragment of its text "
                             "(argmap query 'SELECT ?c ?t WHERE { ?c a am:Claim ; am:text ?t }' lists them)")


def _prefixed(iri: str) -> str:
    amid = PREFIXES["amid"]
    return "amid:" + iri[len(amid):] if iri.startswith(amid) else iri


def _expand(text: str) -> str | None:
    if text.startswith(("http://", "https://")):
        return text.strip("<>")
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and " " not in text:
        return PREFIXES[prefix] + local.replace("\\/", "/")
    return None


def _is_statement(store: Store, iri: str) -> bool:
    res = store.query(f"ASK {{ <{iri}> a ?k . FILTER (?k IN (<{AM.Claim}>, <{AM.Evidence}>)) }}")
    return bool(getattr(res, "value", False))


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _matches(store: Store, condition: str) -> list[tuple[str, str]]:
    """Claims first; evidence only when no claim matches."""
    out: list[tuple[str, str]] = []
    for kind in (AM.Claim, AM.Evidence):
        q = f"""SELECT DISTINCT ?s (SAMPLE(?t) AS ?text) WHERE {{
                  ?s a <{kind}> . OPTIONAL {{ ?s <{AM.text}> ?t }} {condition} }} GROUP BY ?s ORDER BY ?s"""
        res = store.query(q)
        if isinstance(res, SelectResult):
            out = [(r["s"] or "", r["text"] or "") for r in res.values()]
        if out:
            return out
    return out


def _by_label(store: Store, text: str) -> list[tuple[str, str]]:
    return _matches(store, f"?s rdfs:label|skos:prefLabel|skos:altLabel ?l . FILTER (STR(?l) = {_literal(text)})")


def _by_exact_text(store: Store, text: str) -> list[tuple[str, str]]:
    return _matches(store, f"?s <{AM.text}> ?x . FILTER (STR(?x) = {_literal(text)})")


def _by_fragment(store: Store, text: str) -> list[tuple[str, str]]:
    return _matches(store, f"?s <{AM.text}> ?x . FILTER (CONTAINS(LCASE(STR(?x)), LCASE({_literal(text)})))")


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ----------------------------------------------------------------- rendering


def _reachable(ev: ArgumentEvaluation, target: str) -> set[str]:
    into: dict[str, list[str]] = {}
    for e in ev.edges:
        into.setdefault(e.target, []).append(e.source)
    seen, todo = {target}, [target]
    while todo:
        for src in into.get(todo.pop(), ()):
            if src not in seen:
                seen.add(src)
                todo.append(src)
    return seen


def _kind_name(ctx: Context, v: Verdict) -> str:
    kind = str(AM.Claim) if v.node.kind is Kind.CLAIM else str(AM.Evidence)
    extra = [ctx.cls.get(k, k.rsplit("#", 1)[-1]) for k in ctx.kinds.get(v.node.iri, [])]
    return ctx.cls.get(kind, v.node.kind.value) + (f" ({', '.join(extra)})" if extra else "")


def _source(d: Described) -> str:
    article = d.article.rsplit("/", 1)[-1] if d.article else "?"
    where = f", chars {d.start}–{d.end}" if d.start is not None and d.end is not None else ""
    return f"article {article}{where}"


def _status(ctx: Context, v: Verdict) -> str:
    return ctx.cls.get(v.status, v.status.rsplit("#", 1)[-1])


def _header(ctx: Context, target: str) -> list[str]:
    v = ctx.evaluation.verdicts[target]
    d = ctx.names.get(target, Described(target))
    return [
        f"{_kind_name(ctx, v)}: «{d.text or d.name}»",
        f"  {target}",
        f"  source: {_source(d)}",
        f"  status: {_status(ctx, v)} · " + (f"no strength: nothing supports or attacks it (base score {v.node.base:.2f}{_flags(v)})"
                                               if v.unsupported else
                                               f"strength {v.strength:.2f} (base score {v.node.base:.2f}{_flags(v)})"),
        f"  why: {_why(ctx, v)}",
        f"  how: {_how(ctx, v)}",
    ]


def _how(ctx: Context, v: Verdict) -> str:
    """The strength recomputed from the shown numbers, so a reader can check it."""
    ev = ctx.evaluation
    supports = [ev.verdicts[s].strength for s in ev.supporters(v.node.iri)]
    attacks = [ev.verdicts[a].strength for a in ev.attackers(v.node.iri)]
    if MODEL is not Model.QUADRATIC_ENERGY:
        return f"{MODEL.value} from base score {v.node.base:.2f}"
    energy = sum(supports) - sum(attacks)
    pull = energy * energy / (1 + energy * energy)
    tau = v.node.base
    formula = (f"τ − τ·h(−E) = {tau:.2f} − {tau:.2f}·{pull:.2f}" if energy < 0
               else f"τ + (1 − τ)·h(E) = {tau:.2f} + {1 - tau:.2f}·{pull:.2f}")
    return (f"quadratic energy E = Σ supporters − Σ attackers = {sum(supports):.2f} − {sum(attacks):.2f} = {energy:+.2f}; "
            f"h(E) = E²/(1+E²) = {pull:.2f}; strength = {formula} = {v.strength:.2f}")


def _flags(v: Verdict) -> str:
    flags = [name for name, on in (("reports a figure", v.node.figure), ("hedged", v.node.hedged),
                                   ("conditional", v.node.conditional)) if on]
    return "; " + ", ".join(flags) if flags else ""


def _why(ctx: Context, v: Verdict) -> str:
    ev = ctx.evaluation
    sup = [ev.verdicts[s] for s in ev.supporters(v.node.iri)]
    att = [ev.verdicts[a] for a in ev.attackers(v.node.iri)]
    ahead = lead(MODEL, [x.strength for x in sup], [x.strength for x in att])
    weights = f"{len(sup)} supporters against {len(att)} attackers, grounds lead by {ahead:+.2f}"
    if v.unsupported:
        return ("the article states it without grounds: nothing supports or attacks it, so it is unsupported, "
                "neither accepted nor rejected")
    if v.balance is Balance.UNOPPOSED:
        return (f"nothing attacks it, so grounded semantics accepts it; {weights}; "
                "its strength moves from the base score by its supporters")
    if v.balance is Balance.GROUNDS_PREVAIL:
        return f"{weights}: the grounds lead by more than {BALANCE_MARGIN}, so the attacks do not defeat it"
    if v.balance is Balance.BALANCED:
        return (f"{weights}: neither side leads by more than {BALANCE_MARGIN}, so the question stays open "
                "(undecided)")
    winners = [a for a in att if a.label is Label.IN]
    if winners:
        shown = "; ".join(f"«{ctx.names[a.node.iri].short(32)}»" for a in winners[:3] if a.node.iri in ctx.names)
        return f"{weights}: the objections lead by more than {BALANCE_MARGIN}, and accepted attackers defeat it: {shown}"
    if any(a.label is Label.UNDEC for a in att):
        return f"{weights}: the objections lead, but its attackers are themselves undecided"
    return f"{weights}: the objections lead, but every attacker is itself rejected, so it is defended"


def _strategy_notes(store: Store, target: str, ctx: Context) -> list[str]:
    """The stored verdict of each premiumization the statement is about (its strategy, or the brand pursuing it)."""
    res = store.query(f"SELECT ?x WHERE {{ <{target}> <{AM.mentions}> ?x }}")
    mentioned = {r["x"] or "" for r in res.values()} if isinstance(res, SelectResult) else set()
    verdicts = verdicts_about(store, mentioned)
    names = describe(store, {x for v in verdicts for x in (v.strategy, *v.owners)})
    return [f"  about {verdict_line(v, names, ctx.cls)} (argmap explain on the brand lists the sentences)" for v in verdicts]


def _stored_note(store: Store, v: Verdict, ctx: Context) -> list[str]:
    q = (f"SELECT ?st ?x WHERE {{ GRAPH ?rg {{ <{v.node.iri}> <{AM.status}> ?st . "
         f"OPTIONAL {{ <{v.node.iri}> <{AM.strength}> ?x }} }} FILTER (STRSTARTS(STR(?rg), \"{REASONER_GRAPH_PREFIX}\")) }}")
    res = store.query(q)
    if v.node.kind is not Kind.CLAIM or not isinstance(res, SelectResult):
        return []
    if not res.rows:
        return ["  note: the store holds no verdict for it yet; run argmap reason to write one"]
    st, x = res.rows[0]
    shown = v.shown_strength
    same_strength = (x is None and shown is None) or (
        x is not None and shown is not None and str(round_strength(float(x.value))) == str(shown))
    if st is not None and st.value == v.status and same_strength:
        return []
    return ["  note: the store's last reasoner run gave "
            f"{ctx.cls.get(st.value, st.value) if st is not None else '?'} {x.value if x is not None else '?'}; "
            "the store changed since then: run argmap reason to update it"]


def _tree(ctx: Context, node: str, *, depth: int, seen: set[str]) -> list[str]:
    if depth > MAX_DEPTH:
        return [INDENT * depth + "…"]
    ev = ctx.evaluation
    lines: list[str] = []
    groups = (("+ supported by", ev.supporters(node)), ("− undermined by", ev.attackers(node)))
    for title, members in groups:
        if not members:
            continue
        lines.append(f"{INDENT * depth}{title} ({len(members)}):")
        ordered = sorted(members, key=lambda s: -ev.verdicts[s].strength)
        for src in ordered:
            lines += _entry(ctx, src, node, depth=depth, seen=seen)
    return lines


def _entry(ctx: Context, src: str, target: str, *, depth: int, seen: set[str]) -> list[str]:
    v = ctx.evaluation.verdicts[src]
    d = ctx.names.get(src, Described(src))
    pad = INDENT * depth + "  "
    derived = " [link derived by rule 10-derive-relations]" if (src, target) in ctx.derived else ""
    lines = [
        f"{pad}[{'—' if v.unsupported else f'{v.strength:.2f}'}] {_status(ctx, v)} · {_kind_name(ctx, v)}{_flags(v)}{derived}",
        f"{pad}  «{d.text or d.name}»",
        f"{pad}  {_source(d)} · {src}",
    ]
    if src in seen:
        return lines + [f"{pad}  (shown above: a cycle)"]
    return lines + _tree(ctx, src, depth=depth + 1, seen=seen | {src})


__all__ = ["explain", "explain_verdict", "resolve_claim"]
