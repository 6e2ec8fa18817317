"""The reply to a computed figure: the sum with its operands, then the facts it is computed from."""
from __future__ import annotations

from bot.core.compose import source_line, source_links
from bot.core.figures import Derivation, Figure
from bot.core.knowledge_base import KnowledgeBase
from bot.core.types import Language, Reply

_UNIT = {"countries": "か国", "cases": "事例"}
_PART = {"ja": {"school": "学校における活動", "community": "地域における活動"},
         "en": {"school": "school cases", "community": "community cases"}}
_NOTE = {"ja": "（公表された数字からの計算です）", "en": "(calculated from the published figures)"}


def _year(year: int | None, language: Language) -> str:
    """「令和5年度（2023年度）の」, "In fiscal 2023, "; nothing for a figure of no year (the casebook's)."""
    if year is None:
        return ""
    if language == "en":
        return f"In fiscal {year}, "
    return "令和元年度（2019年度）の" if year == 2019 else f"令和{year - 2018}年度（{year}年度）の"


def _what(figure: Figure, language: Language) -> str:
    """What a figure counts: 「ALTの新規」, "new ALTs", 「参加国」."""
    if figure.part:
        return _PART[language][figure.part]
    if language == "en":
        base = {"countries": "countries", "cumulative": "participants in total since 1987", "cases": "cases"}.get(
            figure.measure, f"{figure.role}s" if figure.role else "participants")
        return f"new {base}" if figure.measure == "new" else base
    base = {"countries": "参加国", "cumulative": "累計参加者", "cases": "事例集の全"}.get(figure.measure,
                                                                             figure.role or "参加者")
    return (f"{figure.role}の新規" if figure.role else "新規参加者") if figure.measure == "new" else base


def _amount(value: float, figure: Figure, language: Language) -> str:
    """「4,887人」, 「7か国」, "4,887"."""
    return f"{value:,.0f}" if language == "en" else f"{value:,.0f}{_UNIT.get(figure.measure, '人')}"


def _counted(figure: Figure, language: Language) -> str:
    """「CIR 468人」, 「参加者5,831人」, "468 CIRs": what a figure counts, with its value."""
    if language == "en":
        return f"{figure.value:,} {_what(figure, language)}"
    what = _what(figure, language)
    return f"{what}{' ' if what[-1].isascii() else ''}{_amount(figure.value, figure, language)}"


def _sum(d: Derivation) -> str:
    """The sum written out: 5,831 − 5,761 = 70; 5,355 ÷ 5,831 ≈ 91.8%."""
    a, b = d.first.printed, d.second.printed
    if d.operation == "ratio":
        return f"{a} ÷ {b} ≈ {d.result:.1f}"
    if d.operation == "share":
        return f"{a} ÷ {b} ≈ {d.result * 100:.1f}%"
    return f"{a} − {b} = " + f"{d.result:,.0f}".replace("-", "−")


def sentence(d: Derivation, language: Language) -> str:
    """The computed figure in one sentence, with the sum written out."""
    a, b, change = d.first, d.second, abs(d.result)
    where, worked = _year(a.year, language), _sum(d)
    if language == "en":
        said = {
            "difference": f"there were {_counted(a, language)} and {_counted(b, language)}: "
                          f"a difference of {change:,.0f}",
            "ratio": f"there were {_counted(a, language)} and {_counted(b, language)}: "
                     f"about {d.result:.1f} times as many",
            "share": f"{_counted(a, language)} out of {_counted(b, language)}: about {d.result * 100:.1f}%",
            "continuing": f"{_counted(a, language)}, of whom {b.value:,} were new: {change:,.0f} continuing",
        }[d.operation]
        if d.operation == "difference" and a.year != b.year:
            where, said = "", (f"In fiscal {b.year} there were {_counted(b, language)}; in fiscal {a.year}, "
                               f"{_counted(a, language)}: {'up' if d.result >= 0 else 'down'} {change:,.0f}")
        elif not where:
            said = said[0].upper() + said[1:]
        return f"{where}{said} ({worked}) {_NOTE[language]}."
    x, y, diff = _amount(a.value, a, language), _amount(b.value, b, language), _amount(change, a, language)
    if d.operation == "difference" and a.year != b.year:
        trend = "増えています" if d.result >= 0 else "減っています"
        said = f"{_what(a, language)}は{_year(b.year, language)}{y}から{_year(a.year, language)}{x}へ、{diff}{trend}"
    else:
        said = where + {
            "difference": f"{_what(a, language)}は{x}、{_what(b, language)}は{y}で、{_what(a, language)}のほうが{diff}"
                          "多いです",
            "ratio": f"{_what(a, language)}は{x}、{_what(b, language)}は{y}で、{_what(a, language)}は"
                     f"{_what(b, language)}の約{d.result:.1f}倍です",
            "share": f"{_counted(b, language)}のうち{_what(a, language)}は{x}で、約{d.result * 100:.1f}%です",
            "continuing": f"{_counted(a, language)}のうち新規は{y}で、新規以外（継続）は{diff}です",
        }[d.operation]
    return f"{said}（{worked.replace('≈', '≒')}）{_NOTE[language]}。"


def topic_of(kb: KnowledgeBase, fact: str) -> str | None:
    """The answering intent that states a fact (the conversation's topic after a computed figure)."""
    placeholder = f"{{fact:{fact}}}"
    return next((i.id for i in kb.intents.values() if not i.fallback and (placeholder in i.answer or fact in i.facts)),
                None)


def figure_reply(kb: KnowledgeBase, d: Derivation, language: Language) -> Reply:
    """The computed figure, then the facts it comes from, their sources and links."""
    facts = [kb.knowledge.table("facts")[f] for f in d.facts]
    field = "text_en" if language == "en" else "text"
    lines = [sentence(d, language)] + [str(f.get(field) or f.get("text")) for f in facts]
    return Reply(text="\n".join(lines), language=language, intent_id=topic_of(kb, d.first.fact), score=100.0,
                 links=tuple(source_links(kb.knowledge, facts, language)), source=source_line(kb.knowledge, facts, language))
