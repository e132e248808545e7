/* holboo-xmpp-data-form.c: data forms (XEP-0004, jabber:x:data)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forms come from servers (a room's configuration) and are sent back
 * filled in.  Parsing keeps what a submit needs — each field's var,
 * type and values, and a list field's options — and refuses forms too
 * big for any real service to send.  A submit carries every field that
 * has a var, except the fixed ones, with its (possibly changed)
 * values, so that a service that wants all of them back gets them.
 */

#define G_LOG_DOMAIN "holboo-xmpp-data-form"

#include "config.h"

#include "holboo-xmpp-data-form.h"
#include "holboo-xmpp-error.h"

#include <string.h>

static void
field_free (HolbooXmppDataField *field)
{
  g_free (field->var);
  g_free (field->type);
  g_free (field->label);
  g_strfreev (field->values);
  g_strfreev (field->options);
  g_free (field);
}

static HolbooXmppDataField *
field_new (const char *var,
           const char *type)
{
  HolbooXmppDataField *field = g_new0 (HolbooXmppDataField, 1);

  field->var = g_strdup (var);
  field->type = g_strdup (type);
  field->values = g_new0 (char *, 1);
  field->options = g_new0 (char *, 1);
  return field;
}

/**
 * holboo_xmpp_data_form_new:
 * @type: "form", "submit", "cancel" or "result"
 * @form_type: (nullable): the FORM_TYPE, added as a hidden field
 *
 * Returns: (transfer full): an empty form
 */
HolbooXmppDataForm *
holboo_xmpp_data_form_new (const char *type,
                           const char *form_type)
{
  HolbooXmppDataForm *form = g_new0 (HolbooXmppDataForm, 1);

  g_return_val_if_fail (type != NULL, NULL);

  form->type = g_strdup (type);
  form->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  if (form_type != NULL)
    {
      form->form_type = g_strdup (form_type);
      holboo_xmpp_data_form_add_field (form, "FORM_TYPE", "hidden", form_type);
    }
  return form;
}

void
holboo_xmpp_data_form_free (HolbooXmppDataForm *form)
{
  if (form == NULL)
    return;

  g_free (form->type);
  g_free (form->form_type);
  g_free (form->title);
  g_clear_pointer (&form->fields, g_ptr_array_unref);
  g_free (form);
}

static GStrv
collect_texts (HolbooXmlNode *node,
               const char    *name,
               const char    *attribute,
               GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  HolbooXmlIter iter;
  HolbooXmlNode *child;
  guint n = 0;

  holboo_xml_iter_init (&iter, node, name, HOLBOO_XMLNS_DATA);
  while (holboo_xml_iter_next (&iter, &child))
    {
      const char *text;

      if (++n > HOLBOO_XMPP_DATA_FORM_MAX_VALUES)
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                       "A form field with more than %u <%s/>", HOLBOO_XMPP_DATA_FORM_MAX_VALUES, name);
          return NULL;
        }
      if (attribute != NULL)
        {
          HolbooXmlNode *value = holboo_xml_node_get_child (child, "value", HOLBOO_XMLNS_DATA);

          text = value != NULL ? holboo_xml_node_get_text (value) : NULL;
        }
      else
        text = holboo_xml_node_get_text (child);
      g_strv_builder_add (builder, text != NULL ? text : "");
    }
  return g_strv_builder_end (builder);
}

/**
 * holboo_xmpp_data_form_parse:
 * @x: an `<x xmlns='jabber:x:data'/>`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the form, or %NULL with a
 *   %HOLBOO_XMPP_ERROR_PROTOCOL error when it is not a form or is too big
 */
HolbooXmppDataForm *
holboo_xmpp_data_form_parse (HolbooXmlNode  *x,
                             GError        **error)
{
  g_autoptr(HolbooXmppDataForm) form = NULL;
  HolbooXmlIter iter;
  HolbooXmlNode *node;
  const char *type;

  g_return_val_if_fail (x != NULL, NULL);

  type = holboo_xml_node_get_attribute (x, "type");
  if (!holboo_xml_node_is (x, "x", HOLBOO_XMLNS_DATA) || type == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "Not a data form, or one without a type");
      return NULL;
    }

  form = holboo_xmpp_data_form_new (type, NULL);
  form->title = g_strdup (holboo_xml_node_get_child_text (x, "title", HOLBOO_XMLNS_DATA));

  holboo_xml_iter_init (&iter, x, "field", HOLBOO_XMLNS_DATA);
  while (holboo_xml_iter_next (&iter, &node))
    {
      HolbooXmppDataField *field;
      GStrv values, options;

      if (form->fields->len >= HOLBOO_XMPP_DATA_FORM_MAX_FIELDS)
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                       "A form with more than %u fields", HOLBOO_XMPP_DATA_FORM_MAX_FIELDS);
          return NULL;
        }
      values = collect_texts (node, "value", NULL, error);
      if (values == NULL)
        return NULL;
      options = collect_texts (node, "option", "value", error);
      if (options == NULL)
        {
          g_strfreev (values);
          return NULL;
        }

      field = field_new (holboo_xml_node_get_attribute (node, "var"),
                         holboo_xml_node_get_attribute (node, "type"));
      field->label = g_strdup (holboo_xml_node_get_attribute (node, "label"));
      g_strfreev (field->values);
      field->values = values;
      g_strfreev (field->options);
      field->options = options;
      g_ptr_array_add (form->fields, field);

      if (g_strcmp0 (field->var, "FORM_TYPE") == 0 && form->form_type == NULL && values[0] != NULL)
        form->form_type = g_strdup (values[0]);
    }

  return g_steal_pointer (&form);
}

/**
 * holboo_xmpp_data_form_get_field:
 *
 * Returns: (transfer none) (nullable): the field named @var
 */
HolbooXmppDataField *
holboo_xmpp_data_form_get_field (HolbooXmppDataForm *form,
                                 const char         *var)
{
  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (var != NULL, NULL);

  for (guint i = 0; i < form->fields->len; i++)
    {
      HolbooXmppDataField *field = form->fields->pdata[i];

      if (g_strcmp0 (field->var, var) == 0)
        return field;
    }
  return NULL;
}

/**
 * holboo_xmpp_data_form_get_value:
 *
 * Returns: (nullable): the first value of @var
 */
const char *
holboo_xmpp_data_form_get_value (HolbooXmppDataForm *form,
                                 const char         *var)
{
  HolbooXmppDataField *field = holboo_xmpp_data_form_get_field (form, var);

  return field != NULL ? field->values[0] : NULL;
}

/**
 * holboo_xmpp_data_form_get_boolean:
 *
 * Returns: the boolean value of @var ("1"/"true", "0"/"false"), or
 *   @fallback when it is missing or not a boolean
 */
gboolean
holboo_xmpp_data_form_get_boolean (HolbooXmppDataForm *form,
                                   const char         *var,
                                   gboolean            fallback)
{
  const char *value = holboo_xmpp_data_form_get_value (form, var);

  if (g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0)
    return TRUE;
  if (g_strcmp0 (value, "0") == 0 || g_strcmp0 (value, "false") == 0)
    return FALSE;
  return fallback;
}

/**
 * holboo_xmpp_data_form_set_value:
 *
 * Replaces the values of an existing field.
 *
 * Returns: whether @form has a field @var
 */
gboolean
holboo_xmpp_data_form_set_value (HolbooXmppDataForm *form,
                                 const char         *var,
                                 const char         *value)
{
  HolbooXmppDataField *field = holboo_xmpp_data_form_get_field (form, var);

  if (field == NULL)
    return FALSE;
  g_strfreev (field->values);
  field->values = g_new0 (char *, 2);
  field->values[0] = g_strdup (value);
  return TRUE;
}

gboolean
holboo_xmpp_data_form_set_boolean (HolbooXmppDataForm *form,
                                   const char         *var,
                                   gboolean            value)
{
  return holboo_xmpp_data_form_set_value (form, var, value ? "1" : "0");
}

/**
 * holboo_xmpp_data_form_add_field:
 * @type: (nullable): the field type
 * @value: (nullable): its one value
 */
void
holboo_xmpp_data_form_add_field (HolbooXmppDataForm *form,
                                 const char         *var,
                                 const char         *type,
                                 const char         *value)
{
  HolbooXmppDataField *field;

  g_return_if_fail (form != NULL);
  g_return_if_fail (var != NULL);

  field = field_new (var, type);
  if (value != NULL)
    {
      g_free (field->values);
      field->values = g_new0 (char *, 2);
      field->values[0] = g_strdup (value);
    }
  g_ptr_array_add (form->fields, field);
}

/**
 * holboo_xmpp_data_form_to_submit:
 *
 * Returns: (transfer full): a submit form with every field of @form
 *   that has a var (fixed fields have none), with its values
 */
HolbooXmppDataForm *
holboo_xmpp_data_form_to_submit (HolbooXmppDataForm *form)
{
  HolbooXmppDataForm *submit;

  g_return_val_if_fail (form != NULL, NULL);

  submit = holboo_xmpp_data_form_new ("submit", NULL);
  submit->form_type = g_strdup (form->form_type);
  for (guint i = 0; i < form->fields->len; i++)
    {
      HolbooXmppDataField *field = form->fields->pdata[i];
      HolbooXmppDataField *copy;

      if (field->var == NULL || g_strcmp0 (field->type, "fixed") == 0)
        continue;
      copy = field_new (field->var, field->type);
      g_strfreev (copy->values);
      copy->values = g_strdupv (field->values);
      g_ptr_array_add (submit->fields, copy);
    }
  return submit;
}

/**
 * holboo_xmpp_data_form_to_node:
 *
 * Returns: (transfer full): the `<x xmlns='jabber:x:data'/>` of @form
 */
HolbooXmlNode *
holboo_xmpp_data_form_to_node (HolbooXmppDataForm *form)
{
  HolbooXmlNode *x;

  g_return_val_if_fail (form != NULL, NULL);

  x = holboo_xml_node_new ("x", HOLBOO_XMLNS_DATA);
  holboo_xml_node_set_attribute (x, "type", form->type);
  if (form->title != NULL && strcmp (form->type, "submit") != 0)
    holboo_xml_node_add_text_child (x, "title", form->title);
  for (guint i = 0; i < form->fields->len; i++)
    {
      HolbooXmppDataField *field = form->fields->pdata[i];
      HolbooXmlNode *node = holboo_xml_node_add_child (x, "field");

      if (field->var != NULL)
        holboo_xml_node_set_attribute (node, "var", field->var);
      if (field->type != NULL)
        holboo_xml_node_set_attribute (node, "type", field->type);
      for (guint j = 0; field->values[j] != NULL; j++)
        holboo_xml_node_add_text_child (node, "value", field->values[j]);
    }
  return x;
}
