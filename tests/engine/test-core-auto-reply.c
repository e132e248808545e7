/* test-core-auto-reply.c: the auto-reply outside work hours against a
 * real Prosody or ejabberd: a customer who writes gets one reply (the
 * Mongolian and English texts) however often they write that day, also
 * after Holboo restarts, and again the next day; a colleague gets none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-auto-reply.h"
#include "holboo-store.h"

#include <string.h>

#define WAIT_MS 30000

static const char * const accounts[] = { "ann", "bat", "cat", NULL };

static void
send (LiveAccount *from,
      LiveAccount *to,
      const char  *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = holboo_account_send_message (from->account, live_account_jid (to), body, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* What @live received from @peer, oldest first. */
static GStrv
bodies_from (LiveAccount *live,
             LiveAccount *peer)
{
  g_autoptr(GPtrArray) messages = live_account_messages (live, live_account_jid (peer));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];

      if (m->direction == HOLBOO_MESSAGE_INCOMING)
        g_strv_builder_add (builder, m->body);
    }
  return g_strv_builder_end (builder);
}

/* @customer writes to @ann; once @ann has it and has had time to decide,
 * she sends @sentinel.  Messages from one sender arrive in order, so when
 * the sentinel is in, any reply would be too. */
static void
write_and_wait (LiveAccount *ann,
                LiveAccount *customer,
                const char  *text,
                guint        n_at_ann,
                const char  *sentinel,
                guint        n_at_customer)
{
  send (customer, ann, text);
  g_assert_true (live_account_wait_count (ann, live_account_jid (customer), HOLBOO_MESSAGE_INCOMING,
                                          n_at_ann, WAIT_MS));
  live_account_flush (ann);
  send (ann, customer, sentinel);
  g_assert_true (live_account_wait_count (customer, live_account_jid (ann), HOLBOO_MESSAGE_INCOMING,
                                          n_at_customer, WAIT_MS));
}

static void
test_auto_reply (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.holboo.Holboo");
  g_autoptr(GListStore) store = g_list_store_new (HOLBOO_TYPE_ACCOUNT);
  g_autoptr(HolbooModeManager) modes = NULL;
  g_autoptr(HolbooAutoReply) auto_reply = NULL;
  LiveAccount *ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bat = live_account_new ("bat", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *cat = live_account_new ("cat", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) got = NULL;

  /* No work hours at all: always personal time.  The harness's domain
   * is not the team's: Bat and Cat are customers. */
  g_settings_set_value (settings, "work-hours", g_variant_new_array (G_VARIANT_TYPE ("(yqq)"), NULL, 0));
  g_settings_set_string (settings, "mode", "");
  g_settings_set_strv (settings, "team-domains", (const char * const[]) { "team.invalid", NULL });
  g_settings_set_boolean (settings, "auto-reply", TRUE);
  g_settings_set_string (settings, "auto-reply-text-mn", "Сайн байна уу! Маргааш хариулна.");
  g_settings_set_string (settings, "auto-reply-text-en", "Hello! We will answer tomorrow.");
  expected = holboo_auto_reply_dup_text ("Сайн байна уу! Маргааш хариулна.", "Hello! We will answer tomorrow.");
  modes = holboo_mode_manager_new (settings, NULL);
  g_assert_cmpint (holboo_mode_manager_get_mode (modes), ==, HOLBOO_MODE_PERSONAL);
  auto_reply = holboo_auto_reply_new (modes, G_LIST_MODEL (store));
  g_list_store_append (store, ann->account);

  live_account_connect (ann);
  live_account_connect (bat);
  live_account_connect (cat);

  /* Bat writes twice: one reply, before the sentinel. */
  write_and_wait (ann, bat, "Үнийн санал авмаар байна", 1, "sentinel 1", 2);
  write_and_wait (ann, bat, "Бас нэг асуулт", 2, "sentinel 2", 3);
  got = bodies_from (bat, ann);
  g_assert_cmpuint (g_strv_length (got), ==, 3);
  g_assert_cmpstr (got[0], ==, expected);
  g_assert_cmpstr (got[1], ==, "sentinel 1");
  g_assert_cmpstr (got[2], ==, "sentinel 2");
  g_assert_cmpuint (holboo_auto_reply_get_n_sent (auto_reply), ==, 1);
  g_clear_pointer (&got, g_strfreev);

  /* Holboo restarts: the store remembers today's reply. */
  g_list_store_remove_all (store);
  path = live_account_free (ann, TRUE);
  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  g_list_store_append (store, ann->account);
  live_account_connect (ann);
  write_and_wait (ann, bat, "Сайн уу?", 3, "sentinel 3", 4);
  got = bodies_from (bat, ann);
  g_assert_cmpuint (g_strv_length (got), ==, 4);
  g_assert_cmpstr (got[3], ==, "sentinel 3");
  g_assert_cmpuint (holboo_auto_reply_get_n_sent (auto_reply), ==, 1);
  g_clear_pointer (&got, g_strfreev);

  /* The next day (as the store sees it: today's mark made yesterday's),
   * the customer gets a reply again. */
  g_list_store_remove_all (store);
  g_free (path);
  path = live_account_free (ann, TRUE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HolbooStore) db = holboo_store_new (path, NULL, &error);
    g_autofree char *key = g_strconcat ("auto-reply:", live_account_jid (bat), NULL);
    g_autofree char *day = NULL;

    g_assert_no_error (error);
    day = holboo_store_get_meta (db, key, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (day), ==, 10);
    g_assert_true (holboo_store_set_meta (db, key, "2000-01-01", &error));
  }
  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  g_list_store_append (store, ann->account);
  live_account_connect (ann);
  write_and_wait (ann, bat, "Өглөөний мэнд", 4, "sentinel 3b", 6);
  got = bodies_from (bat, ann);
  g_assert_cmpuint (g_strv_length (got), ==, 6);
  g_assert_cmpstr (got[4], ==, expected);
  g_assert_cmpstr (got[5], ==, "sentinel 3b");
  g_assert_cmpuint (holboo_auto_reply_get_n_sent (auto_reply), ==, 2);
  g_clear_pointer (&got, g_strfreev);

  /* With the team on the harness's own server, Cat is a colleague. */
  g_settings_set_strv (settings, "team-domains", NULL);
  write_and_wait (ann, cat, "Маргааш уулзах уу?", 1, "sentinel 4", 1);
  got = bodies_from (cat, ann);
  g_assert_cmpuint (g_strv_length (got), ==, 1);
  g_assert_cmpstr (got[0], ==, "sentinel 4");
  g_clear_pointer (&got, g_strfreev);

  /* A customer again, but the office is at work (by hand): no reply. */
  g_settings_set_strv (settings, "team-domains", (const char * const[]) { "team.invalid", NULL });
  holboo_mode_manager_set_mode (modes, HOLBOO_MODE_WORK, NULL);
  write_and_wait (ann, cat, "Ажил дээрээ байна уу?", 2, "sentinel 5", 2);
  got = bodies_from (cat, ann);
  g_assert_cmpstr (got[1], ==, "sentinel 5");
  g_clear_pointer (&got, g_strfreev);

  /* Personal again: Cat, a customer now, gets the day's reply. */
  holboo_mode_manager_follow_schedule (modes);
  write_and_wait (ann, cat, "Сайн уу", 3, "sentinel 6", 4);
  got = bodies_from (cat, ann);
  g_assert_cmpuint (g_strv_length (got), ==, 4);
  g_assert_cmpstr (got[2], ==, expected);
  g_assert_cmpstr (got[3], ==, "sentinel 6");
  g_assert_cmpuint (holboo_auto_reply_get_n_sent (auto_reply), ==, 3);

  g_list_store_remove_all (store);
  g_free (live_account_free (cat, FALSE));
  g_free (live_account_free (bat, FALSE));
  g_free (live_account_free (ann, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/auto-reply/customer-once-a-day", test_auto_reply);

  status = g_test_run ();
  live_stop ();
  return status;
}
