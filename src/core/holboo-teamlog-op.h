/* holboo-teamlog-op.h: the team log's operations on the wire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-teamlog.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_TEAMLOG        "urn:holboo:teamlog:1"
/* The op format this version writes; ops of a later one are kept and
 * skipped, for a later Holboo to apply. */
#define HOLBOO_TEAMLOG_VERSION      1

/* Limits a written op must keep (and a received one is refused beyond). */
#define HOLBOO_TEAMLOG_MAX_FIELDS       64
#define HOLBOO_TEAMLOG_MAX_FIELD_LENGTH (16 * 1024)
#define HOLBOO_TEAMLOG_MAX_TEXT_LENGTH  (64 * 1024)

#define HOLBOO_TEAMLOG_ERROR (holboo_teamlog_error_quark ())

typedef enum {
  HOLBOO_TEAMLOG_ERROR_MALFORMED,
} HolbooTeamlogError;

GQuark              holboo_teamlog_error_quark      (void);

const char         *holboo_teamlog_op_kind_to_string (HolbooTeamlogOpKind kind);
char               *holboo_teamlog_uuid_new         (void);

HolbooTeamlogOp    *holboo_teamlog_op_parse         (HolbooXmlNode      *element,
                                                     GError            **error);
HolbooXmlNode      *holboo_teamlog_op_build         (HolbooTeamlogOp    *op);

char               *holboo_teamlog_normalize_handles (const char        *field,
                                                     const char         *value,
                                                     GError            **error);

G_END_DECLS
