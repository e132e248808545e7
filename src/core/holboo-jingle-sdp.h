/* holboo-jingle-sdp.h: Jingle RTP sessions <-> SDP, both ways, pure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/sdp/sdp.h>

#include "holboo-xml-node.h"
#include "holboo-xmpp-jingle.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_JINGLE_RTCP_FB  "urn:xmpp:jingle:apps:rtp:rtcp-fb:0"
#define HOLBOO_XMLNS_JINGLE_HDREXT   "urn:xmpp:jingle:apps:rtp:rtp-hdrext:0"
#define HOLBOO_XMLNS_JINGLE_GROUPING "urn:xmpp:jingle:apps:grouping:0"
#define HOLBOO_XMLNS_JINGLE_SSMA     "urn:xmpp:jingle:apps:rtp:ssma:0"

/* Hostile peers: at most this many candidates per content and contents
 * per session are taken; the rest are dropped (and logged). */
#define HOLBOO_JINGLE_MAX_CANDIDATES 32
#define HOLBOO_JINGLE_MAX_CONTENTS   8

/**
 * HolbooJingleSdpError:
 * @HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST: malformed or unsafe fields;
 *   answer the IQ with bad-request
 * @HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_APPLICATIONS: no content has a
 *   codec we can use; terminate with <unsupported-applications/>
 *   (failed-application)
 * @HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS: no ICE-UDP transport;
 *   terminate with <unsupported-transports/> (failed-transport)
 * @HOLBOO_JINGLE_SDP_ERROR_SECURITY: no DTLS fingerprint, an impossible
 *   setup role, or a fingerprint that changed mid-session; terminate
 *   with <security-error/>
 */
typedef enum {
  HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST,
  HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_APPLICATIONS,
  HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS,
  HOLBOO_JINGLE_SDP_ERROR_SECURITY,
} HolbooJingleSdpError;

#define HOLBOO_JINGLE_SDP_ERROR (holboo_jingle_sdp_error_quark ())
GQuark holboo_jingle_sdp_error_quark (void);

/**
 * HolbooJingleRole:
 * @HOLBOO_JINGLE_ROLE_INITIATOR: the side that sent session-initiate
 * @HOLBOO_JINGLE_ROLE_RESPONDER: the side that sends session-accept
 *
 * Who wrote a description: it decides what senders= means and which
 * DTLS setup roles are allowed (the offer is actpass; the answer
 * active or passive).
 */
typedef enum {
  HOLBOO_JINGLE_ROLE_INITIATOR,
  HOLBOO_JINGLE_ROLE_RESPONDER,
} HolbooJingleRole;

/* Jingle → SDP.  @jingle is a <jingle/> element (session-initiate,
 * session-accept, content-add …) from @author. */
GstSDPMessage *holboo_jingle_to_sdp              (HolbooXmlNode        *jingle,
                                                  HolbooJingleRole      author,
                                                  GError              **error);

/* SDP → the children of a <jingle/>: fills @jingle (which the caller
 * made, with action, sid, initiator/responder) with <content/>s and the
 * BUNDLE <group/>. */
gboolean       holboo_jingle_fill_from_sdp       (HolbooXmlNode        *jingle,
                                                  const GstSDPMessage  *sdp,
                                                  HolbooJingleRole      author,
                                                  GError              **error);

/* Trickle candidates. */
char          *holboo_jingle_candidate_to_sdp    (HolbooXmlNode        *candidate,
                                                  GError              **error);
HolbooXmlNode *holboo_jingle_candidate_from_sdp  (const char           *sdp_candidate,
                                                  GError              **error);

/**
 * HolbooJingleCandidate:
 * @mline_index: the m-line of the session's SDP
 * @candidate: an SDP candidate attribute value ("candidate:…")
 */
typedef struct {
  guint  mline_index;
  char  *candidate;
} HolbooJingleCandidate;

void           holboo_jingle_candidate_free      (HolbooJingleCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooJingleCandidate, holboo_jingle_candidate_free)

/* A transport-info from the peer → candidates for the call pipeline.
 * @remote is the peer's description so far (content names → m-lines,
 * its DTLS fingerprint): a different fingerprint is a security error. */
GPtrArray     *holboo_jingle_transport_info_to_candidates (HolbooXmlNode       *jingle,
                                                           const GstSDPMessage *remote,
                                                           GError             **error);
/* One local candidate → the <content/> of a transport-info. */
HolbooXmlNode *holboo_jingle_transport_info_content       (const GstSDPMessage *local,
                                                           guint                mline_index,
                                                           HolbooJingleRole     creator,
                                                           const char          *sdp_candidate,
                                                           GError             **error);

/* DTLS (XEP-0320). */
gboolean       holboo_jingle_sdp_check_fingerprint (const GstSDPMessage *before,
                                                    const GstSDPMessage *after,
                                                    GError             **error);
int            holboo_jingle_sdp_find_mline        (const GstSDPMessage *sdp,
                                                    const char          *content_name);

G_END_DECLS
