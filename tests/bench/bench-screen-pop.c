/* bench-screen-pop.c: from an incoming chat stanza to its customer on
 * screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store with 100,000 customers (one in 100 with a chat address, each
 * with a note), an account on it (offline: stanzas are fed as the
 * connection would hand them over) and, under Xvfb, a window with the
 * screen pop (HolbooCustomerBanner, as the conversation view has it).
 * Each round a customer writes: the stanza goes through the account's
 * pipeline; when the message is announced (::message-added) the banner
 * is pointed at its sender, as the conversation view does; the time is
 * taken when the banner shows the customer (::customer-shown) and when
 * the frame that draws it is painted.  Target (issue 6): ≤ 50 ms.
 * Prints every round's figures and their medians.
 */

#include "config.h"

#include "bench-store-util.h"
#include "holboo-account-private.h"
#include "holboo-customer-banner.h"
#include "holboo-store-customers.h"
#include "holboo-teamlog-op.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#define N_CUSTOMERS 100000
#define EVERY       100     /* one customer in EVERY has a chat address */
#define PAGE        5000
#define N_ROUNDS    21

static char *
customer_uuid (guint i)
{
  return g_strdup_printf ("5a7c0e2d-%04x-4000-8000-%012x", i >> 16, i);
}

static char *
customer_jid (guint i)
{
  return g_strdup_printf ("client%u@customers.example.mn", i);
}

static HolbooTeamlogOp *
new_op (guint                seq,
        HolbooTeamlogOpKind  kind,
        const char          *customer)
{
  HolbooTeamlogOp *op = holboo_teamlog_op_new ();

  op->kind = kind;
  op->type_name = g_strdup (holboo_teamlog_op_kind_to_string (kind));
  op->version = 1;
  op->uuid = g_uuid_string_random ();
  op->stanza_id = g_strdup_printf ("S%08u", seq);
  op->author = g_strdup ("bat@example.mn");
  op->server_ts = BENCH_T0 + (gint64) seq * G_USEC_PER_SEC;
  op->customer = g_strdup (customer);
  return op;
}

static void
fill (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (path, NULL, &error);
  guint seq = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *uuid = customer_uuid (i);
      g_autofree char *name = g_strdup_printf ("Харилцагч %u", i);
      g_autofree char *phones = g_strdup_printf ("+9769%07u", i);
      HolbooTeamlogOp *op = new_op (seq++, HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, uuid);

      holboo_teamlog_op_add_field (op, "name", name);
      holboo_teamlog_op_add_field (op, "company", "Номин ХХК");
      holboo_teamlog_op_add_field (op, "phones", phones);
      if (i % EVERY == 0)
        {
          g_autofree char *jid = customer_jid (i);

          holboo_teamlog_op_add_field (op, "xmpp", jid);
          g_ptr_array_add (ops, op);
          op = new_op (seq++, HOLBOO_TEAMLOG_OP_NOTE_ADD, uuid);
          op->target = g_uuid_string_random ();
          op->body = bench_make_body (rand);
        }
      g_ptr_array_add (ops, op);
      if (ops->len >= PAGE)
        {
          g_assert_true (holboo_store_apply_teamlog_ops (store, ops, NULL, &error));
          g_assert_no_error (error);
          g_ptr_array_set_size (ops, 0);
        }
    }
  g_assert_true (holboo_store_apply_teamlog_ops (store, ops, NULL, &error));
  g_assert_no_error (error);
}

typedef struct {
  HolbooCustomerBanner *banner;
  GtkWidget            *window;
  gint64                start;
  gint64                shown;
  gint64                painted;
  char                 *expected;
} Round;

static void
on_added (HolbooAccount       *account,
          gint64               conversation_id,
          gint64               message_id,
          HolbooStoredMessage *message,
          Round               *round)
{
  if (message->direction == HOLBOO_MESSAGE_INCOMING)
    holboo_customer_banner_set_peer (round->banner, account, message->peer);
}

static void
on_after_paint (GdkFrameClock *clock,
                Round         *round)
{
  if (round->shown != 0 && round->painted == 0)
    round->painted = g_get_monotonic_time ();
}

static void
on_shown (HolbooCustomerBanner *banner,
          const char           *uuid,
          Round                *round)
{
  if (g_strcmp0 (uuid, round->expected) == 0 && round->shown == 0)
    {
      round->shown = g_get_monotonic_time ();
      gtk_widget_queue_draw (round->window);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HolbooXmppSettings) settings = holboo_xmpp_settings_new (BENCH_ACCOUNT, "unused");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("holboo-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "account.db", NULL);
  g_autoptr(HolbooAccount) account = NULL;
  double to_shown[N_ROUNDS], to_painted[N_ROUNDS];
  Round round = { 0 };
  GtkWidget *window;
  gint64 start;

  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  fill (path);
  printf ("filled: %u customers (%u with a chat address and a note) in %.1f s\n",
          N_CUSTOMERS, N_CUSTOMERS / EVERY, (g_get_monotonic_time () - start) / 1e6);

  account = holboo_account_new (settings, path, NULL, &error);
  g_assert_no_error (error);

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 200);
  round.window = window;
  round.banner = HOLBOO_CUSTOMER_BANNER (holboo_customer_banner_new ());
  gtk_widget_set_valign (GTK_WIDGET (round.banner), GTK_ALIGN_START);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (round.banner));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), &round);
  g_signal_connect (account, "message-added", G_CALLBACK (on_added), &round);
  g_signal_connect (round.banner, "customer-shown", G_CALLBACK (on_shown), &round);

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      guint i = (r * 4733 % (N_CUSTOMERS / EVERY)) * EVERY;
      g_autofree char *jid = customer_jid (i);
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *from = g_strconcat (jid, "/phone", NULL);
      g_autoptr(HolbooXmlNode) stanza = holboo_xml_node_new ("message", "jabber:client");
      HolbooXmlNode *origin;

      holboo_xml_node_set_attribute (stanza, "from", from);
      holboo_xml_node_set_attribute (stanza, "to", BENCH_ACCOUNT "/desk");
      holboo_xml_node_set_attribute (stanza, "type", "chat");
      holboo_xml_node_set_attribute (stanza, "id", id);
      holboo_xml_node_add_text_child (stanza, "body", "Сайн байна уу, захиалгын талаар асуух гэсэн юм");
      origin = holboo_xml_node_add_child_ns (stanza, "origin-id", "urn:xmpp:sid:0");
      holboo_xml_node_set_attribute (origin, "id", id);

      g_assert_no_error (error);
      g_free (round.expected);
      round.expected = customer_uuid (i);
      round.shown = round.painted = 0;
      round.start = g_get_monotonic_time ();
      _holboo_account_receive_stanza (account, stanza);
      while (round.painted == 0)
        g_main_context_iteration (NULL, TRUE);
      to_shown[r] = (round.shown - round.start) / 1e3;
      to_painted[r] = (round.painted - round.start) / 1e3;
      printf ("round %2u: %s: customer shown after %.2f ms, painted after %.2f ms\n",
              r + 1, jid, to_shown[r], to_painted[r]);
    }

  printf ("screen pop over %u customers, median of %u: shown %.2f ms, painted %.2f ms (p95 painted %.2f ms) "
          "(target <= 50 ms)\n", N_CUSTOMERS, N_ROUNDS, bench_median (to_shown, N_ROUNDS),
          bench_median (to_painted, N_ROUNDS), bench_percentile (to_painted, N_ROUNDS, 0.95));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&account);
  g_free (round.expected);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
  return 0;
}
