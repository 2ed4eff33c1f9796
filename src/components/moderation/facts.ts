// A list of facts (label, value) for a moderator to read: the outbox's notices, the transfer
// requests. Values are text only: they quote what merchants and requesters typed.
export function factList(m: Record<string, string>): { list: HTMLDListElement; add: (label: string, value: string) => void } {
  const list = document.createElement('dl');
  const add = (label: string, value: string) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = m[label] ?? label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    div.append(dt, dd);
    list.append(div);
  };
  return { list, add };
}
