"""The roles of DESIGN §2 as Django groups, by their Vietnamese names."""

EDITORS = "Biên tập viên"
STANDING_OFFICE = "Thường trực Hội đồng Thi đua – Khen thưởng"
COUNCIL_MEMBERS = "Thành viên Hội đồng Thi đua – Khen thưởng"
ADMINISTRATORS = "Quản trị"

ALL_ROLES = [EDITORS, STANDING_OFFICE, COUNCIL_MEMBERS, ADMINISTRATORS]
