// The notices merchants receive after a decision (public.outbox: a kind and its params).
import type { MessageKey } from '../fr.ts';

export const notices: Partial<Record<MessageKey, string>> = {
  'notice.approve.subject': 'Your listing "{name}" is published',
  'notice.reject.subject': 'Your listing "{name}" was not accepted',
  'notice.request_changes.subject': 'Your listing "{name}": changes requested',
  'notice.received.subject': 'Registration received: "{name}"',
  'notice.received.body': 'We received the registration of "{name}" on Vitrine. A person on the team will review it; you will get an e-mail at each decision. Keep this e-mail: the link below is private, and it is how you follow the registration.',
  'notice.status_link.subject': 'Your status link for "{name}"',
  'notice.status_link.body': 'You asked for the status link of the registration of "{name}". If it was not you, ignore this e-mail: nothing has changed.',
  'notice.greeting': 'Hello,',
  'notice.approve.body': 'Your listing is now on Vitrine: {listingUrl}',
  'notice.reject.body': 'After review, your listing could not be accepted.',
  'notice.request_changes.body': 'Your listing needs changes before it can be published: correct it and send it again from your status page.',
  'notice.withdrawn.body': 'After review, your listing was removed from Vitrine.',
  'notice.reason': 'Reason: {reason}',
  'notice.follow': 'Follow your submission: {statusUrl}',
  'notice.signature': 'The Vitrine team',
};
