#!/usr/bin/env bash
# Fails unless every translation in po/LINGUAS is complete and current:
#   1. every file with translatable strings is listed in po/POTFILES.in;
#   2. msgfmt --check accepts the .po file (formats, header, domain);
#   3. it has no untranslated and no fuzzy message;
#   4. every string in the sources (a .pot made afresh from POTFILES.in with
#      xgettext, as `meson compile holboo-pot` would) has a translation, and
#      the .po holds no string the sources no longer have;
#   5. the built desktop file and metainfo (if given) carry each language.
# Usage: check-translations.sh SOURCE_ROOT GETTEXT_PACKAGE [DESKTOP METAINFO]
set -euo pipefail

usage="usage: check-translations.sh SOURCE_ROOT GETTEXT_PACKAGE [DESKTOP METAINFO]"
src=${1:?$usage}
package=${2:?$usage}
desktop=${3:-}
metainfo=${4:-}
po=$src/po
failed=0

fail() { printf 'FAIL: %s\n' "$*" >&2; failed=1; }

for tool in xgettext msgfmt msgattrib msgcmp; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool not found: install the Debian package gettext" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/holboo-po-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The listed files, without comments and blank lines.
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$po/POTFILES.in" | sed 's/[[:space:]]*$//' > "$tmp/listed"

# 1. Files with translatable strings that POTFILES.in does not list.
#    C: _(), N_(), C_(), NC_(), ngettext and friends; GtkBuilder: translatable="yes";
#    desktop, metainfo and schema sources are always translatable.
(
  cd "$src"
  grep -rlE --include='*.c' --include='*.cc' --include='*.h' \
       '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)[[:space:]]*\(' \
       src 2>/dev/null || true
  grep -rl --include='*.ui' 'translatable="yes"' src data 2>/dev/null || true
  find data -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' | sed 's|^\./||'
) | sort -u > "$tmp/needed"
while read -r f; do
  grep -qxF "$f" "$tmp/listed" || fail "$f has translatable strings but is not listed in po/POTFILES.in"
done < "$tmp/needed"
while read -r f; do
  [ -f "$src/$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done < "$tmp/listed"
[ "$failed" -eq 0 ] || exit 1

# 4a. A fresh template, made with meson's 'glib' preset.
xgettext --package-name="$package" -f "$tmp/listed" -D "$src" -o "$tmp/$package.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format
count=$(grep -c '^msgid ' "$tmp/$package.pot" || true)
# A template with only its header means xgettext found nothing: that is a
# broken check, not a complete translation.
[ "$count" -gt 1 ] || { echo "FAIL: xgettext found no strings in the files of POTFILES.in" >&2; exit 1; }
echo "sources: $((count - 1)) strings"

langs=$(grep -v -e '^[[:space:]]*#' "$po/LINGUAS" | tr -s '[:space:]' ' ')
[ -n "${langs// /}" ] || { echo "FAIL: po/LINGUAS names no language" >&2; exit 1; }

for lang in $langs; do
  file=$po/$lang.po
  [ -f "$file" ] || { fail "$lang is in po/LINGUAS but po/$lang.po does not exist"; continue; }

  # 2. Format strings, header and domain; 3. untranslated and fuzzy
  #    messages (counted by msgfmt, listed by msgattrib).
  if ! stats=$(LC_ALL=C msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$file" 2>&1); then
    printf '%s\n' "$stats" >&2
    fail "msgfmt --check rejects po/$lang.po"
  fi
  echo "$lang: $stats"
  if grep -q 'untranslated' <<<"$stats"; then
    msgattrib --untranslated --no-obsolete --no-wrap "$file" \
      | grep '^msgid ' | grep -vx 'msgid ""' | sed 's/^msgid /  untranslated: /' >&2 || true
    fail "po/$lang.po has untranslated messages"
  fi
  if grep -q 'fuzzy' <<<"$stats"; then
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$file" \
      | grep '^msgid ' | grep -vx 'msgid ""' | sed 's/^msgid /  fuzzy: /' >&2 || true
    fail "po/$lang.po has fuzzy messages"
  fi

  # 4b. Strings of the sources that the translation lacks (msgcmp counts
  #     untranslated and fuzzy ones as missing too) ...
  if ! msgcmp "$file" "$tmp/$package.pot" 2>"$tmp/missing"; then
    sed 's/^/  /' "$tmp/missing" >&2
    fail "po/$lang.po lacks strings that are in the sources (run: meson compile -C BUILD $package-update-po, then translate)"
  fi
  # ... and strings it has that the sources no longer use.
  if ! msgcmp --use-untranslated "$tmp/$package.pot" "$file" 2>"$tmp/stale"; then
    sed 's/^/  /' "$tmp/stale" >&2
    fail "po/$lang.po has strings the sources no longer use (run: meson compile -C BUILD $package-update-po)"
  fi

  # 5. The merged data files.
  if [ -n "$desktop" ] && ! grep -q "^Comment\[$lang\]=" "$desktop"; then
    fail "$desktop has no Comment[$lang]"
  fi
  if [ -n "$metainfo" ] && ! grep -q "<summary xml:lang=\"$lang\">" "$metainfo"; then
    fail "$metainfo has no <summary xml:lang=\"$lang\">"
  fi
done

exit "$failed"
