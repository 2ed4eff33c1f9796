// The notices merchants receive after a decision (public.outbox: a kind and its params).
export const notices = {
  'notice.approve.subject': 'Votre fiche « {name} » est publiée',
  'notice.reject.subject': 'Votre fiche « {name} » n’a pas été acceptée',
  'notice.request_changes.subject': 'Votre fiche « {name} » : modifications demandées',
  'notice.greeting': 'Bonjour,',
  'notice.approve.body': 'Votre fiche est maintenant sur Vitrine : {listingUrl}',
  'notice.reject.body': 'Après examen, votre fiche n’a pas pu être acceptée.',
  'notice.request_changes.body': 'Votre fiche doit être modifiée avant d’être publiée : corrigez-la et renvoyez-la depuis votre page de suivi.',
  'notice.withdrawn.body': 'Après examen, votre fiche a été retirée de Vitrine.',
  'notice.reason': 'Raison : {reason}',
  'notice.follow': 'Suivre votre inscription : {statusUrl}',
  'notice.signature': 'L’équipe Vitrine',
} as const;
