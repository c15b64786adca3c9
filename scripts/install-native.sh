#!/bin/sh
# Installs the Debian packages Hoso needs when any is missing: Tesseract with Vietnamese and English data and
# orientation detection (OCR), OCRmyPDF (the comparison in `hoso bench digitise`),
# Xvfb and xauth (the window and UI tests without a screen), GTK 3 and XTEST (SWT), fonts with Vietnamese glyphs,
# xdotool (a real mouse drag in the UI tests, through XTEST), ImageMagick (screenshots). Does nothing when all are
# there; safe to run on every start.
set -eu
PACKAGES="tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-osd ocrmypdf xvfb xauth libgtk-3-0 libxtst6 xdotool fonts-dejavu-core fonts-liberation2 imagemagick"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "hoso: missing packages:$missing; this system has no apt-get: install them with its package manager." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1; then
    run="sudo"
else
    echo "hoso: missing packages:$missing. Run as root: apt-get install$missing" >&2
    exit 1
fi
echo "hoso: installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$run apt-get update -q >&2
# shellcheck disable=SC2086
$run apt-get install -y -q --no-install-recommends $missing >&2
