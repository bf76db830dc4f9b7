// Owns creating a demo world for a story and disposing of it when the story unmounts.
import { useEffect, useState } from 'react';
import { createDemoWorld, type DemoWorld, type DemoWorldOptions } from './demo-world';

export function useDemoWorld(options?: DemoWorldOptions): { world: DemoWorld | null; error: Error | null } {
  const [world, setWorld] = useState<DemoWorld | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let alive = true;
    let made: DemoWorld | null = null;
    createDemoWorld(options).then(
      (w) => {
        made = w;
        if (alive) setWorld(w);
        else w.close();
      },
      (e: unknown) => alive && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      alive = false;
      made?.close();
    };
    // The world is made once per mounted story.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { world, error };
}
