/* holboo-xmpp-negotiator.c: from an encrypted channel to a bound session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 6120 §6–§7 and XEP-0198 as a state machine fed one element at a
 * time, synchronously, so that the connection can hand the very next
 * element to the session: stream header → features → SASL → new stream
 * → features → resume (if a session can be resumed) or bind → enable
 * stream management.  It writes to the transport and owns no I/O.
 */

#define G_LOG_DOMAIN "holboo-xmpp-negotiator"

#include "config.h"

#include "holboo-xmpp-negotiator.h"
#include "holboo-xmpp-error-private.h"
#include "holboo-xmpp-sasl.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef enum {
  STEP_STREAM,          /* waiting for the server's stream header */
  STEP_FEATURES,
  STEP_SASL,
  STEP_STREAM_AUTHENTICATED,
  STEP_FEATURES_AUTHENTICATED,
  STEP_RESUME,
  STEP_BIND,
  STEP_SESSION,
  STEP_ENABLE,
  STEP_DONE,
} Step;

struct _HolbooXmppNegotiator
{
  HolbooXmppTransport *transport;
  HolbooXmppSettings  *settings;
  HolbooJid           *jid;
  HolbooXmppSm        *sm;

  Step                 step;
  HolbooXmppSasl      *sasl;
  char                *mechanism;
  char                *iq_id;
  HolbooXmlNode       *features;
  HolbooJid           *bound_jid;
  gboolean             resumed;
  GPtrArray           *acked;
  GPtrArray           *resend;
  GPtrArray           *lost;
};

HolbooXmppNegotiator *
holboo_xmpp_negotiator_new (HolbooXmppTransport *transport,
                            HolbooXmppSettings  *settings,
                            HolbooJid           *jid,
                            HolbooXmppSm        *sm)
{
  HolbooXmppNegotiator *self = g_new0 (HolbooXmppNegotiator, 1);

  self->transport = g_object_ref (transport);
  self->settings = g_object_ref (settings);
  self->jid = holboo_jid_ref (jid);
  self->sm = sm;
  return self;
}

void
holboo_xmpp_negotiator_free (HolbooXmppNegotiator *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->transport);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->jid, holboo_jid_unref);
  g_clear_pointer (&self->sasl, holboo_xmpp_sasl_free);
  g_free (self->mechanism);
  g_free (self->iq_id);
  g_clear_pointer (&self->features, holboo_xml_node_unref);
  g_clear_pointer (&self->bound_jid, holboo_jid_unref);
  g_clear_pointer (&self->acked, g_ptr_array_unref);
  g_clear_pointer (&self->resend, g_ptr_array_unref);
  g_clear_pointer (&self->lost, g_ptr_array_unref);
  g_free (self);
}

void
holboo_xmpp_negotiator_start (HolbooXmppNegotiator *self)
{
  g_return_if_fail (self->step == STEP_STREAM);

  holboo_xmpp_transport_open_stream (self->transport);
}

static HolbooXmppNegotiationResult
protocol_error (GError     **error,
                const char  *message)
{
  g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL, message);
  return HOLBOO_XMPP_NEGOTIATION_FAILED;
}

HolbooXmppNegotiationResult
holboo_xmpp_negotiator_stream_opened (HolbooXmppNegotiator  *self,
                                      HolbooXmlNode         *header,
                                      GError               **error)
{
  const char *version = holboo_xml_node_get_attribute (header, "version");

  if (self->step != STEP_STREAM && self->step != STEP_STREAM_AUTHENTICATED)
    return protocol_error (error, _("The server restarted the stream unexpectedly"));

  /* RFC 6120 §4.7.5: a server without version 1.0 cannot do SASL or TLS. */
  if (version == NULL || !g_str_has_prefix (version, "1."))
    return protocol_error (error, _("The server speaks an old version of XMPP"));

  self->step = self->step == STEP_STREAM ? STEP_FEATURES : STEP_FEATURES_AUTHENTICATED;
  return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
}

static char **
collect_texts (HolbooXmlNode *parent,
               const char    *name,
               const char    *ns,
               const char    *attribute)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  HolbooXmlIter iter;
  HolbooXmlNode *child;

  holboo_xml_iter_init (&iter, parent, name, ns);
  while (holboo_xml_iter_next (&iter, &child))
    {
      const char *value = attribute != NULL ? holboo_xml_node_get_attribute (child, attribute)
                                            : holboo_xml_node_get_text (child);

      if (value != NULL)
        g_strv_builder_add (builder, value);
    }

  return g_strv_builder_end (builder);
}

static void
send_auth (HolbooXmppNegotiator *self,
           const char           *initial)
{
  g_autoptr(HolbooXmlNode) auth = holboo_xml_node_new ("auth", HOLBOO_XMLNS_SASL);

  holboo_xml_node_set_attribute (auth, "mechanism", self->mechanism);
  /* RFC 6120 §6.4.2: an empty initial response is "=". */
  holboo_xml_node_add_text (auth, *initial != '\0' ? initial : "=", -1);
  holboo_xmpp_transport_send (self->transport, auth);
}

static HolbooXmppNegotiationResult
start_sasl (HolbooXmppNegotiator  *self,
            HolbooXmlNode         *features,
            GError               **error)
{
  HolbooXmlNode *mechanisms = holboo_xml_node_get_child (features, "mechanisms", HOLBOO_XMLNS_SASL);
  HolbooXmlNode *cb_types = holboo_xml_node_get_child (features, "sasl-channel-binding", HOLBOO_XMLNS_SASL_CB);
  g_auto(GStrv) offered = NULL;
  g_auto(GStrv) server_types = NULL;
  g_autoptr(GBytes) unique = NULL;
  g_autoptr(GBytes) exporter = NULL;
  HolbooXmppChannelBinding binding;
  const char *mechanism;
  g_autofree char *initial = NULL;
  gboolean encrypted = holboo_xmpp_transport_is_encrypted (self->transport);

  if (mechanisms == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NO_MECHANISM,
                           _("The server offers no way to log in"));
      return HOLBOO_XMPP_NEGOTIATION_FAILED;
    }

  offered = collect_texts (mechanisms, "mechanism", HOLBOO_XMLNS_SASL, NULL);
  if (cb_types != NULL)
    server_types = collect_texts (cb_types, "channel-binding", HOLBOO_XMLNS_SASL_CB, "type");

  unique = holboo_xmpp_transport_get_channel_binding (self->transport, HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE);
  exporter = holboo_xmpp_transport_get_channel_binding (self->transport, HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER);
  binding = holboo_xmpp_sasl_choose_channel_binding ((const char * const *) server_types,
                                                     unique != NULL, exporter != NULL);

  mechanism = holboo_xmpp_sasl_choose_mechanism ((const char * const *) offered, encrypted,
                                                 binding != HOLBOO_XMPP_CHANNEL_BINDING_NONE);
  if (mechanism == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", offered);

      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NO_MECHANISM,
                   _("The server offers no safe way to log in (it offers: %s)"), list);
      return HOLBOO_XMPP_NEGOTIATION_FAILED;
    }

  if (!g_str_has_suffix (mechanism, "-PLUS"))
    binding = HOLBOO_XMPP_CHANNEL_BINDING_NONE;
  g_debug ("SASL %s, channel binding %s", mechanism, holboo_xmpp_channel_binding_to_string (binding));

  self->sasl = holboo_xmpp_sasl_new (mechanism, holboo_jid_get_localpart (self->jid),
                                     holboo_xmpp_settings_get_password (self->settings), binding,
                                     binding == HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER ? exporter : unique,
                                     error);
  if (self->sasl == NULL)
    return HOLBOO_XMPP_NEGOTIATION_FAILED;

  initial = holboo_xmpp_sasl_step (self->sasl, NULL, error);
  if (initial == NULL)
    return HOLBOO_XMPP_NEGOTIATION_FAILED;

  self->mechanism = g_strdup (mechanism);
  send_auth (self, initial);
  self->step = STEP_SASL;
  return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
}

static HolbooXmppNegotiationResult
handle_sasl (HolbooXmppNegotiator  *self,
             HolbooXmlNode         *element,
             GError               **error)
{
  const char *name = holboo_xml_node_get_name (element);

  if (strcmp (name, "challenge") == 0)
    {
      g_autofree char *response = holboo_xmpp_sasl_step (self->sasl, holboo_xml_node_get_text (element), error);
      g_autoptr(HolbooXmlNode) node = NULL;

      if (response == NULL)
        return HOLBOO_XMPP_NEGOTIATION_FAILED;

      node = holboo_xml_node_new ("response", HOLBOO_XMLNS_SASL);
      if (*response != '\0')
        holboo_xml_node_add_text (node, response, -1);
      holboo_xmpp_transport_send (self->transport, node);
      return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
    }

  if (strcmp (name, "success") == 0)
    {
      if (!holboo_xmpp_sasl_verify_success (self->sasl, holboo_xml_node_get_text (element), error))
        return HOLBOO_XMPP_NEGOTIATION_FAILED;

      g_clear_pointer (&self->sasl, holboo_xmpp_sasl_free);
      self->step = STEP_STREAM_AUTHENTICATED;
      holboo_xmpp_transport_open_stream (self->transport);
      return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
    }

  if (strcmp (name, "failure") == 0)
    {
      g_propagate_error (error, _holboo_xmpp_error_from_sasl_failure (element));
      return HOLBOO_XMPP_NEGOTIATION_FAILED;
    }

  return protocol_error (error, _("The server answered the login with something unexpected"));
}

static HolbooXmppNegotiationResult
send_bind (HolbooXmppNegotiator *self)
{
  g_autoptr(HolbooXmlNode) iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *bind;
  const char *resource = holboo_xmpp_settings_get_resource (self->settings);

  g_free (self->iq_id);
  self->iq_id = g_uuid_string_random ();
  holboo_xml_node_set_attribute (iq, "type", "set");
  holboo_xml_node_set_attribute (iq, "id", self->iq_id);
  bind = holboo_xml_node_add_child_ns (iq, "bind", HOLBOO_XMLNS_BIND);
  if (resource != NULL)
    holboo_xml_node_add_text_child (bind, "resource", resource);
  holboo_xmpp_transport_send (self->transport, iq);

  self->step = STEP_BIND;
  return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
}

static HolbooXmppNegotiationResult
maybe_enable (HolbooXmppNegotiator *self)
{
  if (holboo_xmpp_settings_get_stream_management (self->settings) &&
      holboo_xml_node_get_child (self->features, "sm", HOLBOO_XMLNS_SM) != NULL)
    {
      g_autoptr(HolbooXmlNode) enable = holboo_xmpp_sm_build_enable (TRUE);

      holboo_xmpp_transport_send (self->transport, enable);
      self->step = STEP_ENABLE;
      return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
    }

  self->step = STEP_DONE;
  return HOLBOO_XMPP_NEGOTIATION_DONE;
}

/* The SM session cannot come back: what it had not acked may be lost. */
static void
lose_session (HolbooXmppNegotiator *self,
              const char           *h)
{
  if (h != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->acked = holboo_xmpp_sm_ack (self->sm, h, &error);
      if (self->acked == NULL)
        g_debug ("Ignoring the h of <failed/>: %s", error->message);
    }

  self->lost = holboo_xmpp_sm_take_unacked (self->sm);
  holboo_xmpp_sm_reset (self->sm);
}

static HolbooXmppNegotiationResult
handle_authenticated_features (HolbooXmppNegotiator  *self,
                               HolbooXmlNode         *features,
                               GError               **error)
{
  gboolean offers_sm = holboo_xml_node_get_child (features, "sm", HOLBOO_XMLNS_SM) != NULL;

  self->features = holboo_xml_node_ref (features);

  if (holboo_xmpp_sm_can_resume (self->sm) && offers_sm)
    {
      g_autoptr(HolbooXmlNode) resume = holboo_xmpp_sm_build_resume (self->sm);

      holboo_xmpp_transport_send (self->transport, resume);
      self->step = STEP_RESUME;
      return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
    }

  if (holboo_xmpp_sm_is_enabled (self->sm))
    lose_session (self, NULL);

  if (holboo_xml_node_get_child (features, "bind", HOLBOO_XMLNS_BIND) == NULL)
    return protocol_error (error, _("The server does not offer resource binding"));

  return send_bind (self);
}

static HolbooXmppNegotiationResult
handle_resume (HolbooXmppNegotiator  *self,
               HolbooXmlNode         *element,
               GError               **error)
{
  if (holboo_xml_node_is (element, "resumed", HOLBOO_XMLNS_SM))
    {
      self->acked = holboo_xmpp_sm_ack (self->sm, holboo_xml_node_get_attribute (element, "h"), error);
      if (self->acked == NULL)
        return HOLBOO_XMPP_NEGOTIATION_FAILED;

      self->resend = holboo_xmpp_sm_take_unacked (self->sm);
      self->bound_jid = NULL;
      self->resumed = TRUE;
      self->step = STEP_DONE;
      return HOLBOO_XMPP_NEGOTIATION_DONE;
    }

  if (holboo_xml_node_is (element, "failed", HOLBOO_XMLNS_SM))
    {
      g_debug ("Stream resumption failed; binding a new session");
      lose_session (self, holboo_xml_node_get_attribute (element, "h"));
      if (holboo_xml_node_get_child (self->features, "bind", HOLBOO_XMLNS_BIND) == NULL)
        return protocol_error (error, _("The server does not offer resource binding"));
      return send_bind (self);
    }

  return HOLBOO_XMPP_NEGOTIATION_IGNORED;
}

static gboolean
is_iq_answer (HolbooXmppNegotiator *self,
              HolbooXmlNode        *element)
{
  const char *type = holboo_xml_node_get_attribute (element, "type");

  const char *from = holboo_xml_node_get_attribute (element, "from");

  /* Before binding only the server itself can answer. */
  return holboo_xml_node_is (element, "iq", HOLBOO_XMLNS_CLIENT) &&
         g_strcmp0 (holboo_xml_node_get_attribute (element, "id"), self->iq_id) == 0 &&
         (g_strcmp0 (type, "result") == 0 || g_strcmp0 (type, "error") == 0) &&
         (from == NULL || g_strcmp0 (from, holboo_jid_get_domainpart (self->jid)) == 0 ||
          g_strcmp0 (from, holboo_jid_get_bare_string (self->jid)) == 0);
}

static HolbooXmppNegotiationResult
handle_bind (HolbooXmppNegotiator  *self,
             HolbooXmlNode         *element,
             GError               **error)
{
  HolbooXmlNode *bind;
  const char *text;
  g_autoptr(GError) local_error = NULL;

  if (!is_iq_answer (self, element))
    return HOLBOO_XMPP_NEGOTIATION_IGNORED;

  if (g_strcmp0 (holboo_xml_node_get_attribute (element, "type"), "error") == 0)
    {
      g_autoptr(GError) stanza_error = holboo_xmpp_stanza_error_from_node (element);

      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   _("The server refused the device name: %s"), stanza_error->message);
      return HOLBOO_XMPP_NEGOTIATION_FAILED;
    }

  bind = holboo_xml_node_get_child (element, "bind", HOLBOO_XMLNS_BIND);
  text = bind != NULL ? holboo_xml_node_get_child_text (bind, "jid", HOLBOO_XMLNS_BIND) : NULL;
  self->bound_jid = text != NULL ? holboo_jid_parse (text, -1, &local_error) : NULL;
  if (self->bound_jid == NULL || !holboo_jid_is_full (self->bound_jid) ||
      !holboo_jid_equal_bare (self->bound_jid, self->jid))
    {
      g_clear_pointer (&self->bound_jid, holboo_jid_unref);
      return protocol_error (error, _("The server bound an invalid address"));
    }

  /* RFC 3921 sessions: only when the server still requires them. */
  {
    HolbooXmlNode *session = holboo_xml_node_get_child (self->features, "session", HOLBOO_XMLNS_SESSION);

    if (session != NULL && holboo_xml_node_get_child (session, "optional", HOLBOO_XMLNS_SESSION) == NULL)
      {
        g_autoptr(HolbooXmlNode) iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

        g_free (self->iq_id);
        self->iq_id = g_uuid_string_random ();
        holboo_xml_node_set_attribute (iq, "type", "set");
        holboo_xml_node_set_attribute (iq, "id", self->iq_id);
        holboo_xml_node_add_child_ns (iq, "session", HOLBOO_XMLNS_SESSION);
        holboo_xmpp_transport_send (self->transport, iq);
        self->step = STEP_SESSION;
        return HOLBOO_XMPP_NEGOTIATION_CONTINUE;
      }
  }

  return maybe_enable (self);
}

/**
 * holboo_xmpp_negotiator_handle:
 *
 * Feeds one element of the server's stream (never a stream error: the
 * caller handles those).
 */
HolbooXmppNegotiationResult
holboo_xmpp_negotiator_handle (HolbooXmppNegotiator  *self,
                               HolbooXmlNode         *element,
                               GError               **error)
{
  switch (self->step)
    {
    case STEP_FEATURES:
      if (!holboo_xml_node_is (element, "features", HOLBOO_XMLNS_STREAM))
        return protocol_error (error, _("The server did not send its stream features"));
      return start_sasl (self, element, error);

    case STEP_SASL:
      if (g_strcmp0 (holboo_xml_node_get_ns (element), HOLBOO_XMLNS_SASL) != 0)
        return protocol_error (error, _("The server answered the login with something unexpected"));
      return handle_sasl (self, element, error);

    case STEP_FEATURES_AUTHENTICATED:
      if (!holboo_xml_node_is (element, "features", HOLBOO_XMLNS_STREAM))
        return protocol_error (error, _("The server did not send its stream features"));
      return handle_authenticated_features (self, element, error);

    case STEP_RESUME:
      return handle_resume (self, element, error);

    case STEP_BIND:
      return handle_bind (self, element, error);

    case STEP_SESSION:
      if (!is_iq_answer (self, element))
        return HOLBOO_XMPP_NEGOTIATION_IGNORED;
      if (g_strcmp0 (holboo_xml_node_get_attribute (element, "type"), "error") == 0)
        return protocol_error (error, _("The server refused to start a session"));
      return maybe_enable (self);

    case STEP_ENABLE:
      if (holboo_xml_node_is (element, "enabled", HOLBOO_XMLNS_SM))
        {
          holboo_xmpp_sm_enabled (self->sm, element);
          self->step = STEP_DONE;
          return HOLBOO_XMPP_NEGOTIATION_DONE;
        }
      if (holboo_xml_node_is (element, "failed", HOLBOO_XMLNS_SM))
        {
          g_debug ("The server refused stream management");
          self->step = STEP_DONE;
          return HOLBOO_XMPP_NEGOTIATION_DONE;
        }
      return HOLBOO_XMPP_NEGOTIATION_IGNORED;

    case STEP_STREAM:
    case STEP_STREAM_AUTHENTICATED:
      return protocol_error (error, _("The server sent data before opening its stream"));

    case STEP_DONE:
    default:
      return HOLBOO_XMPP_NEGOTIATION_IGNORED;
    }
}

gboolean
holboo_xmpp_negotiator_is_authenticated (HolbooXmppNegotiator *self)
{
  return self->step >= STEP_STREAM_AUTHENTICATED;
}

gboolean
holboo_xmpp_negotiator_get_resumed (HolbooXmppNegotiator *self)
{
  return self->resumed;
}

/* (transfer none) (nullable): %NULL after a resumption */
HolbooJid *
holboo_xmpp_negotiator_get_bound_jid (HolbooXmppNegotiator *self)
{
  return self->bound_jid;
}

HolbooXmlNode *
holboo_xmpp_negotiator_get_features (HolbooXmppNegotiator *self)
{
  return self->features;
}

const char *
holboo_xmpp_negotiator_get_mechanism (HolbooXmppNegotiator *self)
{
  return self->mechanism;
}

/* (transfer full) (nullable) */
GPtrArray *
holboo_xmpp_negotiator_steal_acked (HolbooXmppNegotiator *self)
{
  return g_steal_pointer (&self->acked);
}

/* (transfer full) (nullable) */
GPtrArray *
holboo_xmpp_negotiator_steal_resend (HolbooXmppNegotiator *self)
{
  return g_steal_pointer (&self->resend);
}

/* (transfer full) (nullable) */
GPtrArray *
holboo_xmpp_negotiator_steal_lost (HolbooXmppNegotiator *self)
{
  return g_steal_pointer (&self->lost);
}
