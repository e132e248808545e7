/* test-core-contact.c: HolbooContact without a server: its roster item,
 * and its presence summed up over its resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-contact-private.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer) g_param_spec_get_name (pspec));
}

static gboolean
notified (GPtrArray  *names,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

static void
test_item (void)
{
  g_autoptr(HolbooContact) contact = _holboo_contact_new ("bat@example.mn");
  g_autoptr(HolbooStoredRosterItem) item = holboo_stored_roster_item_new ("bat@example.mn");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_cmpstr (holboo_contact_get_display_name (contact), ==, "bat@example.mn");
  g_assert_null (holboo_contact_get_name (contact));
  g_assert_cmpuint (g_strv_length ((char **) holboo_contact_get_groups (contact)), ==, 0);

  g_signal_connect (contact, "notify", G_CALLBACK (on_notify), names);
  item->name = g_strdup ("Бат");
  item->subscription = HOLBOO_XMPP_SUBSCRIPTION_BOTH;
  g_strfreev (item->groups);
  item->groups = g_strsplit ("Ажил,VIP", ",", -1);
  g_assert_true (_holboo_contact_set_item (contact, item));
  g_assert_true (notified (names, "name"));
  g_assert_true (notified (names, "display-name"));
  g_assert_true (notified (names, "groups"));
  g_assert_true (notified (names, "subscription"));
  g_assert_false (notified (names, "ask"));
  g_assert_cmpstr (holboo_contact_get_display_name (contact), ==, "Бат");
  g_assert_cmpint (holboo_contact_get_subscription (contact), ==, HOLBOO_XMPP_SUBSCRIPTION_BOTH);

  /* The same item again changes nothing and says nothing. */
  g_ptr_array_set_size (names, 0);
  g_assert_false (_holboo_contact_set_item (contact, item));
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_presence (void)
{
  g_autoptr(HolbooContact) contact = _holboo_contact_new ("bat@example.mn");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_auto(GStrv) resources = NULL;

  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);
  g_signal_connect (contact, "notify", G_CALLBACK (on_notify), names);

  /* Away on the desk, online on the phone: online. */
  _holboo_contact_set_presence (contact, "desk", HOLBOO_XMPP_PRESENCE_SHOW_AWAY, "Цайны цаг", 0, "v1=");
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_AWAY);
  g_assert_cmpstr (holboo_contact_get_status (contact), ==, "Цайны цаг");
  g_assert_true (notified (names, "show"));
  g_assert_true (notified (names, "status"));
  _holboo_contact_set_presence (contact, "phone", HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL, 0, NULL);
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE);
  g_assert_null (holboo_contact_get_status (contact));

  /* A higher priority wins over a more available show. */
  _holboo_contact_set_presence (contact, "desk", HOLBOO_XMPP_PRESENCE_SHOW_DND, "Хурал", 10, "v1=");
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_DND);
  g_assert_cmpstr (holboo_contact_get_status (contact), ==, "Хурал");

  resources = holboo_contact_dup_resources (contact);
  g_assert_cmpuint (g_strv_length (resources), ==, 2);
  g_assert_cmpstr (resources[0], ==, "desk");
  g_assert_cmpstr (resources[1], ==, "phone");
  g_assert_cmpstr (holboo_contact_get_caps_ver (contact, "desk"), ==, "v1=");
  g_assert_null (holboo_contact_get_caps_ver (contact, "phone"));
  g_assert_null (holboo_contact_get_caps_ver (contact, "tablet"));

  /* The desk goes: the phone is left. */
  _holboo_contact_set_presence (contact, "desk", HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE, NULL, 0, NULL);
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE);

  /* Unavailable from the bare JID takes every resource. */
  _holboo_contact_set_presence (contact, "desk", HOLBOO_XMPP_PRESENCE_SHOW_CHAT, NULL, 0, NULL);
  _holboo_contact_set_presence (contact, NULL, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE, NULL, 0, NULL);
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);

  /* Cleared when the session ends. */
  _holboo_contact_set_presence (contact, "phone", HOLBOO_XMPP_PRESENCE_SHOW_XA, "Амралт", 0, NULL);
  _holboo_contact_clear_presence (contact);
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);
  g_assert_null (holboo_contact_get_status (contact));
  g_clear_pointer (&resources, g_strfreev);
  resources = holboo_contact_dup_resources (contact);
  g_assert_cmpuint (g_strv_length (resources), ==, 0);
}

static void
test_compare (void)
{
  g_autoptr(HolbooContact) a = _holboo_contact_new ("ann@example.mn");
  g_autoptr(HolbooContact) b = _holboo_contact_new ("bat@example.mn");

  g_assert_cmpint (_holboo_contact_compare (a, b, NULL), <, 0);
  g_assert_cmpint (_holboo_contact_compare (b, a, NULL), >, 0);
  g_assert_cmpint (_holboo_contact_compare (a, a, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/contact/item", test_item);
  g_test_add_func ("/core/contact/presence", test_presence);
  g_test_add_func ("/core/contact/compare", test_compare);

  return g_test_run ();
}
