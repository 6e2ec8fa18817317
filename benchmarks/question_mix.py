"""Benchmark questions over the synthetic FAQ (:mod:`benchmarks.generate`), in four kinds: an example as
written (``in_scope``), new wording from templates the examples never use (``paraphrased``), an example
with one or two character slips (``typo``), and things a city hall FAQ does not answer (``out_of_scope``)."""
from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.faq_words import JA_PARAPHRASES, EN_PARAPHRASES
from benchmarks.generate import examples, fill_en, fill_ja, intent_rng, pick

# Out-of-scope questions: nothing a city hall FAQ answers.
OOS_JA = [
    "明日の天気はどうですか", "おすすめのラーメン屋を教えて", "今日の日経平均株価は？", "サッカー日本代表の試合結果",
    "カレーの作り方を教えて", "東京から大阪まで新幹線で何分？", "面白い映画を紹介して", "恋人の誕生日プレゼントに迷っています",
    "英語の勉強方法を教えて", "猫がご飯を食べません", "スマホの電池がすぐ減る", "宝くじの当選番号",
    "富士山の高さは？", "プロ野球の順位表", "近くのコンビニはどこ", "ダイエットに良い食べ物",
    "ピアノを習いたい", "ビットコインは買い時？", "おいしいケーキ屋さん", "今夜のテレビ番組",
]
OOS_EN = [
    "What's the weather like tomorrow?", "Recommend a good sushi restaurant", "Who won the football match last night?",
    "How do I bake bread?", "What is the capital of Australia?", "Tell me a joke", "Best smartphone to buy this year",
    "How tall is Mount Fuji?", "Translate hello into French", "Is bitcoin a good investment?",
]
_OOS_X = ["ラーメン", "映画", "サッカー", "株価", "天気", "ゲーム", "アニメ", "旅行", "カフェ", "ワイン"]
_OOS_Y = ["おすすめ", "ランキング", "最新情報", "予想", "口コミ"]
# Kana that are easy to hit instead of one another (typos by ear or by flick input).
_NEAR_KANA = dict(zip("はばぱかがさざただしじつづてでとどのねをおう", "ばぱはがかざさだたじしづつでてどとねのおをうお"))

MIX = (("in_scope", 0.40), ("paraphrased", 0.25), ("typo", 0.20), ("out_of_scope", 0.15))


@dataclass(frozen=True)
class Question:
    """A benchmark question: its text, its kind, and the intent it should reach (None: fallback)."""

    text: str
    kind: str
    expected: str | None


def _typo(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.choice((1, 1, 2))):
        positions = [i for i, c in enumerate(chars) if not c.isspace()]
        if len(positions) < 4:
            break
        i = rng.choice(positions[1:-1])
        kind = rng.randrange(3)
        if kind == 0 and chars[i] in _NEAR_KANA:
            chars[i] = _NEAR_KANA[chars[i]]
        elif kind == 1 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            del chars[i]
    return "".join(chars)


def question_mix(n: int, count: int, seed: int = 7) -> list[Question]:
    """``count`` questions over the first ``n`` intents, mixed as :data:`MIX` says (deterministic)."""
    specs = pick(n, seed)
    rng = random.Random(f"questions:{seed}:{n}")
    kinds = [kind for kind, share in MIX for _ in range(round(share * count))][:count]
    while len(kinds) < count:
        kinds.append("in_scope")
    rng.shuffle(kinds)
    out: list[Question] = []
    for kind in kinds:
        if kind == "out_of_scope":
            roll = rng.random()
            if roll < 0.45:
                text = rng.choice(OOS_JA)
            elif roll < 0.7:
                text = rng.choice(OOS_EN)
            else:
                text = f"{rng.choice(_OOS_X)}の{rng.choice(_OOS_Y)}を教えて"
            out.append(Question(text, kind, None))
            continue
        spec = rng.choice(specs)
        written = examples(spec, intent_rng(spec, seed))
        if kind == "in_scope":
            text = rng.choice(written)
        elif kind == "paraphrased":
            if rng.random() < 0.75:
                text = fill_ja(rng.choice(JA_PARAPHRASES), spec, rng, plain=0.8)
            else:
                text = fill_en(rng.choice(EN_PARAPHRASES), spec, rng)
        else:
            text = _typo(rng.choice(written[:7]), rng)
        out.append(Question(text, kind, spec.id))
    return out
