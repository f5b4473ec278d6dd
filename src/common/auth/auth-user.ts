/** Who is calling, as the access token says. Ownership is always checked against the database. */
export interface AuthUser {
  id: string;
  roles: string[];
}

export interface AccessTokenClaims {
  sub: string;
  roles: string[];
}
