/* holboo-xmpp-error.h: the connection's errors, stanza errors, certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xml-node.h"
#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

/**
 * HolbooXmppError:
 * @HOLBOO_XMPP_ERROR_FAILED: anything not listed below
 * @HOLBOO_XMPP_ERROR_AUTH_FAILED: the server refused the login (wrong
 *   address or password, account disabled); holboo_xmpp_error_get_condition()
 *   gives the SASL condition, e.g. "not-authorized"
 * @HOLBOO_XMPP_ERROR_HOST_NOT_FOUND: the server's name did not resolve
 * @HOLBOO_XMPP_ERROR_CONNECTION_REFUSED: nothing listens on the port
 * @HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED: the server's certificate did
 *   not verify; holboo_xmpp_error_get_certificate() gives it
 * @HOLBOO_XMPP_ERROR_TIMED_OUT: the server did not answer in time
 * @HOLBOO_XMPP_ERROR_NETWORK: the network failed or the connection dropped
 * @HOLBOO_XMPP_ERROR_TLS: TLS could not be set up (not a certificate problem)
 * @HOLBOO_XMPP_ERROR_NO_MECHANISM: no SASL mechanism we accept is offered
 * @HOLBOO_XMPP_ERROR_STREAM: the server ended the stream with a stream
 *   error; holboo_xmpp_error_get_condition() gives its condition
 * @HOLBOO_XMPP_ERROR_PROTOCOL: the server broke the protocol
 * @HOLBOO_XMPP_ERROR_NOT_CONNECTED: there is no session to send on
 * @HOLBOO_XMPP_ERROR_DISCONNECTED: the session ended before an answer came
 * @HOLBOO_XMPP_ERROR_INVALID_SETTINGS: the settings cannot work (no address)
 */
typedef enum {
  HOLBOO_XMPP_ERROR_FAILED,
  HOLBOO_XMPP_ERROR_AUTH_FAILED,
  HOLBOO_XMPP_ERROR_HOST_NOT_FOUND,
  HOLBOO_XMPP_ERROR_CONNECTION_REFUSED,
  HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED,
  HOLBOO_XMPP_ERROR_TIMED_OUT,
  HOLBOO_XMPP_ERROR_NETWORK,
  HOLBOO_XMPP_ERROR_TLS,
  HOLBOO_XMPP_ERROR_NO_MECHANISM,
  HOLBOO_XMPP_ERROR_STREAM,
  HOLBOO_XMPP_ERROR_PROTOCOL,
  HOLBOO_XMPP_ERROR_NOT_CONNECTED,
  HOLBOO_XMPP_ERROR_DISCONNECTED,
  HOLBOO_XMPP_ERROR_INVALID_SETTINGS,
} HolbooXmppError;

#define HOLBOO_XMPP_ERROR (holboo_xmpp_error_quark ())
#define HOLBOO_TYPE_XMPP_ERROR (holboo_xmpp_error_get_type ())

/**
 * HolbooXmppStanzaError:
 *
 * The stanza error conditions of RFC 6120 §8.3.3, in the order of the
 * RFC: the codes of %HOLBOO_XMPP_STANZA_ERROR.
 */
typedef enum {
  HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST,
  HOLBOO_XMPP_STANZA_ERROR_CONFLICT,
  HOLBOO_XMPP_STANZA_ERROR_FEATURE_NOT_IMPLEMENTED,
  HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN,
  HOLBOO_XMPP_STANZA_ERROR_GONE,
  HOLBOO_XMPP_STANZA_ERROR_INTERNAL_SERVER_ERROR,
  HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND,
  HOLBOO_XMPP_STANZA_ERROR_JID_MALFORMED,
  HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE,
  HOLBOO_XMPP_STANZA_ERROR_NOT_ALLOWED,
  HOLBOO_XMPP_STANZA_ERROR_NOT_AUTHORIZED,
  HOLBOO_XMPP_STANZA_ERROR_POLICY_VIOLATION,
  HOLBOO_XMPP_STANZA_ERROR_RECIPIENT_UNAVAILABLE,
  HOLBOO_XMPP_STANZA_ERROR_REDIRECT,
  HOLBOO_XMPP_STANZA_ERROR_REGISTRATION_REQUIRED,
  HOLBOO_XMPP_STANZA_ERROR_REMOTE_SERVER_NOT_FOUND,
  HOLBOO_XMPP_STANZA_ERROR_REMOTE_SERVER_TIMEOUT,
  HOLBOO_XMPP_STANZA_ERROR_RESOURCE_CONSTRAINT,
  HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE,
  HOLBOO_XMPP_STANZA_ERROR_SUBSCRIPTION_REQUIRED,
  HOLBOO_XMPP_STANZA_ERROR_UNDEFINED_CONDITION,
  HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST,
} HolbooXmppStanzaError;

#define HOLBOO_XMPP_STANZA_ERROR (holboo_xmpp_stanza_error_quark ())

GType                 holboo_xmpp_error_get_type             (void) G_GNUC_CONST;
GQuark                holboo_xmpp_error_quark                (void);
GQuark                holboo_xmpp_stanza_error_quark         (void);

GTlsCertificate      *holboo_xmpp_error_get_certificate      (const GError          *error,
                                                              GTlsCertificateFlags  *flags);
const char           *holboo_xmpp_error_get_condition        (const GError          *error);
const char           *holboo_xmpp_error_get_server_text      (const GError          *error);

const char           *holboo_xmpp_stanza_error_to_condition  (HolbooXmppStanzaError  code);
HolbooXmppStanzaError holboo_xmpp_stanza_error_from_condition (const char           *condition);
GError               *holboo_xmpp_stanza_error_from_node     (HolbooXmlNode         *stanza);
HolbooXmlNode        *holboo_xmpp_stanza_error_reply         (HolbooXmlNode         *request,
                                                              HolbooXmppStanzaError  code);

char                 *holboo_xmpp_certificate_dup_fingerprint (GTlsCertificate      *certificate);
char                 *holboo_xmpp_certificate_dup_issuer     (GTlsCertificate       *certificate);
char                 *holboo_xmpp_fingerprint_normalize      (const char            *fingerprint);
gboolean              holboo_xmpp_certificate_matches        (GTlsCertificate       *certificate,
                                                              const char            *fingerprint);

G_END_DECLS
