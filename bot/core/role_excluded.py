"""A role named to be left out of a question about the roles (「ALT以外の職種は？」, 「ALT以外は？」, "What roles are
there besides ALT?"): the other roles, not the one named.

The role's name is the strongest word of such a question, so without this reading it finds that role's answer, the
one thing the user said they do not want.
"""
from __future__ import annotations

import re
from dataclasses import replace

from bot.core.knowledge_base import KnowledgeBase
from bot.core.replies import intent_reply
from bot.core.types import Language, Reply

ROLES_INTENT = "alt_vs_cir"  # the roles compared: a line of the answer for each role, the role's name first
ROLE_INTENTS = {"ALT": "alt_role", "CIR": "cir_role", "SEA": "sea_role"}
CASEBOOK_INTENT = "casebook_what"  # the ALT casebook: its file holds the casebook's topics and cases
OTHER_CASEBOOK_INTENT = "ref1_cir_casebook"  # the casebook of another role (CIR, attachment 1)
_ROLE = r"(alt|cir|sea)s?"
# 「ALT以外」, 「ALTのほかに」, 「ALTじゃなくて」, 「ALTを除いて」 (not 「ALT以外にも…も」: both asked)
_LEFT_OUT_JA = re.compile(rf"(?<![a-z]){_ROLE} ?(?:以外|のほか|の他|じゃなく|ではなく|でなく|を除(?:いて|く|いた)|を?抜きで?)"
                          r"(?:て|に|の|で|は|だと|では)?")
_LEFT_OUT_EN = re.compile(rf"\b(?:other than|besides|apart from|aside from|except(?: for)?|excluding|not counting|"
                          rf"beyond) (?:the |an? )?{_ROLE}\b,?")
# what a question about the roles themselves says besides the role left out: the roles, what kinds there are, how it
# is asked (anything else is a topic of its own: 「ALT以外の人数は？」 counts, 「ALT以外の事例は？」 asks cases)
_ABOUT_ROLES = re.compile(
    r"jet ?(?:プログラム)?|programme|program|職種|役割|役職|ポジション|種類|仕事|枠|タイプ|どんな|どういう|どのような|なに|何|"
    r"参加|できる|participate|join|part|"
    r"ある|あります|あるの|ありますか|いる|います|か|の|は|に|が|って|も|です|でしょう|教えて|ください|下さい|"
    r"(?<![a-z])(?:what|which|other|kinds?|types?|sorts?|roles?|positions?|jobs?|posts?|are|is|there|do|does|have|has|"
    r"offer|offers|you|we|it|any|else|of|in|can|i|get|hire|take|on|options?)(?![a-z])|[\s、,。.？?!！]")
# the words that ask about the roles themselves (「ALT以外は？」 alone asks so only of a role just talked about)
_ROLE_WORDS = re.compile(r"職種|役割|役職|ポジション|種類|タイプ|(?<![a-z])(?:roles?|positions?|jobs?|posts?|kinds?|types?|"
                         r"sorts?|options?)(?![a-z])")


def role_left_out(text: str) -> str | None:
    """The role (ALT, CIR or SEA) a cleaned question about the roles asks to leave out, or ``None``."""
    found = _LEFT_OUT_JA.search(text) or _LEFT_OUT_EN.search(text)
    if found is None or re.search(r"(?:以外|のほか|の他)にも[^。？?]*(?:alt|cir|sea)", text):
        return None
    rest = text[:found.start()] + " " + text[found.end():]
    return found.group(1).upper() if not _ABOUT_ROLES.sub("", rest) else None


_LEAD = {"ja": "{role}以外の職種は、{others}です。",
         "en": "Besides the {role}, the JET Programme has {others}."}


def other_roles_reply(kb: KnowledgeBase, text: str, language: Language, talked_about: str | None = None
                      ) -> Reply | None:
    """The roles other than the one a cleaned question leaves out, each with what it does (the lines of the roles
    compared that name them), led by what they are; ``None`` when no role is left out of a question about roles.
    ``talked_about``: the intent just answered (「ALT以外は？」 after ALTs' count asks the others' count, after the
    casebook other casebooks: only after a role, or with nothing talked about, does it ask for the other roles)."""
    role = role_left_out(text)
    if role is None or ROLES_INTENT not in kb.intents:
        return None
    if talked_about is not None and role == "ALT" and _of_the_casebook(kb, talked_about) \
            and OTHER_CASEBOOK_INTENT in kb.intents:
        return intent_reply(kb, OTHER_CASEBOOK_INTENT, language)  # 「ALT以外は？」 after the ALT casebook: the CIR's
    if talked_about is not None and talked_about not in {ROLES_INTENT, *ROLE_INTENTS.values()} \
            and not _ROLE_WORDS.search(text):
        return None
    compared = intent_reply(kb, ROLES_INTENT, language)
    others = [r for r in ROLE_INTENTS if r != role]
    lines = [line for line in compared.text.split("\n")[1:] if line[:3].upper() in others]
    if len(lines) != len(others):  # the answer no longer has a line per role: it is answered as written
        return None
    lead = _LEAD[compared.language].format(role=role, others=("と" if compared.language == "ja" else " and ").join(
        others if compared.language == "ja" else [f"{r}s" for r in others]))
    kept = {ROLE_INTENTS[r] for r in others}
    return replace(compared, text="\n".join([lead, *lines]), names=tuple(others),
                   suggestions=tuple(s for s in compared.suggestions if s.intent_id in kept))


def _of_the_casebook(kb: KnowledgeBase, intent_id: str) -> bool:
    """Whether the intent is one of the ALT casebook's (its file)."""
    return CASEBOOK_INTENT in kb.intents and kb.intents[intent_id].file == kb.intents[CASEBOOK_INTENT].file
