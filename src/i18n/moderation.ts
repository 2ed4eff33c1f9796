// The moderators' console and outbox pages: their words in French (the default) and English, and the
// reason templates a moderator picks when refusing or asking for changes. The pages hand these to
// their scripts as JSON; names of checks and states come from the site's dictionaries.
import { fill } from '../lib/moderation/text.ts';
import { t, type Locale, type MessageKey } from './index.ts';

const fr = {
  'page.title': 'Console de modération',
  'page.lead': 'Les inscriptions en attente, de la plus ancienne à la plus récente, avec leurs vérifications automatiques.',
  'page.needsJs': 'La console de modération a besoin de JavaScript.',
  'nav.label': 'Modération',
  'nav.console': 'File d’attente',
  'nav.outbox': 'Avis aux commerçants',

  'signin.heading': 'Connexion des modérateurs',
  'signin.email': 'Courriel',
  'signin.emailHint': 'Un lien de connexion vous sera envoyé ; il ouvre la console dans ce navigateur.',
  'signin.sendLink': 'Recevoir un lien de connexion',
  'signin.sending': 'Envoi du lien…',
  'signin.linkSent': 'Un lien de connexion a été envoyé à {email}. Ouvrez-le dans ce navigateur.',
  'signin.linkFailed': 'Le lien de connexion n’a pas pu être envoyé : {message}',
  'signin.dev.intro': 'Développement local : Supabase Auth n’est pas configuré, la console accepte un jeton de développement.',
  'signin.dev.token': 'Jeton d’accès de développement',
  'signin.dev.hint': 'npm start affiche un lien de connexion prêt à ouvrir ; npm run token -- --role moderator --email vous@example.org en fabrique d’autres (dernière ligne).',
  'signin.dev.submit': 'Se connecter',
  'signin.dev.malformed': 'Ce n’est pas un jeton d’accès : il compte trois parties séparées par des points.',
  'signin.expired': 'Votre session a expiré : reconnectez-vous.',
  'signin.signedInAs': 'Connecté : {email}',
  'signin.signOut': 'Se déconnecter',
  'signin.forbidden': 'Ce compte n’est pas un compte de modérateur : la console lui est fermée. Connectez-vous avec un compte de modérateur.',

  'backlog.heading': 'Arriéré',
  'backlog.summary.one': '{count} inscription en attente',
  'backlog.summary.other': '{count} inscriptions en attente',
  'backlog.byOutcome': '{pass} réussissent toutes les vérifications, {warn} à examiner, {fail} échouées.',
  'backlog.oldest': 'La plus ancienne attend depuis {age} (reçue le {date}).',
  'backlog.empty': 'Aucune inscription en attente.',

  'filters.heading': 'Filtres',
  'filters.q': 'Recherche (nom, ville ou NEQ)',
  'filters.outcome': 'Résultat des vérifications',
  'filters.outcome.all': 'Tous',
  'filters.outcome.pass': 'Toutes réussies',
  'filters.outcome.warn': 'À examiner',
  'filters.outcome.fail': 'Au moins une échouée',
  'filters.category': 'Catégorie',
  'filters.category.all': 'Toutes les catégories',
  'filters.region': 'Région',
  'filters.region.all': 'Toutes les régions',
  'filters.apply': 'Filtrer',

  'queue.heading': 'File d’attente',
  'queue.shortcuts': 'Clavier : j ou flèche bas, inscription suivante ; k ou flèche haut, précédente ; a, approuver ; r, refuser ; c, demander des modifications ; /, rechercher.',
  'queue.loading': 'Chargement de la file…',
  'queue.loaded.one': '{count} inscription sur cette page.',
  'queue.loaded.other': '{count} inscriptions sur cette page.',
  'queue.empty': 'Aucune inscription en attente ne correspond à ces filtres.',
  'queue.page': 'Page {page}',
  'queue.previous': 'Page précédente',
  'queue.next': 'Page suivante',
  'queue.received': 'reçue le {date}',
  'queue.outcome': 'Vérifications : {outcome}',

  'detail.none': 'Choisissez une inscription dans la file.',
  'detail.loading': 'Chargement des doublons possibles et de l’historique…',
  'detail.failed': 'Les doublons possibles et l’historique n’ont pas pu être chargés.',
  'detail.checks': 'Vérifications automatiques',
  'detail.compare': 'Comparaison avec les doublons possibles',
  'detail.compare.none': 'Aucun doublon possible parmi les fiches publiées ou en attente.',
  'detail.compare.some.one': '{count} doublon possible, côte à côte avec l’inscription ; les valeurs identiques sont marquées.',
  'detail.compare.some.other': '{count} doublons possibles, côte à côte avec l’inscription ; les valeurs identiques sont marquées.',
  'detail.compare.field': 'Champ',
  'detail.compare.this': 'Cette inscription',
  'detail.compare.duplicate': 'Doublon possible {n}',
  'detail.compare.same': '(identique)',
  'detail.compare.matches': 'Correspond par : {matches}',
  'detail.history': 'Historique des décisions',
  'detail.history.none': 'Aucune décision sur cette fiche pour l’instant.',
  'detail.history.item': '{date} — {decision} par {moderator}',
  'detail.history.reason': 'Raison : {reason}',

  'match.neq': 'NEQ',
  'match.phone': 'téléphone',
  'match.website': 'site Web',
  'match.name': 'nom et ville',

  'field.name': 'Nom',
  'field.status': 'État',
  'field.neq': 'NEQ',
  'field.category': 'Catégorie',
  'field.address': 'Adresse',
  'field.city': 'Ville',
  'field.region': 'Région',
  'field.postalCode': 'Code postal',
  'field.phone': 'Téléphone',
  'field.website': 'Site Web',
  'field.email': 'Courriel',
  'field.description': 'Description',
  'field.locale': 'Langue du commerçant',
  'field.submittedAt': 'Reçue le',

  'decision.approve': 'approbation',
  'decision.reject': 'refus',
  'decision.request_changes': 'modifications demandées',

  'actions.label': 'Décision',
  'actions.approve': 'Approuver',
  'actions.reject': 'Refuser…',
  'actions.changes': 'Demander des modifications…',
  'actions.working': 'Enregistrement de la décision…',

  'reason.reject.heading': 'Refuser « {name} »',
  'reason.changes.heading': 'Demander des modifications à « {name} »',
  'reason.templates': 'Raisons types',
  'reason.text': 'Raison envoyée au commerçant',
  'reason.textHint': 'Le commerçant la reçoit dans son avis, en {language}. Choisissez une raison type, puis complétez-la au besoin.',
  'reason.required': 'Donnez une raison : le commerçant la recevra.',
  'reason.submit.reject': 'Refuser l’inscription',
  'reason.submit.changes': 'Demander les modifications',
  'reason.cancel': 'Annuler',

  'result.approve': '« {name} » est approuvée ; le site sera reconstruit sous peu.',
  'result.reject': '« {name} » est refusée ; le commerçant sera avisé.',
  'result.request_changes': 'Modifications demandées à « {name} » ; le commerçant sera avisé.',
  'result.unchanged': '« {name} » était déjà dans cet état : rien n’a changé.',

  'bulk.button': 'Approuver toutes les inscriptions qui réussissent toutes les vérifications…',
  'bulk.counting': 'Décompte des inscriptions qui réussissent toutes les vérifications…',
  'bulk.none': 'Aucune inscription en attente ne réussit toutes les vérifications (avec les filtres actuels).',
  'bulk.heading': 'Approuver en bloc',
  'bulk.confirm.one': 'Approuver {count} inscription qui réussit toutes les vérifications ?',
  'bulk.confirm.other': 'Approuver les {count} inscriptions qui réussissent toutes les vérifications ?',
  'bulk.filtered': 'Seules les inscriptions qui correspondent aux filtres actuels sont comptées.',
  'bulk.more': 'Ce sont les {count} plus anciennes sur {total} ; recommencez ensuite pour les suivantes.',
  'bulk.safe': 'Exactement celles-ci seront approuvées. Si l’une d’elles change d’ici là, rien ne sera approuvé.',
  'bulk.confirmButton': 'Approuver ({count})',
  'bulk.cancel': 'Annuler',
  'bulk.done.one': '{count} inscription approuvée ; le site sera reconstruit sous peu.',
  'bulk.done.other': '{count} inscriptions approuvées ; le site sera reconstruit sous peu.',

  'error.network': 'Le serveur ne répond pas. Vérifiez la connexion, puis réessayez.',
  'error.generic': 'L’action a échoué : {message}',

  'outbox.title': 'Avis aux commerçants',
  'outbox.lead': 'Les 100 derniers avis de décision, envoyés ou en file d’envoi, du plus récent au plus ancien.',
  'outbox.loading': 'Chargement des avis…',
  'outbox.loaded.one': '{count} avis.',
  'outbox.loaded.other': '{count} avis.',
  'outbox.empty': 'Aucun avis pour l’instant.',
  'outbox.refresh': 'Actualiser',
  'outbox.recipient': 'Destinataire',
  'outbox.kind': 'Décision',
  'outbox.language': 'Langue',
  'outbox.created': 'Mis en file le',
  'outbox.state': 'Envoi',
  'outbox.sent': 'envoyé le {date}',
  'outbox.queued': 'en file d’envoi',
  'outbox.body': 'Texte de l’avis',

  'language.fr': 'français',
  'language.en': 'anglais',
  'age.days.one': '{count} jour',
  'age.days.other': '{count} jours',
  'age.hours.one': '{count} heure',
  'age.hours.other': '{count} heures',
  'age.minutes.one': '{count} minute',
  'age.minutes.other': '{count} minutes',
};

export type ModerationKey = keyof typeof fr;

const en: Record<ModerationKey, string> = {
  'page.title': 'Moderation console',
  'page.lead': 'Pending registrations, oldest first, with their automatic checks.',
  'page.needsJs': 'The moderation console needs JavaScript.',
  'nav.label': 'Moderation',
  'nav.console': 'Queue',
  'nav.outbox': 'Notices to merchants',

  'signin.heading': 'Moderator sign-in',
  'signin.email': 'Email',
  'signin.emailHint': 'We will send you a sign-in link; it opens the console in this browser.',
  'signin.sendLink': 'Send me a sign-in link',
  'signin.sending': 'Sending the link…',
  'signin.linkSent': 'A sign-in link was sent to {email}. Open it in this browser.',
  'signin.linkFailed': 'The sign-in link could not be sent: {message}',
  'signin.dev.intro': 'Local development: Supabase Auth is not configured, so the console takes a development token.',
  'signin.dev.token': 'Development access token',
  'signin.dev.hint': 'npm start prints a ready sign-in link; npm run token -- --role moderator --email you@example.org makes others (last line).',
  'signin.dev.submit': 'Sign in',
  'signin.dev.malformed': 'This is not an access token: it has three parts separated by dots.',
  'signin.expired': 'Your session has expired: sign in again.',
  'signin.signedInAs': 'Signed in: {email}',
  'signin.signOut': 'Sign out',
  'signin.forbidden': 'This account is not a moderator account, so the console is closed to it. Sign in with a moderator account.',

  'backlog.heading': 'Backlog',
  'backlog.summary.one': '{count} registration waiting',
  'backlog.summary.other': '{count} registrations waiting',
  'backlog.byOutcome': '{pass} pass every check, {warn} to review, {fail} failed.',
  'backlog.oldest': 'The oldest has waited {age} (received {date}).',
  'backlog.empty': 'No registration is waiting.',

  'filters.heading': 'Filters',
  'filters.q': 'Search (name, town or NEQ)',
  'filters.outcome': 'Checks outcome',
  'filters.outcome.all': 'All',
  'filters.outcome.pass': 'All passed',
  'filters.outcome.warn': 'To review',
  'filters.outcome.fail': 'At least one failed',
  'filters.category': 'Category',
  'filters.category.all': 'All categories',
  'filters.region': 'Region',
  'filters.region.all': 'All regions',
  'filters.apply': 'Filter',

  'queue.heading': 'Queue',
  'queue.shortcuts': 'Keyboard: j or down arrow, next registration; k or up arrow, previous; a, approve; r, reject; c, request changes; /, search.',
  'queue.loading': 'Loading the queue…',
  'queue.loaded.one': '{count} registration on this page.',
  'queue.loaded.other': '{count} registrations on this page.',
  'queue.empty': 'No pending registration matches these filters.',
  'queue.page': 'Page {page}',
  'queue.previous': 'Previous page',
  'queue.next': 'Next page',
  'queue.received': 'received {date}',
  'queue.outcome': 'Checks: {outcome}',

  'detail.none': 'Choose a registration in the queue.',
  'detail.loading': 'Loading possible duplicates and history…',
  'detail.failed': 'Possible duplicates and history could not be loaded.',
  'detail.checks': 'Automatic checks',
  'detail.compare': 'Comparison with possible duplicates',
  'detail.compare.none': 'No possible duplicate among published or pending listings.',
  'detail.compare.some.one': '{count} possible duplicate, side by side with the registration; identical values are marked.',
  'detail.compare.some.other': '{count} possible duplicates, side by side with the registration; identical values are marked.',
  'detail.compare.field': 'Field',
  'detail.compare.this': 'This registration',
  'detail.compare.duplicate': 'Possible duplicate {n}',
  'detail.compare.same': '(identical)',
  'detail.compare.matches': 'Matches by: {matches}',
  'detail.history': 'Decision history',
  'detail.history.none': 'No decision on this listing yet.',
  'detail.history.item': '{date} — {decision} by {moderator}',
  'detail.history.reason': 'Reason: {reason}',

  'match.neq': 'NEQ',
  'match.phone': 'phone',
  'match.website': 'website',
  'match.name': 'name and town',

  'field.name': 'Name',
  'field.status': 'Status',
  'field.neq': 'NEQ',
  'field.category': 'Category',
  'field.address': 'Address',
  'field.city': 'Town',
  'field.region': 'Region',
  'field.postalCode': 'Postal code',
  'field.phone': 'Phone',
  'field.website': 'Website',
  'field.email': 'Email',
  'field.description': 'Description',
  'field.locale': 'Merchant’s language',
  'field.submittedAt': 'Received',

  'decision.approve': 'approval',
  'decision.reject': 'refusal',
  'decision.request_changes': 'changes requested',

  'actions.label': 'Decision',
  'actions.approve': 'Approve',
  'actions.reject': 'Reject…',
  'actions.changes': 'Request changes…',
  'actions.working': 'Saving the decision…',

  'reason.reject.heading': 'Reject "{name}"',
  'reason.changes.heading': 'Request changes to "{name}"',
  'reason.templates': 'Standard reasons',
  'reason.text': 'Reason sent to the merchant',
  'reason.textHint': 'The merchant receives it in their notice, in {language}. Pick a standard reason, then add to it if needed.',
  'reason.required': 'Give a reason: the merchant will receive it.',
  'reason.submit.reject': 'Reject the registration',
  'reason.submit.changes': 'Request the changes',
  'reason.cancel': 'Cancel',

  'result.approve': '"{name}" is approved; the site will be rebuilt shortly.',
  'result.reject': '"{name}" is rejected; the merchant will be notified.',
  'result.request_changes': 'Changes requested from "{name}"; the merchant will be notified.',
  'result.unchanged': '"{name}" was already in that state: nothing changed.',

  'bulk.button': 'Approve every registration that passes all checks…',
  'bulk.counting': 'Counting the registrations that pass all checks…',
  'bulk.none': 'No pending registration passes all checks (with the current filters).',
  'bulk.heading': 'Bulk approval',
  'bulk.confirm.one': 'Approve {count} registration that passes all checks?',
  'bulk.confirm.other': 'Approve the {count} registrations that pass all checks?',
  'bulk.filtered': 'Only registrations matching the current filters are counted.',
  'bulk.more': 'These are the {count} oldest of {total}; run it again afterwards for the rest.',
  'bulk.safe': 'Exactly these will be approved. If any of them changes in the meantime, nothing is approved.',
  'bulk.confirmButton': 'Approve ({count})',
  'bulk.cancel': 'Cancel',
  'bulk.done.one': '{count} registration approved; the site will be rebuilt shortly.',
  'bulk.done.other': '{count} registrations approved; the site will be rebuilt shortly.',

  'error.network': 'The server does not answer. Check the connection, then try again.',
  'error.generic': 'The action failed: {message}',

  'outbox.title': 'Notices to merchants',
  'outbox.lead': 'The latest 100 decision notices, sent or waiting to be sent, newest first.',
  'outbox.loading': 'Loading the notices…',
  'outbox.loaded.one': '{count} notice.',
  'outbox.loaded.other': '{count} notices.',
  'outbox.empty': 'No notice yet.',
  'outbox.refresh': 'Refresh',
  'outbox.recipient': 'Recipient',
  'outbox.kind': 'Decision',
  'outbox.language': 'Language',
  'outbox.created': 'Queued',
  'outbox.state': 'Sending',
  'outbox.sent': 'sent {date}',
  'outbox.queued': 'waiting to be sent',
  'outbox.body': 'Notice text',

  'language.fr': 'French',
  'language.en': 'English',
  'age.days.one': '{count} day',
  'age.days.other': '{count} days',
  'age.hours.one': '{count} hour',
  'age.hours.other': '{count} hours',
  'age.minutes.one': '{count} minute',
  'age.minutes.other': '{count} minutes',
};

const dictionaries: Record<Locale, Record<ModerationKey, string>> = { fr, en };

/** A console string with {name} placeholders filled: tm('en', 'queue.page', { page: 2 }) === 'Page 2'. */
export function tm(locale: Locale, key: ModerationKey, vars: Record<string, string | number> = {}): string {
  return fill(dictionaries[locale][key] ?? fr[key], vars);
}

// Names the console shares with the status page and the rest of the site.
const SHARED_KEYS = [
  'status.check.postal_code', 'status.check.municipality', 'status.check.coordinates', 'status.check.neq',
  'status.check.duplicate', 'status.check.content',
  'status.outcome.pass', 'status.outcome.warn', 'status.outcome.fail',
  'status.state.pending', 'status.state.approved', 'status.state.rejected', 'status.state.changes_requested',
] as const satisfies readonly MessageKey[];

/** Every string a moderation page's script shows, in one language, for its data-messages attribute. */
export function moderationMessages(locale: Locale): Record<string, string> {
  return { ...dictionaries[locale], ...Object.fromEntries(SHARED_KEYS.map((k) => [k, t(locale, k)])) };
}

export type ReasonKind = 'reject' | 'request_changes';
export type ReasonTemplate = { id: string; label: string; text: Record<Locale, string> };

// What a merchant reads in the notice: written in the merchant's language whatever the moderator's.
const TEMPLATES: Record<ReasonKind, Array<{ id: string; text: Record<Locale, string> }>> = {
  reject: [
    { id: 'not-quebec', text: { fr: 'L’entreprise n’est pas établie au Québec.', en: 'The business is not located in Quebec.' } },
    { id: 'duplicate', text: { fr: 'Doublon d’une fiche existante sur Vitrine.', en: 'Duplicate of an existing listing on Vitrine.' } },
    { id: 'unverifiable', text: { fr: 'Renseignements incomplets ou impossibles à vérifier.', en: 'Incomplete or unverifiable information.' } },
    { id: 'inappropriate', text: { fr: 'Contenu inapproprié.', en: 'Inappropriate content.' } },
  ],
  request_changes: [
    { id: 'neq', text: { fr: 'Corrigez le NEQ : il doit être celui de l’entreprise au Registraire des entreprises.', en: 'Correct the NEQ: it must be the business’s number at the Registraire des entreprises.' } },
    { id: 'address', text: { fr: 'Corrigez l’adresse, la ville ou le code postal.', en: 'Correct the address, town or postal code.' } },
    { id: 'description', text: { fr: 'Complétez la description de ce que vous offrez.', en: 'Complete the description of what you offer.' } },
    { id: 'links', text: { fr: 'Retirez les liens et adresses courriel de la description.', en: 'Remove links and e-mail addresses from the description.' } },
  ],
};

/** The reason templates, labelled in the moderator's language, each with its text in both languages. */
export function reasonTemplates(locale: Locale): Record<ReasonKind, ReasonTemplate[]> {
  const label = (text: Record<Locale, string>) => text[locale];
  return {
    reject: TEMPLATES.reject.map((x) => ({ ...x, label: label(x.text) })),
    request_changes: TEMPLATES.request_changes.map((x) => ({ ...x, label: label(x.text) })),
  };
}

/** The console's and outbox's paths; French at the root, English under /en/ like the rest of the site. */
export function moderationPath(locale: Locale, page: 'console' | 'outbox'): string {
  const base = locale === 'en' ? '/en/moderation/' : '/moderation/';
  return page === 'outbox' ? `${base}outbox/` : base;
}
