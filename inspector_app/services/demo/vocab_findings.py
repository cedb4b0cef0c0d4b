"""Demo vocabulary for findings, merchant responses and case notes (Chinese and English)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from inspector_app.domain.enums import FindingCategory as C
from inspector_app.domain.enums import Severity as S

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FindingTemplate:
    """One kind of defect; {x} in the texts is filled with a measured value."""

    category: C
    severity: S
    #: Product category keys it applies to; empty = any.
    applies_to: frozenset[str]
    title_zh: str
    title_en: str
    observed_zh: str
    observed_en: str
    expected_zh: str
    expected_en: str
    rule_ref: str
    #: (low, high) of the measured value put into {x}.
    x_range: tuple[float, float] = (1, 5)


def _template(line: str) -> FindingTemplate:
    cat, sev, applies, tz, te, oz, oe, ez, ee, rule, xr = (f.strip() for f in line.split("|"))
    low, high = (float(x) for x in xr.split("-"))
    return FindingTemplate(
        C(cat),
        S(sev),
        frozenset(applies.split()) - {"*"},
        tz,
        te,
        oz,
        oe,
        ez,
        ee,
        rule,
        (low, high),
    )


#: category | severity | product categories (* = any) | title zh | title en | observed zh |
#: observed en | expected zh | expected en | standard or rule | range of {x}
_TEMPLATE_LINES = (
    "product_quality | major | apparel home | 耐水洗色牢度不合格 | Colour fastness to washing below standard | 水洗后变色等级 {x} 级，白布明显沾色 | Colour change grade {x} after washing; white cloth visibly stained | 耐水洗色牢度 ≥3 级 | Colour fastness to washing grade 3 or better | GB 18401-2010 6.3 | 1-2",
    "product_quality | major | apparel baby home | pH值超出限量 | pH value outside the permitted range | 送检实测 pH 值 {x} | Lab-measured pH {x} | 直接接触皮肤类 pH 4.0~8.5 | pH 4.0-8.5 for skin-contact textiles | GB 18401-2010 6.2 | 8.8-9.9",
    "product_quality | minor | apparel | 缝线开裂、跳针 | Seam slippage and skipped stitches | 袖窿处缝线开裂约 {x} cm | Seam at the armhole open for about {x} cm | 缝制牢固，无开线跳针 | Seams secure, no open or skipped stitches | GB/T 2660-2017 4.4 | 2-8",
    "product_quality | major | footwear | 鞋底开胶 | Sole separating from the upper | 穿着测试 {x} 天后前掌开胶 | Forefoot sole came unglued after {x} days of wear | 帮底剥离强度 ≥70 N/cm | Sole bond strength at least 70 N/cm | GB/T 15107-2013 4.2.3 | 2-10",
    "product_quality | minor | jewellery | 镀层脱落、氧化发黑 | Plating wearing off and tarnishing | 佩戴 {x} 周后表面发黑 | Surface turned black after {x} weeks of wear | 镀层均匀牢固 | Even, durable plating | QB/T 1689-2006 5.4 | 1-4",
    "product_quality | major | appliances | 通电后异响且温升过高 | Abnormal noise and overheating in use | 连续工作 10 分钟外壳温度 {x}℃ | Housing reached {x} °C after 10 minutes | 外壳温升不超过限值 | Housing temperature rise within the limit | GB 4706.1-2005 11.8 | 68-95",
    "safety_hazard | critical | apparel baby home | 甲醛含量超标 | Formaldehyde above the limit | 检测甲醛含量 {x} mg/kg | Formaldehyde measured at {x} mg/kg | 婴幼儿 ≤20 mg/kg，直接接触皮肤 ≤75 mg/kg | ≤20 mg/kg for infants, ≤75 mg/kg for skin contact | GB 18401-2010 6.1 | 90-260",
    "safety_hazard | critical | baby | 小零件易脱落，存在窒息风险 | Small parts detach: choking hazard | 拉力测试 {x} N 时零件脱落，可完全放入小零件试验器 | A part came off at {x} N and fits the small-parts cylinder | 适用于36个月以下儿童的玩具不得有小零件 | No small parts on toys for children under 36 months | GB 6675.2-2014 5.1 | 20-60",
    "safety_hazard | critical | appliances | 插头插销尺寸不符，存在触电风险 | Plug pins out of tolerance: shock risk | 插销宽度实测 {x} mm | Pin width measured at {x} mm | 插销尺寸符合标准图样 | Pin dimensions per the standard drawing | GB 2099.1-2008 9.1 | 5.2-6.9",
    "safety_hazard | critical | baby | 安全座椅卡扣受力后松脱 | Car-seat buckle releases under load | 动态测试中卡扣在 {x} kN 时松脱 | Buckle released at {x} kN in the dynamic test | 卡扣在规定载荷下不得开启 | Buckle must stay closed under the specified load | GB 27887-2011 4.2 | 1-3",
    "safety_hazard | critical | beauty | 菌落总数超标 | Total bacterial count above the limit | 菌落总数 {x} CFU/g | Total bacterial count {x} CFU/g | 菌落总数 ≤1000 CFU/g | ≤1000 CFU/g | 化妆品安全技术规范(2015) 第一章 3.3 | 1500-9000",
    "counterfeit_ip | critical | * | 疑似假冒注册商标 | Suspected counterfeit trademark | 商标印刷与品牌方样品不一致，防伪码查询无记录 | Logo print differs from the brand's sample; the anti-fake code is unknown | 正品，防伪码可查询 | Genuine goods with a verifiable anti-fake code | 《商标法》第五十七条 | 1-5",
    "counterfeit_ip | major | jewellery | 鉴定证书编号查询不到 | Certificate number not found at the lab | 证书编号在检测机构官网查询无结果 | The certificate number returns nothing on the lab's website | 证书真实可查 | A genuine, verifiable certificate | GB/T 16552-2017 8.1 | 1-5",
    "false_advertising | major | apparel home | 纤维含量与标签不符 | Fibre content differs from the label | 标注100%棉，实测棉含量 {x}% | Labelled 100% cotton; measured {x}% cotton | 纤维含量与标识一致（允差 ±5%） | Fibre content as labelled (±5%) | GB/T 29862-2013 4.2 | 52-88",
    "false_advertising | major | beauty | 宣称功效无备案依据 | Claimed effect has no registered basis | 详情页宣称“{x}天淡斑”，备案信息无该功效 | Listing claims spots fade in {x} days; no such claim is registered | 功效宣称与备案一致 | Claims match the registration | 《化妆品监督管理条例》第二十二条 | 3-14",
    "false_advertising | minor | food | 配料表缺少致敏物质提示 | Ingredient list lacks the allergen statement | 含坚果成分但标签未提示致敏物质 | Contains nuts but the label has no allergen statement | 标签完整标示配料及致敏物质 | Complete ingredient and allergen labelling | GB 7718-2011 4.1.3 | 1-5",
    "false_advertising | major | jewellery | 银含量不足925 | Silver content below 925 | 实测银含量 {x}‰ | Measured silver content {x}‰ | 925银含量 ≥925‰ | ≥925‰ for 925 silver | GB 11887-2012 4.1 | 800-910",
    "false_advertising | minor | appliances | 实际功率低于标称值 | Actual power below the rated value | 标称 2000 W，实测 {x} W | Rated 2000 W, measured {x} W | 功率偏差在 +5%/-10% 以内 | Power within +5%/-10% of rating | GB 4706.1-2005 10.1 | 1500-1780",
    "wrong_item | minor | * | 收到的颜色与下单不符 | Received a different colour from the one ordered | 下单米白色，收到浅灰色 | Ordered off-white, received light grey | 与订单颜色规格一致 | Colour and variant as ordered | 平台规则《商品发布规范》第3.2条 | 1-5",
    "wrong_item | major | * | 发错商品型号 | Wrong model shipped | 订单型号与实物型号不一致，实物为低配款 | The item shipped is a lower-spec model than ordered | 发货型号与订单一致 | Model shipped as ordered | 平台规则《交易纠纷处理规范》第12条 | 1-5",
    "missing_item | minor | appliances baby beauty | 缺少配件或赠品 | Accessory or promised gift missing | 缺少 {x} 件宣传页承诺的配件 | Accessories promised on the listing missing: {x} | 配件、赠品与页面描述一致 | Accessories and gifts as described | 平台规则《商品描述规范》第4.1条 | 1-3",
    "missing_item | minor | * | 未附中文说明书/合格证 | No Chinese manual or certificate of conformity | 包装内无合格证和中文说明书 | No certificate of conformity or Chinese manual in the box | 附产品合格证及中文说明 | Certificate and Chinese instructions enclosed | 《产品质量法》第二十七条 | 1-5",
    "size_mismatch | minor | apparel footwear | 实际尺码与尺码表不符 | Size differs from the size chart | M码胸围实测比尺码表小 {x} cm | Size M chest measured {x} cm smaller than the chart | 偏差在 ±2 cm 以内 | Within ±2 cm of the chart | GB/T 1335.1-2008 5.3 | 3-7",
    "size_mismatch | major | baby food | 净含量不足 | Net content short | 标注净含量 500 g，实测 {x} g | Labelled 500 g, weighed {x} g | 负偏差不超过允许短缺量 | Shortfall within the permitted tolerance | JJF 1070-2005 5.2 | 455-482",
    "packaging_damage | minor | * | 外包装破损 | Outer packaging damaged | 外箱压损，{x} 处破口 | Outer box crushed with {x} tears | 包装完好，无破损 | Packaging intact | 平台规则《物流服务规范》第5条 | 1-4",
    "packaging_damage | major | appliances beauty food | 运输导致商品损坏 | Goods damaged in transit | 内包装无缓冲，商品外壳碎裂 | No inner cushioning; the item's casing cracked | 缓冲包装可承受正常运输 | Cushioned packaging for normal transport | GB/T 16606-2018 4.3 | 1-5",
    "expired_spoiled | critical | food | 商品已过保质期 | Past its best-before date on arrival | 到货时已超过保质期 {x} 天 | Arrived {x} days past the best-before date | 在保质期内销售 | Sold within shelf life | GB 7718-2011 4.1.7 | 3-45",
    "expired_spoiled | major | beauty food | 包装胀袋、内容物变质 | Swollen pack; contents spoiled | 收货时包装胀袋，开封有异味 | Pack swollen on arrival and smells off when opened | 包装密封，内容物正常 | Sealed pack, contents normal | GB 2762-2022 3.1 | 1-5",
    "other | minor | * | 未按约定开具发票 | Invoice not issued as promised | 申请电子发票 {x} 天后仍未开具 | No e-invoice {x} days after the request | 按约定开具发票 | Invoice issued as agreed | 平台规则《发票开具规范》第2条 | 7-20",
    "other | minor | * | 发货时效超过承诺 | Shipped later than promised | 承诺48小时发货，实际 {x} 小时 | Promised dispatch in 48 h, took {x} h | 按承诺时效发货 | Dispatch within the promised time | 平台规则《发货管理规范》第3条 | 60-160",
)
TEMPLATES: tuple[FindingTemplate, ...] = tuple(_template(line) for line in _TEMPLATE_LINES)

#: Finding category weights per product category (which problems each category tends to have).
CATEGORY_MIX: dict[str, dict[C, int]] = {
    "apparel": {
        C.PRODUCT_QUALITY: 30,
        C.FALSE_ADVERTISING: 18,
        C.SIZE_MISMATCH: 20,
        C.SAFETY_HAZARD: 6,
        C.WRONG_ITEM: 8,
        C.MISSING_ITEM: 4,
        C.PACKAGING_DAMAGE: 5,
        C.COUNTERFEIT_IP: 3,
        C.OTHER: 4,
    },
    "footwear": {
        C.PRODUCT_QUALITY: 35,
        C.SIZE_MISMATCH: 20,
        C.WRONG_ITEM: 12,
        C.COUNTERFEIT_IP: 6,
        C.PACKAGING_DAMAGE: 8,
        C.MISSING_ITEM: 5,
        C.OTHER: 8,
    },
    "beauty": {
        C.FALSE_ADVERTISING: 25,
        C.COUNTERFEIT_IP: 10,
        C.SAFETY_HAZARD: 10,
        C.EXPIRED_SPOILED: 12,
        C.PACKAGING_DAMAGE: 12,
        C.MISSING_ITEM: 10,
        C.WRONG_ITEM: 6,
        C.OTHER: 5,
    },
    "food": {
        C.EXPIRED_SPOILED: 30,
        C.FALSE_ADVERTISING: 22,
        C.SIZE_MISMATCH: 15,
        C.PACKAGING_DAMAGE: 18,
        C.WRONG_ITEM: 6,
        C.MISSING_ITEM: 4,
        C.OTHER: 5,
    },
    "appliances": {
        C.SAFETY_HAZARD: 18,
        C.PRODUCT_QUALITY: 25,
        C.FALSE_ADVERTISING: 15,
        C.MISSING_ITEM: 15,
        C.PACKAGING_DAMAGE: 15,
        C.WRONG_ITEM: 6,
        C.COUNTERFEIT_IP: 3,
        C.OTHER: 3,
    },
    "baby": {
        C.SAFETY_HAZARD: 25,
        C.PRODUCT_QUALITY: 20,
        C.SIZE_MISMATCH: 12,
        C.MISSING_ITEM: 12,
        C.FALSE_ADVERTISING: 10,
        C.PACKAGING_DAMAGE: 10,
        C.WRONG_ITEM: 6,
        C.OTHER: 5,
    },
    "jewellery": {
        C.FALSE_ADVERTISING: 30,
        C.COUNTERFEIT_IP: 15,
        C.PRODUCT_QUALITY: 20,
        C.WRONG_ITEM: 10,
        C.PACKAGING_DAMAGE: 7,
        C.MISSING_ITEM: 5,
        C.OTHER: 3,
    },
    "home": {
        C.PRODUCT_QUALITY: 28,
        C.FALSE_ADVERTISING: 22,
        C.SAFETY_HAZARD: 10,
        C.SIZE_MISMATCH: 10,
        C.PACKAGING_DAMAGE: 12,
        C.WRONG_ITEM: 10,
        C.MISSING_ITEM: 4,
        C.OTHER: 4,
    },
}

#: Opening sentence of a finding's description.
DESCRIPTION_ZH = [
    "收货当日开箱检验，{title}。",  # never "神秘买家": a merchant must not learn it
    "按抽检流程拆封拍照，发现{title}，已留样封存。",
    "对照商品详情页逐项核验，{title}，与宣传不符。",
    "收货后送第三方实验室检测，结果显示{title}。",
]
DESCRIPTION_EN = [
    "Opened on the day of delivery: {title}.",
    "Unpacked and photographed per the inspection checklist; found: {title}. Sample retained.",
    "Checked item by item against the listing: {title}, contrary to what is advertised.",
    "Sent to an independent lab after receipt; the report shows: {title}.",
]

#: Merchant responses: (root cause, corrective action, preventive action).
RESPONSES = [
    (
        "供应商更换面料批次未送检",
        "下架问题批次并召回已售商品，更换合格供应商",
        "新增每批次入库送检，质检报告上传平台备查",
    ),
    (
        "仓库发货扫码漏检，导致错发",
        "为受影响订单补发正确商品并补偿优惠券",
        "拣货环节增加二次复核和称重校验",
    ),
    (
        "详情页文案由代运营编写，未经合规审核",
        "修改详情页并删除不实宣传用语",
        "建立上架文案合规审核流程，每月培训",
    ),
    ("临期库存未及时清理", "清点库存，下架临期及过期商品", "启用效期预警，保质期剩余1/3时停止销售"),
    ("包装缓冲材料不足", "更换加厚纸箱与气柱袋", "与物流商签订破损赔付协议并抽查包装"),
    (
        "Supplier changed the dye lot without notice",
        "Withdrew the batch and refunded buyers",
        "Every new lot is lab-tested before listing",
    ),
    (
        "Size chart copied from another style",
        "Re-measured all sizes and corrected the chart",
        "Size charts are checked against samples before publishing",
    ),
]
#: Notes when cases are escalated, cancelled or waived, or a step fails.
ESCALATE_NOTES = [
    "商家逾期未回复，升级至类目负责人",
    "复购验证再次不合格，升级处理",
    "Merchant ignored two reminders; escalated to the category lead",
]
CANCEL_NOTES = [
    "与 RC 重复立案，合并处理",
    "复核后确认为物流个例，撤销立案",
    "Finding withdrawn after the brand confirmed the goods are genuine",
]
WAIVE_NOTES = [
    "商家已清退，整改不再适用",
    "轻微问题且商家已主动整改，免于整改",
    "Merchant left the platform; rectification no longer applicable",
]
REJECT_NOTES = [
    "整改措施未覆盖根本原因，请补充",
    "Corrective action too vague; resubmit with evidence",
]
VERIFY_FAIL_NOTES = ["复购样品仍检出同样问题", "Re-purchase still shows the defect"]
VERIFY_PASS_NOTES = [
    "复购验证合格，问题已整改",
    "Re-purchase passed; defect no longer present",
    "整改凭证核实无误，现场复核通过",
]
