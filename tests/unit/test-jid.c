/* test-jid.c: XMPP address parsing and normalisation (RFC 7622)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-jid"

#include "config.h"

#include "holboo-jid.h"

#include <gio/gio.h>
#include <string.h>

typedef struct {
  const char *in;
  const char *out;       /* normalised full form */
  const char *local;     /* NULL = absent */
  const char *domain;
  const char *resource;  /* NULL = absent */
} ValidCase;

static const ValidCase valid_cases[] = {
  { "example.com", "example.com", NULL, "example.com", NULL },
  { "Example.COM", "example.com", NULL, "example.com", NULL },
  { "example.com.", "example.com", NULL, "example.com", NULL },
  { "localhost", "localhost", NULL, "localhost", NULL },
  { "juliet@example.com", "juliet@example.com", "juliet", "example.com", NULL },
  { "Juliet@Example.Com/Balcony", "juliet@example.com/Balcony", "juliet", "example.com", "Balcony" },
  { "juliet@example.com/foo bar", "juliet@example.com/foo bar", "juliet", "example.com", "foo bar" },
  { "juliet@example.com/foo@bar", "juliet@example.com/foo@bar", "juliet", "example.com", "foo@bar" },
  { "juliet@example.com/foo/bar", "juliet@example.com/foo/bar", "juliet", "example.com", "foo/bar" },
  { "example.com/foobar", "example.com/foobar", NULL, "example.com", "foobar" },
  /* RFC 7622 §3.5: the resource starts at the first slash. */
  { "a.example.com/b@example.net", "a.example.com/b@example.net", NULL, "a.example.com", "b@example.net" },
  { "a.b-c_d+e!#$%*@x.mn", "a.b-c_d+e!#$%*@x.mn", "a.b-c_d+e!#$%*", "x.mn", NULL },
  /* Case folding as the servers' nodeprep does it. */
  { "Straße@x.mn", "strasse@x.mn", "strasse", "x.mn", NULL },
  { "ΠΑΝΤΑ@x.mn", "παντα@x.mn", "παντα", "x.mn", NULL },
  /* Mongolian: Cyrillic localpart and IDN domain. */
  { "Болд@Холбоо.Мн/Ажил", "болд@холбоо.мн/Ажил", "болд", "холбоо.мн", "Ажил" },
  { "болд@холбоо.мн", "болд@холбоо.мн", "болд", "холбоо.мн", NULL },
  /* Fullwidth letters map to ASCII in the localpart. */
  { "\xef\xbd\x8a\xef\xbd\x95\xef\xbc\xac@x.mn", "jul@x.mn", "jul", "x.mn", NULL },
  /* NFC: e + combining acute becomes é, in all three parts. */
  { "e\xcc\x81@y\xcc\x81.mn/e\xcc\x81", "\xc3\xa9@\xc3\xbd.mn/\xc3\xa9", "\xc3\xa9", "\xc3\xbd.mn", "\xc3\xa9" },
  /* Other spaces become U+0020 in the resource. */
  { "a@x.mn/foo\xc2\xa0" "bar", "a@x.mn/foo bar", "a", "x.mn", "foo bar" },
  { "a@x.mn/\xe2\x99\x9a", "a@x.mn/\xe2\x99\x9a", "a", "x.mn", "\xe2\x99\x9a" },
  /* IP literals, canonical. */
  { "[::1]", "[::1]", NULL, "[::1]", NULL },
  { "a@[0:0:0:0:0:0:0:1]/r", "a@[::1]/r", "a", "[::1]", "r" },
  { "[2001:DB8::1]", "[2001:db8::1]", NULL, "[2001:db8::1]", NULL },
  { "127.0.0.1", "127.0.0.1", NULL, "127.0.0.1", NULL },
  { "a@127.0.0.1/x", "a@127.0.0.1/x", "a", "127.0.0.1", "x" },
  { "a@1.2.3.4.", "a@1.2.3.4", "a", "1.2.3.4", NULL },
  /* Ideographic full stop and fullwidth letters in a domain. */
  { "a@x\xe3\x80\x82mn", "a@x.mn", "a", "x.mn", NULL },
  { "a@\xef\xbc\xb8.mn", "a@x.mn", "a", "x.mn", NULL },
};

typedef struct {
  const char *name;
  const char *in;
  gssize      len;  /* -1: nul-terminated */
  int         code;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "empty", "", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "empty-local", "@example.com", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "empty-domain", "user@", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "empty-domain-resource", "user@/res", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "only-resource", "/res", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "empty-resource", "user@example.com/", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "empty-resource-domain", "example.com/", -1, HOLBOO_JID_ERROR_EMPTY_PART },
  { "local-space", "a b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-quote", "a\"b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-amp", "a&b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-apos", "a'b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-colon", "a:b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-lt", "a<b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-gt", "a>b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-control", "a\x01" "b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-del", "a\x7f" "b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-symbol", "\xe2\x98\x83@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-nbsp", "a\xc2\xa0" "b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "local-zwsp", "a\xe2\x80\x8b" "b@x.mn", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "resource-control", "a@x.mn/\x07", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "resource-newline", "a@x.mn/a\nb", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "resource-private-use", "a@x.mn/\xee\x80\x80", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "resource-unassigned", "a@x.mn/\xcd\xb8", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "resource-bom", "a@x.mn/\xef\xbb\xbf", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "resource-line-separator", "a@x.mn/\xe2\x80\xa8", -1, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER },
  { "two-at", "a@b@x.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-space", "a@exa mple.com", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-underscore", "a@ex_ample.com", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-leading-hyphen", "a@-x.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-trailing-hyphen", "a@x-.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-empty-label", "a@x..mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-leading-dot", "a@.x.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-two-trailing-dots", "a@x.mn..", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-only-dot", "a@.", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-symbol", "a@\xe2\x98\x83.net", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-colon", "a@x.mn:5222", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-control", "a@x\x01.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-soft-hyphen", "a@x\xc2\xad" "y.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-zwsp", "a@x\xe2\x80\x8b" "y.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-a-label-empty", "a@xn--.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-a-label-garbage", "a@xn--zz.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "domain-label-64", "a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mn", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv6-unbracketed", "a@::1", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv6-unclosed", "a@[::1", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv6-empty", "a@[]", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv6-garbage", "a@[::g]", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv6-zone", "a@[fe80::1%eth0]", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv4-in-brackets", "a@[1.2.3.4]", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "ipv6-trailing", "a@[::1]x", -1, HOLBOO_JID_ERROR_INVALID_DOMAIN },
  { "utf8-invalid-byte", "\xff@x.mn", -1, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "utf8-truncated", "a@x.mn/\xc3", -1, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "utf8-overlong-slash", "a\xc0\xaf" "b@x.mn", -1, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "utf8-surrogate", "a@x.mn/\xed\xa0\x80", -1, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "utf8-above-max", "a@x.mn/\xf4\x90\x80\x80", -1, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "nul-in-local", "a\0b@x.mn", 8, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "nul-in-domain", "a@x.mn\0.evil.com", 16, HOLBOO_JID_ERROR_INVALID_UTF8 },
  { "nul-in-resource", "a@x.mn/r\0s", 10, HOLBOO_JID_ERROR_INVALID_UTF8 },
};

static void
assert_parts (const HolbooJid *jid,
              const char      *local,
              const char      *domain,
              const char      *resource)
{
  g_assert_cmpstr (holboo_jid_get_localpart (jid), ==, local);
  g_assert_cmpstr (holboo_jid_get_domainpart (jid), ==, domain);
  g_assert_cmpstr (holboo_jid_get_resourcepart (jid), ==, resource);
  g_assert_true (holboo_jid_is_full (jid) == (resource != NULL));
  g_assert_true (holboo_jid_is_bare (jid) == (resource == NULL));
  g_assert_true (holboo_jid_is_domain (jid) == (local == NULL && resource == NULL));
}

static void
test_valid (gconstpointer data)
{
  const ValidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = NULL;
  g_autoptr(HolbooJid) again = NULL;
  g_autoptr(HolbooJid) from_parts = NULL;

  jid = holboo_jid_parse (c->in, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (jid);
  g_assert_cmpstr (holboo_jid_to_string (jid), ==, c->out);
  assert_parts (jid, c->local, c->domain, c->resource);

  /* Normalising is idempotent. */
  again = holboo_jid_parse (holboo_jid_to_string (jid), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (again), ==, c->out);
  g_assert_true (holboo_jid_equal (jid, again));
  g_assert_cmpuint (holboo_jid_hash (jid), ==, holboo_jid_hash (again));

  /* Building from the prepared parts gives the same address. */
  from_parts = holboo_jid_new (c->local, c->domain, c->resource, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (from_parts), ==, c->out);

  /* An explicit length that covers the string works the same way. */
  {
    g_autoptr(HolbooJid) sized = holboo_jid_parse (c->in, strlen (c->in), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (holboo_jid_to_string (sized), ==, c->out);
  }
}

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = NULL;

  jid = holboo_jid_parse (c->in, c->len, &error);
  g_assert_null (jid);
  g_assert_error (error, HOLBOO_JID_ERROR, c->code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static char *
repeat (char  c,
        gsize n)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

static void
test_lengths (void)
{
  g_autofree char *l1023 = repeat ('a', 1023);
  g_autofree char *l1024 = repeat ('a', 1024);
  g_autofree char *label63 = repeat ('b', 63);
  g_autoptr(GString) d1023 = g_string_new (NULL);
  g_autoptr(GString) d1087 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = NULL;
  g_autofree char *s = NULL;

  /* Localpart: 1023 bytes is the limit. */
  s = g_strconcat (l1023, "@x.mn", NULL);
  jid = holboo_jid_parse (s, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (holboo_jid_get_localpart (jid)), ==, 1023);
  g_clear_pointer (&jid, holboo_jid_unref);
  g_clear_pointer (&s, g_free);

  s = g_strconcat (l1024, "@x.mn", NULL);
  jid = holboo_jid_parse (s, -1, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG);
  g_assert_null (jid);
  g_clear_error (&error);
  g_clear_pointer (&s, g_free);

  /* 1023 bytes in two-byte letters is fine; one more letter is not. */
  {
    g_autoptr(GString) cyr = g_string_new (NULL);

    for (guint i = 0; i < 511; i++)
      g_string_append (cyr, "б");
    g_string_append (cyr, "a@x.mn");
    jid = holboo_jid_parse (cyr->str, -1, &error);
    g_assert_no_error (error);
    g_clear_pointer (&jid, holboo_jid_unref);
    g_string_insert (cyr, 0, "б");
    jid = holboo_jid_parse (cyr->str, -1, &error);
    g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG);
    g_clear_error (&error);
  }

  /* Fullwidth letters are 3 bytes each but 1 once mapped: the limit
   * applies to the prepared part. */
  {
    g_autoptr(GString) wide = g_string_new (NULL);

    for (guint i = 0; i < 1023; i++)
      g_string_append (wide, "\xef\xbd\x81");
    g_string_append (wide, "@x.mn");
    jid = holboo_jid_parse (wide->str, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (holboo_jid_get_localpart (jid), ==, l1023);
    g_clear_pointer (&jid, holboo_jid_unref);
  }

  /* Resource. */
  s = g_strconcat ("a@x.mn/", l1023, NULL);
  jid = holboo_jid_parse (s, -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&jid, holboo_jid_unref);
  g_clear_pointer (&s, g_free);

  s = g_strconcat ("a@x.mn/", l1024, NULL);
  jid = holboo_jid_parse (s, -1, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_clear_pointer (&s, g_free);

  /* Domain: fifteen 63-byte labels and fourteen dots, 959 bytes, pass.
   * RFC 7622 would allow up to 1023 bytes, but GLib's IDNA code refuses
   * names a little shorter than that; real DNS names stop at 253. */
  for (guint i = 0; i < 15; i++)
    g_string_append_printf (d1023, "%s%s", i > 0 ? "." : "", label63);
  g_assert_cmpuint (d1023->len, ==, 959);
  jid = holboo_jid_parse (d1023->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_get_domainpart (jid), ==, d1023->str);
  g_clear_pointer (&jid, holboo_jid_unref);

  d1087 = g_string_new (d1023->str);
  g_string_append_printf (d1087, ".%s.%s", label63, label63);
  g_assert_cmpuint (d1087->len, >, 1023);
  jid = holboo_jid_parse (d1087->str, -1, &error);
  g_assert_null (jid);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HOLBOO_JID_ERROR);
  g_assert_true (error->code == HOLBOO_JID_ERROR_TOO_LONG ||
                 error->code == HOLBOO_JID_ERROR_INVALID_DOMAIN);
  g_clear_error (&error);
}

/* Ten megabytes of hostile input is refused at once, not normalised. */
static void
test_huge_input (void)
{
  gsize n = 10 * 1024 * 1024;
  g_autofree char *big = repeat ('a', n);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = NULL;
  gint64 start = g_get_monotonic_time ();

  big[5] = '@';
  big[n / 2] = '/';
  jid = holboo_jid_parse (big, -1, &error);
  g_assert_null (jid);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* Same through holboo_jid_new(). */
  jid = holboo_jid_new (NULL, "x.mn", big, &error);
  g_assert_null (jid);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG);

  /* Generous bound: this must not be quadratic or normalise 10 MiB. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_a_label (void)
{
  g_autofree char *ascii = g_hostname_to_ascii ("холбоо.мн");
  g_autofree char *upper = NULL;
  g_autofree char *in = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = NULL;

  g_assert_true (g_str_has_prefix (ascii, "xn--"));

  /* An A-label becomes its U-label, so both spellings are one address. */
  in = g_strconcat ("Болд@", ascii, NULL);
  jid = holboo_jid_parse (in, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (jid), ==, "болд@холбоо.мн");
  g_clear_pointer (&jid, holboo_jid_unref);

  upper = g_ascii_strup (ascii, -1);
  jid = holboo_jid_parse (upper, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (jid), ==, "холбоо.мн");
  g_clear_pointer (&jid, holboo_jid_unref);

  /* Punycode that does not decode. */
  jid = holboo_jid_parse ("a@xn--.mn", -1, &error);
  g_assert_null (jid);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_DOMAIN);
}

static void
test_new_from_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = NULL;

  jid = holboo_jid_new ("Bold", "Example.MN", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (jid), ==, "bold@example.mn");
  g_clear_pointer (&jid, holboo_jid_unref);

  jid = holboo_jid_new (NULL, "example.mn", "a/b@c", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (jid), ==, "example.mn/a/b@c");
  g_clear_pointer (&jid, holboo_jid_unref);

  /* Separators inside parts are errors here, not separators. */
  jid = holboo_jid_new ("us@er", "x.mn", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER);
  g_clear_error (&error);
  jid = holboo_jid_new ("us/er", "x.mn", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER);
  g_clear_error (&error);
  jid = holboo_jid_new (NULL, "x.mn/r", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_DOMAIN);
  g_clear_error (&error);
  jid = holboo_jid_new ("a", "b@x.mn", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_DOMAIN);
  g_clear_error (&error);
  jid = holboo_jid_new ("", "x.mn", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART);
  g_clear_error (&error);
  jid = holboo_jid_new ("a", "", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART);
  g_clear_error (&error);
  jid = holboo_jid_new ("a", "x.mn", "", &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART);
  g_clear_error (&error);
  jid = holboo_jid_new ("a\xff", "x.mn", NULL, &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_UTF8);
  g_clear_error (&error);
  jid = holboo_jid_new ("a", "x.mn", "\xc3", &error);
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_UTF8);
  g_assert_null (jid);
}

static void
test_bare_and_resource (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) full = holboo_jid_parse ("Bold@X.mn/Phone", -1, &error);
  g_autoptr(HolbooJid) other = holboo_jid_parse ("bold@x.mn/Desk", -1, &error);
  g_autoptr(HolbooJid) bare = NULL;
  g_autoptr(HolbooJid) bare2 = NULL;
  g_autoptr(HolbooJid) moved = NULL;
  g_autoptr(HolbooJid) dropped = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_get_bare_string (full), ==, "bold@x.mn");
  g_assert_false (holboo_jid_equal (full, other));
  g_assert_true (holboo_jid_equal_bare (full, other));

  bare = holboo_jid_get_bare (full);
  g_assert_true (holboo_jid_is_bare (bare));
  g_assert_cmpstr (holboo_jid_to_string (bare), ==, "bold@x.mn");
  /* The bare form of a bare address is the same object. */
  bare2 = holboo_jid_get_bare (bare);
  g_assert_true (bare2 == bare);

  moved = holboo_jid_with_resource (bare, "Laptop\xc2\xa0" "2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (moved), ==, "bold@x.mn/Laptop 2");

  dropped = holboo_jid_with_resource (full, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (holboo_jid_equal (dropped, bare));

  g_assert_null (holboo_jid_with_resource (full, "\x01", &error));
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER);
  g_clear_error (&error);
  g_assert_null (holboo_jid_with_resource (full, "", &error));
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART);
}

static void
test_hash_table_and_boxed (void)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (holboo_jid_hash, holboo_jid_equal,
                                                       (GDestroyNotify) holboo_jid_unref, NULL);
  g_autoptr(HolbooJid) a = holboo_jid_parse ("Bold@Example.MN", -1, NULL);
  g_autoptr(HolbooJid) b = holboo_jid_parse ("bold@example.mn.", -1, NULL);
  HolbooJid *copy;
  g_autofree char *norm = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_add (table, holboo_jid_ref (a));
  g_assert_true (g_hash_table_contains (table, b));

  copy = g_boxed_copy (HOLBOO_TYPE_JID, a);
  g_assert_true (copy == a);
  g_boxed_free (HOLBOO_TYPE_JID, copy);

  norm = holboo_jid_normalize ("Bold@Example.MN/R", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (norm, ==, "bold@example.mn/R");
  g_assert_null (holboo_jid_normalize ("@", &error));
  g_assert_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART);

  g_assert_true (holboo_jid_equal (NULL, NULL));
  g_assert_false (holboo_jid_equal (a, NULL));
}

/* Whatever comes in, parsing either fails cleanly or yields an address
 * that is valid UTF-8, within the limits and stable when parsed again. */
static void
check_random_input (const char *buf,
                    gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) jid = holboo_jid_parse (buf, len, &error);
  g_autoptr(HolbooJid) again = NULL;
  const char *s;

  if (jid == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HOLBOO_JID_ERROR);
      return;
    }

  g_assert_no_error (error);
  s = holboo_jid_to_string (jid);
  g_assert_true (g_utf8_validate (s, -1, NULL));
  g_assert_cmpuint (strlen (holboo_jid_get_domainpart (jid)), <=, HOLBOO_JID_MAX_PART_LENGTH);
  again = holboo_jid_parse (s, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (again), ==, s);
}

static void
test_random_bytes (void)
{
  static const char alphabet[] = "ab@/.-[]:%\x01\xff\xc3\xa9\xe2\x80\x8b\xd0\xb1 \0";

  for (guint i = 0; i < 20000; i++)
    {
      char buf[48];
      gsize len = g_test_rand_int_range (0, sizeof buf);

      for (gsize j = 0; j < len; j++)
        {
          if (g_test_rand_bit ())
            buf[j] = alphabet[g_test_rand_int_range (0, sizeof alphabet)];
          else
            buf[j] = (char) g_test_rand_int_range (0, 256);
        }
      check_random_input (buf, len);
    }
}

static void
test_random_unicode (void)
{
  static const gunichar interesting[] = {
    'a', 'Z', '0', '@', '/', '.', '-', '[', ']', ':', ' ',
    0xDF, 0x301, 0xA0, 0x200B, 0x200D, 0x3002, 0xFF0E, 0xFF41, 0x0431,
    0x0416, 0x1E9E, 0x2603, 0xE000, 0x378, 0x10FFFF, 0x1F600, 0x130, 0x3A3,
  };

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 24);

      for (guint j = 0; j < n; j++)
        g_string_append_unichar (s, interesting[g_test_rand_int_range (0, G_N_ELEMENTS (interesting))]);
      check_random_input (s->str, s->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jid/valid/%02" G_GSIZE_FORMAT, i);
      g_test_add_data_func (path, &valid_cases[i], test_valid);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/jid/invalid/%s", invalid_cases[i].name);
      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/jid/lengths", test_lengths);
  g_test_add_func ("/jid/huge-input", test_huge_input);
  g_test_add_func ("/jid/a-label", test_a_label);
  g_test_add_func ("/jid/new-from-parts", test_new_from_parts);
  g_test_add_func ("/jid/bare-and-resource", test_bare_and_resource);
  g_test_add_func ("/jid/hash-table-and-boxed", test_hash_table_and_boxed);
  g_test_add_func ("/jid/random-bytes", test_random_bytes);
  g_test_add_func ("/jid/random-unicode", test_random_unicode);

  return g_test_run ();
}
