/** A progress reporter for long commands: one rewritten line on a terminal, a line every 10% otherwise. */
export function progress(label: string): (done: number, total: number) => void {
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const line = `${label} ${done.toLocaleString('en-CA')} / ${total.toLocaleString('en-CA')} (${percent}%)`;
    if (tty) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (Math.floor(percent / 10) > lastTenth || done >= total) {
      lastTenth = Math.floor(percent / 10);
      console.log(line);
    }
  };
}
