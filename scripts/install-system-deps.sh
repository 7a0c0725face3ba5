#!/usr/bin/env bash
# Install what pip cannot: the libraries WeasyPrint loads, HarfBuzz's subsetter
# (without it WeasyPrint falls back to fontTools and runs 2x slower), a
# Times-compatible font with Vietnamese glyphs, python3-venv, and Chromium for
# the web app's browser tests (tests/web drive /usr/bin/chromium through Playwright), and
# LibreOffice Writer and poppler, with which tests/layout looks at the DOCX as a user's office suite lays it out,
# and LibreOffice Calc, which re-saves the workbook in tests/workbook, and pdftk and qpdf, with which
# tests/blank/test_fillers fills the fillable PDF as a clerk's tools do, and PostgreSQL, which tests/history
# start as a throwaway server to run the record across years on it as on SQLite.
# Installs only what is missing; needs root or sudo when something is.
set -euo pipefail

PY=${PY:-python3}
missing=()

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_font() { command -v fc-list >/dev/null && fc-list : family | grep -qiE '^(Times New Roman|Liberation Serif|Tinos)(,|$)'; }

have_lib 'libpango-1.0.so.0' || missing+=(libpango-1.0-0)
have_lib 'libpangoft2-1.0.so.0' || missing+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so.0' || missing+=(libharfbuzz-subset0)
command -v fc-list >/dev/null || missing+=(fontconfig)
have_font || missing+=(fonts-liberation2)
"$PY" -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null || command -v libreoffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
# LibreOffice Calc: the workbook tests save the đảng bộ workbook again as a clerk's LibreOffice does.
[ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc-nogui)
# pdftk (fill_form with an XFDF) and qpdf (--generate-appearances): fillers the fillable-PDF tests try.
command -v pdftk >/dev/null || missing+=(pdftk-java)
command -v qpdf >/dev/null || missing+=(qpdf)
# PostgreSQL's server binaries (initdb, pg_ctl): tests/history run the record on a real server too.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "Thiếu gói hệ thống: ${missing[*]} — hãy cài bằng trình quản lý gói của máy này." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Cần quyền root để cài: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi

echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Older releases ship hb-subset inside libharfbuzz0b: install only packages this release has.
installable=()
for pkg in "${missing[@]}"; do
  if apt-cache show "$pkg" >/dev/null 2>&1; then installable+=("$pkg"); else echo "  (no package $pkg on this release; skipped)"; fi
done
[ ${#installable[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${installable[@]}"
have_font || { echo "Không cài được phông Times New Roman/Liberation Serif/Tinos." >&2; exit 1; }
