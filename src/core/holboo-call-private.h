/* holboo-call-private.h: what HolbooCall's files and the account's calls
 * part share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-call.h"
#include "holboo-jingle-sdp.h"
#include "holboo-xmpp-connection.h"
#include "holboo-xmpp-jingle.h"
#include "holboo-xmpp-jmi.h"

G_BEGIN_DECLS

/* At most this many remote candidates per session; transport-infos
 * beyond it are answered with resource-constraint. */
#define HOLBOO_CALL_MAX_REMOTE_CANDIDATES 256

struct _HolbooCall
{
  GObject               parent_instance;

  HolbooXmppConnection *connection;       /* (nullable): none for a logged call */
  HolbooJid            *own;              /* our full JID */
  HolbooJid            *peer;             /* bare */
  HolbooJid            *peer_device;      /* (nullable): full, once known */
  char                 *sid;
  gboolean              incoming;
  gboolean              video;
  gboolean              by_jmi;           /* proposed with XEP-0353 (else bare Jingle) */

  HolbooCallStatus      status;
  HolbooCallEndReason   end_reason;
  GError               *error;
  gint64                started;          /* µs since the epoch */
  gint64                answered;         /* 0: never */
  gint64                ended;            /* 0: not yet */
  gint64                log_id;           /* the store's row, 0 if none */

  /* Ringing */
  guint                 ring_timeout_s;
  guint                 ring_timeout_id;
  guint                 connect_timeout_s;
  guint                 connect_timeout_id;

  /* Media (holboo-call-session.c) */
  HolbooCallPipeline   *pipeline;
  char                 *audio_source;
  char                 *audio_sink;
  char                 *video_source;
  char                 *video_sink;
  gboolean              relay_only;
  gboolean              echo_cancel;
  GStrv                 local_addresses;
  GPtrArray            *ice_servers;      /* (element-type HolbooIceServer) (nullable) */
  GstSDPMessage        *local_sdp;        /* as sent */
  GstSDPMessage        *remote_sdp;       /* as received */
  gboolean              has_offer;        /* the peer's session-initiate came (remote_sdp) */
  GPtrArray            *pending_local;    /* "mline candidate" until the session is on the wire */
  GPtrArray            *pending_remote;   /* HolbooJingleCandidate until the remote description is set */
  gboolean              session_sent;     /* our initiate/accept went out */
  gboolean              remote_applied;
  guint                 remote_candidates;
  GCancellable         *cancellable;

  gboolean              muted;
  gboolean              held;
  gboolean              remote_muted;
  gboolean              remote_held;
};

/* holboo-call.c */
HolbooCall *_holboo_call_new            (HolbooXmppConnection  *connection,
                                         HolbooJid             *own,
                                         HolbooJid             *peer,
                                         const char            *sid,
                                         gboolean               incoming,
                                         gboolean               video);
HolbooCall *_holboo_call_new_logged     (const char            *sid,
                                         const char            *peer,
                                         gboolean               incoming,
                                         gboolean               video,
                                         HolbooCallEndReason    reason,
                                         gint64                 started,
                                         gint64                 answered,
                                         gint64                 ended);
void        _holboo_call_set_status     (HolbooCall            *self,
                                         HolbooCallStatus       status);
void        _holboo_call_end            (HolbooCall            *self,
                                         HolbooCallEndReason    reason,
                                         const GError          *error);
void        _holboo_call_set_remote_info (HolbooCall           *self,
                                         gboolean               muted,
                                         gboolean               held);
void        _holboo_call_send           (HolbooCall            *self,
                                         HolbooXmlNode         *stanza);
void        _holboo_call_send_jmi       (HolbooCall            *self,
                                         const char            *to,
                                         HolbooXmppJmiKind      kind,
                                         HolbooXmppJingleReason reason);
void        _holboo_call_start_ringing_timeout (HolbooCall     *self);

/* holboo-call-session.c */
void        _holboo_call_proceed        (HolbooCall            *self,
                                         HolbooJid             *device);
void        _holboo_call_propose        (HolbooCall            *self);
void        _holboo_call_handle_jmi     (HolbooCall            *self,
                                         HolbooXmppJmi         *jmi,
                                         HolbooJid             *from,
                                         gboolean               from_own_device);
void        _holboo_call_handle_jingle  (HolbooCall            *self,
                                         HolbooXmppJingle      *jingle);
void        _holboo_call_take_offer     (HolbooCall            *self,
                                         HolbooJid             *from,
                                         GstSDPMessage         *sdp);
GstSDPMessage *_holboo_call_offer_from_initiate (HolbooXmppConnection *connection,
                                         HolbooXmppJingle      *jingle);
void        _holboo_call_notify_pipeline (HolbooCall           *self);
void        _holboo_call_notify         (HolbooCall            *self,
                                         const char            *name);
void        _holboo_call_session_accept (HolbooCall            *self);
void        _holboo_call_session_terminate (HolbooCall         *self,
                                         HolbooXmppJingleReason reason,
                                         const char            *text);
void        _holboo_call_session_info   (HolbooCall            *self,
                                         int                    info);
void        _holboo_call_media_stop     (HolbooCall            *self);
void        _holboo_call_fail           (HolbooCall            *self,
                                         HolbooXmppJingleReason reason,
                                         HolbooCallEndReason    end_reason,
                                         const GError          *error);
void        _holboo_call_apply_remote   (HolbooCall            *self,
                                         GstWebRTCSDPType       type);
void        _holboo_call_reply          (HolbooCall            *self,
                                         HolbooXmlNode         *reply);

G_END_DECLS
