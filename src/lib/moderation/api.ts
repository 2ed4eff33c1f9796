// Calls to /api/moderation/* with the moderator's token, in the page's language. A refusal becomes
// an ApiError carrying the API's named reason and its message (already in the page's language).

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    /** The API's named reason ('unauthenticated', 'forbidden', 'changed', …), or 'network'. */
    readonly reason: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type CallOptions = { token: string | null; locale: string; method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal };

/** moderationApi('queue?limit=50', { token, locale: 'fr' }) → the JSON answer, or throws ApiError. */
export function moderationApi<T>(path: string, options: CallOptions): Promise<T> {
  return callApi<T>(`/api/moderation/${path}`, options);
}

/** callApi('/api/account', { token, locale: 'fr' }) → the JSON answer, or throws ApiError. */
export async function callApi<T>(url: string, { token, locale, method = 'GET', body, signal }: CallOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      headers: {
        accept: 'application/json',
        'accept-language': locale,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', '');
  }
  const answer = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    throw new ApiError(response.status, typeof answer?.error === 'string' ? answer.error : 'internal', typeof answer?.message === 'string' ? answer.message : '', answer ?? {});
  }
  return answer as T;
}
