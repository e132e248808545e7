/* holboo-customer-csv.h: customers to and from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-customer-draft.h"

G_BEGIN_DECLS

/* Larger files are refused: a customer list, not a database dump. */
#define HOLBOO_CUSTOMER_CSV_MAX_SIZE (64 * 1024 * 1024)

GPtrArray *holboo_customer_csv_parse (const char  *data,
                                      gsize        length,
                                      GError     **error);
char      *holboo_customer_csv_write (GPtrArray   *customers,
                                      GPtrArray   *notes);

G_END_DECLS
