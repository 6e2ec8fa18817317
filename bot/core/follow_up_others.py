"""「他にも名前が出ているところは？」 after one case, 「他に問い合わせ先は？」 after one office: others of the kind, not the
answer just given."""
from __future__ import annotations

from bot.core.analysis import Analysis
from bot.core.follow_up_forms import other_than_it
from bot.core.follow_up_topic import analyse_with_topic
from bot.core.knowledge_base import KnowledgeBase
from bot.core.matcher import Scored
from bot.core.types import Context

# the others are answered or offered from this score (as "not sure, one of these?"); below it the question is read as
# any follow-up (「ほかにも新潟のってある？」 after the one case from Niigata: that case and its full casebook again)
FLOOR = 40.0


def others_of_the_kind(kb: KnowledgeBase, query: Analysis, ranked: list[Scored], text: str, context: Context
                       ) -> tuple[Analysis, list[Scored], str] | None:
    """The others of the kind (another office's card or the list of them; other cases) the question asks for, read
    with the topic, or alone if that finds more; ``None`` when none scores :data:`FLOOR`, or unless the answer was about
    one of several things (one office's contact, one case) that the question does not name again (「他に外務省へ連絡
    する方法は？」 after MOFA's contact asks about MOFA)."""
    intent = kb.intents[context.intent_id]
    if not other_than_it(text) or not (len(intent.contacts) == 1 or len(intent.cases) == 1) \
            or kb.matcher.about(intent.id).intersection(query.terms):
        return None

    def of_the_kind(i: str) -> bool:
        # another office's card or list (「他に学校関係で相談できる窓口は？」), other cases, or a topic of the same file
        # (「他に地域の国際化の事例は？」 after a school case: the community cases, in the casebook's file)
        other = kb.intents[i]
        return i != intent.id and not other.fallback and (other.file == intent.file or (
            bool(other.cases) if len(intent.cases) == 1 else bool(other.contacts) and "{contact:" in other.answer))

    combined_text, combined_query = analyse_with_topic(kb, query, text, context)
    combined, alone = ([s for s in found if of_the_kind(s.intent_id)] for found in (kb.matcher.rank(combined_query), ranked))
    if combined and (not alone or combined[0].score > alone[0].score):
        return (combined_query, combined, combined_text) if combined[0].score >= FLOOR else None
    return (query, alone, text) if alone and alone[0].score >= FLOOR else None
