/* holboo-jid-private.h: address preparation, shared by holboo-jid.c and
 * holboo-jid-prep.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"

G_BEGIN_DECLS

/* Hostile input may be megabytes long: refuse it before normalising.
 * Preparation can shrink a part (a fullwidth letter is three bytes, its
 * ASCII form one), so the raw limit leaves room for that. */
#define MAX_RAW_PART_LENGTH (HOLBOO_JID_MAX_PART_LENGTH * 4)
#define MAX_RAW_LENGTH      (MAX_RAW_PART_LENGTH * 3 + 2)

char *_holboo_jid_prepare_localpart    (const char  *raw,
                                        gsize        len,
                                        GError     **error);
char *_holboo_jid_prepare_domainpart   (const char  *raw,
                                        gsize        len,
                                        GError     **error);
char *_holboo_jid_prepare_resourcepart (const char  *raw,
                                        gsize        len,
                                        GError     **error);

G_END_DECLS
