"""Article pages written for the tests, one per major outlet, each in that outlet's markup.

The markup follows the class names public crawlers select on each site (headline, lead, body
containers); the text is invented here and the chrome around it (menus, logos in an `<h1>`, share
bars, app banners, related boxes, footers) is what such pages carry. No real page is copied.
Each entry states what a careful reader takes from its page: title, date, lead, last paragraph,
and chrome that must not reach the body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

ARTICLES = {
    "japan": {
        "title": "Thủ tướng tiếp Đại sứ Nhật Bản đến chào từ biệt",
        "seo": "Thủ tướng Chính phủ tiếp Đại sứ Nhật Bản tại Việt Nam đến chào từ biệt khi kết thúc nhiệm kỳ",
        "lead": "Chiều 6/3, tại Trụ sở Chính phủ, Thủ tướng tiếp Đại sứ Nhật Bản tại Việt Nam đến chào "
        "từ biệt nhân dịp kết thúc nhiệm kỳ công tác.",
        "paragraphs": [
            "Thủ tướng đánh giá cao những đóng góp của Đại sứ đối với quan hệ Đối tác chiến lược toàn diện "
            "giữa hai nước trong nhiệm kỳ vừa qua, nhất là trong trao đổi đoàn cấp cao.",
            "Hai bên nhất trí tiếp tục thúc đẩy hợp tác kinh tế, đầu tư, lao động và giao lưu nhân dân, "
            "trong đó có các dự án hạ tầng chiến lược và chuyển đổi số.",
            "Đại sứ cảm ơn sự hỗ trợ của Chính phủ Việt Nam và khẳng định sẽ tiếp tục là cầu nối cho quan hệ "
            "hai nước trên cương vị mới.",
        ],
    },
    "laos": {
        "title": "Chủ tịch nước hội đàm với Chủ tịch nước Lào",
        "seo": "Việt Nam và Lào nhất trí đưa quan hệ đặc biệt lên tầm cao mới",
        "lead": "Sáng 7/3, tại Phủ Chủ tịch, Chủ tịch nước hội đàm với Chủ tịch nước Lào đang ở thăm chính "
        "thức Việt Nam từ ngày 6 đến 8/3.",
        "paragraphs": [
            "Hai nhà lãnh đạo vui mừng trước sự phát triển tốt đẹp của quan hệ hữu nghị vĩ đại, đoàn kết "
            "đặc biệt và hợp tác toàn diện giữa hai Đảng, hai Nhà nước và nhân dân hai nước.",
            "Hai bên nhất trí tăng cường kết nối hạ tầng giao thông, năng lượng và thương mại biên giới, "
            "đồng thời phối hợp chặt chẽ tại các diễn đàn khu vực và quốc tế.",
            "Sau hội đàm, hai Chủ tịch nước chứng kiến lễ ký kết các văn kiện hợp tác trong lĩnh vực giáo "
            "dục, y tế và quốc phòng.",
        ],
    },
    "korea": {
        "title": "Chiến lược hợp tác Việt Nam - Hàn Quốc trong giai đoạn mới",
        "seo": "Chiến lược hợp tác Việt Nam - Hàn Quốc: đầu tư, công nghệ và nhân lực",
        "lead": "Bộ trưởng Ngoại giao Hàn Quốc thăm Việt Nam từ ngày 5 đến 7/3, mở đầu loạt hoạt động kỷ "
        "niệm quan hệ Đối tác chiến lược toàn diện giữa hai nước.",
        "paragraphs": [
            "Tại cuộc hội đàm ngày 6/3 ở Hà Nội, hai Bộ trưởng thống nhất nâng kim ngạch thương mại song "
            "phương lên 150 tỷ USD và mở rộng hợp tác về bán dẫn, năng lượng sạch.",
            "Phía Hàn Quốc cam kết tiếp tục tạo điều kiện cho lao động Việt Nam, tăng số học bổng cho sinh "
            "viên và hỗ trợ đào tạo nhân lực công nghệ cao.",
            "Hai bên cũng trao đổi về tình hình khu vực, khẳng định tầm quan trọng của hòa bình, ổn định "
            "và tự do hàng hải ở Biển Đông.",
        ],
    },
}


# Chrome every page carries somewhere around the article; none of it may reach the body.
CHROME = {
    "menu": "Thời sự Thế giới Kinh doanh",
    "share": "Chia sẻ Facebook Zalo",
    "related": "Giá vàng hôm nay tăng mạnh sau phiên điều chỉnh",
    "footer": "Giấy phép số 123/GP-BTTTT",
}


@dataclass(frozen=True)
class OutletPage:
    """One outlet's page and what must be read from it."""

    outlet: str
    html: str
    title: str
    published: str  # the date part
    lead: str
    last: str
    absent: tuple[str, ...] = field(default=())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _double_escaped(text: str) -> str:
    """Text as a CMS escapes it twice: every non-ASCII letter as `&amp;#NNNN;`."""
    return "".join(ch if ord(ch) < 128 else f"&amp;#{ord(ch)};" for ch in text)


def _head(
    *,
    title_tag: str,
    og_title: str,
    description: str,
    url: str,
    site: str,
    published: str,
    json_ld: dict | None = None,
    extra: str = "",
) -> str:
    ld = (
        f'<script type="application/ld+json">{json.dumps(json_ld, ensure_ascii=False)}</script>'
        if json_ld
        else ""
    )
    return f"""<head>
<meta charset="utf-8">
<title>{title_tag}</title>
<meta name="description" content="{description}">
<meta property="og:title" content="{og_title}">
<meta property="og:description" content="{description}">
<meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
{extra}{ld}
</head>"""


def _menu() -> str:
    return (
        "<nav class='menu'><ul>"
        + "".join(f"<li><a href='/'>{w}</a></li>" for w in CHROME["menu"].split())
        + "</ul></nav>"
    )


def _related(cls: str = "related-news") -> str:
    link = f"<li><a href='/r'>{CHROME['related']}</a></li>"
    return f"<div class='{cls}'><h3>Tin liên quan</h3><ul>{link}</ul></div>"


def _footer() -> str:
    return f"<footer><p>Cơ quan chủ quản. {CHROME['footer']}</p></footer>"


def _paragraphs(article: dict, tag: str = "p", cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<{tag}{attr}>{_escape(p)}</{tag}>" for p in article["paragraphs"])


def _page(head: str, body: str) -> str:
    return f'<!DOCTYPE html>\n<html lang="vi">\n{head}\n<body>\n{body}\n</body>\n</html>\n'


def dantri() -> OutletPage:
    a, url = ARTICLES["laos"], "https://dantri.com.vn/the-gioi/chu-tich-nuoc-hoi-dam-20260307.htm"
    head = _head(
        title_tag=f"{_escape(a['title'])} | Báo Dân trí",
        og_title=_escape(a["title"]),
        description=_escape(a["lead"]),
        url=url,
        site="Báo Dân trí",
        published="2026-03-07T10:05:00+07:00",
    )
    body = f"""<header class="header"><a class="logo" href="/">Dân trí</a>{_menu()}</header>
<div class="singular-wrap"><article class="singular-container">
<h3 class="title-sub">Thời sự:</h3>
<h1 class="title-page detail">{_escape(a["title"])}</h1>
<div class="author-wrap"><div class="author-name"><a href="/tac-gia/x.htm"><b>Minh Anh</b></a></div>
<time class="author-time" datetime="2026-03-07 10:05">Thứ bảy, 07/03/2026 - 10:05</time></div>
<div class="social-share">{CHROME["share"]}</div>
<h2 class="singular-sapo">(Dân trí) - {_escape(a["lead"])}</h2>
<div class="singular-content">{_paragraphs(a)}</div>
</article>{_related("article-related")}</div>{_footer()}"""
    return OutletPage("Dân trí", _page(head, body), a["title"], "2026-03-07", a["lead"], a["paragraphs"][-1])


def tuoitre() -> OutletPage:
    a, url = ARTICLES["japan"], "https://tuoitre.vn/thu-tuong-tiep-dai-su-nhat-ban-20260306.htm"
    head = _head(
        title_tag=f"{_escape(a['seo'])} - Tuổi Trẻ Online",
        og_title=_escape(a["seo"]),
        description=_escape(a["lead"]),
        url=url,
        site="TUOI TRE ONLINE",
        published="2026-03-06T16:20:00+07:00",
        extra='<meta name="pubdate" content="2026-03-06T16:20:00+07:00">\n',
    )
    paragraphs = a["paragraphs"]
    related_box = (
        '<div type="RelatedNewsBox" class="VCSortableInPreviewMode"><div class="kbwscwl-relatedbox">'
        f"<ul><li><a href='/r'>{CHROME['related']}</a></li></ul></div></div>"
    )
    body = f"""<div class="header">
<h1 class="logo"><a href="/" title="Tuổi Trẻ Online">Tuổi Trẻ Online</a></h1>{_menu()}</div>
<div class="detail-container"><div class="detail-cate"><a href="/thoi-su.htm">Thời sự</a></div>
<h1 class="detail-title article-title" data-role="title">{_escape(a["title"])}</h1>
<div class="detail-time"><div data-role="publishdate">06/03/2026 16:20 GMT+7</div></div>
<div class="detail-share">{CHROME["share"]}</div>
<div class="detail-cmain">
<h2 class="detail-sapo" data-role="sapo">{_escape(a["lead"])}</h2>
<div class="detail-content afcbc-body" data-role="content" id="main-detail-body">
<p>{_escape(paragraphs[0])}</p>
{related_box}
<p>{_escape(paragraphs[1])}</p>
<p>{_escape(paragraphs[2])}</p>
</div>
<div class="detail-author-bot">
<div class="author-info"><a class="name" href="/tac-gia">LAN ANH</a></div></div>
</div></div>{_related("box-category")}{_footer()}"""
    return OutletPage("Tuổi Trẻ", _page(head, body), a["title"], "2026-03-06", a["lead"], paragraphs[-1])


def _detail_layout(
    outlet: str,
    article: str,
    url: str,
    site: str,
    published: str,
    *,
    lead_prefix: str = "",
    banner: str = "",
    title_tag: str | None = None,
    og_title: str | None = None,
    h1_class: str = "detail-title",
    sapo_tag: str = "h2",
    sapo_class: str = "detail-sapo",
    description: str | None = None,
) -> OutletPage:
    """The layout several sites share (Thanh Niên, Người Lao Động, Báo Chính phủ, CafeF): h1
    `detail-title`, sapo `detail-sapo`, body `detail-content afcbc-body`, `data-role` marks."""
    a = ARTICLES[article]
    head = _head(
        title_tag=title_tag or f"{_escape(a['title'])} | {site}",
        og_title=og_title or _escape(a["title"]),
        description=description if description is not None else _escape(a["lead"]),
        url=url,
        site=site,
        published=published,
    )
    body = f"""<div class="header">
<a class="logo" href="/"><img alt="{site}" src="/logo.png"></a>{_menu()}</div>
{banner}
<div class="detail__section"><div class="detail-cate"><a href="/thoi-su.htm">Thời sự</a></div>
<h1 class="{h1_class}" data-role="title">{_escape(a["title"])}</h1>
<div class="detail-time">
<div data-role="publishdate">{published[8:10]}/{published[5:7]}/{published[:4]}</div></div>
<div class="detail-share">{CHROME["share"]}</div>
<{sapo_tag} class="{sapo_class}" data-role="sapo">{lead_prefix}{_escape(a["lead"])}</{sapo_tag}>
<div class="detail-content afcbc-body" data-role="content">
{_paragraphs(a)}
</div></div>{_related()}{_footer()}"""
    return OutletPage(outlet, _page(head, body), a["title"], published[:10], a["lead"], a["paragraphs"][-1])


def thanhnien() -> OutletPage:
    return _detail_layout(
        "Thanh Niên",
        "korea",
        "https://thanhnien.vn/chien-luoc-hop-tac-185260306.htm",
        "thanhnien.vn",
        "2026-03-06T09:00:00+07:00",
        og_title=_escape(ARTICLES["korea"]["seo"]),
    )


def nld() -> OutletPage:
    return _detail_layout(
        "Người Lao Động",
        "laos",
        "https://nld.com.vn/chu-tich-nuoc-hoi-dam-196260307.htm",
        "Báo Người Lao Động Online",
        "2026-03-07T11:30:00+07:00",
        description=_escape(ARTICLES["laos"]["lead"][:90]) + "...",
    )


def baochinhphu() -> OutletPage:
    banner = (
        '<div class="app-download"><p><a href="https://apps.apple.com/x">Tải ứng dụng Báo Điện tử Chính phủ'
        "</a> để đọc tin nhanh hơn</p></div>"
    )
    page = _detail_layout(
        "Báo Chính phủ",
        "japan",
        "https://baochinhphu.vn/thu-tuong-tiep-dai-su-102260306.htm",
        "baochinhphu.vn",
        "2026-03-06T17:45:00+07:00",
        lead_prefix="(Chinhphu.vn) - ",
        sapo_tag="div",
        banner=banner,
    )
    html = page.html.replace(
        '<div class="detail-content afcbc-body" data-role="content">',
        '<div class="detail-content afcbc-body" data-role="content">\n'
        "<p><strong>Tải ứng dụng Báo Điện tử Chính phủ</strong> trên App Store và Google Play</p>",
    )
    return OutletPage(page.outlet, html, page.title, page.published, page.lead, page.last, ("Tải ứng dụng",))


def cafef() -> OutletPage:
    a = ARTICLES["korea"]
    return _detail_layout(
        "CafeF",
        "korea",
        "https://cafef.vn/chien-luoc-hop-tac-188260307.chn",
        "CafeF",
        "2026-03-07T08:10:00+07:00",
        h1_class="title",
        sapo_class="sapo",
        title_tag=_double_escaped(a["title"]),
        og_title=_double_escaped(a["title"]),
    )


def vietnamnet() -> OutletPage:
    a, url = ARTICLES["laos"], "https://vietnamnet.vn/chu-tich-nuoc-hoi-dam-2496001.html"
    head = _head(
        title_tag=f"{_escape(a['seo'])} - Báo VietNamNet",
        og_title=_escape(a["seo"]),
        description=_escape(a["lead"][:100]) + "...",
        url=url,
        site="Báo VietNamNet",
        published="2026-03-07T12:00:00+07:00",
    )
    body = f"""<header class="header">{_menu()}</header>
<div class="content-detail container"><div class="breadcrumb-box"><a href="/thoi-su">Thời sự</a></div>
<h1 class="content-detail-title">{_escape(a["title"])}</h1>
<div class="bread-crumb-detail__time">07/03/2026 12:00</div>
<h2 class="content-detail-sapo sm-sapo-mb-0">{_escape(a["lead"])}</h2>
<div class="maincontent main-content" id="maincontent">{_paragraphs(a)}
<div class="article-relate">{_related()}</div></div>
<div class="newsFeature__share">{CHROME["share"]}</div></div>{_footer()}"""
    return OutletPage(
        "VietNamNet", _page(head, body), a["title"], "2026-03-07", a["lead"], a["paragraphs"][-1]
    )


def _cms_layout(
    outlet: str,
    article: str,
    url: str,
    site: str,
    published: str,
    *,
    header: bool,
    sapo_tag: str = "div",
    description: str | None = None,
) -> OutletPage:
    """The CMS layout of Nhân Dân, VietnamPlus, Tiền Phong: `article__title cms-title`,
    `article__sapo cms-desc`, `article__body cms-body`, the first two in a `<header>` on some."""
    a = ARTICLES[article]
    head = _head(
        title_tag=f"{_escape(a['title'])} | {site}",
        og_title=_escape(a["title"]),
        description=description if description is not None else _escape(a["lead"]),
        url=url,
        site=site,
        published=published,
    )
    wrap = (
        ("<header class='article__header'>", "</header>")
        if header
        else ("<div class='article__header'>", "</div>")
    )
    body = f"""<header class="site-header"><div class="logo">{site}</div>{_menu()}</header>
<main><article class="article">
{wrap[0]}<div class="article__meta"><a class="cate" href="/chinh-tri">Chính trị</a>
<time class="time" datetime="{published}">{published[:10]}</time></div>
<h1 class="article__title cms-title">{_escape(a["title"])}</h1>
<{sapo_tag} class="article__sapo cms-desc">{_escape(a["lead"])}</{sapo_tag}>{wrap[1]}
<div class="article__social">{CHROME["share"]}</div>
<div class="article__body zce-content-body cms-body">{_paragraphs(a)}</div>
<div class="article__tag"><span>Từ khóa:</span> <a href="/t">hợp tác</a></div>
</article>{_related("article__related")}</main>{_footer()}"""
    return OutletPage(outlet, _page(head, body), a["title"], published[:10], a["lead"], a["paragraphs"][-1])


def nhandan() -> OutletPage:
    # Its description is the site's own blurb, not the lead: the lead is found by its place.
    return _cms_layout(
        "Nhân Dân",
        "japan",
        "https://nhandan.vn/thu-tuong-tiep-post900001.html",
        "Báo Nhân Dân điện tử",
        "2026-03-06T18:00:00+07:00",
        header=False,
        description="Tin tức thời sự chính trị trong nước và quốc tế",
    )


def vietnamplus() -> OutletPage:
    return _cms_layout(
        "VietnamPlus",
        "korea",
        "https://www.vietnamplus.vn/chien-luoc-hop-tac-post100200.vnp",
        "Vietnam+ (VietnamPlus)",
        "2026-03-07T07:45:00+07:00",
        header=True,
        sapo_tag="h2",
    )


def tienphong() -> OutletPage:
    return _cms_layout(
        "Tiền Phong",
        "laos",
        "https://tienphong.vn/chu-tich-nuoc-hoi-dam-post1800001.tpo",
        "Báo Tiền Phong",
        "2026-03-07T13:15:00+07:00",
        header=True,
    )


def _simple_layout(
    outlet: str,
    article: str,
    url: str,
    site: str,
    published: str,
    *,
    h1: str,
    sapo: str,
    body_open: str,
    body_close: str = "</div>",
    header: bool = False,
) -> OutletPage:
    """Sites with their own names for the three parts: `h1` and `sapo` are the opening tags."""
    a = ARTICLES[article]
    head = _head(
        title_tag=f"{_escape(a['title'])} - {site}",
        og_title=_escape(a["title"]),
        description=_escape(a["lead"]),
        url=url,
        site=site,
        published=published,
    )
    sapo_close = "</" + sapo.split()[0].lstrip("<") + ">"
    top = f"{h1}{_escape(a['title'])}</{h1.split()[0].lstrip('<')}>\n{sapo}{_escape(a['lead'])}{sapo_close}"
    if header:
        top = f"<header class='the-article-header'>{top}</header>"
    body = f"""<div id="header"><div class="logo">{site}</div>{_menu()}</div>
<div class="main-detail">{top}
<div class="share-bar">{CHROME["share"]}</div>
{body_open}{_paragraphs(a)}{body_close}
{_related()}</div>{_footer()}"""
    return OutletPage(outlet, _page(head, body), a["title"], published[:10], a["lead"], a["paragraphs"][-1])


def vov() -> OutletPage:
    return _simple_layout(
        "VOV",
        "laos",
        "https://vov.vn/chinh-tri/chu-tich-nuoc-hoi-dam-post1200001.vov",
        "VOV.VN",
        "2026-03-07T09:40:00+07:00",
        h1='<h1 class="article-title mb-0">',
        sapo='<div class="row article-summary">',
        body_open='<div class="row article-content">',
    )


def vtv() -> OutletPage:
    return _simple_layout(
        "VTV",
        "korea",
        "https://vtv.vn/chinh-tri/chien-luoc-hop-tac-20260306.htm",
        "VTV.VN",
        "2026-03-06T20:00:00+07:00",
        h1='<h1 class="title_detail">',
        sapo='<h2 class="sapo">',
        body_open='<div id="entry-body" class="ta-justify">',
    )


def znews() -> OutletPage:
    return _simple_layout(
        "Znews",
        "japan",
        "https://znews.vn/thu-tuong-tiep-dai-su-post1500001.html",
        "ZNEWS.VN",
        "2026-03-06T15:00:00+07:00",
        h1='<h1 class="the-article-title">',
        sapo='<p class="the-article-summary">',
        body_open='<div class="the-article-body">',
        header=True,
    )


def laodong() -> OutletPage:
    # Lao Động spells its lead class "chappeau".
    return _simple_layout(
        "Lao Động",
        "japan",
        "https://laodong.vn/thoi-su/thu-tuong-tiep-dai-su-1500001.ldo",
        "Báo Lao Động",
        "2026-03-06T19:10:00+07:00",
        h1='<h1 class="title">',
        sapo='<div class="chappeau">',
        body_open='<div class="art-body">',
    )


def baodautu() -> OutletPage:
    # Title and description escaped twice in the metadata (the visible headline is right).
    a, url = ARTICLES["korea"], "https://baodautu.vn/chien-luoc-hop-tac-d250001.html"
    head = _head(
        title_tag=_double_escaped(a["title"]),
        og_title=_double_escaped(a["title"]),
        description=_double_escaped(a["lead"]),
        url=url,
        site="Báo Đầu tư",
        published="2026-03-07T06:30:00+07:00",
    )
    body = f"""<div class="header">{_menu()}</div>
<div class="col630"><div class="breadcrumbs"><a href="/dau-tu">Đầu tư</a></div>
<h1 class="title-detail">{_escape(a["title"])}</h1>
<div class="author-share-top"><a class="author">Hoàng Nam</a> <span class="post-time">07/03/2026 06:30</span>
<div class="share">{CHROME["share"]}</div></div>
<div class="sapo_detail">{_escape(a["lead"])}</div>
<div id="content_detail_news">{_paragraphs(a)}</div>{_related("box_related")}</div>{_footer()}"""
    return OutletPage(
        "Báo Đầu tư", _page(head, body), a["title"], "2026-03-07", a["lead"], a["paragraphs"][-1]
    )


def qdnd() -> OutletPage:
    return _simple_layout(
        "Quân đội nhân dân",
        "laos",
        "https://www.qdnd.vn/chinh-tri/chu-tich-nuoc-hoi-dam-800001",
        "Báo Quân đội nhân dân",
        "2026-03-07T14:25:00+07:00",
        h1='<h1 class="post-title">',
        sapo='<div class="post-summary">',
        body_open='<div class="post-content">',
    )


def vnexpress() -> OutletPage:
    a, url = ARTICLES["korea"], "https://vnexpress.net/chien-luoc-hop-tac-4900001.html"
    head = _head(
        title_tag=f"{_escape(a['title'])} - VnExpress",
        og_title=_escape(a["title"]),
        description=_escape(a["lead"]),
        url=url,
        site="VnExpress",
        published="2026-03-06T21:00:00+07:00",
    )
    body = f"""<header class="header">{_menu()}</header>
<section class="section page-detail"><div class="container"><div class="sidebar-1">
<span class="date">Thứ sáu, 6/3/2026, 21:00 (GMT+7)</span>
<h1 class="title-detail">{_escape(a["title"])}</h1>
<p class="description">{_escape(a["lead"])}</p>
<article class="fck_detail">{_paragraphs(a, cls="Normal")}</article>
<div class="footer-content">{CHROME["share"]}</div>{_related("box-tinlienquanv2")}
</div></div></section>{_footer()}"""
    return OutletPage(
        "VnExpress", _page(head, body), a["title"], "2026-03-06", a["lead"], a["paragraphs"][-1]
    )


OUTLET_PAGES = [
    dantri,
    tuoitre,
    thanhnien,
    vietnamnet,
    nhandan,
    vov,
    vtv,
    baochinhphu,
    vietnamplus,
    nld,
    cafef,
    baodautu,
    znews,
    laodong,
    tienphong,
    qdnd,
    vnexpress,
]
