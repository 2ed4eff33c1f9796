// English. A key missing here falls back to French (see t() in ./index.ts).
import type { MessageKey } from './fr.ts';
import { account } from './en/account.ts';
import { checks } from './en/checks.ts';
import { errors } from './en/errors.ts';
import { fields } from './en/fields.ts';
import { map } from './en/map.ts';
import { forms } from './en/forms.ts';
import { moderation } from './en/moderation.ts';
import { notices } from './en/notices.ts';
import { site } from './en/site.ts';

export const en: Partial<Record<MessageKey, string>> = /* @__PURE__ */ Object.assign({}, site, map, fields, forms, errors, checks, notices, moderation, account);
