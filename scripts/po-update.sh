#!/bin/sh
# Extracts the marked strings (_() and N_(), see src/core/i18n.h) of the web application
# and the documents' headings into po/actip.pot, and merges it into every po/LANG.po
# named in po/LINGUAS (msgmerge; new strings come in untranslated, changed ones fuzzy).
# Run from the source root after changing a marked string: ./scripts/po-update.sh
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	--package-name=actip --msgid-bugs-address=https://github.com/actip --sort-by-file \
	-o po/actip.pot $(cat po/POTFILES)
sed -i 's/^"Content-Type: text\/plain; charset=CHARSET\\n"/"Content-Type: text\/plain; charset=UTF-8\\n"/' po/actip.pot
for lang in $(cat po/LINGUAS); do
	if [ -f "po/$lang.po" ]; then
		msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$lang.po" po/actip.pot
	else
		msginit --no-translator --locale="$lang" --input=po/actip.pot --output-file="po/$lang.po"
	fi
done
