/* holboo-xmpp-data-form.h: data forms (XEP-0004, jabber:x:data)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#ifndef HOLBOO_XMLNS_DATA
#define HOLBOO_XMLNS_DATA "jabber:x:data"
#endif

/* A form of more fields or values than this is refused as hostile. */
#define HOLBOO_XMPP_DATA_FORM_MAX_FIELDS 256
#define HOLBOO_XMPP_DATA_FORM_MAX_VALUES 256

typedef struct {
  char  *var;
  char  *type;      /* (nullable): "boolean", "list-single", …; NULL is text-single */
  char  *label;     /* (nullable) */
  GStrv  values;    /* never NULL */
  GStrv  options;   /* list-* fields: the option values; never NULL */
} HolbooXmppDataField;

/**
 * HolbooXmppDataForm:
 * @type: "form", "submit", "cancel" or "result"
 * @form_type: (nullable): the value of the hidden FORM_TYPE field
 * @fields: (element-type HolbooXmppDataField): in document order,
 *   FORM_TYPE included
 */
typedef struct {
  char      *type;
  char      *form_type;
  char      *title;
  GPtrArray *fields;
} HolbooXmppDataForm;

HolbooXmppDataForm  *holboo_xmpp_data_form_new         (const char          *type,
                                                        const char          *form_type);
HolbooXmppDataForm  *holboo_xmpp_data_form_parse       (HolbooXmlNode       *x,
                                                        GError             **error);
void                 holboo_xmpp_data_form_free        (HolbooXmppDataForm  *form);

HolbooXmppDataField *holboo_xmpp_data_form_get_field   (HolbooXmppDataForm  *form,
                                                        const char          *var);
const char          *holboo_xmpp_data_form_get_value   (HolbooXmppDataForm  *form,
                                                        const char          *var);
gboolean             holboo_xmpp_data_form_get_boolean (HolbooXmppDataForm  *form,
                                                        const char          *var,
                                                        gboolean             fallback);
gboolean             holboo_xmpp_data_form_set_value   (HolbooXmppDataForm  *form,
                                                        const char          *var,
                                                        const char          *value);
gboolean             holboo_xmpp_data_form_set_boolean (HolbooXmppDataForm  *form,
                                                        const char          *var,
                                                        gboolean             value);
void                 holboo_xmpp_data_form_add_field   (HolbooXmppDataForm  *form,
                                                        const char          *var,
                                                        const char          *type,
                                                        const char          *value);

HolbooXmppDataForm  *holboo_xmpp_data_form_to_submit   (HolbooXmppDataForm  *form);
HolbooXmlNode       *holboo_xmpp_data_form_to_node     (HolbooXmppDataForm  *form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppDataForm, holboo_xmpp_data_form_free)

G_END_DECLS
