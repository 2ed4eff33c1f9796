// On a merchant page: the Directions link opens the phone's map application, and the small map and
// "nearby" list load (Leaflet and the map's data) only once scrolled into view.
// The user agent is read here, in the browser, to choose a link; it is never sent or stored.
const ua = navigator.userAgent;
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-directions]')) {
  const address = encodeURIComponent(link.dataset.directions!);
  if (/Android/i.test(ua)) link.href = `geo:0,0?q=${address}`;
  else if (/iPhone|iPad|iPod|Macintosh.*Mobile/i.test(ua)) link.href = `https://maps.apple.com/?daddr=${address}`;
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    void import('./shop-map.ts').then(({ showShopMap }) => showShopMap(entry.target as HTMLElement));
  }
}, { rootMargin: '200px' });
for (const box of document.querySelectorAll('[data-shop-map]')) observer.observe(box);
