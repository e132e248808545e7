/* test-core-modes.c: modes as presence, against a real Prosody or
 * ejabberd: HolbooModeManager sets Ann's presence for each mode — by hand,
 * by the work hours, at the end of a do-not-disturb by its timer, on an
 * account that signs in later — and Bat, her contact, sees each one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "contacts-test-util.h"
#include "holboo-mode-manager.h"

static const char * const accounts[] = { "ann", "bat", NULL };

static const char always[] = "[(1, 0, 1440), (2, 0, 1440), (3, 0, 1440), (4, 0, 1440), "
                             "(5, 0, 1440), (6, 0, 1440), (7, 0, 1440)]";

static void
set_hours (GSettings  *settings,
           const char *hours)
{
  g_settings_set_value (settings, "work-hours",
                        g_variant_parse (G_VARIANT_TYPE ("a(yqq)"), hours, NULL, NULL, NULL));
}

static void
add_contact (LiveAccount *live,
             const char  *jid)
{
  GAsyncResult *result = NULL;

  holboo_account_add_contact_async (live->account, jid, NULL, NULL, NULL, on_done, &result);
  finish_ok (live->account, &result, holboo_account_add_contact_finish);
}

static void
on_subscription_request (HolbooAccount *account,
                         const char    *jid,
                         gpointer       user_data)
{
  g_assert_true (holboo_account_approve_subscription (account, jid, NULL));
}

/* Waits until Bat sees Ann with @show and @status. */
static void
bat_sees (LiveAccount            *bat,
          const char             *ann_jid,
          HolbooXmppPresenceShow  show,
          const char             *status)
{
  Expect e = { bat, ann_jid, .show = show, .status = status };

  if (!live_wait (show_is, &e, WAIT_MS))
    {
      HolbooContact *contact = holboo_account_lookup_contact (bat->account, ann_jid);

      g_error ("Bat does not see Ann as %d “%s” (contact %p)", show, status ? status : "", contact);
    }
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_show (HolbooContact *contact,
         GParamSpec    *pspec,
         gboolean      *seen_dnd)
{
  if (holboo_contact_get_show (contact) == HOLBOO_XMPP_PRESENCE_SHOW_DND)
    *seen_dnd = TRUE;
}

static void
test_modes (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.holboo.Holboo");
  g_autoptr(GListStore) store = g_list_store_new (HOLBOO_TYPE_ACCOUNT);
  g_autoptr(HolbooModeManager) manager = NULL;
  LiveAccount *ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bat = live_account_new ("bat", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *ann_jid = g_strdup (live_account_jid (ann));
  g_autofree char *bat_jid = g_strdup (live_account_jid (bat));
  g_autofree char *status = NULL;
  Expect e;

  /* Known work hours: every minute of the week is work. */
  set_hours (settings, always);
  g_settings_set_value (settings, "work-breaks", g_variant_new_array (G_VARIANT_TYPE ("(yqq)"), NULL, 0));
  g_settings_set_string (settings, "work-time-zone", "Asia/Ulaanbaatar");
  g_settings_set_string (settings, "mode", "");
  manager = holboo_mode_manager_new (settings, G_LIST_MODEL (store));

  /* Ann's account joins the model before signing in: her first presence
   * is already the mode's.  Do not disturb for an hour, first. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) hour = g_date_time_add_hours (now, 1);

    holboo_mode_manager_set_mode (manager, HOLBOO_MODE_DND, hour);
  }
  g_list_store_append (store, ann->account);
  g_assert_cmpint (holboo_account_get_presence_show (ann->account), ==, HOLBOO_XMPP_PRESENCE_SHOW_DND);
  status = holboo_mode_state_dup_status (holboo_mode_manager_get_state (manager));
  g_assert_true (g_str_has_prefix (status, "Do not disturb — until "));

  g_signal_connect (ann->account, "subscription-request", G_CALLBACK (on_subscription_request), NULL);
  g_signal_connect (bat->account, "subscription-request", G_CALLBACK (on_subscription_request), NULL);
  live_account_connect (ann);
  live_account_connect (bat);
  add_contact (bat, ann_jid);
  add_contact (ann, bat_jid);
  e = (Expect) { bat, ann_jid, HOLBOO_XMPP_SUBSCRIPTION_BOTH };
  g_assert_true (live_wait (subscription_is, &e, WAIT_MS));
  bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_DND, status);

  /* Back to the work hours: available, no status text. */
  holboo_mode_manager_follow_schedule (manager);
  bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL);

  /* Personal by hand, with hours that never end: extended away. */
  holboo_mode_manager_set_mode (manager, HOLBOO_MODE_PERSONAL, NULL);
  bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_XA, "Away");

  /* No work hours at all and no override: personal by the schedule. */
  holboo_mode_manager_follow_schedule (manager);
  bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL);
  set_hours (settings, "[]");
  bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_XA, "Outside work hours");

  /* Work hours that begin in two minutes: away until then ("back at"),
   * unless that is past midnight in Ulaanbaatar. */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ulaanbaatar");
    g_autoptr(GDateTime) now = g_date_time_new_now (zone);
    guint minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now) + 2;

    if (minute < 1440)
      {
        g_autofree char *hours = g_strdup_printf ("[(%d, %u, 1440)]", g_date_time_get_day_of_week (now), minute);
        g_autofree char *expected = g_strdup_printf ("Outside work hours — back at %02u:%02u",
                                                     minute / 60, minute % 60);

        set_hours (settings, hours);
        bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_AWAY, expected);
      }
    else
      g_test_message ("Near midnight in Ulaanbaatar: not testing “back at”");
  }

  /* Do not disturb for two seconds: the timer ends it, Bat sees Ann away
   * again without anyone touching anything. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 2);
    HolbooContact *contact = holboo_account_lookup_contact (bat->account, ann_jid);
    gboolean seen_dnd = FALSE;

    set_hours (settings, "[]");
    bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_XA, "Outside work hours");
    g_signal_connect (contact, "notify::show", G_CALLBACK (on_show), &seen_dnd);
    holboo_mode_manager_set_mode (manager, HOLBOO_MODE_DND, soon);
    g_assert_cmpint (holboo_mode_manager_get_mode (manager), ==, HOLBOO_MODE_DND);
    g_assert_true (live_wait (flag_set, &seen_dnd, WAIT_MS));
    bat_sees (bat, ann_jid, HOLBOO_XMPP_PRESENCE_SHOW_XA, "Outside work hours");
    g_signal_handlers_disconnect_by_func (contact, on_show, &seen_dnd);
    g_assert_false (holboo_mode_state_get_manual (holboo_mode_manager_get_state (manager)));
  }

  /* An account taken out of the model no longer follows. */
  g_list_store_remove_all (store);
  holboo_mode_manager_set_mode (manager, HOLBOO_MODE_WORK, NULL);
  g_assert_cmpint (holboo_account_get_presence_show (ann->account), ==, HOLBOO_XMPP_PRESENCE_SHOW_XA);

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

  g_test_add_func ("/core/modes/presence", test_modes);

  status = g_test_run ();
  live_stop ();
  return status;
}
