/* holboo-team-member.c: one colleague in the team directory: their
 * contact and their card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The name shown is the card's, else the roster's, else the address.
 * Searching matches every word of the query against the name, title,
 * department, company and address (case-folded), and a word with digits
 * against the digits of the phone numbers, so "9911 22" finds
 * "+976 9911 2233".
 */

#define G_LOG_DOMAIN "holboo-team-member"

#include "config.h"

#include <string.h>

#include "holboo-team-member.h"

struct _HolbooTeamMember
{
  GObject                    parent_instance;

  char                      *jid;
  HolbooContact             *contact;
  HolbooCard                *card;
  HolbooTeamMemberCardState  card_state;
};

G_DEFINE_FINAL_TYPE (HolbooTeamMember, holboo_team_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JID,
  PROP_CONTACT,
  PROP_CARD,
  PROP_CARD_STATE,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_contact_name (HolbooTeamMember *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

static gboolean
text_contains (const char *text,
               const char *folded_word)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_word) != NULL;
}

static gboolean
word_matches (HolbooTeamMember *self,
              const char       *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  g_autofree char *digits = digits_of (word);
  HolbooCard *card = self->card;

  if (text_contains (holboo_team_member_get_display_name (self), folded) ||
      text_contains (self->jid, folded))
    return TRUE;
  if (card == NULL)
    return FALSE;
  if (text_contains (holboo_card_get_title (card), folded) ||
      text_contains (holboo_card_get_department (card), folded) ||
      text_contains (holboo_card_get_company (card), folded))
    return TRUE;
  if (*digits != '\0')
    {
      const char * const *phones = holboo_card_get_phones (card);

      for (guint i = 0; phones[i] != NULL; i++)
        {
          g_autofree char *phone_digits = digits_of (phones[i]);

          if (strstr (phone_digits, digits) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
holboo_team_member_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HolbooTeamMember *self = HOLBOO_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_JID: g_value_set_string (value, self->jid); break;
    case PROP_CONTACT: g_value_set_object (value, self->contact); break;
    case PROP_CARD: g_value_set_object (value, self->card); break;
    case PROP_CARD_STATE: g_value_set_int (value, self->card_state); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, holboo_team_member_get_display_name (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_team_member_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HolbooTeamMember *self = HOLBOO_TEAM_MEMBER (object);

  switch (prop_id)
    {
    case PROP_JID: self->jid = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_team_member_dispose (GObject *object)
{
  HolbooTeamMember *self = HOLBOO_TEAM_MEMBER (object);

  holboo_team_member_set_contact (self, NULL);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (holboo_team_member_parent_class)->dispose (object);
}

static void
holboo_team_member_finalize (GObject *object)
{
  HolbooTeamMember *self = HOLBOO_TEAM_MEMBER (object);

  g_free (self->jid);

  G_OBJECT_CLASS (holboo_team_member_parent_class)->finalize (object);
}

static void
holboo_team_member_class_init (HolbooTeamMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_team_member_get_property;
  object_class->set_property = holboo_team_member_set_property;
  object_class->dispose = holboo_team_member_dispose;
  object_class->finalize = holboo_team_member_finalize;

  properties[PROP_JID] =
    g_param_spec_string ("jid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, HOLBOO_TYPE_CONTACT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, HOLBOO_TYPE_CARD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CARD_STATE] =
    g_param_spec_int ("card-state", NULL, NULL,
                      HOLBOO_TEAM_MEMBER_CARD_UNKNOWN, HOLBOO_TEAM_MEMBER_CARD_FETCHED,
                      HOLBOO_TEAM_MEMBER_CARD_UNKNOWN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_team_member_init (HolbooTeamMember *self)
{
}

HolbooTeamMember *
holboo_team_member_new (const char *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);

  return g_object_new (HOLBOO_TYPE_TEAM_MEMBER, "jid", jid, NULL);
}

const char *
holboo_team_member_get_jid (HolbooTeamMember *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), NULL);
  return self->jid;
}

/**
 * holboo_team_member_get_contact:
 *
 * Returns: (transfer none) (nullable): the roster's contact
 */
HolbooContact *
holboo_team_member_get_contact (HolbooTeamMember *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), NULL);
  return self->contact;
}

void
holboo_team_member_set_contact (HolbooTeamMember *self,
                                HolbooContact    *contact)
{
  g_return_if_fail (HOLBOO_IS_TEAM_MEMBER (self));

  if (self->contact == contact)
    return;
  if (self->contact != NULL)
    g_signal_handlers_disconnect_by_data (self->contact, self);
  g_set_object (&self->contact, contact);
  if (contact != NULL)
    g_signal_connect_swapped (contact, "notify::display-name", G_CALLBACK (on_contact_name), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

/**
 * holboo_team_member_get_card:
 *
 * Returns: (transfer none) (nullable): their card, once fetched
 */
HolbooCard *
holboo_team_member_get_card (HolbooTeamMember *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), NULL);
  return self->card;
}

void
holboo_team_member_set_card (HolbooTeamMember *self,
                             HolbooCard       *card)
{
  g_return_if_fail (HOLBOO_IS_TEAM_MEMBER (self));

  if (!g_set_object (&self->card, card))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

HolbooTeamMemberCardState
holboo_team_member_get_card_state (HolbooTeamMember *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), HOLBOO_TEAM_MEMBER_CARD_UNKNOWN);
  return self->card_state;
}

void
holboo_team_member_set_card_state (HolbooTeamMember          *self,
                                   HolbooTeamMemberCardState  state)
{
  g_return_if_fail (HOLBOO_IS_TEAM_MEMBER (self));

  if (self->card_state == state)
    return;
  self->card_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD_STATE]);
}

const char *
holboo_team_member_get_display_name (HolbooTeamMember *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), NULL);

  if (self->card != NULL && holboo_card_get_name (self->card) != NULL)
    return holboo_card_get_name (self->card);
  if (self->contact != NULL)
    return holboo_contact_get_display_name (self->contact);
  return self->jid;
}

/**
 * holboo_team_member_dup_subtitle:
 *
 * Returns: (transfer full) (nullable): "title · department", as far as
 *   the card says
 */
char *
holboo_team_member_dup_subtitle (HolbooTeamMember *self)
{
  const char *title, *department;

  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), NULL);

  if (self->card == NULL)
    return NULL;
  title = holboo_card_get_title (self->card);
  department = holboo_card_get_department (self->card);
  if (title != NULL && department != NULL)
    return g_strdup_printf ("%s · %s", title, department);
  return g_strdup (title != NULL ? title : department);
}

/**
 * holboo_team_member_matches:
 * @query: (nullable): what the user typed
 *
 * Returns: whether every word of @query is in the member's name, title,
 *   department, company, address or phone numbers; %TRUE for an empty
 *   query
 */
gboolean
holboo_team_member_matches (HolbooTeamMember *self,
                            const char       *query)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HOLBOO_IS_TEAM_MEMBER (self), FALSE);

  if (query == NULL)
    return TRUE;
  words = g_strsplit_set (query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !word_matches (self, words[i]))
      return FALSE;
  return TRUE;
}
