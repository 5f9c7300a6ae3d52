#!/bin/sh
# Extracts the marked strings (_() and N_(), see src/core/i18n.h) of the web application
# and the documents' headings into po/actip.pot, and merges it into every po/LANG.po
# named in po/LINGUAS (msgmerge; new strings come in untranslated, changed ones fuzzy).
# Run from the source root after changing a marked string: ./scripts/po-update.sh
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 --add-comments=TRANSLATORS: \
	--package-name=actip --msgid-bugs-address=https://github.com/actip --sort-by-file \
	-o po/actip-c.pot $(cat po/POTFILES)
sed -i 's/charset=CHARSET/charset=UTF-8/' po/actip-c.pot
# the words of the pages' markup literals (page_h, page_hf: see tools/xgettext_html.py)
python3 tools/xgettext_html.py po/actip-html.pot $(cat po/POTFILES)
# the words of the record kinds' codes and field names (see tools/xgettext_codes.py)
python3 tools/xgettext_codes.py po/actip-codes.pot src/import/templates.c src/import/templates_indicators.c src/import/templates_surveys.c src/import/templates_narrative.c \
	src/import/templates_results.c src/workplan/wp_templates.c
msgcat --use-first --sort-by-file -o po/actip.pot po/actip-c.pot po/actip-html.pot po/actip-codes.pot
rm -f po/actip-c.pot po/actip-html.pot po/actip-codes.pot
for lang in $(cat po/LINGUAS); do
	if [ -f "po/$lang.po" ]; then
		msgmerge --quiet --update --backup=none --no-fuzzy-matching "po/$lang.po" po/actip.pot
		msgattrib --no-obsolete -o "po/$lang.po" "po/$lang.po" # strings gone from the sources
	else
		msginit --no-translator --locale="$lang" --input=po/actip.pot --output-file="po/$lang.po"
	fi
done
