// French: the default language, and the fallback for every key missing from another dictionary.
// One dictionary, assembled from a file per area, for every string a person reads: pages, the
// moderators' console, the functions' answers and the notices merchants receive.
import { account } from './fr/account.ts';
import { checks } from './fr/checks.ts';
import { errors } from './fr/errors.ts';
import { fields } from './fr/fields.ts';
import { map } from './fr/map.ts';
import { forms } from './fr/forms.ts';
import { moderation } from './fr/moderation.ts';
import { notices } from './fr/notices.ts';
import { site } from './fr/site.ts';

// Object.assign marked pure (a spread would not be): a page's script that imports a formatter from
// ../lib, which imports ./index.ts for intlLocale(), must not carry the dictionary into the browser.
export const fr = /* @__PURE__ */ Object.assign({}, site, map, fields, forms, errors, checks, notices, moderation, account) as typeof site & typeof map &
  typeof fields & typeof forms & typeof errors & typeof checks & typeof notices & typeof moderation & typeof account;

export type MessageKey = keyof typeof fr;
