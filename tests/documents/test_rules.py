"""The boilerplate rules' fast paths (rules too long for a line skipped, anchored rules joined into one
alternation, leading-lookahead prechecks, one search for every inline pattern) against the plain reading of
the rules: each line rule in file order, each inline pattern on its own."""

from __future__ import annotations

import re

import pytest

from argmap.documents.rules import BoilerplateRules, LineRule, _screen, _screened_out, load_rules

# lines each shipped rule should catch, near misses, and ordinary prose in both languages
_LINES = [
    "文｜王小明 编辑｜李华", "By Mira Tollund and Kelmar Staff", "Via Zandia Post", "图片来源：公众号@品牌研究社",
    "Photo: Getty Images", "来源：凯达财报", "原标题：淳馨的第二个十年", "END", "— 完 —", "#茶饮 #新消费 #加盟",
    "扫码关注，领取资料", "投稿请联系微信kelmar", "上一篇：凯达 下一篇：岚蛙", "修改于2023年3月1日", "《凯达的十年》",
    "读者交流群", "欢迎加入！", "版权声明：本文为原创", "本文系凯达研究院原创，转载请联系授权", "未经授权不得转载",
    "© 2024 Kelmar Media. All rights reserved.", "分享到微信", "You can follow more of my work on Kelmar.",
    "Stay tuned for more.", "相关阅读", "Related articles", "评论", "3 comments", "广告", "Advertisement",
    "2023年5月1日 10:30 来源：凯达", "发布时间：2023-05-01", "Published on May 1", "https://kelmar.example/a",
    "![图](https://kelmar.example/a.png)", "凯达的利润首次下降，原因是原材料涨价。",
    "Kelmar said its profit fell for the first time, because raw materials cost more.",
    "By contrast, Zandia grew.", "图文无关", "本文不代表凯达观点", "Photographs of the event were shared widely.",
    "扫地机器人的销量增长了两成。", "END of an era for the brand", "评论家认为凯达的定价过高。",
]


def _plain_reason(rules: BoilerplateRules, line: str) -> str | None:
    text = line.strip().strip("*_").strip()
    if not text:
        return None
    for rule in rules.lines:
        if len(text) <= rule.max_chars and rule.pattern.search(text):
            return rule.reason
    return None


@pytest.mark.parametrize("line", _LINES)
def test_a_lines_reason_is_the_first_matching_rule_in_file_order(line: str) -> None:
    rules = load_rules()
    assert rules.line_reason(line) == _plain_reason(rules, line)


def test_the_shipped_rules_catch_the_lines_made_to_be_caught() -> None:
    rules = load_rules()
    caught = [line for line in _LINES if rules.line_reason(line)]
    assert len(caught) >= 30, caught  # the table is no table of prose: most of its lines are boilerplate


# one text for each shipped inline pattern alone (the screen must let each through), and texts with none
_INLINE_TEXTS = [
    "凯达的利润（数据来源：凯达财报）下降了。", "Sales fell. (Source: Kelmar)", "（文｜王小明）凯达的利润下降了。",
    "淳馨观察（ID：kelmar2019）", "凯达新闻客户端3月1日电 凯达的利润下降了。", "（本报记者 王小明）凯达的利润下降了。",
    "That is my take. Please share your thoughts in the comments below.", "你怎么看？欢迎在评论区留言。",
    "凯达的利润下降了[3]。", "见 https://kelmar.example/a", "见<b>原文</b>", "凯达&nbsp;淳馨", "![图](a.png)",
    "凯达的利润下降了，原因是原材料涨价。", "凯达在苏州开了店，到年底会有十家。", "（注：以上为估计）", "Sales fell.", "",
]


@pytest.mark.parametrize("text", [
    "凯达的利润（数据来源：凯达财报）下降了。(Source: Kelmar) Sales fell.",
    "淳馨观察（ID：kelmar2019）：淳馨进入了苏州。https://kelmar.example/a 见<b>原文</b>&nbsp;。",
    "That is my take. Please share your thoughts in the comments below. 欢迎在评论区留言。",
    *_INLINE_TEXTS,
])
def test_inline_spans_are_every_patterns_own_matches(text: str) -> None:
    rules = load_rules()
    plain = [(m.start(), m.end(), reason) for reason, p in rules.inline for m in p.finditer(text)]
    assert rules.inline_spans(text) == plain


def test_the_inline_screen_lets_through_every_text_an_inline_pattern_matches() -> None:
    # the screen (the first characters of the patterns that open with one, the anchored and lookahead-led patterns
    # on their own) is built for the shipped patterns, rules out the texts with no match, and no text with one
    rules = load_rules()
    screen = _screen([p for _, p in rules.inline])
    assert screen is not None
    # the table has a text for every pattern
    assert all(any(p.search(text) for text in _INLINE_TEXTS) for _, p in rules.inline)
    for text in _INLINE_TEXTS:
        if any(p.search(text) for _, p in rules.inline):
            assert not _screened_out(screen, text), text
    # prose without any of the first characters (or with 在, 到 but no comment invitation) is ruled out at once
    for text in ("凯达的利润下降了，原因是原材料涨价。", "凯达在苏州开了店，到年底会有十家。", "Sales fell.", ""):
        assert _screened_out(screen, text), text


def test_patterns_whose_first_character_is_not_plain_get_no_screen() -> None:
    for pattern in (r"a?b", r"[^a]b", r"\db", r"a|b", r".b", r"(?:x|y)z"):
        assert _screen([re.compile("x"), re.compile(pattern)]) is None, pattern
    assert _screen([re.compile(r"\(a"), re.compile(r"[（(]b+"), re.compile(r"^c"), re.compile(r"(?=[d])d")]) is not None


def test_joined_rules_keep_file_order_and_each_rules_own_reason() -> None:
    # two anchored rules that both match: the first in file order gives the reason, as in the plain loop; a rule
    # with a group of its own and one anchored only in one branch are read right too
    rules = BoilerplateRules(
        lines=(LineRule("first", re.compile(r"^(Kel)mar"), 100), LineRule("second", re.compile(r"^Kelmar"), 100),
               LineRule("either", re.compile(r"^Zandia|Post$"), 100), LineRule("third", re.compile(r"^Zand"), 100)),
        inline=(), html_hints=frozenset(), reference_headings=frozenset(), conclusion_headings=frozenset())
    for line, reason in [("Kelmar Post", "first"), ("Zandex", "third"), ("The Post", "either"), ("Other", None)]:
        assert rules.line_reason(line) == _plain_reason(rules, line) == reason
