/* test-notify-policy.c: which messages notify, and new groups' addresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-account-group-address.h"
#include "holboo-notify-policy.h"

#include <string.h>

#define NOW (G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC)

static HolbooStoredMessage *
incoming (const char *peer,
          const char *body)
{
  HolbooStoredMessage *m = holboo_stored_message_new ();

  m->peer = g_strdup (peer);
  m->direction = HOLBOO_MESSAGE_INCOMING;
  m->state = HOLBOO_MESSAGE_STATE_RECEIVED;
  m->from_jid = g_strdup_printf ("%s/phone", peer);
  m->body = g_strdup (body);
  m->timestamp = NOW - G_USEC_PER_SEC;
  return m;
}

static void
test_policy (void)
{
  g_autoptr(HolbooStoredMessage) m = incoming ("bat@example.mn", "Сайн байна уу?");
  g_autoptr(HolbooConversationItem) item = holboo_conversation_item_new ("bat@example.mn", HOLBOO_CONVERSATION_CHAT);
  g_autoptr(HolbooStoredConversation) stored = holboo_stored_conversation_new ();
  HolbooNotifyContext away = { FALSE, NULL, NOW };
  HolbooNotifyContext looking = { TRUE, "bat@example.mn", NOW };
  HolbooNotifyContext elsewhere = { TRUE, "cel@example.mn", NOW };
  HolbooNotifyContext behind = { FALSE, "bat@example.mn", NOW };

  /* A new message from someone: yes, unless the user looks at it. */
  g_assert_true (holboo_notify_policy_should_notify (NULL, m, &away));
  g_assert_true (holboo_notify_policy_should_notify (item, m, &away));
  g_assert_false (holboo_notify_policy_should_notify (item, m, &looking));
  g_assert_true (holboo_notify_policy_should_notify (item, m, &elsewhere));
  g_assert_true (holboo_notify_policy_should_notify (item, m, &behind));

  /* Ours, deleted, read elsewhere, empty, or history from long ago: no. */
  m->direction = HOLBOO_MESSAGE_OUTGOING;
  g_assert_false (holboo_notify_policy_should_notify (item, m, &away));
  m->direction = HOLBOO_MESSAGE_INCOMING;
  m->retracted = TRUE;
  g_assert_false (holboo_notify_policy_should_notify (item, m, &away));
  m->retracted = FALSE;
  m->read = TRUE;
  g_assert_false (holboo_notify_policy_should_notify (item, m, &away));
  m->read = FALSE;
  m->timestamp = NOW - HOLBOO_NOTIFY_MAX_AGE - 1;
  g_assert_false (holboo_notify_policy_should_notify (item, m, &away));
  m->timestamp = NOW - G_USEC_PER_SEC;
  g_free (m->body);
  m->body = g_strdup ("");
  g_assert_false (holboo_notify_policy_should_notify (item, m, &away));
  g_free (m->body);
  m->body = g_strdup ("again");

  /* Read up to it on another device: no. */
  stored->peer = g_strdup ("bat@example.mn");
  stored->read_until = NOW;
  _holboo_conversation_item_set_read_marks (item, stored);
  g_assert_false (holboo_notify_policy_should_notify (item, m, &away));
  stored->read_until = 0;

  /* Muted: no; unmuted again: yes. */
  {
    g_autoptr(HolbooConversationItem) fresh = holboo_conversation_item_new ("bat@example.mn", HOLBOO_CONVERSATION_CHAT);

    stored->muted = TRUE;
    _holboo_conversation_item_set_flags (fresh, stored);
    g_assert_true (holboo_conversation_item_get_muted (fresh));
    g_assert_false (holboo_notify_policy_should_notify (fresh, m, &away));
    stored->muted = FALSE;
    _holboo_conversation_item_set_flags (fresh, stored);
    g_assert_true (holboo_notify_policy_should_notify (fresh, m, &away));
  }
}

/* The user's mode has the last word: do not disturb holds everything
 * back; personal time lets a group message through only when it names
 * the user. */
static void
test_modes (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.holboo.Holboo");
  g_autoptr(HolbooModeManager) modes = holboo_mode_manager_new (settings, NULL);
  g_autoptr(HolbooStoredMessage) chat = incoming ("bat@example.mn", "Сайн байна уу?");
  g_autoptr(HolbooStoredMessage) group = incoming ("sales@conference.example.mn", "Ann, can you check the report?");
  g_autoptr(HolbooStoredMessage) other = incoming ("sales@conference.example.mn", "Lunch at 12?");
  HolbooNotifyContext context = { FALSE, NULL, NOW, modes, "ann" };

  group->kind = other->kind = HOLBOO_CONVERSATION_GROUP;
  holboo_mode_manager_set_mode (modes, HOLBOO_MODE_WORK, NULL);
  g_assert_true (holboo_notify_policy_should_notify (NULL, chat, &context));
  g_assert_true (holboo_notify_policy_should_notify (NULL, other, &context));

  holboo_mode_manager_set_mode (modes, HOLBOO_MODE_DND, NULL);
  g_assert_false (holboo_notify_policy_should_notify (NULL, chat, &context));
  g_assert_false (holboo_notify_policy_should_notify (NULL, group, &context));

  holboo_mode_manager_set_mode (modes, HOLBOO_MODE_PERSONAL, NULL);
  g_assert_true (holboo_notify_policy_should_notify (NULL, group, &context));
  g_assert_false (holboo_notify_policy_should_notify (NULL, other, &context));
}

static void
test_group_address (void)
{
  struct {
    const char *name;
    const char *prefix;
  } cases[] = {
    { "Sales Team", "sales-team-" },
    { "  Q4: report & plan!! ", "q4-report-plan-" },
    { "Борлуулалт", "group-" },
    { NULL, "group-" },
    { "A very long group name that goes on and on", "a-very-long-group-name-t" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = holboo_group_address_new (cases[i].name, "conference.example.mn");
      g_autofree char *b = holboo_group_address_new (cases[i].name, "conference.example.mn");
      const char *at = strchr (a, '@');

      g_test_message ("%s → %s", cases[i].name, a);
      g_assert_true (g_str_has_prefix (a, cases[i].prefix));
      g_assert_true (g_str_has_suffix (a, "@conference.example.mn"));
      g_assert_cmpint (at - a, ==, strlen (cases[i].prefix) + 8 + (g_str_has_suffix (cases[i].prefix, "-") ? 0 : 1));
      /* Two groups of one name do not meet. */
      g_assert_cmpstr (a, !=, b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notify-policy/decision", test_policy);
  g_test_add_func ("/notify-policy/modes", test_modes);
  g_test_add_func ("/notify-policy/group-address", test_group_address);

  return g_test_run ();
}
