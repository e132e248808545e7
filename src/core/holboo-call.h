/* holboo-call.h: one 1:1 call: its signalling state, its media, its log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-call-pipeline.h"

G_BEGIN_DECLS

/**
 * HolbooCallStatus:
 * @HOLBOO_CALL_STATUS_OUTGOING: we propose; no device of the peer rings yet
 * @HOLBOO_CALL_STATUS_RINGING: a device of the peer rings
 * @HOLBOO_CALL_STATUS_INCOMING: the peer calls us: this device rings
 * @HOLBOO_CALL_STATUS_CONNECTING: answered; media is being set up
 * @HOLBOO_CALL_STATUS_ACTIVE: media flows
 * @HOLBOO_CALL_STATUS_ENDED: final; #HolbooCall:end-reason says why
 *
 * Where a call is.  It only moves forward (OUTGOING → RINGING →
 * CONNECTING → ACTIVE → ENDED, or INCOMING → CONNECTING → …), and any
 * state can go to ENDED.
 */
typedef enum {
  HOLBOO_CALL_STATUS_OUTGOING,
  HOLBOO_CALL_STATUS_RINGING,
  HOLBOO_CALL_STATUS_INCOMING,
  HOLBOO_CALL_STATUS_CONNECTING,
  HOLBOO_CALL_STATUS_ACTIVE,
  HOLBOO_CALL_STATUS_ENDED,
} HolbooCallStatus;

/**
 * HolbooCallEndReason:
 * @HOLBOO_CALL_END_NONE: not ended
 * @HOLBOO_CALL_END_HUNG_UP: we hung up a call that was answered
 * @HOLBOO_CALL_END_REMOTE_HUNG_UP: the peer hung up a call that was answered
 * @HOLBOO_CALL_END_DECLINED: we declined an incoming call
 * @HOLBOO_CALL_END_REMOTE_DECLINED: the peer declined (or was busy)
 * @HOLBOO_CALL_END_CANCELLED: we hung up before the peer answered
 * @HOLBOO_CALL_END_MISSED: the caller gave up before we answered
 * @HOLBOO_CALL_END_NO_ANSWER: nobody answered our call in time
 * @HOLBOO_CALL_END_ANSWERED_ELSEWHERE: another of our devices answered
 * @HOLBOO_CALL_END_DECLINED_ELSEWHERE: another of our devices declined
 * @HOLBOO_CALL_END_FAILED: the connection, the media or the peer's
 *   signalling failed (#HolbooCall:error says how)
 * @HOLBOO_CALL_END_SECURITY_ERROR: the peer's DTLS identity changed or
 *   was missing: the call was cut
 */
typedef enum {
  HOLBOO_CALL_END_NONE,
  HOLBOO_CALL_END_HUNG_UP,
  HOLBOO_CALL_END_REMOTE_HUNG_UP,
  HOLBOO_CALL_END_DECLINED,
  HOLBOO_CALL_END_REMOTE_DECLINED,
  HOLBOO_CALL_END_CANCELLED,
  HOLBOO_CALL_END_MISSED,
  HOLBOO_CALL_END_NO_ANSWER,
  HOLBOO_CALL_END_ANSWERED_ELSEWHERE,
  HOLBOO_CALL_END_DECLINED_ELSEWHERE,
  HOLBOO_CALL_END_FAILED,
  HOLBOO_CALL_END_SECURITY_ERROR,
} HolbooCallEndReason;

#define HOLBOO_TYPE_CALL_STATUS (holboo_call_status_get_type ())
GType holboo_call_status_get_type (void) G_GNUC_CONST;
#define HOLBOO_TYPE_CALL_END_REASON (holboo_call_end_reason_get_type ())
GType holboo_call_end_reason_get_type (void) G_GNUC_CONST;

const char *holboo_call_status_to_string     (HolbooCallStatus    status);
const char *holboo_call_end_reason_to_string (HolbooCallEndReason reason);
const char *holboo_call_end_reason_describe  (HolbooCallEndReason reason);

#define HOLBOO_TYPE_CALL (holboo_call_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCall, holboo_call, HOLBOO, CALL, GObject)

const char          *holboo_call_get_sid         (HolbooCall *self);
const char          *holboo_call_get_peer        (HolbooCall *self);
const char          *holboo_call_get_peer_device (HolbooCall *self);
gboolean             holboo_call_get_incoming    (HolbooCall *self);
gboolean             holboo_call_get_video       (HolbooCall *self);
HolbooCallStatus     holboo_call_get_status      (HolbooCall *self);
HolbooCallEndReason  holboo_call_get_end_reason  (HolbooCall *self);
const GError        *holboo_call_get_error       (HolbooCall *self);
gint64               holboo_call_get_started     (HolbooCall *self);
gint64               holboo_call_get_answered    (HolbooCall *self);
gint64               holboo_call_get_ended       (HolbooCall *self);
gint64               holboo_call_get_duration    (HolbooCall *self);
HolbooCallPipeline  *holboo_call_get_pipeline    (HolbooCall *self);
gboolean             holboo_call_get_remote_muted (HolbooCall *self);
gboolean             holboo_call_get_remote_held (HolbooCall *self);

void                 holboo_call_accept          (HolbooCall *self);
void                 holboo_call_decline         (HolbooCall *self);
void                 holboo_call_hang_up         (HolbooCall *self);
void                 holboo_call_set_muted       (HolbooCall *self,
                                                  gboolean    muted);
gboolean             holboo_call_get_muted       (HolbooCall *self);
void                 holboo_call_set_held        (HolbooCall *self,
                                                  gboolean    held);
gboolean             holboo_call_get_held        (HolbooCall *self);

G_END_DECLS
