"""The document layer on small inputs: format detection, structure, boilerplate, metadata, bad input."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from argmap.documents import BlockKind, Format, detect_format, read_document
from argmap.documents.dates import parse_date
from argmap.errors import InputError


@pytest.mark.parametrize(
    ("text", "suffix", "expected"),
    [
        ("小米发布了战报。\n第二段。", ".txt", Format.TEXT),
        ("# Heading\n\nSome *text*.", ".md", Format.MARKDOWN),
        ("<!DOCTYPE html><html><body><p>Hi there.</p></body></html>", ".txt", Format.HTML),
        ("<div>\n<p>第一段。</p>\n<p>第二段。</p>\n<p>第三段。</p>\n</div>", ".md", Format.HTML),  # a .md that is HTML
        ("## One\n\n[a link](https://x.example) and **bold** text.\n\n> quoted", "", Format.MARKDOWN),
        ("Plain words only, nothing marked up.", "", Format.TEXT),
        ("小米\n![]()\n第二段。", ".txt", Format.TEXT),  # an image placeholder alone does not make Markdown
    ],
)
def test_format_is_detected_by_content_and_suffix(text: str, suffix: str, expected: Format) -> None:
    assert detect_format(text, suffix=suffix) is expected


@pytest.mark.parametrize(
    ("source", "suffix", "content"),
    [
        ('<p>用户权益<a class="project-link" data-id="5021" data-name="得到" href="https://x.example/p">得到</a>保障。</p>',
         ".html", "用户权益得到保障。\n"),
        ("Apple's [iPhone](https://x.example/iphone) sold *well*.\n", ".md", "Apple's iPhone sold well.\n"),
        ("<p>Sales rose.<sup><a href=\"#fn1\">1</a></sup> Prices fell.</p>", ".html", "Sales rose. Prices fell.\n"),
        ("一行\n字。\n", ".md", "一行字。\n"),
        # escaped markup shown as text, with a URL inside it: both go, and nothing around them is cut
        ('<p>Prices rose &lt;a href="https://x.example/a"&gt;here&lt;/a&gt; again.</p>', ".html", "Prices rose here again.\n"),  # a soft line break inside a Chinese paragraph joins without a space
        # an inline SVG placeholder whose data: target has spaces and parentheses (WeChat exports)
        ("销量增长。\n\n[![Image](data:image/svg+xml,%3Csvg width='1px' fill='%23FFF'%3E%3Cg transform='translate(-249.0, -126.0)'%3E"
         "%3C/g%3E%3C/svg%3E)](https://mp.example/x)\n\n利润下降。\n", ".md", "销量增长。\n利润下降。\n"),
        # an image opener written twice by a scraper: the outer one never closes
        ("销量增长。\n\n![img](![img](https://img.example/a.jpg)\n\n利润下降。\n", ".md", "销量增长。\n利润下降。\n"),
        # bold that CommonMark cannot close between Chinese punctuation and a letter (its flanking rules)
        ("**第一是渠道下沉。**这家品牌的门店遍布县城。\n\nSales **rose** fast.\n", ".md",
         "第一是渠道下沉。这家品牌的门店遍布县城。\nSales rose fast.\n"),
        ("```\n**a。**中\n```\n", ".md", "**a。**中\n"),  # code keeps its asterisks
    ],
)
def test_markup_leaves_only_its_text(source: str, suffix: str, content: str) -> None:
    assert read_document(source.encode(), name="t", suffix=suffix).content == content


@pytest.mark.parametrize(
    ("source", "suffix", "emphasis"),
    [
        # a bold sentence opening a paragraph, and a bold paragraph of one sentence
        ("**第二是让经销商保持合理利润。**这家品牌有三千家门店。\n\n**对手忙着降价，它忙着建厂。**\n", ".md",
         ["第二是让经销商保持合理利润。", "对手忙着降价，它忙着建厂。"]),
        ("<p>Sales <b>rose</b> and <strong>margins held firm</strong>.</p>", ".html", ["rose", "margins held firm"]),
        ("## 建厂比降价更要紧\n\n正文第一段。\n", ".md", []),  # a heading is a heading, not emphasis
        ("Sales **rose**.\n\n---\n\n**本文为原创内容，未经许可不得使用。**\n", ".md", ["rose"]),  # boilerplate is none
        ("Nothing is bold here.\n", ".txt", []),
    ],
)
def test_bold_runs_in_running_text_are_emphasis(source: str, suffix: str, emphasis: list[str]) -> None:
    document = read_document(source.encode(), name="t", suffix=suffix)
    assert [document.text_of(b) for b in document.blocks_of(BlockKind.EMPHASIS)] == emphasis


@pytest.mark.parametrize(
    ("source", "suffix"),
    [
        ("| 品牌 | 门店 |\n| --- | --- |\n| 甲茶 | 3000家 |\n", ".md"),
        ("<table><tr><th>品牌</th><th>门店</th></tr><tr><td>甲茶</td><td><b>3000家</b></td></tr></table>", ".html"),
    ],
)
def test_table_cells_keep_a_border_between_them(source: str, suffix: str) -> None:
    """A table row is one block; its cells' words stay apart ("甲茶 | 3000家", not "甲茶3000家")."""
    document = read_document(source.encode(), name="t", suffix=suffix)
    assert [document.text_of(b) for b in document.blocks_of(BlockKind.TABLE_ROW)] == ["品牌 | 门店", "甲茶 | 3000家"]


def test_plain_text_is_kept_as_given() -> None:
    text = "前言\n小米正全力冲击高端品牌。\n![]()\n图片来源：网络\n"
    document = read_document(text.encode(), name="t.txt", suffix=".txt")
    assert document.content == text
    assert [document.text_of(b) for b in document.boilerplate] == ["![]()", "图片来源：网络"]


def test_plain_text_with_front_matter_gets_its_title_in_front() -> None:
    source = "---\ntitle: Orion raises prices\nauthor: Ann Lee\n---\nOrion raised prices by 20%.\n"
    document = read_document(source.encode(), name="t.txt", suffix=".txt")
    assert document.content == "Orion raises prices\n\nOrion raised prices by 20%.\n"
    (title,) = document.blocks_of(BlockKind.TITLE)
    body = next(b for b in document.blocks if b.kind is BlockKind.PARAGRAPH)
    assert document.text_of(title) == "Orion raises prices"
    assert document.text_of(body) == "Orion raised prices by 20%."


def test_toml_and_yaml_front_matter_become_metadata() -> None:
    toml = '+++\ntitle = "标题"\ndate = 2025-03-01T12:46:31+08:00\nauthor = "simons"\n+++\n正文第一段。\n'
    meta = read_document(toml.encode(), name="t.md", suffix=".md").metadata
    assert meta.title == "标题" and meta.author == "simons" and meta.published == datetime.fromisoformat("2025-03-01T12:46:31+08:00")
    yaml = "\n---\ntitle: 'A'\nauthors: [Ann Lee, Bo Chan]\ndate: 2024-05-06\nlink: https://x.example/a\n---\nBody text here.\n"
    meta = read_document(yaml.encode(), name="t.md", suffix=".md").metadata
    assert (meta.title, meta.author, meta.published, meta.url) == ("A", "Ann Lee, Bo Chan", date(2024, 5, 6), "https://x.example/a")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Wed, 09 Feb 2022 23:59:17 GMT", datetime.fromisoformat("2022-02-09T23:59:17+00:00")),
        ("2022-02-09", date(2022, 2, 9)),
        ("2022年2月9日", date(2022, 2, 9)),
        ("March 3, 2021", date(2021, 3, 3)),
        ("not a date", None),
        ("", None),
    ],
)
def test_dates(value: str, expected: object) -> None:
    assert parse_date(value) == expected


def test_conclusion_and_lead_are_marked() -> None:
    text = "# 标题\n\n开头这一段交代了背景，篇幅足够长，不需要把下一段也算作导语，这里继续写满六十个字符以上的内容才行。\n\n## 分析\n\n中间的分析。\n\n## 结语\n\n我们认为，这家公司的高端化停留在价格层面。\n"
    document = read_document(text.encode(), name="t.md", suffix=".md")
    (lead,) = document.blocks_of(BlockKind.LEAD)
    (conclusion,) = document.blocks_of(BlockKind.CONCLUSION)
    assert document.text_of(lead).startswith("开头这一段")
    assert document.text_of(conclusion) == "我们认为，这家公司的高端化停留在价格层面。"


def test_user_rules_extend_the_shipped_ones(tmp_path: Path) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"lines": [{"reason": "promo", "pattern": "^Listen to our podcast"}]}))
    text = b"Xiaomi raised prices again.\nListen to our podcast on every platform.\n"
    plain = read_document(text, name="t.txt")
    extended = read_document(text, name="t.txt", extra_rules=[rules])
    assert not plain.boilerplate
    assert [(b.reason, extended.text_of(b)) for b in extended.boilerplate] == [("promo", "Listen to our podcast on every platform.")]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("小米".encode("gb18030") + b"\xff\xfe", "UTF-8"),
        (b"<html><body><nav>Home</nav><script>x()</script></body></html>", "no text"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", "front matter"),
        ("---\ntitle: 淳馨涨价了\n---\n<div>\n淳馨涨价了\n</div>\n".encode(), "only a title"),  # a feed's stub
        # the feed wrote the title's quotation and question marks as underscores in its front matter
        ("---\ntitle: '瑞禾的_小目标_'\n---\n<div>\n瑞禾的“小目标”  \n</div>\n".encode(), "only a title"),
        ("---\ntitle: Is Kelmar_s plan working_\n---\nIs Kelmar's plan working?\n".encode(), "only a title"),
        (b"x" * 2048, "limit"),
    ],
)
def test_bad_input_is_refused_in_one_line(data: bytes, needle: str) -> None:
    with pytest.raises(InputError) as err:
        read_document(data, name="bad.md", suffix=".md", max_bytes=1024)
    message = str(err.value)
    assert needle in message and "\n" not in message and "bad.md" in message


@pytest.mark.parametrize(("text", "suffix"), [
    ("前言\n11月12日，小米发布了双十一战报，成交额290亿元。\n与去年相比，这一数字明显回落。\n"
     "然而，这背后是一场战略转向。\n分析\n中间的分析。\n", ".txt"),
    ("# Xiaomi after Singles' Day\n\n## Introduction\n\nXiaomi reported its Singles' Day sales of 29 billion yuan.\n\nThat is less than last year.\n\n"
     "Yet behind the fall lies a change of strategy.\n\n## Analysis\n\nThe middle part.\n", ".md"),
])
def test_a_lead_heading_makes_its_whole_section_the_lead(text: str, suffix: str) -> None:
    document = read_document(text.encode(), name="t" + suffix, suffix=suffix)
    (lead,) = document.blocks_of(BlockKind.LEAD)
    assert document.text_of(lead).startswith(("11月12日", "Xiaomi reported"))
    assert document.text_of(lead).endswith(("战略转向。", "change of strategy."))


@pytest.mark.parametrize(("text", "epigraph"), [
    # a signed quotation before the body is the epigraph: neither argument nor lead
    ("# 标题\n\n> 品牌是消费者心中的一个承诺。 —— 某位营销学者\n\n## 背景\n\n正文的第一段在这里开始，讲的是这家公司的定价。\n", "品牌是消费者心中的一个承诺。 —— 某位营销学者"),
    ("# Title\n\n> Price is what you pay; value is what you get.\n\n— An old investor\n\nThe first paragraph of the body starts here.\n",
     "Price is what you pay; value is what you get."),
    # unsigned, or after the body has begun: a quotation the writer argues with
    ("# 标题\n\n> 品牌是消费者心中的一个承诺。\n\n正文的第一段在这里开始，讲的是这家公司的定价。\n", None),
    ("# Title\n\nThe first paragraph.\n\n> Price is what you pay. — An old investor\n", None),
])
def test_a_signed_opening_quotation_is_the_epigraph(text: str, epigraph: str | None) -> None:
    document = read_document(text.encode(), name="t.md", suffix=".md")
    found = [document.text_of(b) for b in document.boilerplate if b.reason == "epigraph"]
    assert found[:1] == ([epigraph] if epigraph else [])
    (lead,) = document.blocks_of(BlockKind.LEAD)
    assert epigraph is None or epigraph not in document.text_of(lead)


@pytest.mark.parametrize(("line", "credit"), [
    ("Via Sneaker News. Photo: Example Images.", True),
    ("Via Sneaker News.", True),
    ("Via its own stores, Hoka sells more shoes than ever.", False),  # a sentence that opens with "via"
])
def test_a_via_line_is_a_credit(line: str, credit: bool) -> None:
    document = read_document(f"Hoka grew fast.\n\n{line}\n".encode(), name="t.txt")
    assert any(b.reason == "credit" and document.text_of(b) == line for b in document.boilerplate) is credit


@pytest.mark.parametrize(("line", "caption"), [
    ("▲图：Velora 10 Ultra", True),  # a caption behind the pointer many Chinese sites set under an image
    ("▲ 图：社交平台对淳馨的评价", True),
    ("图：淳馨创始人", True),
    ("▲淳馨门店数量两年翻番，图为上海门店。", False),  # a sentence, however it is set
])
def test_a_pointed_figure_label_is_an_image_line(line: str, caption: bool) -> None:
    document = read_document(f"品牌必须赢得溢价。\n\n{line}\n\n淳馨还在扩张。\n".encode(), name="t.txt")
    assert any(b.reason == "image-source" and document.text_of(b) == line for b in document.boilerplate) is caption


@pytest.mark.parametrize(("line", "reason"), [
    ("👉点击关注我们，每天更新品牌观察！", "share"),  # a call to follow, behind a pointing emoji
    ("→ 点击关注", "share"),
    ("查看往期精选：", "share"),
    ("You can follow more of my work on Kelmar Daily, and hear me on the Kelmar Podcast!", "share"),  # an author's promo
    ("Analysts follow my work closely.", None),
    ("Stay tuned to Kelmar Daily for more coverage from the earnings call next.", "share"),  # a pointer to more
    ("You can read Kelmar’s full quarterly statement on its investor site.", "share"),
    ("Read the full report on the Kelmar newsroom, and our charts of its growth.", "share"),
    ("Read the small print: the full refund applies only to members.", None),
    ("查看数据后，我们发现销量下滑。", None),
    ("“分享经济”正在改变出行方式。", None),  # a sentence about sharing, opening with a quote mark
    ("- END -", "share"),  # the end mark many Chinese sites set under the text
    ("?END?", "share"),
    ("—— 全文完 ——", "share"),
    ("The End of an era came for the brand.", None),
    # a button's word alone, or with what it shares to, is a button; opening a sentence or headline it is a word
    ("Share", "share"),
    ("Share this article", "share"),
    ("Share on Facebook", "share"),
    ("Email", "share"),
    ("Subscribe to our newsletter", "share"),
    ("Sign up for our daily briefing", "share"),
    ("Follow us on Twitter", "share"),
    ("Share boost for feud-hit Kelmar", None),
    ("Subscribers grew 5% in the quarter.", None),
    ("Email scam hits Kelmar Bank customers", None),
    ("Print sales fall again", None),
    ("Sign up numbers doubled this year.", None),
    ("Updated: 12 March 2022 10:31", "dateline"),
    ("Published on March 3, 2021", "dateline"),
    ("Updated 12 March 2022", "dateline"),
    ("Posted by Jo Tan", "dateline"),
    ("发布时间：2022-03-01 10:00", "dateline"),
    # a publication line's words opening a sentence
    ("Updated figures show growth slowed in May.", None),
    ("Posted profits rose 5% to $2bn.", None),
    ("Published research suggests buyers are loyal.", None),
])
def test_a_button_or_publication_line_is_boilerplate_and_a_sentence_is_not(line: str, reason: str | None) -> None:
    document = read_document(f"品牌必须赢得溢价。\n\n{line}\n".encode(), name="t.txt")
    assert {b.reason for b in document.boilerplate if document.text_of(b) == line} == ({reason} if reason else set())


def test_the_original_title_of_a_reposted_article_is_boilerplate() -> None:
    document = read_document("淳馨的利润首次下降。\n\n原文标题：淳馨的第二个十年\n".encode(), name="t.txt")
    assert [(b.reason, document.text_of(b)) for b in document.boilerplate] == [("source", "原文标题：淳馨的第二个十年")]


@pytest.mark.parametrize(("text", "credits"), [
    ("这家公司的利润来自供应链。(本报记者王晓明)\n\n正文第二段。\n", ["(本报记者王晓明)"]),
    ("（记者 张三 李四）小米发布了新机。\n", ["（记者 张三 李四）"]),
    ("他（记者）认为这样可行。\n", []),  # the word in brackets, no name: text
    ("淳馨利润下降\n\n（文/林远舟 编辑/周启明）淳馨的利润首次下降。\n", ["（文/林远舟 编辑/周启明）"]),  # writer, editor
    ("他在文中（见上文/下文）指出这一点。\n", []),
    ("淳馨观察\n\n品牌数读（ID：kelmar2019）观察到，淳馨进入了苏州。\n", ["（ID：kelmar2019）"]),  # an account's handle
])
def test_a_reporter_credit_in_brackets_is_boilerplate(text: str, credits: list[str]) -> None:
    document = read_document(text.encode(), name="t.txt")
    assert [document.text_of(b) for b in document.boilerplate if b.reason == "credit"] == credits


@pytest.mark.parametrize(("text", "reason", "span"), [
    # a news agency's dateline opening a paragraph
    ("淳馨利润下降\n\n观察者网讯 淳馨的利润首次下降。\n", "dateline", "观察者网讯"),
    ("淳馨获批\n\n新华社北京11月16日电 记者从商务部获悉，淳馨获批。\n", "dateline", "新华社北京11月16日电"),
    ("淳馨获批\n\n移动通讯 行业正在变化。\n", "dateline", None),
    # an invitation to comment, mostly at the end of a paragraph that opens otherwise
    ("Kelmar cut prices too late.\n\nThat is my take. Please share your thoughts in the comments below.\n", "comments",
     "Please share your thoughts in the comments below."),
    ("Kelmar cut prices too late.\n\nLet us know what you think in the comments.\n", "comments",
     "Let us know what you think in the comments."),
    ("淳馨涨价太晚了。\n\n你怎么看？欢迎在评论区留言。\n", "comments", "欢迎在评论区留言。"),
    ("Kelmar cut prices. Share prices fell, and analysts let us know they were worried.\n", "comments", None),
])
def test_a_span_of_boilerplate_inside_a_paragraph_is_found_with_its_reason(text: str, reason: str,
                                                                           span: str | None) -> None:
    document = read_document(text.encode(), name="t.txt")
    found = [document.text_of(b) for b in document.boilerplate if b.reason == reason]
    assert found == ([span] if span else [])


def test_a_notice_forbidding_reposts_is_boilerplate() -> None:
    document = read_document("品牌必须赢得溢价。\n\n未经允许，请勿复制或转载本文\n".encode(), name="t.txt")
    assert [(b.reason, document.text_of(b)) for b in document.boilerplate] == [("copyright", "未经允许，请勿复制或转载本文")]


@pytest.mark.parametrize("opening", ["参考资料：", "本文部分参考资料：", "参考文章", "参考链接：", "References", "Reference:"])
def test_a_reference_list_after_its_opening_line_is_boilerplate(opening: str) -> None:
    text = f"淳馨的利润来自供应链。\n\n{opening}\n\n1.《淳馨的增长难题》，品牌数读\n\n2.《瑞禾的下沉之路》，某财经\n"
    document = read_document(text.encode(), name="t.txt")
    assert [document.text_of(b) for b in document.boilerplate if b.reason == "reference"][-2:] == [
        "1.《淳馨的增长难题》，品牌数读", "2.《瑞禾的下沉之路》，某财经"]


def test_a_bold_line_after_an_image_heads_a_section_and_a_plain_one_is_its_caption() -> None:
    html = ("<div><p>淳馨的门店在扩张，利润却在下降，这是一个危险的信号。</p>"
            '<p><img src="https://x.example/a.jpg"></p><p>淳馨上海门店</p>'
            "<p>第一家门店开在上海，随后在全国快速铺开，单店收入却在下降。</p>"
            '<p><img src="https://x.example/b.jpg"></p><p><strong>供应链是淳馨的底气</strong></p>'
            "<p>淳馨的利润主要来自向加盟商出售原材料，而不是门店本身的经营。</p></div>")
    document = read_document(html.encode(), name="t.html")
    kinds = {document.text_of(b): b.kind for b in document.blocks}
    assert kinds["供应链是淳馨的底气"] is BlockKind.HEADING
    assert kinds["淳馨上海门店"] is BlockKind.CAPTION


@pytest.mark.parametrize(("line", "reason"), [
    ("- THE END -", "share"),
    ("#Velora 10#Velora 10 Pro#Velora 10 mini", "tags"),  # a site's tag links, run together
    ("#淳馨 #瑞禾 #新茶饮", "tags"),
    ("#淳馨# 今天发布了新品，售价21元。", None),  # a topic tag opening a sentence: the sentence stays
])
def test_a_closing_mark_and_a_line_of_tags_are_boilerplate(line: str, reason: str | None) -> None:
    document = read_document(f"品牌必须赢得溢价。\n\n淳馨还在扩张。\n\n{line}\n".encode(), name="t.txt")
    assert [b.reason for b in document.boilerplate if document.text_of(b) == line] == ([reason] if reason else [])


def test_what_follows_a_reference_list_is_no_argument_unless_a_section_of_it_opens_again() -> None:
    text = ("淳馨的利润来自供应链。\n\n参考资料：\n\n1.《淳馨的增长难题》，品牌数读\n\n**/ 食品人社群 /**\n\n"
            "让专业的人聚在一起，三十万食品人已加入！\n\n## 结语\n\n淳馨的下一步是出海。\n")
    document = read_document(text.encode(), name="t.md", suffix=".md")
    boiler = {document.text_of(b) for b in document.boilerplate}
    assert "让专业的人聚在一起，三十万食品人已加入！" in boiler
    assert "淳馨的下一步是出海。" not in boiler


def test_numbered_entries_without_a_heading_are_a_reference_list_that_closes_the_article() -> None:
    text = ("淳馨的利润来自供应链。\n\n淳馨还在扩张。\n\n[1] 淳馨 - 维基百科\n\n[2] 淳馨官网\n\n[3] 瑞禾年报\n\n"
            "**一本书读懂零售**\n\n每一个巨头都曾是小铺，带你读懂全球零售。\n")
    document = read_document(text.encode(), name="t.md", suffix=".md")
    boiler = {document.text_of(b) for b in document.boilerplate}
    assert {"[1] 淳馨 - 维基百科", "[3] 瑞禾年报", "每一个巨头都曾是小铺，带你读懂全球零售。"} <= boiler
    assert "淳馨还在扩张。" not in boiler


@pytest.mark.parametrize(("line", "reason"), [
    ("下方海报扫码一次免费领取淳馨零售书（如需购买，99元一本）。", "share"),
    ("** 淳馨投稿与商务合作，联系小岚（微信：chunxin01）*", "credit"),  # emphasis marks the reader left
    ("** 本文为淳馨原创首发，欢迎转发。转载请在后台回复“转载”了解规则。*", "copyright"),
    # the source credit a reposting site sets first: the account, its author and who took the picture
    ("本文来自微信公众号：淳馨观察（ID：chunxin），作者：岚城，题图来自：视觉中国", "credit"),
    ("编者按：本文来自微信公众号“淳馨观察”（ID：chunxin），作者：岚城。", "credit"),
    ("（本文作者：岚城，淳馨研究院分析师）", "credit"),
    ("原载于《淳馨周刊》2008年第15期，作者岚城，原题《淳馨重返杭州》。转自岚城读史", "source"),
    ("转自淳馨观察", "source"),
    ("2019-03-07 08:00", "dateline"),
    ("* 图片来源于网络，侵权请联系删除", "image-source"),
    ("如有侵权，请联系删除。", "copyright"),
    ("淳馨的门店数据来源于网络上的公开信息，我们整理了一份清单。", None),  # data, not a picture's credit
    # a brokerage report's credits: its title, and each analyst with the registration number
    ("研报：《淳馨国际化征程的复盘与启示》2024年7月28日", "source"),
    ("岚城分析师 S0570520100001", "credit"),
    ("研报：《淳馨的下沉》指出，县城门店的复购率更高。", None),  # what the report says, in a sentence
    ("2019年淳馨的营收增长了三成。", None),
    ("本视频作者：岚城", "credit"),
    ("本文作者认为，淳馨的下沉是价格层面的。", None),  # the writer's view, told in a sentence
    ("上一篇淳馨的下沉之路下一篇瑞禾如何成为第一", "related"),
    ("修改于2025年02月25日", "dateline"),
    ("《品牌战略五阶段之扩张期：如何成为领导品牌》", "related"),  # a past post's title alone: a link list's entry
    ("/ 淳馨读者微信群 /", "share"),
    ("让专业的人聚在一起，30万读者已加入!", "share"),
    ("淳馨已加入瑞禾牵头的冷链联盟，成本有望下降。", None),  # joining, told inside a sentence
    ("顾客在门店扫码下单后，淳馨的复购率提高了一倍。", None),  # a sentence about scanning is no promotion
])
def test_a_wechat_footer_is_boilerplate(line: str, reason: str | None) -> None:
    document = read_document(f"品牌必须赢得溢价。\n\n淳馨还在扩张。\n\n{line}\n".encode(), name="t.txt")
    assert [b.reason for b in document.boilerplate if document.text_of(b) == line] == ([reason] if reason else [])


def test_a_numbered_section_after_a_reference_list_is_the_argument_again() -> None:
    text = ("## 一、淳馨的门店\n\n淳馨的利润来自供应链。\n\n参考资料：\n\n1.《淳馨的增长难题》，品牌数读\n\n"
            "## 二、淳馨的定价\n\n淳馨的定价低于瑞禾，这是它的底气。\n\n**/ 食品人社群 /**\n\n"
            "欢迎各位食品人一起交流，共同成长。\n")
    document = read_document(text.encode(), name="t.md", suffix=".md")
    boiler = {document.text_of(b) for b in document.boilerplate}
    assert "淳馨的定价低于瑞禾，这是它的底气。" not in boiler
    assert "1.《淳馨的增长难题》，品牌数读" in boiler
