// The notices merchants receive after a decision (public.outbox: a kind and its params).
export const notices = {
  'notice.approve.subject': 'Votre fiche « {name} » est publiée',
  'notice.reject.subject': 'Votre fiche « {name} » n’a pas été acceptée',
  'notice.request_changes.subject': 'Votre fiche « {name} » : modifications demandées',
  'notice.received.subject': 'Inscription reçue : « {name} »',
  'notice.received.body': 'Nous avons bien reçu l’inscription de « {name} » sur Vitrine. Une personne de l’équipe la vérifiera; vous recevrez un courriel à chaque décision. Gardez ce courriel : le lien ci-dessous est privé, c’est lui qui permet de suivre l’inscription.',
  'notice.status_link.subject': 'Votre lien de suivi pour « {name} »',
  'notice.status_link.body': 'Vous avez demandé le lien de suivi de l’inscription de « {name} ». Si ce n’est pas vous, ignorez ce courriel : rien n’a changé.',
  'notice.greeting': 'Bonjour,',
  'notice.approve.body': 'Votre fiche est maintenant sur Vitrine : {listingUrl}',
  'notice.reject.body': 'Après examen, votre fiche n’a pas pu être acceptée.',
  'notice.request_changes.body': 'Votre fiche doit être modifiée avant d’être publiée : corrigez-la et renvoyez-la depuis votre page de suivi.',
  'notice.withdrawn.body': 'Après examen, votre fiche a été retirée de Vitrine.',
  'notice.reason': 'Raison : {reason}',
  'notice.follow': 'Suivre votre inscription : {statusUrl}',
  'notice.signature': 'L’équipe Vitrine',
} as const;
