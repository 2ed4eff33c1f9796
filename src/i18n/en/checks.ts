// The automatic pre-checks: their names, outcomes, and one sentence per result code (the {params}
// are the values the database stored with it); and the states of a registration.
import type { MessageKey } from '../fr.ts';

export const checks: Partial<Record<MessageKey, string>> = {
  'state.pending': 'Pending review',
  'state.approved': 'Approved and published',
  'state.rejected': 'Refused',
  'state.changes_requested': 'Changes requested',
  'state.live': 'Your business is already on Vitrine',

  'outcome.pass': 'Passed',
  'outcome.warn': 'To review',
  'outcome.fail': 'Failed',

  'check.postal_code': 'Postal code',
  'check.municipality': 'Municipality',
  'check.coordinates': 'Location',
  'check.neq': 'NEQ',
  'check.duplicate': 'Duplicate',
  'check.content': 'Content',
  'check.postal_code.quebec': 'Postal code {postalCode} is in Quebec.',
  'check.postal_code.outside': 'Postal code {postalCode} is not in Quebec (it must start with G, H or J).',
  'check.municipality.known': '{town} is a Quebec municipality ({region}).',
  'check.municipality.unknown': '"{city}" is not in the list of Quebec municipalities: check the town.',
  'check.coordinates.missing': 'No coordinates: the business cannot be placed on the map.',
  'check.coordinates.quebec': 'The coordinates are in Quebec.',
  'check.coordinates.outside': 'The coordinates ({latitude}, {longitude}) are outside Quebec.',
  'check.neq.valid': 'NEQ {neq} is well formed.',
  'check.neq.malformed': 'NEQ "{neq}" is malformed: 10 digits starting with 11, 22, 33 or 88.',
  'check.duplicate.none': 'No duplicate found.',
  'check.duplicate.neq_published': 'Same NEQ as "{name}" ({city}), already published.',
  'check.duplicate.neq_waiting': 'Same NEQ as "{name}" ({city}), already waiting.',
  'check.duplicate.phone': 'Same phone as "{name}" ({city}): possible duplicate.',
  'check.duplicate.website': 'Same website as "{name}" ({city}): possible duplicate.',
  'check.duplicate.name': 'Near-identical name, same town, as "{name}" ({city}): possible duplicate.',
  'check.duplicate.similar': 'A similar listing already exists: a moderator will check before publishing yours.',
  'check.content.clean': 'Nothing suspicious in the text.',
  'check.content.link': 'The description contains a link or an e-mail address.',
  'check.content.capitals': 'The text is written in capitals.',
  'check.content.profanity': 'The text contains profanity ("{word}").',
  'check.content.spam': 'The text or a link contains a spam word ("{word}").',
  'check.content.shortener': 'A link goes through a URL shortener ({link}): where it leads cannot be seen.',
};
