#!/usr/bin/env bash
# Make the OpenDocument and PDF fixtures of tests/test_opendocument.py and tests/test_decisions.py (needs LibreOffice: `soffice`, Debian's
# libreoffice-calc and libreoffice-writer): LibreOffice itself saves each list or plan beside it as .ods or .odt,
# as an office using LibreOffice would hold it. Run from the repository: `bash scripts/make_opendocument_fixtures.sh`.
set -euo pipefail
convert() {  # FORMAT FILE: the converted file is written beside FILE
    soffice --headless --convert-to "$1" --outdir "$(dirname "$2")" "$2" >/dev/null
}
convert ods tests/fixtures/exemplars/danh-sach-hoi-nong-dan-lam-dong-2025.xlsx
convert ods tests/fixtures/exemplars/danh-sach-dak-lak-de-nghi-tuyen-duong-2025.xlsx
convert ods tests/fixtures/decisions/danh-sach-khen-thuong-hai-phong-2025.xlsx
convert odt tests/fixtures/decisions/danh-sach-khen-thuong-quang-tri-2025.docx
convert odt tests/fixtures/plans/word97/ke_hoach_93.doc
# a decision's list as the PDF a body publishes (tests/test_decisions.py)
convert pdf tests/fixtures/decisions/danh-sach-khen-thuong-quang-tri-2025.docx
