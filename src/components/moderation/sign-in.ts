// The sign-in part of the moderation pages (./SignIn.astro): shows the form
// until a moderator is signed in, then who is signed in and a sign-out button; turns the API's 401
// and 403 into a sentence and the form again. The page's own content is shown only when signed in.
import { ApiError, moderationApi, type CallOptions } from '../../lib/moderation/api.ts';
import { authFor, DevAuth, isExpired, looksLikeToken, readClaims, SupabaseAuth, type Auth } from '../../lib/moderation/session.ts';
import { fill, type Messages } from '../../lib/moderation/text.ts';

export class ModeratorGate {
  readonly auth: Auth;
  readonly #root: HTMLElement;
  readonly #content: HTMLElement;
  readonly #m: Messages;
  readonly #onSignedIn: () => void;

  /**
   * root: the element holding [data-gate]; content: what only a signed-in moderator sees;
   * onSignedIn: called each time a moderator signs in (load the page's data then).
   */
  constructor(root: HTMLElement, content: HTMLElement, messages: Messages, onSignedIn: () => void) {
    this.#root = root;
    this.#content = content;
    this.#m = messages;
    this.#onSignedIn = onSignedIn;
    const gate = this.#$('[data-gate]');
    this.auth = authFor({ supabaseUrl: gate.dataset.supabaseUrl, supabaseAnonKey: gate.dataset.supabaseAnonKey });
  }

  #$<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.#root.querySelector<T>(selector)!;
  }

  async start(): Promise<void> {
    if (this.auth instanceof DevAuth) this.auth.adoptFragment();
    this.#wireForms();
    this.#$<HTMLButtonElement>('[data-sign-out]').addEventListener('click', () => void this.signOut(''));
    if (await this.token()) this.#showSignedIn();
    else this.#showSignIn('');
  }

  /** The token to send, or null (and the sign-in form, saying why) when there is none or it expired. */
  async token(): Promise<string | null> {
    const token = await this.auth.token();
    if (token && isExpired(token)) {
      await this.signOut(this.#m['signin.expired']!);
      return null;
    }
    return token;
  }

  /**
   * Calls the moderation API with the current token. A refusal (401, 403) of a token that has since
   * been replaced or signed out comes back as an AbortError, to be ignored: it must not undo the new
   * sign-in (a late 403 for the old token once overwrote the new sign-in's message).
   */
  async call<T>(path: string, init: Omit<CallOptions, 'token'>): Promise<T> {
    const token = await this.token();
    if (!token) throw new ApiError(401, 'unauthenticated', this.#m['signin.expired']!);
    try {
      return await moderationApi<T>(path, { token, ...init });
    } catch (error) {
      const refusal = error instanceof ApiError && (error.status === 401 || error.status === 403);
      if (refusal && (await this.auth.token()) !== token) throw new DOMException('superseded', 'AbortError');
      throw error;
    }
  }

  /**
   * Handles what signing in again can fix: 401 (expired, tampered or missing token) shows the form
   * with the API's sentence; 403 says the account is no moderator's. True when it handled the error.
   */
  refused(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false;
    if (error.status === 401) {
      void this.signOut(error.message || this.#m['signin.expired']!);
      return true;
    }
    if (error.status === 403) {
      void this.signOut(this.#m['signin.forbidden']!);
      return true;
    }
    return false;
  }

  async signOut(reason: string): Promise<void> {
    await this.auth.signOut();
    this.#showSignIn(reason);
  }

  #wireForms() {
    const dev = this.#root.querySelector<HTMLFormElement>('[data-dev-signin]');
    const magic = this.#root.querySelector<HTMLFormElement>('[data-magic-link]');
    if (this.auth instanceof DevAuth) {
      magic?.remove();
      dev!.hidden = false;
      const auth = this.auth;
      dev!.addEventListener('submit', (event) => {
        event.preventDefault();
        const field = dev!.querySelector<HTMLInputElement>('[name="token"]')!;
        if (!looksLikeToken(field.value)) {
          this.#fieldError(field, this.#m['signin.dev.malformed']!);
          return;
        }
        this.#fieldError(field, '');
        auth.use(field.value);
        field.value = '';
        void this.#signedInNow();
      });
    } else if (this.auth instanceof SupabaseAuth) {
      dev?.remove();
      magic!.hidden = false;
      const auth = this.auth;
      magic!.addEventListener('submit', async (event) => {
        event.preventDefault();
        const field = magic!.querySelector<HTMLInputElement>('[name="email"]')!;
        const status = this.#$('[data-signin-status]');
        const email = field.value.trim();
        if (!field.checkValidity() || !email) {
          this.#fieldError(field, field.validationMessage);
          return;
        }
        this.#fieldError(field, '');
        status.textContent = this.#m['signin.sending']!;
        // The link brings the moderator back to this very page, where supabase-js reads the session.
        const failure = await auth.sendLink(email, `${location.origin}${location.pathname}`).catch((e: Error) => e.message);
        status.textContent = failure ? fill(this.#m['signin.linkFailed']!, { message: failure }) : fill(this.#m['signin.linkSent']!, { email });
      });
    }
  }

  async #signedInNow() {
    if (await this.token()) this.#showSignedIn();
  }

  #fieldError(field: HTMLInputElement, message: string) {
    const error = this.#$(`#${field.id}-error`);
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    } else field.removeAttribute('aria-invalid');
  }

  #showSignedIn() {
    void this.auth.token().then((token) => {
      const email = token ? readClaims(token)?.email : undefined;
      this.#$('[data-who]').textContent = email ? fill(this.#m['signin.signedInAs']!, { email }) : '';
    });
    this.#$('[data-signin]').hidden = true;
    this.#$('[data-signed-in]').hidden = false;
    this.#content.hidden = false;
    this.#onSignedIn();
  }

  #showSignIn(reason: string) {
    this.#content.hidden = true;
    this.#$('[data-signed-in]').hidden = true;
    const signIn = this.#$('[data-signin]');
    signIn.hidden = false;
    // An alert region that stays in the page: what is written into it is announced.
    this.#$('[data-signin-error]').textContent = reason;
    // Someone whose session just ended is told so where their focus goes.
    if (reason) this.#$('#mod-signin-heading').focus();
  }
}
