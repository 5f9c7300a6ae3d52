#!/bin/sh
# Installs the Debian packages actip needs to build, test and run, when they are missing.
# Called by `make demo`, `make check` and `make bench`; uses apt-get as root or through sudo.
set -eu

PKGS="build-essential meson ninja-build pkg-config python3 sqlite3 time \
libsqlite3-dev libcsv-dev libutf8proc-dev libjansson-dev libcmocka-dev \
libcmark-dev libxlsxwriter-dev python3-openpyxl libxml2-utils \
libmicrohttpd-dev libsodium-dev libxml2-dev curl chromium \
cppcheck clang clang-tidy libclang-rt-14-dev"
PKGS="$PKGS libzxcvbn-dev"
PKGS="$PKGS nginx-light"
PKGS="$PKGS zlib1g-dev"
PKGS="$PKGS libcurl4-gnutls-dev"
PKGS="$PKGS systemd man-db"
# DOCX output: libzip and librsvg (figures as PNG); python3-docx, LibreOffice and poppler
# (pdftotext) read it and the printed HTML back in the tests.
PKGS="$PKGS libzip-dev librsvg2-dev python3-docx libreoffice-writer-nogui poppler-utils"
PKGS="$PKGS libreoffice-calc-nogui"
# Translations: msgfmt compiles po/ at build time (xgettext, msgmerge for translators);
# fonts-noto-core has the Khmer, Lao, Thai and Burmese fonts the pages name (none is fetched).
PKGS="$PKGS gettext"
PKGS="$PKGS fonts-noto-core"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# The browser tests need node and npm; a machine may have them from elsewhere than Debian.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

echo "actip: installing Debian packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "actip: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
