// The server ends idle sessions after 15 minutes; any operation can find out. Apollo's error link
// reports it here and the signed-in layout sends the person to the sign-in page.
type Listener = () => void;
const listeners = new Set<Listener>();

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportSessionExpired(): void {
  for (const listener of listeners) listener();
}
