/* holboo-account-chat-states.c: "is typing…" (XEP-0085), both ways,
 * never stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Incoming: each peer's latest state is kept in memory and
 * ::chat-state-changed is emitted when it changes.  A peer whose client
 * said "composing" and then went quiet (it crashed, the network went
 * away, the notification that it stopped was lost) would seem to type
 * for ever: after #HolbooAccount:chat-state-timeout without news the
 * state falls back to paused.  A message with a body from the peer
 * ends composing too, whatever state it carries.  An unknown peer
 * counts as active, so the usual `<active/>` next to every body costs
 * one hash lookup and no signal.
 *
 * Outgoing: holboo_account_send_chat_state() sends a standalone
 * notification only when the state changes; messages carry `<active/>`
 * (holboo-account-outbox.c), which resets it.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"

typedef struct {
  HolbooAccount       *account;
  char                *peer;
  HolbooXmppChatState  state;
  guint                timeout_id;
} PeerChatState;

static void
peer_chat_state_free (PeerChatState *ps)
{
  g_clear_handle_id (&ps->timeout_id, g_source_remove);
  g_free (ps->peer);
  g_free (ps);
}

static void
set_state (HolbooAccount       *self,
           PeerChatState       *ps,
           HolbooXmppChatState  state)
{
  if (ps->state == state)
    return;
  ps->state = state;
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CHAT_STATE_CHANGED], 0, ps->peer, (int) state);
}

static gboolean
on_composing_stale (gpointer user_data)
{
  PeerChatState *ps = user_data;

  ps->timeout_id = 0;
  g_debug ("%s stopped composing without saying so", ps->peer);
  set_state (ps->account, ps, HOLBOO_XMPP_CHAT_STATE_PAUSED);
  return G_SOURCE_REMOVE;
}

/* @peer's client told us @state (NONE: it said nothing), with a body
 * (@with_body) or alone. */
void
_holboo_account_chat_state_received (HolbooAccount       *self,
                                     const char          *peer,
                                     HolbooXmppChatState  state,
                                     gboolean             with_body)
{
  PeerChatState *ps;

  if (with_body && (state == HOLBOO_XMPP_CHAT_STATE_NONE || state == HOLBOO_XMPP_CHAT_STATE_COMPOSING))
    state = HOLBOO_XMPP_CHAT_STATE_ACTIVE;
  if (state == HOLBOO_XMPP_CHAT_STATE_NONE)
    return;

  ps = g_hash_table_lookup (self->chat_states, peer);
  if (ps == NULL)
    {
      if (state == HOLBOO_XMPP_CHAT_STATE_ACTIVE)
        return;
      ps = g_new0 (PeerChatState, 1);
      ps->account = self;
      ps->peer = g_strdup (peer);
      ps->state = HOLBOO_XMPP_CHAT_STATE_ACTIVE;
      g_hash_table_insert (self->chat_states, ps->peer, ps);
    }

  g_clear_handle_id (&ps->timeout_id, g_source_remove);
  if (state == HOLBOO_XMPP_CHAT_STATE_COMPOSING)
    ps->timeout_id = g_timeout_add (self->chat_state_timeout, on_composing_stale, ps);
  set_state (self, ps, state);
}

/* A message to @peer went out with @state. */
void
_holboo_account_chat_state_sent (HolbooAccount       *self,
                                 const char          *peer,
                                 HolbooXmppChatState  state)
{
  g_hash_table_insert (self->sent_chat_states, g_strdup (peer), GINT_TO_POINTER (state));
}

void
_holboo_account_chat_states_init (HolbooAccount *self)
{
  self->chat_states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) peer_chat_state_free);
  self->sent_chat_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->chat_state_timeout = HOLBOO_ACCOUNT_DEFAULT_CHAT_STATE_TIMEOUT;
}

void
_holboo_account_chat_states_dispose (HolbooAccount *self)
{
  g_clear_pointer (&self->chat_states, g_hash_table_unref);
  g_clear_pointer (&self->sent_chat_states, g_hash_table_unref);
}

/**
 * holboo_account_get_chat_state:
 * @peer: a peer's bare JID
 *
 * Returns: what @peer is doing as far as we know:
 *   %HOLBOO_XMPP_CHAT_STATE_ACTIVE when we know nothing
 */
HolbooXmppChatState
holboo_account_get_chat_state (HolbooAccount *self,
                               const char    *peer)
{
  PeerChatState *ps;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), HOLBOO_XMPP_CHAT_STATE_NONE);
  g_return_val_if_fail (peer != NULL, HOLBOO_XMPP_CHAT_STATE_NONE);

  ps = self->chat_states != NULL ? g_hash_table_lookup (self->chat_states, peer) : NULL;
  return ps != NULL ? ps->state : HOLBOO_XMPP_CHAT_STATE_ACTIVE;
}

/**
 * holboo_account_send_chat_state:
 * @self: an account
 * @peer: the conversation's bare JID
 * @state: what the user does in it now: composing while typing, paused
 *   when typing stopped for a few seconds, active when looking at it,
 *   inactive when it is in the background, gone when it is closed
 *
 * Tells @peer, unless @peer already knows or there is no session (chat
 * states are of the moment: nothing is queued or stored).
 *
 * Returns: %TRUE when a notification was sent
 */
gboolean
holboo_account_send_chat_state (HolbooAccount       *self,
                                const char          *peer,
                                HolbooXmppChatState  state)
{
  g_autoptr(HolbooXmlNode) stanza = NULL;
  g_autoptr(HolbooJid) jid = NULL;
  gpointer last;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);
  g_return_val_if_fail (state > HOLBOO_XMPP_CHAT_STATE_NONE && state <= HOLBOO_XMPP_CHAT_STATE_GONE, FALSE);

  jid = holboo_jid_parse (peer, -1, NULL);
  if (jid == NULL || self->closed || !_holboo_account_is_connected (self))
    return FALSE;

  /* Nothing said yet counts as active (XEP-0085 §5.1). */
  if (g_hash_table_lookup_extended (self->sent_chat_states, holboo_jid_get_bare_string (jid), NULL, &last)
      ? GPOINTER_TO_INT (last) == (int) state
      : state == HOLBOO_XMPP_CHAT_STATE_ACTIVE)
    return FALSE;

  stanza = holboo_xmpp_chat_state_build (holboo_jid_get_bare_string (jid), state);
  if (!holboo_xmpp_connection_send (self->connection, stanza, NULL))
    return FALSE;
  _holboo_account_chat_state_sent (self, holboo_jid_get_bare_string (jid), state);
  return TRUE;
}
