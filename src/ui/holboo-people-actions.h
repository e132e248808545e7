/* holboo-people-actions.h: the window's actions about people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-window.h"

G_BEGIN_DECLS

void holboo_people_actions_add (HolbooWindow *window);

G_END_DECLS
