"""Create the 13 fields of DESIGN §3 and the titles and forms of the 2022 Law on Emulation and Commendation."""

from django.db import migrations

from cms.vietnamese import vietnamese_slugify, vietnamese_sort_key

FIELDS = [
    "Xây dựng Đảng, chính quyền, đoàn thể",
    "Quốc phòng, an ninh",
    "Công thương, xây dựng, giao thông vận tải",
    "Nông nghiệp",
    "Tài chính, ngân hàng",
    "Y tế",
    "Giáo dục và đào tạo",
    "Khoa học và công nghệ",
    "Văn hóa, nghệ thuật, thể dục thể thao",
    "Thông tin và truyền thông",
    "Cải cách hành chính",
    "An sinh xã hội",
    "Đời sống xã hội",
]

CLASSES = ("hạng Nhất", "hạng Nhì", "hạng Ba")
LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"

# (name, kind, recipient, level, article)
AWARDS = [
    ("Chiến sĩ thi đua toàn quốc", "danh-hieu", "individual", "chinh-phu", "Điều 23"),
    ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "danh-hieu", "individual", "tinh", "Điều 23"),
    ("Chiến sĩ thi đua cơ sở", "danh-hieu", "individual", "co-quan", "Điều 23"),
    ("Lao động tiên tiến", "danh-hieu", "individual", "co-quan", "Điều 23"),
    ("Chiến sĩ tiên tiến", "danh-hieu", "individual", "co-quan", "Điều 23"),
    ("Cờ thi đua của Chính phủ", "danh-hieu", "collective", "chinh-phu", "Điều 23"),
    ("Cờ thi đua của bộ, ban, ngành, tỉnh", "danh-hieu", "collective", "tinh", "Điều 23"),
    ("Tập thể lao động xuất sắc", "danh-hieu", "collective", "co-quan", "Điều 23"),
    ("Đơn vị quyết thắng", "danh-hieu", "collective", "co-quan", "Điều 23"),
    ("Tập thể lao động tiên tiến", "danh-hieu", "collective", "co-quan", "Điều 23"),
    ("Đơn vị tiên tiến", "danh-hieu", "collective", "co-quan", "Điều 23"),
    ("Thôn, tổ dân phố văn hóa", "danh-hieu", "collective", "xa", "Điều 23"),
    ("Gia đình văn hóa", "danh-hieu", "household", "xa", "Điều 23"),
    ("Huân chương Sao vàng", "huan-chuong", "any", "nha-nuoc", "Điều 34"),
    ("Huân chương Hồ Chí Minh", "huan-chuong", "any", "nha-nuoc", "Điều 34"),
    *[(f"Huân chương Độc lập {c}", "huan-chuong", "any", "nha-nuoc", "Điều 34") for c in CLASSES],
    *[(f"Huân chương Quân công {c}", "huan-chuong", "any", "nha-nuoc", "Điều 34") for c in CLASSES],
    *[(f"Huân chương Lao động {c}", "huan-chuong", "any", "nha-nuoc", "Điều 34") for c in CLASSES],
    *[(f"Huân chương Bảo vệ Tổ quốc {c}", "huan-chuong", "any", "nha-nuoc", "Điều 34") for c in CLASSES],
    *[(f"Huân chương Chiến công {c}", "huan-chuong", "any", "nha-nuoc", "Điều 34") for c in CLASSES],
    ("Huân chương Dũng cảm", "huan-chuong", "individual", "nha-nuoc", "Điều 34"),
    ("Huân chương Đại đoàn kết dân tộc", "huan-chuong", "any", "nha-nuoc", "Điều 34"),
    ("Huân chương Hữu nghị", "huan-chuong", "any", "nha-nuoc", "Điều 34"),
    ("Huy chương Quân kỳ quyết thắng", "huy-chuong", "individual", "nha-nuoc", "Điều 49"),
    ("Huy chương Vì an ninh Tổ quốc", "huy-chuong", "individual", "nha-nuoc", "Điều 49"),
    *[(f"Huy chương Chiến sĩ vẻ vang {c}", "huy-chuong", "individual", "nha-nuoc", "Điều 49") for c in CLASSES],
    ("Huy chương Hữu nghị", "huy-chuong", "individual", "nha-nuoc", "Điều 49"),
    ("Bà mẹ Việt Nam anh hùng", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Anh hùng Lực lượng vũ trang nhân dân", "danh-hieu-vinh-du", "any", "nha-nuoc", "Điều 57"),
    ("Anh hùng Lao động", "danh-hieu-vinh-du", "any", "nha-nuoc", "Điều 57"),
    ("Nhà giáo nhân dân", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Nhà giáo ưu tú", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Thầy thuốc nhân dân", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Thầy thuốc ưu tú", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Nghệ sĩ nhân dân", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Nghệ sĩ ưu tú", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Nghệ nhân nhân dân", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Nghệ nhân ưu tú", "danh-hieu-vinh-du", "individual", "nha-nuoc", "Điều 57"),
    ("Giải thưởng Hồ Chí Minh", "giai-thuong", "any", "nha-nuoc", "Điều 71"),
    ("Giải thưởng Nhà nước", "giai-thuong", "any", "nha-nuoc", "Điều 71"),
    ("Kỷ niệm chương", "ky-niem-chuong", "individual", "bo-nganh", "Điều 72"),
    ("Bằng khen của Thủ tướng Chính phủ", "bang-khen", "any", "chinh-phu", "Điều 73"),
    ("Bằng khen của bộ, ban, ngành, đoàn thể Trung ương", "bang-khen", "any", "bo-nganh", "Điều 74"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "bang-khen", "any", "tinh", "Điều 74"),
    ("Giấy khen của Thủ trưởng cơ quan, đơn vị", "giay-khen", "any", "co-quan", "Điều 75"),
    ("Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", "giay-khen", "any", "huyen", "Điều 75"),
    ("Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", "giay-khen", "any", "xa", "Điều 75"),
]


def create_terms(apps, schema_editor):
    Field = apps.get_model("exemplar_pages", "Field")
    Award = apps.get_model("exemplar_pages", "Award")
    for name in FIELDS:
        Field.objects.update_or_create(
            slug=vietnamese_slugify(name), defaults={"name": name, "sort_key": vietnamese_sort_key(name)}
        )
    for name, kind, recipient, level, article in AWARDS:
        Award.objects.update_or_create(
            slug=vietnamese_slugify(name),
            defaults={
                "name": name,
                "sort_key": vietnamese_sort_key(name),
                "kind": kind,
                "recipient": recipient,
                "level": level,
                "legal_basis": f"{article} {LAW}",
            },
        )


def remove_terms(apps, schema_editor):
    apps.get_model("exemplar_pages", "Field").objects.filter(slug__in=[vietnamese_slugify(n) for n in FIELDS]).delete()
    apps.get_model("exemplar_pages", "Award").objects.filter(
        slug__in=[vietnamese_slugify(a[0]) for a in AWARDS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("exemplar_pages", "0001_initial")]

    operations = [migrations.RunPython(create_terms, remove_terms)]
