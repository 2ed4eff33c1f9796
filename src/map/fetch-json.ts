// A JSON file of the site, or an error naming it and its status.
export const fetchJson = <T>(url: string | URL): Promise<T> =>
  fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`${url}: ${r.status}`))));
