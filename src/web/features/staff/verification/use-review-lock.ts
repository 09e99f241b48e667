import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { reportIfSessionExpired } from '../../../app/session-expiry.ts';
import type { ReviewLock } from './verification-types.ts';

// Without an answer (network down) the page tries again after this long.
const RETRY_SECONDS = 30;

const lockUrl = (requestId: string) => `/api/v1/staff/requests/${requestId}/review-lock`;

/**
 * The review lock of the request on screen: taken when the page opens it, refreshed every
 * `refreshAfterSeconds` while it stays open, released when the agent leaves (another screen, the
 * next request, the tab closed). While another agent holds it, the same call says who, and takes
 * it as soon as they leave (their lock gone or stale): `onTaken` then lets the page read the
 * request again. The lock only warns; the decision's version is what refuses a stale verdict.
 */
export function useReviewLock(requestId: string, isWanted: boolean, onTaken: () => void): ReviewLock | null {
  const [lock, setLock] = useState<ReviewLock | null>(null);
  const onTakenRef = useRef(onTaken);
  useEffect(() => {
    onTakenRef.current = onTaken;
  }, [onTaken]);

  useEffect(() => {
    if (!isWanted) return;
    let isOpen = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasHeld = true;
    const take = async () => {
      clearTimeout(timer);
      try {
        const answer = await api<ReviewLock>(lockUrl(requestId), { method: 'POST' });
        if (!isOpen) return;
        if (answer.isHeldByYou && !wasHeld) onTakenRef.current();
        wasHeld = answer.isHeldByYou;
        setLock(answer);
        timer = setTimeout(take, answer.refreshAfterSeconds * 1000);
      } catch (error) {
        reportIfSessionExpired(error);
        if (isOpen) timer = setTimeout(take, RETRY_SECONDS * 1000);
      }
    };
    // A tab closed or left for another site: the browser still sends this (keepalive).
    const releaseOnLeaving = () => {
      void fetch(lockUrl(requestId), { method: 'DELETE', keepalive: true, credentials: 'same-origin' }).catch(
        () => undefined,
      );
    };
    // Back to the page from the browser's cache: open it again.
    const retakeOnReturn = (event: PageTransitionEvent) => {
      if (event.persisted) void take();
    };
    void take();
    window.addEventListener('pagehide', releaseOnLeaving);
    window.addEventListener('pageshow', retakeOnReturn);
    return () => {
      isOpen = false;
      clearTimeout(timer);
      window.removeEventListener('pagehide', releaseOnLeaving);
      window.removeEventListener('pageshow', retakeOnReturn);
      void api(lockUrl(requestId), { method: 'DELETE' }).catch(() => undefined);
      setLock(null);
    };
  }, [requestId, isWanted]);

  return lock;
}
