// The token secret test servers are started with.
export const SECRET = 'test-secret-0123456789';
