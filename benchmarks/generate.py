"""Deterministic synthetic knowledge in jetbot's real YAML format, and a question mix over it.

Intents are municipal-FAQ questions built as *topic × action × aspect*
("住民票" × "再発行" × "手数料": the fee for reissuing a resident record), so
the examples of one intent are paraphrases of each other and different
intents share words (every 住民票 intent shares 住民票, every fee intent
shares 手数料/料金/費用…). 50 topics × 12 actions × 18 aspects = 10,800
possible intents; ``generate(n, seed)`` takes the first ``n`` of a seeded
shuffle. Each intent has 7 Japanese + 3 English examples, a Japanese answer
of 250-450 characters and an English answer, a contact, a link and up to two
follow-ups, as an admin would write them.

The words and templates are in :mod:`benchmarks.faq_words`. Questions over the intents
(:func:`benchmarks.question_mix.question_mix`) come in four kinds:

- ``in_scope``: an example exactly as written;
- ``paraphrased``: built from templates the examples never use, with other
  surface words for the aspect;
- ``typo``: an example with one or two character slips;
- ``out_of_scope``: things a municipal bot does not know (weather, sport,
  recipes…), in both languages.

Usage: ``python -m benchmarks.generate --n 1000 --out /tmp/kb1000``.
"""
from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.faq_words import (ACTIONS, ASPECTS, DEPARTMENTS, DOCS, EN_EXAMPLES, GENERIC_EN, GENERIC_JA, JA_EXAMPLES, NTH,
                                  TOPICS)


@dataclass(frozen=True)
class Spec:
    """One synthetic intent before it is written out."""

    id: str
    topic: int
    action: int
    aspect: int


def all_specs(seed: int = 7) -> list[Spec]:
    """Every topic × action × aspect combination, in a seeded order."""
    specs = [Spec(f"{t[0]}_{a[0]}_{o[0]}", ti, ai, oi)
             for ti, t in enumerate(TOPICS) for ai, a in enumerate(ACTIONS) for oi, o in enumerate(ASPECTS)]
    random.Random(seed).shuffle(specs)
    return specs


def pick(n: int, seed: int = 7) -> list[Spec]:
    """The first ``n`` intents of the seeded order (so a smaller N is a subset of a larger one)."""
    specs = all_specs(seed)
    if n > len(specs):
        raise ValueError(f"at most {len(specs)} distinct intents can be generated")
    return specs[:n]


def intent_rng(spec: Spec, seed: int) -> random.Random:
    """The random source of one intent's text: the same whatever N is."""
    return random.Random(f"{seed}:{spec.id}")


def _topic_word(rng: random.Random, spec: Spec, plain: float = 0.7) -> str:
    topic = TOPICS[spec.topic]
    return topic[1] if rng.random() < plain else rng.choice(topic[4])


def fill_ja(template: str, spec: Spec, rng: random.Random, plain: float = 0.7) -> str:
    return template.format(t=_topic_word(rng, spec, plain), a=ACTIONS[spec.action][1],
                           o=rng.choice(ASPECTS[spec.aspect][1]))


def fill_en(template: str, spec: Spec, rng: random.Random) -> str:
    action = ACTIONS[spec.action]
    text = template.format(t=TOPICS[spec.topic][2], a=action[2], ai=action[3], o=rng.choice(ASPECTS[spec.aspect][2]))
    return text[0].upper() + text[1:]


def examples(spec: Spec, rng: random.Random) -> list[str]:
    """7 Japanese and 3 English ways of asking for this intent."""
    skip = rng.randrange(len(JA_EXAMPLES))
    ja = [fill_ja(t, spec, rng) for i, t in enumerate(JA_EXAMPLES) if i != skip]
    en = [fill_en(t, spec, rng) for t in EN_EXAMPLES]
    return list(dict.fromkeys(ja + en))


def _answer(spec: Spec, rng: random.Random) -> tuple[str, str]:
    topic, action, aspect = TOPICS[spec.topic], ACTIONS[spec.action], ASPECTS[spec.aspect]
    values = {"yen": rng.choice([200, 300, 350, 450, 750, 1000, 1500]), "days": rng.choice([5, 7, 10, 14, 30]),
              "floor": rng.randint(1, 6)}
    doc, doc_en = rng.choice(DOCS)
    nth, nth_en = rng.choice(NTH)
    values.update(doc=doc, doc_en=doc_en, nth=nth, nth_en=nth_en)
    generic = rng.sample(range(len(GENERIC_EN)), rng.randint(2, 4))
    contact = f"dept_{topic[3]}"
    ja = (f"{topic[1]}の{action[1]}に関する{aspect[1][0]}についてご案内します。"
          + aspect[3].format(**values)
          + "".join(GENERIC_JA[i] for i in generic)
          + f"ご不明な点は{{contact:{contact}.name}}までお問い合わせください。")
    en = (f"About the {aspect[2][0]} for {action[3]} the {topic[2]}: "
          + aspect[4].format(**values) + " "
          + " ".join(GENERIC_EN[i] for i in generic)
          + f" For questions, contact {{contact:{contact}.name_en}}.")
    return ja, en


def _title(spec: Spec) -> tuple[str, str]:
    topic, action, aspect = TOPICS[spec.topic], ACTIONS[spec.action], ASPECTS[spec.aspect]
    ja = f"{topic[1]}の{action[1]}（{aspect[1][0]}）"
    if len(ja) > 20:
        ja = f"{topic[1]}{action[1]}・{aspect[1][0]}"[:20]
    en = f"{topic[2]}: {action[2]} ({aspect[2][0]})"
    return ja, en


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON escaping is valid YAML)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _block(text: str, indent: str = "      ") -> str:
    return "|-\n" + indent + text


def write_kb(root: Path, n: int, seed: int = 7) -> tuple[Path, Path]:
    """Write ``root/intents`` and ``root/knowledge`` with ``n`` intents; returns both folders."""
    specs = pick(n, seed)
    intents_dir, knowledge_dir = root / "intents", root / "knowledge"
    intents_dir.mkdir(parents=True, exist_ok=True)
    knowledge_dir.mkdir(parents=True, exist_ok=True)
    for old in list(intents_dir.glob("*.yaml")) + list(knowledge_dir.glob("*.yaml")):
        old.unlink()
    by_topic: dict[int, list[Spec]] = {}
    for spec in specs:
        by_topic.setdefault(spec.topic, []).append(spec)
    for topic_index, group in sorted(by_topic.items()):
        topic = TOPICS[topic_index]
        lines = [f"# {topic[1]}（{topic[2]}）: synthetic benchmark intents, seed {seed}.", "", "intents:"]
        ids = [s.id for s in group]
        for spec in sorted(group, key=lambda s: s.id):
            rng = intent_rng(spec, seed)
            written = examples(spec, rng)
            title, title_en = _title(spec)
            answer, answer_en = _answer(spec, rng)
            peers = [i for i in ids if i != spec.id and i.startswith(f"{topic[0]}_{ACTIONS[spec.action][0]}_")]
            follow = sorted(rng.sample(peers, min(2, len(peers))))
            lines += [f"  - id: {spec.id}", f"    title: {_q(title)}", f"    title_en: {_q(title_en)}",
                      "    examples:"]
            lines += [f"      - {_q(e)}" for e in written]
            lines += [f"    answer: {_block(answer)}", f"    answer_en: {_block(answer_en)}",
                      f"    contacts: [dept_{topic[3]}]", f"    links: [page_{topic[3]}]"]
            if follow:
                lines.append(f"    follow_ups: [{', '.join(follow)}]")
            lines.append(f"    keywords: [{_q(topic[1])}, {_q(ASPECTS[spec.aspect][1][0])}]")
            lines.append("")
        (intents_dir / f"{topic[0]}.yaml").write_text("\n".join(lines), encoding="utf-8")
    synonym_lines = ["# Words people use for the same thing; the first is canonical.", "synonyms:"]
    for topic in TOPICS:
        others = [w for t in TOPICS if t is not topic for w in (t[1], *t[4])]
        variants = [v for v in topic[4] if "の" not in v and not any(v in w for w in others)]
        if variants:
            synonym_lines.append(f"  - [{', '.join(_q(w) for w in (topic[1], *variants))}]")
    (intents_dir / "_synonyms.yaml").write_text("\n".join(synonym_lines) + "\n", encoding="utf-8")
    _write_knowledge(knowledge_dir / "city.yaml")
    return intents_dir, knowledge_dir


def _write_knowledge(path: Path) -> None:
    lines = ["# The city's departments, their pages and where this information comes from.", "", "sources:",
             "  - id: city_site", "    title: 市ホームページ（よくある質問）", "    kind: official",
             "    url: https://www.city.example.jp/faq/", "", "contacts:"]
    topics_of: dict[str, list[str]] = {}
    for topic in TOPICS:
        topics_of.setdefault(topic[3], []).append(topic[1])
    for number, (key, (name, name_en)) in enumerate(DEPARTMENTS.items()):
        lines += [f"  - id: dept_{key}", f"    name: {_q(name)}", f"    name_en: {_q(name_en)}",
                  f"    phone: 0120-000-{number:03d}", f"    email: {key}@city.example.jp",
                  f"    topics: [{', '.join(_q(t) for t in topics_of.get(key, [name]))}]", "    source: city_site"]
        if key == "soudan":
            lines.append("    default: true")
    lines += ["", "links:"]
    for key, (name, name_en) in DEPARTMENTS.items():
        lines += [f"  - id: page_{key}", f"    title: {_q(name + 'のページ')}", f"    title_en: {_q(name_en + ' page')}",
                  f"    url: https://www.city.example.jp/{key}/", "    source: city_site"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of intents (at most 10,800)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="folder to write intents/ and knowledge/ into")
    args = parser.parse_args(argv)
    intents_dir, knowledge_dir = write_kb(args.out, args.n, args.seed)
    print(f"wrote {args.n} intents to {intents_dir} and {knowledge_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
