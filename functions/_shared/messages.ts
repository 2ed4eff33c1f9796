// What the API says to people, in French (the default) and English, chosen by the request's
// Accept-Language or the form's own `locale` field. No Node-only imports: the registration page
// imports this (through functions/register/schema.ts) to show the same messages before submitting.

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const fr = {
  // Field labels, as the registration form shows them.
  'field.name': 'Nom de l’entreprise',
  'field.neq': 'Numéro d’entreprise du Québec (NEQ)',
  'field.category': 'Catégorie',
  'field.description': 'Description',
  'field.address': 'Adresse',
  'field.city': 'Ville',
  'field.postalCode': 'Code postal',
  'field.phone': 'Téléphone',
  'field.email': 'Courriel',
  'field.website': 'Site Web',
  'field.links': 'Pages de réseaux sociaux',
  'field.hours': 'Heures d’ouverture',
  'field.consent': 'Consentement',
  'field.locale': 'Langue',
  'field.company': 'Champ à laisser vide',
  'field.body': 'Formulaire',
  'field.ids': 'Fiches',
  'field.decision': 'Décision',
  'field.reason': 'Raison',
  'field.id': 'Identifiant',
  'field.token': 'Jeton',
  'field.q': 'Recherche',
  'field.outcome': 'Résultat des vérifications',
  'field.region': 'Région',
  'field.limit': 'Nombre par page',
  'field.cursor': 'Page suivante',
  'field.Idempotency-Key': 'En-tête Idempotency-Key',

  // Registration fields.
  'register.name.required': 'Indiquez le nom de l’entreprise.',
  'register.name.tooLong': 'Le nom de l’entreprise doit compter au plus {max} caractères.',
  'register.neq.required': 'Indiquez le numéro d’entreprise du Québec (NEQ).',
  'register.neq.format': 'Le NEQ compte 10 chiffres (par exemple 1161234567).',
  'register.category.invalid': 'Choisissez une catégorie dans la liste.',
  'register.description.tooLong': 'La description doit compter au plus {max} caractères.',
  'register.address.required': 'Indiquez l’adresse du commerce.',
  'register.address.tooLong': 'L’adresse doit compter au plus {max} caractères.',
  'register.city.required': 'Indiquez la ville.',
  'register.city.tooLong': 'Le nom de la ville doit compter au plus {max} caractères.',
  'register.postalCode.required': 'Indiquez le code postal.',
  'register.postalCode.format': 'Le code postal doit avoir la forme A1A 1A1 (par exemple H2X 1Y4).',
  'register.phone.required': 'Indiquez un numéro de téléphone.',
  'register.phone.format': 'Le numéro de téléphone doit compter 10 chiffres, indicatif régional compris (par exemple 514 555-0123).',
  'register.email.required': 'Indiquez un courriel pour vous joindre.',
  'register.email.format': 'Le courriel doit avoir la forme nom@domaine.ca.',
  'register.website.format': 'Le site Web doit être une adresse http:// ou https:// (par exemple https://exemple.ca).',
  'register.links.invalid': 'Donnez les pages de réseaux sociaux sous forme de liste d’adresses.',
  'register.links.tooMany': 'Donnez au plus {max} pages de réseaux sociaux.',
  'register.links.format': 'Chaque page doit être une adresse http:// ou https:// (par exemple https://www.facebook.com/moncommerce).',
  'register.links.repeatsWebsite': 'Cette adresse est déjà celle de votre site Web.',
  'register.hours.invalid': 'Les heures d’ouverture ne sont pas dans le bon format.',
  'register.hours.time': 'Indiquez les heures sur 24 heures, par exemple 09:00 ou 17:30.',
  'register.hours.missing': 'Indiquez aussi cette heure, ou laissez la journée vide si le commerce est fermé.',
  'register.hours.order': 'L’heure de fermeture doit suivre l’heure d’ouverture.',
  'register.hours.overlap': 'Les plages horaires d’une même journée ne doivent pas se chevaucher.',
  'register.hours.tooMany': 'Indiquez au plus {max} plages horaires par jour.',
  'register.consent.required': 'Cochez la case pour accepter que votre fiche soit publiée une fois approuvée.',
  'register.locale.invalid': 'La langue doit être fr ou en.',
  'register.company.filled': 'Ce champ doit rester vide.',

  // Moderation fields.
  'moderation.ids.required': 'Choisissez au moins une fiche.',
  'moderation.ids.tooMany': 'Choisissez au plus {max} fiches à la fois.',
  'moderation.id.format': 'Cet identifiant n’est pas valide.',
  'moderation.decision.invalid': 'La décision doit être approve, reject ou request_changes.',
  'moderation.reason.required': 'Donnez une raison : le commerçant la recevra.',
  'moderation.reason.tooLong': 'La raison doit compter au plus {max} caractères.',
  'moderation.outcome.invalid': 'Le résultat doit être pass, warn ou fail.',
  'moderation.category.invalid': 'Cette catégorie n’existe pas.',
  'moderation.region.invalid': 'La région est un code de 01 à 17.',
  'moderation.limit.invalid': 'Le nombre par page va de 1 à {max}.',
  'moderation.cursor.invalid': 'Ce lien de page suivante n’est pas valide.',
  'moderation.q.tooLong': 'La recherche doit compter au plus {max} caractères.',
  'moderation.count.mismatch': 'Le nombre confirmé doit être celui des fiches envoyées ({count}).',

  // Any input.
  'input.required': 'Ce champ est obligatoire.',
  'input.text': 'Ce champ doit être du texte.',
  'input.tooLong': 'Ce champ doit compter au plus {max} caractères.',
  'input.unknownField': 'Ce champ n’est pas attendu.',
  'input.notObject': 'Le corps de la requête doit être un objet JSON.',
  'input.invalid': 'Cette valeur n’est pas valide.',
  'input.characters': 'Ce champ contient des caractères non permis.',

  // Why a request was refused.
  'error.invalid_input': 'Certains champs sont à corriger.',
  'error.invalid_json': 'Le corps de la requête n’est pas du JSON valide.',
  'error.unsupported_media_type': 'Envoyez application/json ou un formulaire (application/x-www-form-urlencoded).',
  'error.unsupported_media_type_json': 'Envoyez le corps en application/json.',
  'error.payload_too_large': 'La requête dépasse {max} Ko.',
  'error.bot': 'Cette inscription a été refusée.',
  'error.rate_limited': 'Trop de demandes en peu de temps. Réessayez dans une minute.',
  'error.unauthenticated': 'Connectez-vous pour continuer.',
  'error.token_expired': 'Votre session a expiré : reconnectez-vous.',
  'error.token_invalid': 'Le jeton d’accès n’est pas valide : reconnectez-vous.',
  'error.forbidden': 'Cette action est réservée aux modérateurs.',
  'error.not_found': 'Introuvable.',
  'error.registration_not_found': 'Aucune inscription ne correspond à ce lien.',
  'error.merchant_not_found': 'Une des fiches demandées n’existe pas : rien n’a été modifié.',
  'error.duplicate': 'Cette demande entre en conflit avec une autre.',
  'error.ineligible': 'Une des fiches ne peut pas être publiée (entreprise du Québec avec un NEQ valide seulement) : rien n’a été modifié.',
  'error.ineligible_named': 'La fiche « {name} » ne peut pas être publiée (entreprise du Québec avec un NEQ valide seulement) : rien n’a été modifié.',
  'error.changed': 'Des fiches ont changé depuis votre confirmation : {stillPassing} sur {expected} réussissent encore toutes les vérifications. Rien n’a été approuvé ; vérifiez le nouveau décompte et confirmez de nouveau.',
  'error.method_not_allowed': 'Méthode non permise.',
  'error.internal': 'Une erreur inattendue est survenue. Réessayez plus tard.',

  // What an applicant reads instead of the moderators' wording of a pre-check.
  'checks.duplicateForApplicant': 'Une fiche semblable existe déjà : un modérateur vérifiera avant de publier la vôtre.',

  // The page a browser without JavaScript gets after a refused form.
  'form.title': 'Inscription à corriger',
  'form.titleRefused': 'Inscription refusée',
  'form.fieldsHeading': 'À corriger',
  'form.back': 'Revenir au formulaire d’inscription',
  'form.backHint': 'Le bouton Précédent de votre navigateur vous ramène au formulaire avec ce que vous aviez saisi.',
};

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'field.name': 'Business name',
  'field.neq': 'Quebec enterprise number (NEQ)',
  'field.category': 'Category',
  'field.description': 'Description',
  'field.address': 'Address',
  'field.city': 'Town',
  'field.postalCode': 'Postal code',
  'field.phone': 'Phone',
  'field.email': 'E-mail',
  'field.website': 'Website',
  'field.links': 'Social media pages',
  'field.hours': 'Opening hours',
  'field.consent': 'Consent',
  'field.locale': 'Language',
  'field.company': 'Field to leave empty',
  'field.body': 'Form',
  'field.ids': 'Listings',
  'field.decision': 'Decision',
  'field.reason': 'Reason',
  'field.id': 'Identifier',
  'field.token': 'Token',
  'field.q': 'Search',
  'field.outcome': 'Checks outcome',
  'field.region': 'Region',
  'field.limit': 'Page size',
  'field.cursor': 'Next page',
  'field.Idempotency-Key': 'Idempotency-Key header',

  'register.name.required': 'Enter the business name.',
  'register.name.tooLong': 'The business name must be at most {max} characters.',
  'register.neq.required': 'Enter the Quebec enterprise number (NEQ).',
  'register.neq.format': 'The NEQ has 10 digits (for example 1161234567).',
  'register.category.invalid': 'Choose a category from the list.',
  'register.description.tooLong': 'The description must be at most {max} characters.',
  'register.address.required': 'Enter the business’s address.',
  'register.address.tooLong': 'The address must be at most {max} characters.',
  'register.city.required': 'Enter the town.',
  'register.city.tooLong': 'The town name must be at most {max} characters.',
  'register.postalCode.required': 'Enter the postal code.',
  'register.postalCode.format': 'The postal code must look like A1A 1A1 (for example H2X 1Y4).',
  'register.phone.required': 'Enter a phone number.',
  'register.phone.format': 'The phone number must have 10 digits, area code included (for example 514 555-0123).',
  'register.email.required': 'Enter an e-mail address where we can reach you.',
  'register.email.format': 'The e-mail address must look like name@domain.ca.',
  'register.website.format': 'The website must be an http:// or https:// address (for example https://example.ca).',
  'register.links.invalid': 'Give the social media pages as a list of addresses.',
  'register.links.tooMany': 'Give at most {max} social media pages.',
  'register.links.format': 'Each page must be an http:// or https:// address (for example https://www.facebook.com/mybusiness).',
  'register.links.repeatsWebsite': 'This address is already your website.',
  'register.hours.invalid': 'The opening hours are not in the expected format.',
  'register.hours.time': 'Give times on the 24-hour clock, for example 09:00 or 17:30.',
  'register.hours.missing': 'Give this time too, or leave the day blank if you are closed.',
  'register.hours.order': 'The closing time must come after the opening time.',
  'register.hours.overlap': 'Time ranges on the same day must not overlap.',
  'register.hours.tooMany': 'Give at most {max} time ranges per day.',
  'register.consent.required': 'Tick the box to agree that your listing is published once approved.',
  'register.locale.invalid': 'The language must be fr or en.',
  'register.company.filled': 'This field must stay empty.',

  'moderation.ids.required': 'Choose at least one listing.',
  'moderation.ids.tooMany': 'Choose at most {max} listings at a time.',
  'moderation.id.format': 'This identifier is not valid.',
  'moderation.decision.invalid': 'The decision must be approve, reject or request_changes.',
  'moderation.reason.required': 'Give a reason: the merchant will receive it.',
  'moderation.reason.tooLong': 'The reason must be at most {max} characters.',
  'moderation.outcome.invalid': 'The outcome must be pass, warn or fail.',
  'moderation.category.invalid': 'This category does not exist.',
  'moderation.region.invalid': 'The region is a code from 01 to 17.',
  'moderation.limit.invalid': 'The page size goes from 1 to {max}.',
  'moderation.cursor.invalid': 'This next-page link is not valid.',
  'moderation.q.tooLong': 'The search must be at most {max} characters.',
  'moderation.count.mismatch': 'The confirmed count must be the number of listings sent ({count}).',

  'input.required': 'This field is required.',
  'input.text': 'This field must be text.',
  'input.tooLong': 'This field must be at most {max} characters.',
  'input.unknownField': 'This field is not expected.',
  'input.notObject': 'The request body must be a JSON object.',
  'input.invalid': 'This value is not valid.',
  'input.characters': 'This field contains characters that are not allowed.',

  'error.invalid_input': 'Some fields need correcting.',
  'error.invalid_json': 'The request body is not valid JSON.',
  'error.unsupported_media_type': 'Send application/json or a form (application/x-www-form-urlencoded).',
  'error.unsupported_media_type_json': 'Send the body as application/json.',
  'error.payload_too_large': 'The request is larger than {max} KB.',
  'error.bot': 'This registration was refused.',
  'error.rate_limited': 'Too many requests in a short time. Try again in a minute.',
  'error.unauthenticated': 'Sign in to continue.',
  'error.token_expired': 'Your session has expired: sign in again.',
  'error.token_invalid': 'The access token is not valid: sign in again.',
  'error.forbidden': 'Only moderators may do this.',
  'error.not_found': 'Not found.',
  'error.registration_not_found': 'No registration matches this link.',
  'error.merchant_not_found': 'One of the listings does not exist: nothing was changed.',
  'error.duplicate': 'This request conflicts with another one.',
  'error.ineligible': 'One of the listings cannot be published (Quebec businesses with a valid NEQ only): nothing was changed.',
  'error.ineligible_named': 'The listing "{name}" cannot be published (Quebec businesses with a valid NEQ only): nothing was changed.',
  'error.changed': 'Some listings changed since you confirmed: {stillPassing} of {expected} still pass every check. Nothing was approved; check the new count and confirm again.',
  'error.method_not_allowed': 'Method not allowed.',
  'error.internal': 'Something unexpected went wrong. Try again later.',

  'checks.duplicateForApplicant': 'A similar listing already exists: a moderator will check before publishing yours.',

  'form.title': 'Registration to correct',
  'form.titleRefused': 'Registration refused',
  'form.fieldsHeading': 'To correct',
  'form.back': 'Back to the registration form',
  'form.backHint': 'Your browser’s Back button takes you to the form with what you entered.',
};

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** t('en', 'register.name.tooLong', { max: 120 }) === 'The business name must be at most 120 characters.' */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[locale]?.[key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The label of a field for error lists ('hours.mon' → the label of hours); the name itself when unknown. */
export function fieldLabel(locale: Locale, field: string): string {
  const key = `field.${field.split('.')[0]}` as MessageKey;
  return key in fr ? t(locale, key) : field;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/**
 * The preferred of French and English in an Accept-Language header, French when neither is named.
 * negotiateLocale('en-CA,en;q=0.9,fr;q=0.8') === 'en'; negotiateLocale('de-DE') === 'fr'
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return 'fr';
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranges.find((range) => isLocale(range.language));
  return match ? (match.language as Locale) : 'fr';
}

export function localeFromRequest(req: Request): Locale {
  return negotiateLocale(req.headers.get('accept-language'));
}

/** A stored pre-check ({check, outcome, message_fr, message_en}) as the API shows it: one message, in `locale`. */
export type CheckResult = { check: string; outcome: 'pass' | 'warn' | 'fail'; message: string };

/**
 * localiseChecks(row.checks, 'en') → the checks with their English message. For the applicant
 * (`forApplicant`), a possible duplicate does not name the other listing: its name and town may
 * belong to a registration that is not public, and anyone could probe for it with a phone number.
 */
export function localiseChecks(checks: unknown, locale: Locale, { forApplicant = false } = {}): CheckResult[] {
  if (!Array.isArray(checks)) return [];
  return checks.map((c: Record<string, string>) => ({
    check: c.check,
    outcome: c.outcome as CheckResult['outcome'],
    message:
      forApplicant && c.check === 'duplicate' && c.outcome !== 'pass'
        ? t(locale, 'checks.duplicateForApplicant')
        : ((locale === 'en' ? c.message_en : c.message_fr) ?? c.message_fr ?? ''),
  }));
}
