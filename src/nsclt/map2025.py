"""Vietnam's provincial-level units before and after the 2025 rearrangement: 63 became 34.

The National Assembly's Resolution 202/2025/QH15 "về việc sắp xếp đơn vị hành chính cấp tỉnh"
was adopted on 12 June 2025 and took effect that day; the local governments of the units it
formed began to operate on 1 July 2025, the date nsclt gives for a merger. Each current unit
cites a page, published after the vote or quoting the resolution, that says what it was formed
from, with that page's words. What each page is and how it was found: docs/sources.md.

A plan file names its province as it was when the plan was made; this map relates it to today's.
"""

from __future__ import annotations

from datetime import date
from typing import Final, NamedTuple

RESOLUTION: Final = "202/2025/QH15"
ADOPTED: Final = date(2025, 6, 12)
MERGED_ON: Final = date(2025, 7, 1)
"""When the local governments of the merged units began to operate."""
RESOLUTION_SOURCE: Final = (
    "https://sotuphap.kontum.gov.vn/tin-tuc-hoat-dongthong-tin-tong-hop/Quoc-hoi-thong-qua-Nghi-quyet-ve-sap-xep-don-vi-hanh-chinh-cap-tinh-10349",
    "Ngày 12 tháng 6 năm 2025, tại kỳ họp thứ 9, Quốc hội khóa XV thông qua Nghị quyết số 202/2025/QH15 về việc sắp xếp đơn vị hành chính cấp tỉnh.",
)
EFFECTIVE_SOURCE: Final = (
    "https://sotuphap.kontum.gov.vn/tin-tuc-hoat-dongthong-tin-tong-hop/Quoc-hoi-thong-qua-Nghi-quyet-ve-sap-xep-don-vi-hanh-chinh-cap-tinh-10349",
    "Nghị quyết này có hiệu lực thi hành từ ngày được thông qua. Các cơ quan theo thẩm quyền khẩn trương thực hiện các công tác chuẩn bị cần thiết, bảo đảm để chính quyền địa phương ở các tỉnh, thành phố hình thành sau sắp xếp quy định tại Điều 1 của Nghị quyết này chính thức hoạt động từ ngày 01 tháng 7 năm 2025.",
)
COUNTS_SOURCE: Final = (
    "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
    "Kể từ ngày Nghị quyết này có hiệu lực thi hành, cả nước có 34 đơn vị hành chính cấp tỉnh, gồm 28 tỉnh và 6 thành phố; trong đó có 19 tỉnh và 4 thành phố hình thành sau sắp xếp quy định tại Điều 1 của Nghị quyết này và 11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
)


class Unit(NamedTuple):
    name: str
    """The current unit's name."""
    kind: str
    """tỉnh (province) or thành phố (centrally governed city)."""
    formed_from: tuple[str, ...]
    """The former units it was formed from; itself alone where it was not rearranged."""
    url: str
    quote: str


UNITS: Final = (
    Unit(
        "Hà Nội",
        "thành phố",
        ("Hà Nội",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Huế",
        "thành phố",
        ("Huế",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Cao Bằng",
        "tỉnh",
        ("Cao Bằng",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Điện Biên",
        "tỉnh",
        ("Điện Biên",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Hà Tĩnh",
        "tỉnh",
        ("Hà Tĩnh",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Lai Châu",
        "tỉnh",
        ("Lai Châu",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Lạng Sơn",
        "tỉnh",
        ("Lạng Sơn",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Nghệ An",
        "tỉnh",
        ("Nghệ An",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Quảng Ninh",
        "tỉnh",
        ("Quảng Ninh",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Thanh Hóa",
        "tỉnh",
        ("Thanh Hóa",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Sơn La",
        "tỉnh",
        ("Sơn La",),
        "https://phapluatchinhsach.vn/chinh-thuc-ca-nuoc-co-34-tinh-thanh-sau-sap-nhap.htm",
        "11 tỉnh, thành phố không thực hiện sắp xếp là các tỉnh: Cao Bằng, Điện Biên, Hà Tĩnh, Lai Châu, Lạng Sơn, Nghệ An, Quảng Ninh, Thanh Hoá, Sơn La và thành phố Hà Nội, thành phố Huế.",
    ),
    Unit(
        "Tuyên Quang",
        "tỉnh",
        (
            "Hà Giang",
            "Tuyên Quang",
        ),
        "https://nld.com.vn/chi-tiet-dien-tich-dan-so-23-tinh-thanh-sau-sap-xep-don-vi-hanh-chinh-cap-tinh-196250612092419332.htm",
        "Theo Nghị quyết đã được Quốc hội thông qua, sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của tỉnh Hà Giang và tỉnh Tuyên Quang thành tỉnh mới có tên gọi là tỉnh Tuyên Quang.",
    ),
    Unit(
        "Lào Cai",
        "tỉnh",
        (
            "Yên Bái",
            "Lào Cai",
        ),
        "https://nld.com.vn/chi-tiet-dien-tich-dan-so-23-tinh-thanh-sau-sap-xep-don-vi-hanh-chinh-cap-tinh-196250612092419332.htm",
        "Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của tỉnh Yên Bái và tỉnh Lào Cai thành tỉnh mới có tên gọi là tỉnh Lào Cai.",
    ),
    Unit(
        "Thái Nguyên",
        "tỉnh",
        (
            "Bắc Kạn",
            "Thái Nguyên",
        ),
        "https://nld.com.vn/chi-tiet-dien-tich-dan-so-23-tinh-thanh-sau-sap-xep-don-vi-hanh-chinh-cap-tinh-196250612092419332.htm",
        "Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của tỉnh Bắc Kạn và tỉnh Thái Nguyên thành tỉnh mới có tên gọi là tỉnh Thái Nguyên.",
    ),
    Unit(
        "Phú Thọ",
        "tỉnh",
        (
            "Vĩnh Phúc",
            "Hòa Bình",
            "Phú Thọ",
        ),
        "https://vnexpress.net/quoc-hoi-chot-ca-nuoc-con-34-tinh-thanh-pho-4897740.html",
        "Ba tỉnh Vĩnh Phúc, Hòa Bình và Phú Thọ được sáp nhập thành tỉnh mới mang tên Phú Thọ, với tổng diện tích 9.361 km², dân số khoảng 4,02 triệu.",
    ),
    Unit(
        "Bắc Ninh",
        "tỉnh",
        (
            "Bắc Giang",
            "Bắc Ninh",
        ),
        "https://vnexpress.net/quoc-hoi-chot-ca-nuoc-con-34-tinh-thanh-pho-4897740.html",
        "Tỉnh Bắc Giang và tỉnh Bắc Ninh sắp xếp thành tỉnh mới có tên gọi là Bắc Ninh với diện tích tự nhiên là 4.718 km2",
    ),
    Unit(
        "Hưng Yên",
        "tỉnh",
        (
            "Thái Bình",
            "Hưng Yên",
        ),
        "https://vietnamnet.vn/ong-nguyen-huu-nghia-duoc-chi-dinh-lam-bi-thu-tinh-uy-hung-yen-2448786.html",
        "Đặc biệt, việc hợp nhất Hưng Yên và Thái Bình đã mở rộng dư địa, không gian, nguồn lực và tạo động lực phát triển mới với quy mô, tiềm năng lớn hơn",
    ),
    Unit(
        "Hải Phòng",
        "thành phố",
        (
            "Hải Dương",
            "Hải Phòng",
        ),
        "https://amp.vtcnews.vn/toan-canh-dai-hoi-dang-bo-hai-phong-lan-thu-i-buoc-ngoat-lich-su-ky-vong-tam-voc-khu-vuc-ar967504.html",
        "Đây là một kỳ đại hội đặc biệt, sau khi TP Hải Phòng và tỉnh Hải Dương hợp nhất, hình thành đơn vị hành chính mới: TP Hải Phòng.",
    ),
    Unit(
        "Ninh Bình",
        "tỉnh",
        (
            "Hà Nam",
            "Nam Định",
            "Ninh Bình",
        ),
        "https://en.baoninhbinh.org.vn/s/Resolution",
        "The three provinces of Ha Nam, Ninh Binh, and Nam Dinh are merged into new Ninh Binh province according to Resolution No. 60-NQ/TW of the Party Central Committee.",
    ),
    Unit(
        "Quảng Trị",
        "tỉnh",
        (
            "Quảng Bình",
            "Quảng Trị",
        ),
        "https://doanhnghiephoinhap.vn/quang-tri-quang-binh-hop-nhat-mot-tinh-mot-khat-vong-108906.html",
        "Từ 1/7/2025, Quảng Trị và Quảng Bình hợp nhất thành tỉnh Quảng Trị.",
    ),
    Unit(
        "Đà Nẵng",
        "thành phố",
        (
            "Quảng Nam",
            "Đà Nẵng",
        ),
        "https://dantri.com.vn/thoi-su/da-nang-xac-dinh-3-don-bay-chien-luoc-de-tien-vao-ky-nguyen-vuon-minh-20250918130347991.htm",
        "sau gần ba thập niên chia tách, thành phố Đà Nẵng và tỉnh Quảng Nam cũ lại hội tụ về chung một nhà theo chủ trương sắp xếp đơn vị hành chính.",
    ),
    Unit(
        "Quảng Ngãi",
        "tỉnh",
        (
            "Kon Tum",
            "Quảng Ngãi",
        ),
        "https://sotuphap.kontum.gov.vn/tin-tuc-hoat-dongthong-tin-tong-hop/Quoc-hoi-thong-qua-Nghi-quyet-ve-sap-xep-don-vi-hanh-chinh-cap-tinh-10349",
        "Trong đó, sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của tỉnh Kon Tum và tỉnh Quảng Ngãi thành tỉnh mới có tên gọi là tỉnh Quảng Ngãi.",
    ),
    Unit(
        "Gia Lai",
        "tỉnh",
        (
            "Bình Định",
            "Gia Lai",
        ),
        "https://tienphong.vn/lac-loi-o-thien-duong-an-uong-gia-lai-post1774257.tpo",
        "chào mừng tỉnh Gia Lai hợp nhất từ tỉnh Bình Định (cũ) và tỉnh Gia Lai (cũ) từ ngày 1/7.",
    ),
    Unit(
        "Khánh Hòa",
        "tỉnh",
        (
            "Ninh Thuận",
            "Khánh Hòa",
        ),
        "https://viettimes.vn/ong-nghiem-xuan-thanh-giu-chuc-bi-thu-tinh-uy-khanh-hoa-nhiem-ky-2025-2030-post189316.html",
        "Theo Nghị quyết của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh và Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Khánh Hòa năm 2025, từ ngày 1/7/2025, tỉnh Ninh Thuận và tỉnh Khánh Hòa sáp nhập thành tỉnh Khánh Hòa mới, với diện tích 8.555,86 km2, dân số hơn 2,24 triệu người.",
    ),
    Unit(
        "Lâm Đồng",
        "tỉnh",
        (
            "Đắk Nông",
            "Bình Thuận",
            "Lâm Đồng",
        ),
        "https://ngoisao.vn/theo-dong-su-kien/tin-nong-trong-ngay/sau-sap-nhap-dia-phuong-nay-tro-thanh-tinh-rong-nhat-viet-nam-quy-mo-kinh-te-lot-top-10-ca-nuoc-459688.htm",
        "Theo đó, ba tỉnh Lâm Đồng, Đắk Nông và Bình Thuận sẽ hợp nhất, hình thành một tỉnh mới với tên gọi Lâm Đồng.",
    ),
    Unit(
        "Đắk Lắk",
        "tỉnh",
        (
            "Phú Yên",
            "Đắk Lắk",
        ),
        "https://baodaklak.vn/chinh-tri/",
        "Cùng với cả nước, ngày 1/7/2025 là dấu mốc lịch sử với Đắk Lắk khi chính quyền địa phương hai cấp chính thức vận hành trong mô hình tỉnh mới được hợp nhất từ hai tỉnh Đắk Lắk và Phú Yên.",
    ),
    Unit(
        "Hồ Chí Minh",
        "thành phố",
        (
            "Bà Rịa - Vũng Tàu",
            "Bình Dương",
            "Hồ Chí Minh",
        ),
        "https://nld.com.vn/du-kien-tru-so-168-phuong-xa-cua-tp-hcm-moi-196250612150329247.htm",
        "Trong đó, nhập tỉnh Bà Rịa - Vũng Tàu, tỉnh Bình Dương và TP HCM thành thành phố mới có tên gọi là TP HCM, trung tâm chính trị - hành chính đặt tại TP HCM hiện nay.",
    ),
    Unit(
        "Đồng Nai",
        "tỉnh",
        (
            "Bình Phước",
            "Đồng Nai",
        ),
        "https://tuoitrethudo.vn/dong-nai-binh-phuoc-hop-nhat-mo-ra-ky-nguyen-moi-281816.html",
        "Tại buổi lễ, đồng chí Bùi Văn Nghiêm, Ủy viên Trung ương Đảng, Phó Trưởng ban Nội chính Trung ương công bố Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc thành lập tỉnh Đồng Nai mới trên cơ sở sáp nhập hai tỉnh Đồng Nai và Bình Phước.",
    ),
    Unit(
        "Tây Ninh",
        "tỉnh",
        (
            "Long An",
            "Tây Ninh",
        ),
        "https://vietnamnet.vn/ten-goi-quy-mo-cua-96-xa-phuong-moi-cua-tay-ninh-sau-sap-xep-2415479.html",
        "Từ ngày 1/7, tỉnh Long An sáp nhập với Tây Ninh thành đơn vị hành chính cấp tỉnh mới với tên gọi Tây Ninh, trung tâm chính trị - hành chính tại TP Tân An (hiện là Trung tâm chính trị - hành chính của tỉnh Long An).",
    ),
    Unit(
        "Cần Thơ",
        "thành phố",
        (
            "Sóc Trăng",
            "Hậu Giang",
            "Cần Thơ",
        ),
        "https://baotintuc.vn/tags/tàu+than.htm",
        "Theo đó, trên cơ sở sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của thành phố Cần Thơ, tỉnh Sóc Trăng và tỉnh Hậu Giang thành thành phố mới có tên gọi là thành phố Cần Thơ.",
    ),
    Unit(
        "Vĩnh Long",
        "tỉnh",
        (
            "Bến Tre",
            "Trà Vinh",
            "Vĩnh Long",
        ),
        "https://nhandan.vn/dia-phuong/phu-quoi/3387.html",
        "Sau khi hợp nhất ba tỉnh Bến Tre, Trà Vinh và Vĩnh Long từ ngày 1/7/2025, tỉnh Vĩnh Long (mới) đứng trước bài toán kép",
    ),
    Unit(
        "Đồng Tháp",
        "tỉnh",
        (
            "Tiền Giang",
            "Đồng Tháp",
        ),
        "https://tgu.edu.vn/topics/?p=9",
        "Đây là sự kiện chính trị đặc biệt, có ý nghĩa lịch sử sau khi hai tỉnh Tiền Giang và Đồng Tháp hợp nhất, mở ra chặng đường phát triển mới với tầm vóc, khát vọng và sứ mệnh cao cả.",
    ),
    Unit(
        "Cà Mau",
        "tỉnh",
        (
            "Bạc Liêu",
            "Cà Mau",
        ),
        "https://dantri.com.vn/thoi-su/450-dai-bieu-du-dai-hoi-dang-bo-tinh-ca-mau-nhiem-ky-2025-2030-20251016092826846.htm",
        "Theo Tỉnh ủy Cà Mau, từ ngày 1/7, tỉnh Cà Mau (hợp nhất 2 tỉnh Bạc Liêu và Cà Mau) cùng cả nước đi vào hoạt động với một tiềm lực và không gian phát triển mới.",
    ),
    Unit(
        "An Giang",
        "tỉnh",
        (
            "Kiên Giang",
            "An Giang",
        ),
        "https://tienphong.vn/448-dai-bieu-du-dai-hoi-dang-bo-tinh-an-giang-lan-thu-i-post1780268.tpo",
        "Đây là sự kiện chính trị trọng đại, đánh dấu bước ngoặt mới của Đảng bộ, chính quyền và nhân dân An Giang sau quá trình sáp nhập (với Kiên Giang), mở ra thời kỳ phát triển toàn diện và bền vững.",
    ),
)
