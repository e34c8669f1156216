-- An account someone else created (the admin API) has not signed in yet: its
-- first session brings the product's first-sign-in notice, once.

ALTER TABLE accounts ADD COLUMN first_sign_in boolean NOT NULL DEFAULT false;
