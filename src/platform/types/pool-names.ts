/** Factory names of shared processor pools (platform.md §6.3): DefaultPool, SharedPool01 … SharedPool63. */
export const defaultPoolName = (id: number): string => (id === 0 ? 'DefaultPool' : `SharedPool${String(id).padStart(2, '0')}`);
