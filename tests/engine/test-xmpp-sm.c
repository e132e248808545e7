/* test-xmpp-sm.c: stream management bookkeeping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xmpp-error.h"
#include "holboo-xmpp-sm.h"
#include "holboo-xmpp-types.h"

static HolbooXmlNode *
message (guint n)
{
  HolbooXmlNode *node = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  g_autofree char *id = g_strdup_printf ("m%u", n);

  holboo_xml_node_set_attribute (node, "id", id);
  return node;
}

static HolbooXmlNode *
enabled_node (const char *id,
              const char *resume)
{
  HolbooXmlNode *node = holboo_xml_node_new ("enabled", HOLBOO_XMLNS_SM);

  holboo_xml_node_set_attribute (node, "id", id);
  holboo_xml_node_set_attribute (node, "resume", resume);
  return node;
}

static void
enable (HolbooXmppSm *sm)
{
  g_autoptr(HolbooXmlNode) enabled = enabled_node ("sm-1", "true");

  holboo_xmpp_sm_enabled (sm, enabled);
}

static void
test_disabled (void)
{
  g_autoptr(HolbooXmppSm) sm = holboo_xmpp_sm_new ();
  g_autoptr(HolbooXmlNode) stanza = message (1);

  /* Nothing is counted or kept before <enabled/>. */
  holboo_xmpp_sm_track_outbound (sm, stanza);
  holboo_xmpp_sm_count_inbound (sm);
  g_assert_false (holboo_xmpp_sm_is_enabled (sm));
  g_assert_false (holboo_xmpp_sm_can_resume (sm));
  g_assert_cmpuint (holboo_xmpp_sm_get_n_unacked (sm), ==, 0);
  g_assert_cmpuint (holboo_xmpp_sm_get_inbound (sm), ==, 0);
}

static void
test_enabled (void)
{
  g_autoptr(HolbooXmppSm) sm = holboo_xmpp_sm_new ();
  g_autoptr(HolbooXmlNode) no_resume = enabled_node ("x", NULL);
  g_autoptr(HolbooXmlNode) no_id = enabled_node (NULL, "true");
  g_autoptr(HolbooXmlNode) one = enabled_node ("abc", "1");

  holboo_xmpp_sm_enabled (sm, no_resume);
  g_assert_true (holboo_xmpp_sm_is_enabled (sm));
  g_assert_false (holboo_xmpp_sm_can_resume (sm));

  holboo_xmpp_sm_enabled (sm, no_id);
  g_assert_false (holboo_xmpp_sm_can_resume (sm));

  holboo_xmpp_sm_enabled (sm, one);
  g_assert_true (holboo_xmpp_sm_can_resume (sm));
  g_assert_cmpstr (holboo_xmpp_sm_get_id (sm), ==, "abc");
}

static void
test_acks (void)
{
  g_autoptr(HolbooXmppSm) sm = holboo_xmpp_sm_new ();
  g_autoptr(GPtrArray) acked = NULL;
  g_autoptr(GError) error = NULL;

  enable (sm);
  for (guint i = 1; i <= 5; i++)
    {
      g_autoptr(HolbooXmlNode) stanza = message (i);

      holboo_xmpp_sm_track_outbound (sm, stanza);
    }
  g_assert_cmpuint (holboo_xmpp_sm_get_outbound (sm), ==, 5);
  g_assert_cmpuint (holboo_xmpp_sm_get_n_unacked (sm), ==, 5);

  acked = holboo_xmpp_sm_ack (sm, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acked->len, ==, 2);
  g_assert_cmpstr (holboo_xml_node_get_attribute (g_ptr_array_index (acked, 0), "id"), ==, "m1");
  g_assert_cmpstr (holboo_xml_node_get_attribute (g_ptr_array_index (acked, 1), "id"), ==, "m2");
  g_clear_pointer (&acked, g_ptr_array_unref);

  /* The same h again acks nothing. */
  acked = holboo_xmpp_sm_ack (sm, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acked->len, ==, 0);
  g_clear_pointer (&acked, g_ptr_array_unref);

  /* More than was sent: a protocol error, and nothing changes. */
  acked = holboo_xmpp_sm_ack (sm, "6", &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_assert_null (acked);
  g_clear_error (&error);
  g_assert_cmpuint (holboo_xmpp_sm_get_n_unacked (sm), ==, 3);

  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "", "-1", "x", "4294967296" };

      acked = holboo_xmpp_sm_ack (sm, bad[i], &error);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
      g_assert_null (acked);
      g_clear_error (&error);
    }
  acked = holboo_xmpp_sm_ack (sm, NULL, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_clear_error (&error);

  acked = holboo_xmpp_sm_ack (sm, "5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acked->len, ==, 3);
  g_assert_cmpstr (holboo_xml_node_get_attribute (g_ptr_array_index (acked, 2), "id"), ==, "m5");
  g_assert_cmpuint (holboo_xmpp_sm_get_n_unacked (sm), ==, 0);
}

static void
test_inbound (void)
{
  g_autoptr(HolbooXmppSm) sm = holboo_xmpp_sm_new ();
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(HolbooXmlNode) resume = NULL;

  enable (sm);
  for (guint i = 0; i < 7; i++)
    holboo_xmpp_sm_count_inbound (sm);

  answer = holboo_xmpp_sm_build_answer (sm);
  g_assert_true (holboo_xml_node_is (answer, "a", HOLBOO_XMLNS_SM));
  g_assert_cmpstr (holboo_xml_node_get_attribute (answer, "h"), ==, "7");

  resume = holboo_xmpp_sm_build_resume (sm);
  g_assert_true (holboo_xml_node_is (resume, "resume", HOLBOO_XMLNS_SM));
  g_assert_cmpstr (holboo_xml_node_get_attribute (resume, "h"), ==, "7");
  g_assert_cmpstr (holboo_xml_node_get_attribute (resume, "previd"), ==, "sm-1");
}

/* Counters are 32-bit (XEP-0198 §4): a huge h is "behind" by modular
 * arithmetic only if it acks no more than was sent. */
static void
test_h_modular (void)
{
  g_autoptr(HolbooXmppSm) sm = holboo_xmpp_sm_new ();
  g_autoptr(GPtrArray) acked = NULL;
  g_autoptr(GError) error = NULL;
  char h[16];

  enable (sm);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HolbooXmlNode) stanza = message (i);

      holboo_xmpp_sm_track_outbound (sm, stanza);
    }
  acked = holboo_xmpp_sm_ack (sm, "0", &error);
  g_assert_no_error (error);
  g_clear_pointer (&acked, g_ptr_array_unref);

  g_snprintf (h, sizeof h, "%u", G_MAXUINT32);
  acked = holboo_xmpp_sm_ack (sm, h, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);   /* 2³²−1 > 3 */
  g_clear_error (&error);

  acked = holboo_xmpp_sm_ack (sm, "2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acked->len, ==, 2);
}

static void
test_resume_and_loss (void)
{
  g_autoptr(HolbooXmppSm) sm = holboo_xmpp_sm_new ();
  g_autoptr(GPtrArray) acked = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GError) error = NULL;

  enable (sm);
  for (guint i = 1; i <= 4; i++)
    {
      g_autoptr(HolbooXmlNode) stanza = message (i);

      holboo_xmpp_sm_track_outbound (sm, stanza);
    }

  /* <resumed h='1'/>: m1 arrived, m2..m4 go again and are tracked again. */
  acked = holboo_xmpp_sm_ack (sm, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acked->len, ==, 1);
  rest = holboo_xmpp_sm_take_unacked (sm);
  g_assert_cmpuint (rest->len, ==, 3);
  g_assert_cmpstr (holboo_xml_node_get_attribute (g_ptr_array_index (rest, 0), "id"), ==, "m2");
  g_assert_cmpuint (holboo_xmpp_sm_get_outbound (sm), ==, 1);
  for (guint i = 0; i < rest->len; i++)
    holboo_xmpp_sm_track_outbound (sm, g_ptr_array_index (rest, i));
  g_assert_cmpuint (holboo_xmpp_sm_get_outbound (sm), ==, 4);
  g_clear_pointer (&acked, g_ptr_array_unref);
  acked = holboo_xmpp_sm_ack (sm, "4", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acked->len, ==, 3);

  holboo_xmpp_sm_reset (sm);
  g_assert_false (holboo_xmpp_sm_is_enabled (sm));
  g_assert_null (holboo_xmpp_sm_get_id (sm));
  g_assert_cmpuint (holboo_xmpp_sm_get_outbound (sm), ==, 0);
}

static void
test_is_stanza (void)
{
  const struct { const char *name; const char *ns; gboolean stanza; } cases[] = {
    { "message", HOLBOO_XMLNS_CLIENT, TRUE },
    { "presence", HOLBOO_XMLNS_CLIENT, TRUE },
    { "iq", HOLBOO_XMLNS_CLIENT, TRUE },
    { "message", "jabber:server", FALSE },
    { "r", HOLBOO_XMLNS_SM, FALSE },
    { "features", HOLBOO_XMLNS_STREAM, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) node = holboo_xml_node_new (cases[i].name, cases[i].ns);

      g_assert_cmpint (holboo_xmpp_sm_is_stanza (node), ==, cases[i].stanza);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/sm/disabled", test_disabled);
  g_test_add_func ("/xmpp/sm/enabled", test_enabled);
  g_test_add_func ("/xmpp/sm/acks", test_acks);
  g_test_add_func ("/xmpp/sm/inbound", test_inbound);
  g_test_add_func ("/xmpp/sm/h-modular", test_h_modular);
  g_test_add_func ("/xmpp/sm/resume-and-loss", test_resume_and_loss);
  g_test_add_func ("/xmpp/sm/is-stanza", test_is_stanza);

  return g_test_run ();
}
