"""Demo vocabulary for people, places, merchants and the product catalogue (Chinese and English)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


def words(text: str, sep: str | None = None) -> tuple[str, ...]:
    """A vocabulary list written as one string (easier to read and edit than a literal)."""
    return tuple(w.strip() for w in text.split(sep) if w.strip())


#: Chinese surnames, most common first.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
#: Chinese given names (one or two characters).
GIVEN_NAMES = words(
    "芳 娜 伟 洋 静 帆 敏 磊 婷 昊 丽 浩 晓燕 军 雪 佳 涛 琳 翔 思远 子涵 雨桐 浩然 梓萱 "
    "欣怡 宇轩 一诺 晨曦 俊杰 嘉怡 明轩 诗涵 文博 若曦 天佑 可馨 志强 海燕 建国 秀英"
)
#: English given names and family names for the team's English-writing members.
EN_GIVEN = words(
    "Emily James Sophie Daniel Olivia Michael Grace Ryan Chloe Lucas Hannah Ethan Mia Noah "
    "Laura Priya Tom Anna Kevin Rachel"
)
EN_FAMILY = words(
    "Carter Liu Wang Brooks Chen Zhang Kim O'Neil Nair Mitchell Evans Lam Huang Turner Ng "
    "Fischer Patel Walsh Tan Reid"
)

#: Provinces / municipalities with a few of their cities and districts.
PLACES = [
    ("上海市", "上海市", ["浦东新区", "徐汇区", "静安区", "闵行区", "杨浦区"]),
    ("北京市", "北京市", ["朝阳区", "海淀区", "丰台区", "西城区", "通州区"]),
    ("广东省", "广州市", ["天河区", "越秀区", "番禺区", "白云区"]),
    ("广东省", "深圳市", ["南山区", "福田区", "宝安区", "龙岗区"]),
    ("浙江省", "杭州市", ["西湖区", "滨江区", "余杭区", "拱墅区"]),
    ("江苏省", "南京市", ["鼓楼区", "建邺区", "江宁区"]),
    ("江苏省", "苏州市", ["姑苏区", "工业园区", "吴中区"]),
    ("四川省", "成都市", ["武侯区", "锦江区", "高新区", "金牛区"]),
    ("湖北省", "武汉市", ["洪山区", "江汉区", "武昌区"]),
    ("陕西省", "西安市", ["雁塔区", "碑林区", "未央区"]),
    ("山东省", "青岛市", ["市南区", "崂山区", "黄岛区"]),
    ("福建省", "厦门市", ["思明区", "湖里区", "集美区"]),
]
#: Street names used in delivery addresses.
STREETS = words(
    "人民路 中山路 解放路 建设路 长江路 和平路 新华路 文化路 科技路 学院路 滨江大道 "
    "世纪大道 春晖路 青年路 银杏路 东风路"
)
#: Building names in addresses.
ESTATES = words("阳光花园 锦绣华庭 翠湖苑 金色家园 绿地小区 万科城 保利香槟 星河湾 碧桂园 龙湖天街")
#: Pieces of buyer account aliases (inspectors buy as ordinary consumers).
ALIAS_WORDS = words(
    "小鹿 橘子 阿狸 momo 木木 lucky 喵喵 sunny 大白 yoyo 糖糖 kiki 豆豆 coco 阿杰 小熊 "
    "summer 七七 叮当 linlin"
)
ALIAS_TAILS = ["买买买", "爱购物", "的小店", "_shop", "酱", "同学", "_88", "2024", "在路上", ""]

#: Words merchants name their shops with, and the kind of shop.
SHOP_WORDS = words(
    "云裳 步履 初颜 谷丰 智家 贝贝安 玉见 禾木 悦享 优品 锦程 星辰 青柠 森屿 暖阳 朗逸 "
    "拾光 南风 晴川 九州 鸿运 汇通 臻选 源生"
)
SHOP_KINDS = ["旗舰店", "官方旗舰店", "专营店", "专卖店", "企业店", "个人店", "Official Store"]

#: Reasons merchants are put on watch, suspended or eliminated.
WATCH_REASONS = [
    "近三个月抽检不合格率超过30%，列入观察名单",
    "售后工单量环比上升45%，投诉集中在质量问题",
    "Two critical findings in one quarter; placed on watch pending rectification",
    "整改逾期未回复，列入重点观察",
]
SUSPEND_REASONS = [
    "观察期内复购验证仍不合格，暂停新品上架",
    "检出假冒注册商标商品，暂停店铺经营待核查",
    "Safety hazard found again after rectification; listings suspended",
]
ELIMINATE_REASONS = [
    "多次整改不合格且拒不配合，予以清退",
    "售卖假冒商品，依据平台规则予以清退",
    "Repeated counterfeit goods and no response to rectification notices; eliminated",
]
REINSTATE_REASONS = [
    "整改到位，复购验证合格，解除观察",
    "Rectification verified by re-purchase; back to normal monitoring",
]


@dataclass(frozen=True)
class ProductCategory:
    """A product category with its demo catalogue and how often its purchases fail."""

    key: str
    zh: str
    en: str
    #: Share of inspected purchases that fail (docs/domain.md: clothing higher, jewellery/food lower).
    fail_rate: float
    #: (Chinese noun, English noun, lowest list price, highest list price) in yuan.
    nouns: tuple[tuple[str, str, int, int], ...]
    brand_words: tuple[str, ...]


CATEGORIES: tuple[ProductCategory, ...] = (
    ProductCategory(
        "apparel",
        "服饰",
        "Apparel",
        0.26,
        (
            ("纯棉圆领T恤", "Cotton crew-neck T-shirt", 59, 199),
            ("羊毛针织衫", "Wool knit sweater", 199, 899),
            ("直筒牛仔裤", "Straight-leg jeans", 129, 499),
            ("轻薄羽绒服", "Lightweight down jacket", 299, 1299),
            ("真丝衬衫", "Silk shirt", 259, 999),
            ("运动卫衣", "Sports hoodie", 99, 399),
            ("碎花连衣裙", "Floral dress", 129, 599),
        ),
        ("云裳", "衣锦", "素作", "北纬", "Cloud Garment", "Linen Lab", "Mode Nine"),
    ),
    ProductCategory(
        "footwear",
        "鞋靴",
        "Footwear",
        0.21,
        (
            ("缓震跑步鞋", "Cushioned running shoes", 199, 899),
            ("真皮切尔西靴", "Leather Chelsea boots", 399, 1299),
            ("帆布板鞋", "Canvas sneakers", 89, 299),
            ("儿童凉鞋", "Kids' sandals", 69, 259),
        ),
        ("步履", "行者", "Urban Stride", "Trail Fox"),
    ),
    ProductCategory(
        "beauty",
        "美妆",
        "Beauty",
        0.18,
        (
            ("保湿面霜", "Moisturising cream", 89, 699),
            ("丝绒口红", "Velvet lipstick", 59, 329),
            ("防晒霜SPF50+", "Sunscreen SPF50+", 69, 299),
            ("氨基酸洁面乳", "Amino-acid facial cleanser", 39, 159),
            ("玻尿酸精华液", "Hyaluronic serum", 129, 599),
        ),
        ("初颜", "花漾", "Pure Face", "Dewy Lab"),
    ),
    ProductCategory(
        "food",
        "食品",
        "Food",
        0.08,
        (
            ("每日坚果礼盒", "Daily mixed-nuts gift box", 59, 199),
            ("即食燕窝", "Ready-to-eat bird's nest", 199, 899),
            ("风干牛肉干", "Air-dried beef jerky", 39, 129),
            ("东北有机大米5kg", "Organic northeast rice 5 kg", 49, 139),
            ("土蜂蜜500g", "Wild honey 500 g", 39, 159),
        ),
        ("谷丰", "山野", "Golden Harvest", "Farm Story"),
    ),
    ProductCategory(
        "appliances",
        "家电",
        "Home appliances",
        0.16,
        (
            ("电热水壶", "Electric kettle", 79, 299),
            ("负离子吹风机", "Ionic hair dryer", 129, 899),
            ("空气炸锅", "Air fryer", 199, 699),
            ("声波电动牙刷", "Sonic electric toothbrush", 99, 499),
            ("20000mAh移动电源", "20,000 mAh power bank", 79, 259),
        ),
        ("智家", "小焙", "Smart Home", "Volt Nest"),
    ),
    ProductCategory(
        "baby",
        "母婴",
        "Mother & baby",
        0.14,
        (
            ("宽口径玻璃奶瓶", "Wide-neck glass baby bottle", 49, 169),
            ("婴儿纸尿裤L码", "Baby nappies size L", 89, 199),
            ("儿童安全座椅", "Child car seat", 699, 2599),
            ("婴儿纯棉连体衣", "Baby cotton romper", 59, 199),
            ("大颗粒积木", "Large building blocks", 79, 299),
        ),
        ("贝贝安", "小星星", "Baby Safe", "Tiny Steps"),
    ),
    ProductCategory(
        "jewellery",
        "珠宝",
        "Jewellery",
        0.06,
        (
            ("925银锁骨链", "925 silver collarbone necklace", 199, 699),
            ("18K金耳钉", "18K gold stud earrings", 599, 2999),
            ("淡水珍珠手链", "Freshwater pearl bracelet", 299, 1299),
            ("和田玉吊坠", "Hetian jade pendant", 899, 4999),
        ),
        ("玉见", "金缘", "Jade Meet", "Lune Atelier"),
    ),
    ProductCategory(
        "home",
        "家居",
        "Home textiles",
        0.17,
        (
            ("全棉四件套", "Cotton bedding set (4 pieces)", 199, 799),
            ("天然乳胶枕", "Natural latex pillow", 99, 399),
            ("加厚浴巾", "Thick bath towel", 39, 129),
        ),
        ("禾木", "棉语", "Cotton Tale", "Home Nest"),
    ),
)

#: Category by key.
CATEGORY_BY_KEY = {c.key: c for c in CATEGORIES}
#: How many merchants sell each category, relative (clothing dominates the platform).
CATEGORY_WEIGHTS = {
    "apparel": 30,
    "footwear": 12,
    "beauty": 14,
    "food": 12,
    "appliances": 10,
    "baby": 9,
    "jewellery": 5,
    "home": 8,
}
#: Variants that make one noun several styles.
VARIANTS_ZH = [
    "2025春季款",
    "2025夏季款",
    "秋冬加厚款",
    "经典款",
    "升级款",
    "礼盒装",
    "简约款",
    "限定款",
]
VARIANTS_EN = [
    "Spring 2025",
    "Summer 2025",
    "Winter edition",
    "Classic",
    "Upgraded",
    "Gift set",
    "Essential",
    "Limited",
]
